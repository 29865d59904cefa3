"""A translated page with nothing in it, where its source page has content.

Doc sets keep empty placeholder pages for translations not yet written; the
navigation still links to them, and readers land on a blank page. The page is
reported once and not compared block by block with its source (every section of
the source would otherwise be reported missing). A page of only white space is
empty; an empty translation of an empty source page is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page

CODE = "DL007"
NAME = "empty-translation"
CATEGORY = "structure"
SEVERITY = "error"
VERDICT = True


def _empty(lines: tuple[str, ...]) -> bool:
    return not any(line.strip() for line in lines)


def check(page: Page, options: dict) -> Iterator[Problem]:
    if _empty(page.translation.lines) and not _empty(page.source.lines):
        yield Problem(
            1,
            "the translated page is empty; its source page is not",
            source_line=1,
        )
