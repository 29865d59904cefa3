"""Which aligned heading pairs the rules may trust: computed once per page."""

from __future__ import annotations

from doclint.page import Page
from doclint.sections import confirmed, contradicts, sections


def trusted_headings(page: Page) -> set[int]:
    """Indices of the translated headings whose pairing rests on evidence — content,
    an explicit anchor, or an order that the headings around them confirm — so that a
    rule comparing a heading with its pair compares the right one."""
    return page.analysis(_trusted_headings)


def _trusted_headings(page: Page) -> set[int]:
    alignment = page.alignment
    settled = {translation.index for _, translation in alignment.settled}
    source_sections = {s.heading.index: s for s in sections(page.source, False)}
    translated_sections = {s.heading.index: s for s in sections(page.translation, True)}
    trusted = confirmed(
        [(pair.source, pair.translation) for pair in alignment.pairs],
        settled,
        lambda s, t: not contradicts(source_sections[s.index], translated_sections[t.index]),
    )
    return trusted | settled
