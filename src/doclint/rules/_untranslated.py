"""What the untranslated-text rules share: the prose units of a translated page and
how to read them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import regex

from doclint.document import MASK, Block, Heading, Inline, Paragraph, Table
from doclint.languages import english_words
from doclint.page import Page


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of translated prose: a paragraph, list item, heading or table cell."""

    block: Block
    inline: Inline
    text: str  # the prose, masked parts and allowed words removed
    source_text: str | None  # the aligned source unit's, the same way
    label: str


def describe(block: Block, cell: bool = False) -> str:
    if cell:
        return "table cell"
    if isinstance(block, Heading):
        return "heading"
    components = [c.split(":", 1)[1] for c in block.context if c.startswith("component:")]
    if components:
        return f"<{components[-1]}> text"
    if "list_item" in block.context:
        return "list item"
    return "paragraph"


@lru_cache(maxsize=16)  # one per run's word list, not one per page
def _allowed_re(words: tuple[str, ...]) -> regex.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_])")


def clean(prose: str, allowed: regex.Pattern | None) -> str:
    text = prose.replace(MASK, " ")
    if allowed is not None:
        text = allowed.sub(" ", text)
    return text


def units(page: Page) -> Iterator[Unit]:
    allowed = _allowed_re(page.allowed)
    for block in page.translation.blocks:
        counterpart = page.alignment.counterpart(block) if page.source else None
        if isinstance(block, (Paragraph, Heading)):
            source = counterpart.inline.prose if isinstance(counterpart, type(block)) else None
            yield Unit(
                block,
                block.inline,
                clean(block.inline.prose, allowed),
                clean(source, allowed) if source is not None else None,
                describe(block),
            )
        elif isinstance(block, Table):
            source_cells = _cells(counterpart) if isinstance(counterpart, Table) else []
            for index, cell in enumerate(_cells(block)):
                source = source_cells[index].prose if index < len(source_cells) else None
                yield Unit(
                    block,
                    cell,
                    clean(cell.prose, allowed),
                    clean(source, allowed) if source is not None else None,
                    "table cell",
                )


def _cells(table: Table) -> list[Inline]:
    return [*table.header, *(cell for row in table.rows for cell in row)]


def same_text(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()) == " ".join(b.split())


def reads_as_english(words: list[str], minimum: int) -> bool:
    """Enough English-looking words, one of them lower-case: prose, not a name
    (``Default Tools`` and ``Inference Providers`` may well be product names)."""
    return len(words) >= minimum and any(word[0].islower() for word in words)


def line_of(unit: Unit, offset: int) -> int:
    return unit.inline.line + unit.text.count("\n", 0, offset)


__all__ = ["Unit", "english_words", "line_of", "reads_as_english", "same_text", "units"]
