"""A source page with no translation in a language folder that was checked as a folder.

Reported at the path where the translation is expected, once per page, only when a
language folder (or a folder in it) is checked: a page given by itself, as
pre-commit gives them, says nothing about the pages beside it. ``doclint status``
lists these pages as ``missing``.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page
from doclint.trees import LanguageTree

CODE = "DL802"
NAME = "missing-translation"
CATEGORY = "freshness"
SEVERITY = "info"
NEEDS_SOURCE = False


def collect(page: Page, options: dict) -> LanguageTree | None:
    tree = page.tree
    return tree if isinstance(tree, LanguageTree) and tree.owner == page.translation.path else None


def finish(trees: list, options: dict) -> Iterator[tuple[str, Problem]]:
    seen = set()
    for tree in trees:
        if tree is None or tree.key in seen:
            continue
        seen.add(tree.key)
        for translation, source in tree.missing:
            yield translation, Problem(1, f"no translation of {source}")
