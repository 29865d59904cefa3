"""A source heading with no counterpart in the translation.

The section was not translated, was merged into another one, or was added to the
source after the translation was made. Readers of the translation do not see it,
and links to its anchor go nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import short, unpaired_source

CODE = "DL201"
NAME = "missing-section"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for heading in unpaired_source(page, Heading):
        yield Problem(
            page.alignment.previous_line(heading),
            f"section {'#' * heading.level} {short(heading.inline.text)!r} of the source "
            f"(line {heading.line}) has no counterpart in the translation",
            source_line=heading.line,
        )
