"""Heading ids of a page pair, and the edit that gives a translated heading an id."""

from __future__ import annotations

from urllib.parse import unquote

import regex

from doclint.document import Document, Heading
from doclint.finding import Edit
from doclint.page import Page

# A trailing bracket group, well-formed or not, and an ATX closing sequence.
# ``(?<!\s)``: a match starts where a run of spaces does, not inside it, so a long run
# of spaces is scanned once rather than once per space.
TRAILING_ANCHOR_RE = regex.compile(r"(?<!\s)\s*\[?\[[^\[\]]*\]\]?\s*$")
CLOSING_HASHES_RE = regex.compile(r"(?<!\s)(\s+#+)?\s*$")


def translation_id_of(page: Page) -> dict[int, str]:
    """Rendered id of each translated heading, keyed by ``id()`` of the heading."""
    return dict(zip(map(id, page.translation.headings), page.translation_ids))


def source_id_of(page: Page) -> dict[int, str]:
    if page.source is None:
        return {}
    return dict(zip(map(id, page.source.headings), page.source_ids))


def fragment(href: str) -> str:
    return unquote(href[1:]) if href.startswith("#") else ""


def anchor_edit(document: Document, heading: Heading, anchor: str) -> Edit:
    """Give ``heading`` the explicit id ``anchor``, replacing any trailing ``[[…]]``."""
    line = document.line_text(heading.line)
    closing = CLOSING_HASHES_RE.search(line)
    head, tail = line[: closing.start()], line[closing.start() :].rstrip()
    head = TRAILING_ANCHOR_RE.sub("", head).rstrip()
    return Edit(heading.line, heading.line, (f"{head}[[{anchor}]]{tail}",))
