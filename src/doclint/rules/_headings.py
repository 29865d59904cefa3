"""Which aligned heading pairs the rules may trust: computed once per page."""

from __future__ import annotations

from doclint.page import Page
from doclint.sections import confirmed, contradicts, sections


def trusted_headings(page: Page) -> set[int]:
    """``id()`` of the translated headings whose pairing rests on evidence — content,
    an explicit anchor, or an order that the headings around them confirm — so that a
    rule comparing a heading with its pair compares the right one."""
    return page.analysis(_trusted_headings)


def _trusted_headings(page: Page) -> set[int]:
    alignment = page.alignment
    settled = {id(translation) for _, translation in alignment.settled}
    source_sections = {id(s.heading): s for s in sections(page.source, False)}
    translated_sections = {id(s.heading): s for s in sections(page.translation, True)}
    trusted = confirmed(
        [(pair.source, pair.translation) for pair in alignment.pairs],
        settled,
        lambda s, t: not contradicts(source_sections[id(s)], translated_sections[id(t)]),
    )
    return trusted | settled
