"""Aligned tables with a different number of columns or rows.

A dropped column or row loses data; an extra one often comes from a cell whose
text contains an unescaped ``|``, which splits it in two.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Table
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import paired

CODE = "DL204"
NAME = "table-shape-mismatch"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, translation in paired(page, Table):
        shape = (translation.columns, len(translation.rows))
        wanted = (source.columns, len(source.rows))
        if shape != wanted:
            yield Problem(
                translation.line,
                f"table has {shape[0]} columns and {shape[1]} rows, the source's (line "
                f"{source.line}) has {wanted[0]} columns and {wanted[1]} rows",
                end_line=translation.end_line,
                source_line=source.line,
            )
