"""Aligned lists with a different number of items.

Off by default: translators legitimately split or merge list items, so this is a
hint to look, not a defect in itself. Lists are aligned through the blocks they
hold: a translated list is the counterpart of a source list when the first block
of the source list is aligned with a block of it, at the same nesting depth.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Document, ListInfo
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import count

CODE = "DL205"
NAME = "list-shape-mismatch"
CATEGORY = "structure"
SEVERITY = "warning"
ENABLED = False


def _innermost(document: Document, line: int, depth: int) -> ListInfo | None:
    for lst in document.lists:
        if lst.depth == depth and lst.line <= line <= lst.end_line:
            return lst
    return None


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source_list in page.source.lists:
        first = next(
            (b for b in page.source.blocks if source_list.line <= b.line <= source_list.end_line),
            None,
        )
        counterpart = page.alignment.counterpart(first) if first else None
        if counterpart is None:
            continue
        translated = _innermost(page.translation, counterpart.line, source_list.depth)
        if translated is not None and translated.items != source_list.items:
            yield Problem(
                translated.line,
                f"list has {count(translated.items, 'item')}, the source's (line "
                f"{source_list.line}) has {source_list.items}",
                source_line=source_list.line,
            )
