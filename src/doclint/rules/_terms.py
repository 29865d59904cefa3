"""What the terminology rules share: the terms of each aligned block pair."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from doclint.document import Block, Inline, Link, inline_of
from doclint.page import Page
from doclint.termbase import Term
from doclint.termmatch import Rendering, renderings

# ``rendering(English term)``: the English in parentheses right after a rendering.
GLOSSED_RE = regex.compile(r"\(\s*([A-Za-z][^()\n]{0,80}?)\s*\)")


@dataclass(frozen=True, slots=True)
class BlockTerms:
    source: Block
    translation: Block
    terms: tuple[Term, ...]  # the termbase terms the source block uses


def block_terms(page: Page) -> list[BlockTerms]:
    """The aligned block pairs whose source block uses termbase terms, with the terms;
    worked out once per page for all the term rules."""
    return page.analysis(_all_block_terms)


def _all_block_terms(page: Page) -> list[BlockTerms]:
    return list(_block_terms(page))


def _block_terms(page: Page) -> Iterator[BlockTerms]:
    if page.terms is None or page.source is None or not len(page.terms):
        return
    index = page.terms.index
    for pair in page.alignment.pairs:
        if pair.source is None or pair.translation is None:
            continue
        found: dict[str, Term] = {}
        for inline in inline_of(pair.source):
            for occurrence in index.find(inline.prose):
                found.setdefault(occurrence.term.key, occurrence.term)
        if found:
            yield BlockTerms(pair.source, pair.translation, tuple(found.values()))


def translated_text(block: Block) -> list[tuple[int, str]]:
    """(first line, prose) of each inline part of a translated block."""
    return [(inline.line, inline.prose) for inline in inline_of(block)]


def line_at(first: int, text: str, offset: int) -> int:
    return first + text.count("\n", 0, offset)


def find(text: str, rendering: str, page: Page) -> list[Rendering]:
    return renderings(text, rendering, page.language)


def glossed(inline: Inline) -> Iterator[tuple[int, str]]:
    """(offset of the opening parenthesis, English inside) of each ``(English)`` that
    glosses the words before it — not a parenthesised link (``([causal language
    modeling](#…))`` points somewhere, it does not name the words before it)."""
    linked = {" ".join(link.text.split()) for link in inline.links}
    for match in GLOSSED_RE.finditer(inline.prose):
        if " ".join(match.group(1).split()) not in linked:
            yield match.start(), match.group(1)


def links_by_target(block: Block) -> dict[str, Link]:
    return {link.href: link for inline in inline_of(block) for link in inline.links if link.href}
