"""A source heading with no counterpart in the translation.

The section was not translated, was merged into another one, or was added to the
source after the translation was made. Readers of the translation do not see it,
and links to its anchor go nowhere. The code blocks of a section missing as a
whole are counted in its finding, not reported one by one.

A section the translation has at another place — settled by what it contains — is
reported once, as moved.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.align import SOURCE
from doclint.document import CodeBlock, Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import (
    absent_sections,
    before_unclosed_fence,
    count,
    moved_sections,
    page_sections,
    short,
    unpaired_source,
)

CODE = "DL201"
NAME = "missing-section"
CATEGORY = "structure"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    moved = moved_sections(page)
    sections = page_sections(page.source)
    absent = absent_sections(page, page.source)
    code = {}
    for block in page.source.blocks:
        heading = sections.get(block.index)
        if isinstance(block, CodeBlock) and heading is not None and heading.index in absent:
            code[heading.index] = code.get(heading.index, 0) + 1
    for heading in unpaired_source(page, Heading):
        name = f"section {'#' * heading.level} {short(heading.inline.text)!r} of the source"
        if (SOURCE, heading.index) in moved:
            there = moved[SOURCE, heading.index]
            yield Problem(
                there.line,
                f"{name} (line {heading.line}) stands elsewhere in the translation: the "
                "order of sections differs",
                source_line=heading.line,
            )
            continue
        blocks = code.get(heading.index, 0)
        with_code = f" (with its {count(blocks, 'code block')})" if blocks else ""
        yield Problem(
            page.alignment.previous_line(heading),
            f"{name} (line {heading.line}){with_code} has no counterpart in the translation",
            source_line=heading.line,
        )
