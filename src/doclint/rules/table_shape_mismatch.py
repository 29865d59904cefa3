"""Aligned tables with a different number of columns or rows.

A dropped column or row loses data; an extra one often comes from a cell whose
text contains an unescaped ``|``, which splits it in two.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Table
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import count, paired

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
                f"table has {count(shape[0], 'column')} and {count(shape[1], 'row')}, the "
                f"source's (line {source.line}) has {count(wanted[0], 'column')} and "
                f"{count(wanted[1], 'row')}",
                end_line=translation.end_line,
                source_line=source.line,
            )
