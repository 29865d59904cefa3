"""The links a block holds: Markdown links and images, and HTML ``<a href>`` links.

``<a href>`` inside a paragraph is among the paragraph's inline links. In an HTML block
(``<p align="center"><a href="…">…</a></p>``) each tag is a block of its own, and its
link is that block's. A paragraph's inline tags are also kept as HTML blocks (so that
components and comments they hold still count); those are not counted twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from doclint import html
from doclint.document import Block, Document, Html, Link, inline_of


def html_block_links(document: Document) -> dict[int, tuple[Link, ...]]:
    """``<a href>`` links of the document's HTML blocks, keyed by the block's index."""
    inline_tags = {
        (line, tag) for block in document.blocks for i in inline_of(block) for line, tag in i.html
    }
    found: dict[int, tuple[Link, ...]] = {}
    for block in document.blocks:
        if not isinstance(block, Html) or (block.line, block.raw) in inline_tags:
            continue
        href = html.link_href(block.raw)
        if href is not None:
            found[block.index] = (Link(href, "", block.line),)
    return found


def link_groups(block: Block, in_html: dict[int, tuple[Link, ...]]) -> Iterator[tuple[Link, ...]]:
    """The links of ``block`` as they are held: per inline content (a table has one per
    cell), or the HTML tag's."""
    for inline in inline_of(block):
        yield inline.links
    if block.index in in_html:
        yield in_html[block.index]


def block_links(block: Block, in_html: dict[int, tuple[Link, ...]]) -> tuple[Link, ...]:
    """Every link of ``block``; ``in_html`` is its document's ``html_block_links``."""
    inline = tuple(link for i in inline_of(block) for link in i.links)
    return inline + in_html.get(block.index, ())


def document_links(document: Document, blocks: Iterable[Block] | None = None) -> list[Link]:
    """Every link of ``blocks`` (default: all of the document's), in order."""
    in_html = html_block_links(document)
    chosen = document.blocks if blocks is None else blocks
    return [link for block in chosen for link in block_links(block, in_html)]
