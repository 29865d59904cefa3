"""Markdown parsing: the one MarkdownIt parser, and the document model built from its tokens.

The parser is CommonMark with tables, strikethrough, front matter and footnotes, plus
Hugging Face's doc-builder dialect: explicit heading ids (``## Title[[anchor]]``) and
directive lines (``[[autodoc]] name`` with its indented ``- method`` list).
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from functools import lru_cache

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from doclint import html
from doclint.document import (
    Block,
    Callout,
    CodeBlock,
    Comment,
    Component,
    Directive,
    Document,
    FrontMatter,
    Heading,
    Html,
    HtmlAnchor,
    ListInfo,
    Paragraph,
    Table,
)
from doclint.inlines import inline_content

ANCHOR_RE = regex.compile(r"\[\[([^\[\]\s]+)\]\]\s*$")
DIRECTIVE_RE = regex.compile(r"\[\[([a-z][\w-]*)\]\](?!\()[ \t]*(.*)$")
DIRECTIVE_ITEM_RE = regex.compile(r"[ \t]+-[ \t]+(\S.*)$")
CALLOUT_RE = regex.compile(r"\[!([A-Za-z]+)\][ \t]*")
LIST_ITEM_RE = regex.compile(r"(?:[*+-]|\d{1,3}[.)])[ \t]+\S")
# ``## Title[[anchor]]`` leftovers after the well-formed anchor is taken off.
BROKEN_ANCHOR_RE = regex.compile(r"\[\[|\]\]|\[\[[^\]]*$")

# Guards the re-parse of text found between component tags inside an HTML block.
MAX_NESTED_PARSE = 3
# How many enclosing containers and components a block's context names, innermost first.
MAX_CONTEXT = 64


def _doc_builder_directive(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    match = DIRECTIVE_RE.match(state.src[pos : state.eMarks[start]])
    if match is None:
        return False
    if silent:
        return True
    items = []
    line = start + 1
    while line < end:
        text = state.src[state.bMarks[line] : state.eMarks[line]]
        item = DIRECTIVE_ITEM_RE.match(text)
        if item is None:
            break
        items.append(item.group(1).strip())
        line += 1
    token = state.push("doc_directive", "", 0)
    token.map = [start, line]
    token.meta = {"name": match.group(1), "argument": match.group(2).strip(), "items": items}
    state.line = line
    return True


def _doc_builder_anchors(state: StateCore) -> None:
    """Take a trailing ``[[anchor]]`` off each heading, into ``heading_open.meta``.

    The heading's inline children are parsed again without it, since the anchor may
    span several children (``[[step-`x`]]`` holds a code span)."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        inline = tokens[index + 1]
        match = ANCHOR_RE.search(inline.content)
        if match is None:
            continue
        inline.content = inline.content[: match.start()].rstrip()
        inline.children = []
        state.md.inline.parse(inline.content, state.md, state.env, inline.children)
        token.meta = {**(token.meta or {}), "anchor": match.group(1)}


@lru_cache(maxsize=1)
def build_parser() -> MarkdownIt:
    """The only MarkdownIt instance doclint builds."""
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    md.block.ruler.before(
        "paragraph", "doc_directive", _doc_builder_directive, {"alt": ["paragraph"]}
    )
    md.core.ruler.after("inline", "doc_anchors", _doc_builder_anchors)
    return md


def parse(text: str, path: str = "<text>") -> Document:
    """Parse normalised text (``\\n`` line ends, no BOM) into a Document."""
    builder = _Builder(text)
    builder.walk(build_parser().parse(text), line_offset=0, depth=0)
    return Document(
        path=path,
        lines=tuple(text.split("\n")),
        blocks=tuple(builder.blocks),
        lists=tuple(builder.lists),
        html_anchors=tuple(builder.html_anchors),
        malformed_anchors=tuple(builder.malformed_anchors),
    )


def _markup_not_code(token: Token) -> bool:
    """An indented "code block" that is really indented HTML or an indented list.

    CommonMark makes any text indented by four spaces after a blank line code; in
    doc-builder pages that is nearly always the inside of an HTML ``<div>`` or a list
    indented by habit, rendered as such."""
    lines = [line.strip() for line in token.content.split("\n") if line.strip()]
    if not lines:
        return False
    return lines[0].startswith("<") or all(LIST_ITEM_RE.match(line) for line in lines)


def _only_html(token: Token) -> bool:
    children = token.children or []
    return any(child.type == "html_inline" for child in children) and all(
        child.type in ("html_inline", "softbreak", "hardbreak")
        or (child.type == "text" and not child.content.strip())
        for child in children
    )


class _Builder:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.blocks: list[Block] = []
        self.lists: list[ListInfo] = []
        self.html_anchors: list[HtmlAnchor] = []
        self.malformed_anchors: list[tuple[int, str]] = []
        self.containers: list[str] = []
        self.components: list[str] = []

    @property
    def context(self) -> tuple[str, ...]:
        # Only the innermost components: thousands of unclosed ``<Tip>`` would otherwise
        # give every block a context as long as the page (quadratic time and memory).
        inner = self.components[-MAX_CONTEXT:]
        return (*self.containers[-MAX_CONTEXT:], *(f"component:{name}" for name in inner))

    def walk(self, tokens: list[Token], line_offset: int, depth: int) -> None:
        open_lists: list[list] = []  # [line, end_line, ordered, items, depth]
        table: dict | None = None
        pending_heading: Token | None = None
        paragraph_open: Token | None = None
        for token in tokens:
            kind = token.type
            first = token.map[0] + 1 + line_offset if token.map else 0
            last = token.map[1] + line_offset if token.map else 0
            if kind in ("bullet_list_open", "ordered_list_open"):
                open_lists.append([first, last, kind == "ordered_list_open", 0, len(open_lists)])
            elif kind in ("bullet_list_close", "ordered_list_close") and open_lists:
                start, end, ordered, items, level = open_lists.pop()
                self.lists.append(ListInfo(start, end, ordered, items, level))
            elif kind == "list_item_open":
                if open_lists:
                    open_lists[-1][3] += 1
                self.containers.append("list_item")
            elif kind in ("blockquote_open", "footnote_open"):
                self.containers.append(kind.removesuffix("_open"))
            elif kind in ("list_item_close", "blockquote_close", "footnote_close"):
                if self.containers:
                    self.containers.pop()
            elif kind == "heading_open":
                pending_heading = token
            elif kind == "paragraph_open":
                paragraph_open = token
            elif kind == "table_open":
                table = {"line": first, "end": last, "header": [], "rows": [], "row": []}
            elif kind == "tr_close" and table is not None:
                target = table["rows"] if table["header"] else table["header"]
                if table["header"]:
                    target.append(tuple(table["row"]))
                else:
                    table["header"] = list(table["row"])
                table["row"] = []
            elif kind == "table_close" and table is not None:
                self.blocks.append(
                    Table(
                        table["line"],
                        table["end"],
                        self.context,
                        header=tuple(table["header"]),
                        rows=tuple(table["rows"]),
                    )
                )
                table = None
            elif kind == "inline":
                if table is not None:
                    table["row"].append(inline_content(token, first, self.html_anchors))
                elif pending_heading is not None:
                    self._heading(pending_heading, token, first, last)
                    pending_heading = None
                elif paragraph_open is not None:
                    self._paragraph(token, first, last, depth)
                    paragraph_open = None
            elif kind == "code_block" and depth < MAX_NESTED_PARSE and _markup_not_code(token):
                self._reparse(token.content, first, depth)
            elif kind in ("fence", "code_block"):
                self.blocks.append(self._code(token, first, last))
            elif kind == "html_block":
                self._html(token.content, first, last, depth)
            elif kind == "doc_directive":
                meta = token.meta
                self.blocks.append(
                    Directive(
                        first,
                        last,
                        self.context,
                        name=meta["name"],
                        argument=meta["argument"],
                        items=tuple(meta["items"]),
                    )
                )
            elif kind == "front_matter":
                self.blocks.append(FrontMatter(first, last, self.context, content=token.content))

    def _heading(self, opening: Token, token: Token, first: int, last: int) -> None:
        anchor = (opening.meta or {}).get("anchor")
        raw = self.lines[first - 1] if opening.markup.startswith("#") else token.content
        if BROKEN_ANCHOR_RE.search(token.content):
            self.malformed_anchors.append((first, token.content))
        self.blocks.append(
            Heading(
                first,
                last,
                self.context,
                level=int(opening.tag[1]),
                inline=inline_content(token, first, self.html_anchors),
                anchor=anchor,
                raw=raw.lstrip().lstrip("#").strip(),
            )
        )

    def _paragraph(self, token: Token, first: int, last: int, depth: int) -> None:
        if _only_html(token):
            self._html(token.content, first, last, depth)
            return
        inline = inline_content(token, first, self.html_anchors)
        if "blockquote" in self.containers:
            callout = CALLOUT_RE.match(inline.text)
            if callout:
                self.blocks.append(
                    Callout(first, first, self.context, name=callout.group(1).upper())
                )
                rest = inline.text[callout.end() :]
                size = len(inline.text) - len(rest.lstrip())
                inline = replace(
                    inline,
                    text=inline.text[size:],
                    prose=inline.prose[size:],
                    line=inline.line + inline.text.count("\n", 0, size),
                )
                if not inline.text.strip():
                    return
        self.blocks.append(Paragraph(first, last, self.context, inline=inline))
        # Component tags and comments a paragraph swallowed (``</Tip>`` right after
        # a line of text, with no blank line between) still open, close and suppress.
        for line, content in inline.html:
            self._html(content, line, line + content.count("\n"), MAX_NESTED_PARSE)

    def _code(self, token: Token, first: int, last: int) -> CodeBlock:
        fenced = token.type == "fence"
        closed = True
        if fenced:
            closing = self.lines[last - 1].strip() if last > first else ""
            marker = token.markup[0]
            closed = (
                len(closing) >= len(token.markup)
                and closing == marker * len(closing)
                and last > first
            )
        return CodeBlock(
            first,
            last,
            self.context,
            info=token.info.strip(),
            content=token.content,
            fenced=fenced,
            closed=closed,
        )

    def _html(self, content: str, first: int, last: int, depth: int) -> None:
        """Split raw HTML into component tags, comments, other HTML and the Markdown between."""
        for segment in html.segments(content):
            line = first + content.count("\n", 0, segment.start)
            end = line + segment.text.rstrip("\n").count("\n")
            if segment.kind == "comment":
                self.blocks.append(
                    Comment(line, end, self.context, text=segment.body, closed=segment.closed)
                )
            elif segment.kind == "tag":
                self.html_anchors.extend(
                    HtmlAnchor(name, line) for name in html.anchor_names(segment.text)
                )
                lowered = [name.lower() for name in self.components[-MAX_CONTEXT:]]
                # ``</tip>`` for ``<Tip>`` is a component tag gone wrong, not plain HTML
                if html.is_component(segment.name) or segment.name.lower() in lowered:
                    self._component(segment, line, end)
                else:
                    self.blocks.append(Html(line, end, self.context, raw=segment.text))
            elif segment.text.strip():
                if depth >= MAX_NESTED_PARSE:
                    self.blocks.append(Html(line, end, self.context, raw=segment.text))
                    continue
                self._reparse(segment.text, line, depth)

    def _reparse(self, text: str, line: int, depth: int) -> None:
        """Parse text found inside HTML (or mistaken for indented code) as Markdown,
        keeping its line numbers. HTML is indented for its own reasons, so the text's
        common indentation is removed first: it does not make it code."""
        leading = len(text) - len(text.lstrip("\n"))
        lines = text[leading:].split("\n")
        rest = textwrap.dedent("\n".join(lines[1:]))
        tokens = build_parser().parse(lines[0].lstrip() + ("\n" + rest if len(lines) > 1 else ""))
        self.walk(tokens, line_offset=line - 1 + text.count("\n", 0, leading), depth=depth + 1)

    def _component(self, segment: html.Segment, line: int, end: int) -> None:
        if segment.role == "close" and segment.name in self.components:
            index = len(self.components) - 1 - self.components[::-1].index(segment.name)
            del self.components[index:]
        block = Component(
            line, end, self.context, name=segment.name, attrs=segment.attrs, role=segment.role
        )
        self.blocks.append(block)
        if segment.role == "open":
            self.components.append(segment.name)
