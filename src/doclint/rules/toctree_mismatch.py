"""A translated table of contents out of step with its pages or with the source's.

Doc-builder builds a language's navigation from its ``_toctree.yml``. Reported on that
file: an entry (``local``) naming a page that does not exist in the language folder;
an entry the source's table of contents does not have (a page renamed or removed in
the source); and a translated page that the source's table of contents lists but the
translated one does not, so readers never reach it. Checked when a language folder is
checked as a folder and both tables of contents exist; one that is not valid YAML is
reported instead of compared.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page
from doclint.trees import LanguageTree, distinct_trees, owned_tree

CODE = "DL803"
NAME = "toctree-mismatch"
CATEGORY = "freshness"
SEVERITY = "warning"
NEEDS_SOURCE = False


def collect(page: Page, options: dict) -> LanguageTree | None:
    return owned_tree(page)


def finish(trees: list, options: dict) -> Iterator[tuple[str, Problem]]:
    for tree in distinct_trees(trees):
        if tree.toc is None or tree.source_toc is None:
            continue
        toc, source_locals = tree.toc, tree.source_toc.locals
        broken = next((t for t in (toc, tree.source_toc) if t.error), None)
        if broken is not None:
            yield toc.path, Problem(1, f"cannot be compared: {broken.path} is {broken.error}")
            continue
        for entry in toc.entries:
            if entry.local not in tree.pages and not _is_index(entry.local, tree.pages):
                yield (
                    toc.path,
                    Problem(
                        entry.line, f"lists {entry.local!r}, which is not a page of this language"
                    ),
                )
            elif entry.local not in source_locals:
                yield (
                    toc.path,
                    Problem(
                        entry.line,
                        f"lists {entry.local!r}, which the source's table of contents "
                        f"({tree.source_toc.path}) does not",
                    ),
                )
        listed = toc.locals
        last = max((entry.line for entry in toc.entries), default=1)
        for page in sorted(tree.pages & source_locals - listed):
            yield (
                toc.path,
                Problem(
                    last,
                    f"does not list the translated page {page!r}, which the source's table "
                    "of contents lists",
                ),
            )


def _is_index(local: str, pages: frozenset[str]) -> bool:
    return f"{local.rstrip('/')}/index" in pages
