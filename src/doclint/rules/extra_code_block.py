"""A code block of the translation with no counterpart in the source.

Either the translator added an example, or the source dropped one after the
translation was made. Both deserve a look: code in a translation should be the
source's code.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.align import TRANSLATION
from doclint.document import CodeBlock
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import (
    before_unclosed_fence,
    moved_sections,
    moved_twins,
    page_sections,
    same_code,
    short,
    unpaired_translation,
)

CODE = "DL302"
NAME = "extra-code-block"
CATEGORY = "code"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    moved = moved_twins(page, CodeBlock, same_code)  # reported by missing-code-block
    sections = page_sections(page.translation)
    moved_headings = moved_sections(page)
    for block in unpaired_translation(page, CodeBlock):
        if (TRANSLATION, block.index) in moved:
            continue
        heading = sections.get(block.index)
        if heading is not None and (TRANSLATION, heading.index) in moved_headings:
            continue  # the moved section is reported once, by missing-section
        first = next((line for line in block.content.split("\n") if line.strip()), "")
        yield Problem(
            block.line,
            f"code block with no counterpart in the source: {short(first)!r}",
            end_line=block.end_line,
        )
