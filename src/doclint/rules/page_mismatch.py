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
    counts = {"source": [0, 0], "translation": [0, 0]}  # [aligned with shared content, all]
    for pair in page.alignment.pairs:
        kept = {
            side: kept_content([block]) if block is not None else frozenset()
            for side, block in (("source", pair.source), ("translation", pair.translation))
        }
        shared = bool(kept["source"] & kept["translation"])
        for side, content in kept.items():
            if content:
                counts[side][0] += shared
                counts[side][1] += 1
    ratios = {}
    for side, (aligned, total) in counts.items():
        if total < options["min-blocks"]:
            return
        ratios[side] = aligned / total
    if any(ratio >= options["min-aligned"] for ratio in ratios.values()):
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
