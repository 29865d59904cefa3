"""A translated page that is not a translation of its source page.

It happens when the source page was replaced at the same path (a quiz became a
summary, a guide was split and its name reused) or when a translation was saved
under the wrong name. Compared block by block, such a pair yields dozens of
findings that all say the same thing; it is reported once instead, and not
compared further.

Only what translation keeps is weighed: code, inline code, link targets, numbers,
components and directives. The pair is another page when, on each side, fewer than
``min-aligned`` of the blocks that hold any of it are aligned with a block that
shares some of it, and each side has at least ``min-blocks`` such blocks (a short
page proves nothing), and fewer than ``min-shared`` of what the translated page keeps
is anywhere in the source page (a drifted translation keeps most of it, wherever its
blocks now stand).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page
from doclint.sections import kept_content

CODE = "DL010"
NAME = "page-mismatch"
CATEGORY = "structure"
SEVERITY = "error"
VERDICT = True
OPTIONS = {"min-aligned": 0.2, "min-blocks": 5, "min-shared": 0.3}


def check(page: Page, options: dict) -> Iterator[Problem]:
    ratios = {}
    for side in ("translation", "source"):  # most pages align: one side usually settles it
        aligned = total = 0
        for pair in page.alignment.pairs:
            mine = pair.translation if side == "translation" else pair.source
            other = pair.source if side == "translation" else pair.translation
            kept = kept_content([mine]) if mine is not None else frozenset()
            if kept:
                total += 1
                aligned += other is not None and bool(kept & kept_content([other]))
        if total < options["min-blocks"]:
            return
        ratios[side] = aligned / total
        if ratios[side] >= options["min-aligned"]:
            return
    # a drifted translation still keeps most of what it has from its source page,
    # wherever the blocks now stand
    translated = kept_content(page.translation.blocks)
    shared = len(translated & kept_content(page.source.blocks)) / len(translated)
    if shared < options["min-shared"]:
        yield Problem(
            1,
            f"this page does not translate its source: {ratios['translation']:.0%} of its "
            f"blocks with code, links or numbers align with the source's, and "
            f"{ratios['source']:.0%} of the source's with it, and {shared:.0%} of what it "
            "keeps is anywhere in the source; compare the pages by hand",
            source_line=1,
        )
