"""Heading ids of a page pair, and the edit that gives a translated heading an id."""

from __future__ import annotations

from urllib.parse import unquote

import regex

from doclint.document import Heading
from doclint.finding import Edit
from doclint.links import document_links
from doclint.page import Page

# An ATX closing sequence. ``(?<!\s)``: a match starts where a run of spaces does, not
# inside it, so a long run of spaces is scanned once rather than once per space.
CLOSING_HASHES_RE = regex.compile(r"(?<!\s)(\s+#+)?\s*$")
HEADING_MARKS_RE = regex.compile(r"^\s*#{1,6}(?:[ \t]+|$)")


def translation_id_of(page: Page) -> dict[int, str]:
    """Rendered id of each translated heading, keyed by the heading's index."""
    return {h.index: found for h, found in zip(page.translation.headings, page.translation_ids)}


def source_id_of(page: Page) -> dict[int, str]:
    """Rendered id of each source heading, keyed by the heading's index."""
    if page.source is None:
        return {}
    return {h.index: found for h, found in zip(page.source.headings, page.source_ids)}


def fragment(href: str) -> str:
    return unquote(href[1:]) if href.startswith("#") else ""


def anchor_edit(page: Page, heading: Heading, anchor: str) -> tuple[Edit, ...]:
    """Give a translated ``heading`` the explicit id ``anchor`` in the page's dialect,
    replacing the id it has; no edit where the dialect has no id syntax, or for a
    setext heading (its text is not on one line with the marks)."""
    line = page.translation.line_text(heading.line)
    marks = HEADING_MARKS_RE.match(line)
    if marks is None:
        return ()
    closing = CLOSING_HASHES_RE.search(line, marks.end())
    text = line[marks.end() : closing.start()] if closing else line[marks.end() :]
    if closing and not text.strip() and closing.group(1):
        text, closing = line[marks.end() :].rstrip(), None  # ``# #`` has no closing hashes
    written = page.dialect.write_heading_id(text, anchor)
    if written is None:
        return ()
    tail = closing.group(0).rstrip() if closing else ""
    return (Edit(heading.line, heading.line, (line[: marks.end()] + written + tail,)),)


def keep_advice(page: Page, anchor: str) -> str:
    """How to keep ``anchor`` on a heading in the page's dialect, for messages."""
    example = page.dialect.id_example(anchor)
    return f"; keep it with {example}" if example else ""


def source_hrefs(page: Page) -> frozenset[str]:
    """Every link target written in the source page."""
    if page.source is None:
        return frozenset()
    return frozenset(link.href for link in document_links(page.source))
