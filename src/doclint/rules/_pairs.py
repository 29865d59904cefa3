"""Helpers rules share to walk aligned pairs and describe blocks."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator

import regex

from doclint.align import SOURCE, TRANSLATION, SideIndex
from doclint.document import Block, Document, inline_of
from doclint.finding import Problem
from doclint.page import Page


def ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def describe(document: Document, block: Block, noun: str) -> str:
    """ "the 3rd code block" — counted among the document's blocks of the same class."""
    same = [other for other in document.blocks if type(other) is type(block)]
    return f"the {ordinal(same.index(block) + 1)} {noun}"


def paired(page: Page, kind: type) -> Iterator[tuple[Block, Block]]:
    """Aligned (source, translation) pairs where both blocks are ``kind``."""
    for pair in page.alignment.pairs:
        if isinstance(pair.source, kind) and isinstance(pair.translation, kind):
            yield pair.source, pair.translation


def unpaired_source(page: Page, kind: type) -> Iterator[Block]:
    for pair in page.alignment.pairs:
        if isinstance(pair.source, kind) and pair.translation is None:
            yield pair.source


def unpaired_translation(page: Page, kind: type) -> Iterator[Block]:
    for pair in page.alignment.pairs:
        if isinstance(pair.translation, kind) and pair.source is None:
            yield pair.translation


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def short(text: str, width: int = 60) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"


def contrast(before: str, after: str, width: int = 40) -> tuple[str, str]:
    """Both strings cut to where they differ, with a little context on each side."""
    before, after = before.strip(), after.strip()
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while (
        end < min(len(before), len(after)) - start
        and before[len(before) - 1 - end] == after[len(after) - 1 - end]
    ):
        end += 1
    context = 12

    def cut(text: str) -> str:
        left = max(start - context, 0)
        right = min(len(text) - end + context, len(text))
        piece = text[left:right]
        if len(piece) > width:
            piece = piece[:width] + "…"
        return (
            ("…" if left else "")
            + piece
            + ("…" if right < len(text) and not piece.endswith("…") else "")
        )

    return cut(before), cut(after)


FENCE_RE = regex.compile(r"^([ \t]*)(`{3,}|~{3,})")


def fence_opening(line: str) -> str | None:
    """The indentation and fence marker that open a code block on ``line`` (no info
    string), or None where the line is not a plain fence (inside a blockquote, say)."""
    match = FENCE_RE.match(line)
    return match.group(0) if match else None


def with_inline(page: Page, from_source: bool = True) -> Iterator[tuple[Block, list[Block]]]:
    """Each block with inline content (paragraph, heading, table) that has a counterpart,
    with the other side's blocks that may hold its content: its section."""
    for pair in page.alignment.pairs:
        block, other = (
            (pair.source, pair.translation) if from_source else (pair.translation, pair.source)
        )
        if block is not None and other is not None and inline_of(block):
            yield block, page.alignment.section(block)


def code_spans(blocks: list[Block]) -> set[str]:
    return {normal_space(span.text) for b in blocks for i in inline_of(b) for span in i.code_spans}


def normal_space(text: str) -> str:
    return " ".join(text.split())


def same_code(block: Block) -> str:
    """A code block's content with whitespace folded: what makes two blocks the same."""
    return " ".join(getattr(block, "content", "").split())


def page_sections(document: Document) -> dict[int, Block]:
    """The index of each block under a heading, mapped to that heading."""
    found: dict[int, Block] = {}
    current = None
    for block in document.blocks:
        if block.kind == "heading":
            current = block
        elif current is not None:
            found[block.index] = current
    return found


def moved_sections(page: Page) -> dict[SideIndex, Block]:
    """Sections that content settled with a section elsewhere in the other page: maps
    each such heading, on both sides, keyed by ``(side, index)``, to its counterpart."""
    moved: dict[SideIndex, Block] = {}
    for source, translation in page.alignment.settled:
        if page.alignment.counterpart(source) is not translation:
            moved[SOURCE, source.index] = translation
            moved[TRANSLATION, translation.index] = source
    return moved


def absent_sections(page: Page, document: Document) -> set[int]:
    """Indices of the headings of ``document`` (either side of ``page``) whose whole
    section has no counterpart: the heading and every block under it. Such a section
    is reported once, with what it holds."""
    sections = page_sections(document)
    absent = {
        block.index
        for block in document.blocks
        if block.kind == "heading" and page.alignment.counterpart(block) is None
    }
    for block in document.blocks:
        heading = sections.get(block.index)
        if heading is not None and page.alignment.counterpart(block) is not None:
            absent.discard(heading.index)
    return absent


def moved_twins(
    page: Page,
    kinds: type | tuple[type, ...],
    key: Callable[[Block], Hashable],
    skip: set[SideIndex] = frozenset(),
) -> dict[SideIndex, Block]:
    """Unpaired blocks of one side whose twin (same ``key``) is unpaired on the other
    side: the block moved. Maps each such block, on both sides, keyed by ``(side,
    index)`` as ``skip`` is, to its twin, choosing among twins the one at the most
    similar place in its page."""
    waiting: dict[Hashable, list[Block]] = {}
    for block in unpaired_source(page, kinds):
        if (SOURCE, block.index) not in skip:
            waiting.setdefault(key(block), []).append(block)
    moved: dict[SideIndex, Block] = {}
    for block in unpaired_translation(page, kinds):
        twins = waiting.get(key(block)) if (TRANSLATION, block.index) not in skip else None
        if twins:
            where = block.line / len(page.translation.lines)
            twin = min(twins, key=lambda t: abs(t.line / len(page.source.lines) - where))
            twins.remove(twin)
            moved[TRANSLATION, block.index] = twin
            moved[SOURCE, twin.index] = block
    return moved


def before_unclosed_fence(page: Page, problems: Iterator[Problem]) -> Iterator[Problem]:
    """``problems`` above the translation's first unclosed code fence: past it the page
    is all code, and the fence is the one defect there (``unclosed-code-fence``)."""
    fences = [b.line for b in page.translation.code_blocks if b.fenced and not b.closed]
    for problem in problems:
        if not fences or problem.line < fences[0]:
            yield problem
