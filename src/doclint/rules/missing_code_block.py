"""A code block of the source with no counterpart in the translation.

Readers of the translation miss the example, and the prose around it often still
refers to it ("run the following command:"). It is also what a source page that
gained an example after the translation was made looks like: the translation is
behind its source.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.align import SOURCE
from doclint.document import CodeBlock
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import (
    absent_sections,
    before_unclosed_fence,
    describe,
    moved_sections,
    moved_twins,
    page_sections,
    same_code,
    short,
    unpaired_source,
)

CODE = "DL301"
NAME = "missing-code-block"
CATEGORY = "code"
SEVERITY = "error"


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    moved = moved_twins(page, CodeBlock, same_code)
    sections = page_sections(page.source)
    moved_headings = {index for side, index in moved_sections(page) if side == SOURCE}
    absent = absent_sections(page, page.source) | moved_headings
    for block in unpaired_source(page, CodeBlock):
        heading = sections.get(block.index)
        if heading is not None and heading.index in absent:
            continue  # its section is reported, with the code blocks it holds
        first = next((line for line in block.content.split("\n") if line.strip()), "")
        if (SOURCE, block.index) in moved:
            yield Problem(
                moved[SOURCE, block.index].line,
                f"{describe(page.source, block, 'code block')} of the source (line "
                f"{block.line}) stands elsewhere in the translation: the order of code "
                "blocks differs",
                source_line=block.line,
            )
            continue
        language = f" ({block.language})" if block.language else ""
        yield Problem(
            page.alignment.previous_line(block),
            f"{describe(page.source, block, 'code block')} of the source (line {block.line})"
            f"{language} has no counterpart in the translation: {short(first)!r}",
            source_line=block.line,
        )
