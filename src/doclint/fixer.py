"""Applying rule fixes to a page's text: never losing text, never half-writing a file.

Edits replace whole lines. Overlapping edits are not combined: the first (in line
order) wins and the rest wait for the next pass, where they are recomputed against
the new text. Identical edits from different findings count once.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from doclint.finding import Edit
from doclint.textfile import BOM, PageText


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` (``\\n`` line ends) with the non-overlapping ``edits`` applied."""
    lines = text.split("\n")
    chosen: list[Edit] = []
    for edit in sorted(set(edits), key=lambda e: (e.line, e.end_line, e.lines)):
        if 1 <= edit.line <= edit.end_line <= len(lines) and (
            not chosen or edit.line > chosen[-1].end_line
        ):
            chosen.append(edit)
    for edit in reversed(chosen):
        lines[edit.line - 1 : edit.end_line] = list(edit.lines)
    return "\n".join(lines)


def encode(page: PageText, text: str) -> bytes:
    """``text`` written back as the file had it: same line ends, same BOM, UTF-8."""
    if page.newline != "\n":
        text = text.replace("\n", page.newline)
    return ((BOM if page.bom else "") + text).encode("utf-8")


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )
