"""The inline content of a block: text, translatable prose, code spans, links."""

from __future__ import annotations

import regex
from markdown_it.token import Token

from doclint import html
from doclint.document import MASK, ApiLink, CodeSpan, HtmlAnchor, Inline, Link

# TeX as doc-builder pages write it: $$…$$, \(…\), \[…\], and $…$ hugging its text.
# ``\(`` and ``\[`` math ends before the next opener: each unclosed opener is then
# scanned up to the next one, not to the end of the text (quadratic on ``\(\(\(…``).
MATH_RE = regex.compile(
    r"\$\$.+?\$\$|\\\((?:(?!\\\().)+?\\\)|\\\[(?:(?!\\\[).)+?\\\]|\$(?=\S)[^$\n]+(?<=\S)\$",
    regex.DOTALL,
)
# ``<code>``, ``<kbd>``, ``<samp>`` and their closing tags, written as inline HTML
CODE_TAG_RE = regex.compile(r"<(/?)(?:code|kbd|samp)\b[^>]*+(?<!/)>", regex.IGNORECASE)
URL_RE = regex.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+")


def inline_content(
    token: Token,
    first_line: int,
    anchors: list[HtmlAnchor],
    markup: tuple[regex.Pattern, ...] = (),
) -> Inline:
    """Flatten an inline token's children into text, prose and the things rules compare.

    ``markup`` are the dialect's inline constructs that are never prose (shortcodes,
    attribute lists, JSX expressions): masked out of the prose like code."""
    text: list[str] = []
    prose: list[str] = []
    pieces: list[str] = []
    code_spans: list[CodeSpan] = []
    links: list[Link] = []
    api_links: list[ApiLink] = []
    line = first_line
    depth = 0
    link_stack: list[tuple[str, int, int]] = []  # href, line, start index in text
    html_links: list[tuple[str, int, int]] = []  # the same for open ``<a href>`` tags
    autolinks = 0  # inside <https://…>: its text is a URL, not prose
    in_code = 0  # inside inline <code> (or <kbd>, <samp>) tags
    tags: list[tuple[int, str]] = []
    children = token.children or []
    for index, child in enumerate(children):
        kind = child.type
        piece = ""
        if kind == "text":
            piece = child.content
            text.append(piece)
            if in_code:
                prose.append(MASK)  # inside ``<code>…</code>``: code, not prose
            elif not autolinks:
                masked = piece
                for pattern in markup:
                    masked = pattern.sub(MASK, masked)
                # most text holds neither: skip the scans that cannot match
                if "://" in masked or "www." in masked:
                    masked = URL_RE.sub(MASK, masked)
                if "$" in masked or "\\" in masked:
                    masked = MATH_RE.sub(MASK, masked)
                prose.append(masked)
        elif kind == "code_inline":
            piece = child.content
            text.append(piece)
            prose.append(MASK)
            code_spans.append(CodeSpan(piece, line))
            if _is_api_link(children, index):
                api_links.append(ApiLink(piece, line))
        elif kind in ("softbreak", "hardbreak"):
            text.append("\n")
            prose.append("\n")
            line += 1
        elif kind == "link_open":
            href = str(child.attrs.get("href", ""))
            link_stack.append((href, line, len(text)))
            if child.markup == "autolink":
                autolinks += 1
                prose.append(MASK)
        elif kind == "link_close" and link_stack:
            href, link_line, start = link_stack.pop()
            links.append(Link(href, "".join(text[start:]), link_line))
            if child.markup == "autolink":
                autolinks -= 1
        elif kind == "image":
            alt = "".join(grand.content for grand in child.children or [])
            links.append(Link(str(child.attrs.get("src", "")), alt, line, image=True))
            text.append(alt)
            prose.append(alt)
            piece = alt
        elif kind == "html_inline":
            prose.append(MASK)
            tags.append((line, child.content))
            opened = CODE_TAG_RE.match(child.content)
            if opened:
                in_code = max(0, in_code + (-1 if opened.group(1) else 1))
            # ``<a href>`` … ``</a>`` is a link like ``[…](…)``
            href = html.link_href(child.content)
            if href is not None:
                html_links.append((href, line, len(text)))
            elif html.is_link_close(child.content) and html_links:
                href, link_line, start = html_links.pop()
                links.append(Link(href, "".join(text[start:]), link_line))
            anchors.extend(HtmlAnchor(name, line) for name in html.anchor_names(child.content))
            line += child.content.count("\n")
        if child.nesting == 1:
            depth += 1
            pieces.append("")
        elif child.nesting == -1:
            depth = max(depth - 1, 0)
        elif depth and pieces:
            pieces[-1] += piece
        elif piece:
            pieces.append(piece)
    # an ``<a href>`` never closed still sends its readers somewhere
    links.extend(Link(href, "".join(text[start:]), at) for href, at, start in html_links)
    return Inline(
        text="".join(text),
        prose="".join(prose),
        code_spans=tuple(code_spans),
        links=tuple(links),
        api_links=tuple(api_links),
        pieces=tuple(piece for piece in pieces if piece),
        line=first_line,
        html=tuple(tags),
    )


def _is_api_link(children: list[Token], index: int) -> bool:
    """``[`Name`]`` with no link target: text ending in ``[``, code, text starting with ``]``."""
    if index == 0 or index + 1 >= len(children):
        return False
    before, after = children[index - 1], children[index + 1]
    return (
        before.type == "text"
        and before.content.endswith("[")
        and after.type == "text"
        and after.content.startswith("]")
        and not after.content.startswith("](")
    )
