"""A translated heading with no counterpart in the source.

A translator's added section, or a section the source removed or renamed after the
translation was made (then its content is probably outdated too).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.align import TRANSLATION
from doclint.document import Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import before_unclosed_fence, moved_sections, short, unpaired_translation

CODE = "DL202"
NAME = "extra-section"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    moved = moved_sections(page)  # reported by missing-section, once
    for heading in unpaired_translation(page, Heading):
        if (TRANSLATION, heading.index) in moved:
            continue
        yield Problem(
            heading.line,
            f"section {'#' * heading.level} {short(heading.inline.text)!r} has no "
            "counterpart in the source",
        )
