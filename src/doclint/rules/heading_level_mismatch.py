"""Aligned headings of different levels.

``## Usage`` translated as ``### 사용법`` moves the section under the previous one:
the page's table of contents and its outline change, and so does the nesting of
every section below it. Only heading pairs that content, an anchor or the order of
the headings around them confirm are compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._headings import trusted_headings
from doclint.rules._pairs import paired

CODE = "DL203"
NAME = "heading-level-mismatch"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    trusted = trusted_headings(page)
    for source, translation in paired(page, Heading):
        if source.level != translation.level and translation.index in trusted:
            yield Problem(
                translation.line,
                f"heading level {translation.level} ({'#' * translation.level}), the "
                f"source's (line {source.line}) is {source.level} ({'#' * source.level})",
                source_line=source.line,
            )
