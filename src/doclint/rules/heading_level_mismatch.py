"""Aligned headings of different levels.

``## Usage`` translated as ``### 사용법`` moves the section under the previous one:
the page's table of contents and its outline change, and so does the nesting of
every section below it.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import paired

CODE = "DL203"
NAME = "heading-level-mismatch"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, translation in paired(page, Heading):
        if source.level != translation.level:
            yield Problem(
                translation.line,
                f"heading level {translation.level} ({'#' * translation.level}), the "
                f"source's (line {source.line}) is {source.level} ({'#' * source.level})",
                source_line=source.line,
            )
