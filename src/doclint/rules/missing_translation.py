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
from doclint.trees import LanguageTree, distinct_trees, owned_tree

CODE = "DL802"
NAME = "missing-translation"
CATEGORY = "freshness"
SEVERITY = "info"
NEEDS_SOURCE = False


def collect(page: Page, options: dict) -> LanguageTree | None:
    return owned_tree(page)


def finish(trees: list, options: dict) -> Iterator[tuple[str, Problem]]:
    for tree in distinct_trees(trees):
        for translation, source in tree.missing:
            yield translation, Problem(1, f"no translation of {source}")
