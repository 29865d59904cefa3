"""A translated page whose source page does not exist.

The page is reported once and not compared. It is usually a page whose English
original was renamed, moved or deleted, so the translation is no longer reachable
from the source tree's navigation; or a translation placed at the wrong path.

Fix it by moving the translation to the source page's new path, or by deleting it.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page

CODE = "DL001"
NAME = "no-source-file"
CATEGORY = "structure"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.source is None:
        expected = f": expected {page.source_path}" if page.source_path else ""
        yield Problem(1, f"no source page for this translation{expected}")
