"""Markdown parsing: one MarkdownIt parser per dialect, and the document model built
from its tokens.

Every parser is CommonMark with tables, strikethrough, front matter and footnotes; the
page's dialect (``doclint.dialects``) adds its own plugins — heading ids, admonitions,
includes, MDX, shortcodes — and the builder below turns their tokens into blocks.
"""

from __future__ import annotations

import textwrap
from dataclasses import replace
from functools import cache

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from doclint import dialects, html
from doclint.dialects import Dialect, plugins
from doclint.document import (
    MASK,
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

# ``> [!NOTE]``; any word, so that a translated keyword (``> [!참고]``) is seen.
CALLOUT_RE = regex.compile(r"\[!([^\]\s\[]+)\][ \t]*")
LIST_ITEM_RE = regex.compile(r"(?:[*+-]|\d{1,3}[.)])[ \t]+\S")
BLOCKQUOTE_PREFIX_RE = regex.compile(r"^(?:[ \t]*>)+")
# ``tip | Title`` (pymdown blocks), ``tip[Title]{attrs}``, ``tip Title`` (``:::``)
CONTAINER_INFO_RE = regex.compile(
    r"^\s*(?P<kind>[^\s\[\]{}|]*)\s*(?:\[(?P<bracketed>[^\]]*)\])?\s*(?:\{(?P<attrs>[^}]*)\})?"
    r"\s*(?:\|\s*(?P<piped>.*?)|(?P<rest>.*?))\s*$"
)
SHORTCODE_CLOSE_RE = regex.compile(r"\{\{[<%]-?\s*/\s*([\w./-]+)")  # names that are paired

# Guards the re-parse of text found between component tags inside an HTML block.
MAX_NESTED_PARSE = 3
# How many enclosing containers and components a block's context names, innermost first.
MAX_CONTEXT = 64


def _heading_ids(dialect: Dialect):
    """A core rule taking the dialect's explicit id off each heading's inline text,
    into ``heading_open.meta`` — before inline parsing, so the id's markup is never
    read as text (``[[step-`x`]]`` holds a code span)."""

    def rule(state: StateCore) -> None:
        tokens = state.tokens
        for index, token in enumerate(tokens):
            if token.type != "heading_open" or index + 1 >= len(tokens):
                continue
            inline = tokens[index + 1]
            found = dialect.read_heading_id(inline.content)
            if found is None:
                continue
            inline.content, anchor = found
            if anchor:
                token.meta = {**(token.meta or {}), "anchor": anchor}

    return rule


@cache
def build_parser(dialect: str = dialects.DEFAULT) -> MarkdownIt:
    """The MarkdownIt of ``dialect``: the only place one is built, once per process."""
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    spec = dialects.get(dialect)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(footnote_plugin)
    for plugin in spec.plugins:
        plugin(md)
    if spec.heading_ids:
        md.core.ruler.before("inline", "heading_ids", _heading_ids(spec))
    return md


def parse(text: str, path: str = "<text>", dialect: str | None = None) -> Document:
    """Parse normalised text (``\\n`` line ends, no BOM) into a Document."""
    spec = dialects.get(dialect)
    builder = _Builder(text, spec)
    builder.walk(build_parser(spec.name).parse(text), line_offset=0, depth=0)
    return Document(
        path=path,
        lines=tuple(builder.lines),
        blocks=tuple(builder.blocks),
        lists=tuple(builder.lists),
        html_anchors=tuple(builder.html_anchors),
        malformed_anchors=tuple(builder.malformed_anchors),
        dialect=spec.name,
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
    def __init__(self, text: str, dialect: Dialect) -> None:
        self.text = text
        self.lines = text.split("\n")
        self.dialect = dialect
        self.blocks: list[Block] = []
        self.lists: list[ListInfo] = []
        self.html_anchors: list[HtmlAnchor] = []
        self.malformed_anchors: list[tuple[int, str]] = []
        self.containers: list[str] = []
        self.components: list[str] = []
        self._paired_shortcodes: frozenset[str] | None = None
        self._open_containers: list[tuple[str, str, int, bool]] = []

    def _add(self, kind: type[Block], line: int, end_line: int, **fields) -> None:
        """Add a block of ``kind`` at the current nesting; its index is its place."""
        self.blocks.append(kind(line, end_line, self.context, index=len(self.blocks), **fields))

    def inline(self, token: Token, line: int):
        found = inline_content(token, line, self.html_anchors, self.dialect.inline_markup)
        if self.dialect.verbatim_components.intersection(self.components):
            return replace(found, prose=MASK)  # file names in a <FileTree>: not prose
        return found

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
                self._add(
                    Table,
                    table["line"],
                    table["end"],
                    header=tuple(table["header"]),
                    rows=tuple(table["rows"]),
                )
                table = None
            elif kind == "inline":
                if table is not None:
                    table["row"].append(self.inline(token, first))
                elif pending_heading is not None:
                    self._heading(pending_heading, token, first, last)
                    pending_heading = None
                elif paragraph_open is not None:
                    self._paragraph(token, first, last, depth)
                    paragraph_open = None
            elif kind == "code_block" and depth < MAX_NESTED_PARSE and _markup_not_code(token):
                self._reparse(token.content, first, depth)
            elif kind in ("fence", "code_block"):
                self._code(token, first, last)
            elif kind == "html_block":
                self._html(token.content, first, last, depth)
            elif kind == "directive":
                meta = token.meta
                self._add(
                    Directive,
                    first,
                    last,
                    name=meta["name"],
                    argument=meta["argument"],
                    items=tuple(meta["items"]),
                )
            elif kind == "front_matter":
                self._add(FrontMatter, first, last, content=token.content)
            elif kind.startswith("container_") or kind.startswith("admonition_"):
                self._container(token, first, last)
            elif kind == "shortcode":
                self._shortcode(token, first)
            elif kind == "mdx_comment":
                meta = token.meta
                self._add(Comment, first, last, text=meta["text"], closed=meta["closed"])
            elif kind == "mdx_expression":
                self._add(Html, first, last, raw=token.content)

    def _heading(self, opening: Token, token: Token, first: int, last: int) -> None:
        anchor = (opening.meta or {}).get("anchor")
        raw = self.lines[first - 1] if opening.markup.startswith("#") else token.content
        syntax = self.dialect.id_syntax
        if syntax is not None and syntax.malformed and syntax.malformed.search(token.content):
            self.malformed_anchors.append((first, token.content))
        self._add(
            Heading,
            first,
            last,
            level=int(opening.tag[1]),
            inline=self.inline(token, first),
            anchor=anchor,
            raw=raw.lstrip().lstrip("#").strip(),
        )

    def _paragraph(self, token: Token, first: int, last: int, depth: int) -> None:
        if _only_html(token):
            self._html(token.content, first, last, depth)
            return
        inline = self.inline(token, first)
        if "blockquote" in self.containers:
            callout = CALLOUT_RE.match(inline.text)
            if callout:
                self._add(Callout, first, first, name=callout.group(1).upper())
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
        shortcodes = self.dialect.inline_shortcodes and "{{" in token.content
        if shortcodes:
            # an opening tag that starts the paragraph stands before its text
            self._inline_shortcodes(token, first, leading=True)
        self._add(Paragraph, first, last, inline=inline)
        if shortcodes:
            self._inline_shortcodes(token, first, leading=False)
        # Component tags and comments a paragraph swallowed (``</Tip>`` right after
        # a line of text, with no blank line between) still open, close and suppress.
        for line, content in inline.html:
            self._html(content, line, line + content.count("\n"), MAX_NESTED_PARSE)

    def _code(self, token: Token, first: int, last: int) -> None:
        fenced = token.type == "fence"
        closed = True
        if fenced:
            # ``> ```` closes a fence inside a blockquote
            closing = (
                BLOCKQUOTE_PREFIX_RE.sub("", self.lines[last - 1]).strip() if last > first else ""
            )
            marker = token.markup[0]
            closed = (
                len(closing) >= len(token.markup)
                and closing == marker * len(closing)
                and last > first
            )
        self._add(
            CodeBlock,
            first,
            last,
            info=token.info.strip(),
            content=token.content,
            fenced=fenced,
            closed=closed,
        )

    def _html(self, content: str, first: int, last: int, depth: int) -> None:
        """Split raw HTML into component tags, comments, other HTML and the Markdown between."""
        raw_text = False  # inside <style>, <script>…: CSS and code, never Markdown
        adjacent = False  # nothing but spaces since the last component tag
        for segment in html.segments(content):
            line = first + content.count("\n", 0, segment.start)
            end = line + segment.text.rstrip("\n").count("\n")
            if segment.kind == "comment" or (segment.kind != "tag" and segment.text.strip()):
                adjacent = False
            if segment.kind == "comment":
                self._add(Comment, line, end, text=segment.body, closed=segment.closed)
            elif segment.kind == "tag":
                raw_text = segment.role == "open" and segment.name.lower() in html.RAW_TEXT
                self.html_anchors.extend(
                    HtmlAnchor(name, line) for name in html.anchor_names(segment.text)
                )
                lowered = [name.lower() for name in self.components[-MAX_CONTEXT:]]
                # ``</tip>`` for ``<Tip>`` is a component tag gone wrong, not plain HTML
                if html.is_component(segment.name) or segment.name.lower() in lowered:
                    self._component(segment, line, end, adjacent=adjacent)
                    adjacent = True
                else:
                    self._add(Html, line, end, raw=segment.text)
                    adjacent = False
            elif segment.text.strip():
                if depth >= MAX_NESTED_PARSE or raw_text:
                    self._add(Html, line, end, raw=segment.text)
                    continue
                self._reparse(segment.text, line, depth)

    def _reparse(self, text: str, line: int, depth: int) -> None:
        """Parse text found inside HTML (or mistaken for indented code) as Markdown,
        keeping its line numbers. HTML is indented for its own reasons, so the text's
        common indentation is removed first: it does not make it code."""
        leading = len(text) - len(text.lstrip("\n"))
        lines = text[leading:].split("\n")
        rest = textwrap.dedent("\n".join(lines[1:]))
        tokens = build_parser(self.dialect.name).parse(
            lines[0].lstrip() + ("\n" + rest if len(lines) > 1 else "")
        )
        self.walk(tokens, line_offset=line - 1 + text.count("\n", 0, leading), depth=depth + 1)

    def _component(
        self, segment: html.Segment, line: int, end: int, markup: str = "", adjacent: bool = False
    ) -> None:
        """``adjacent``: the segment follows the previous tag with nothing between."""
        if segment.role == "close" and segment.name in self.components:
            index = len(self.components) - 1 - self.components[::-1].index(segment.name)
            del self.components[index:]
            opening = self.blocks[-1] if self.blocks and adjacent else None
            if (
                isinstance(opening, Component)
                and opening.role == "open"
                and opening.name == segment.name
                and not opening.markup
                and not markup
            ):
                # ``<X a="1"></X>`` with nothing between is ``<X a="1" />``: one tag
                self.blocks[-1] = replace(opening, end_line=end, role="self")
                return
        self._add(
            Component,
            line,
            end,
            name=segment.name,
            attrs=segment.attrs,
            role=segment.role,
            markup=markup,
        )
        if segment.role == "open":
            self.components.append(segment.name)

    def _container(self, token: Token, first: int, last: int) -> None:
        """An admonition or ``:::``/``///`` container: an opening and a closing tag."""
        if token.nesting == 1:
            if token.type.startswith("admonition_title"):
                return
            if token.type == "admonition_open":
                name = (token.meta or {}).get("tag", "")
                title = token.info.strip()[len(name) :].strip().strip('"')
                attrs: tuple[tuple[str, str], ...] = ()
                closed = True
            else:
                match = CONTAINER_INFO_RE.match(token.info)
                name = match.group("kind") if match else token.info.strip()
                title = next(
                    (
                        match.group(g)
                        for g in ("bracketed", "piped", "rest")
                        if match and match.group(g)
                    ),
                    "",
                )
                attrs = html.parse_attrs(match.group("attrs") or "") if match else ()
                # the container's map ends on its closing line, which ``last`` excludes
                closing = self.lines[last].strip() if last < len(self.lines) else ""
                closed = closing == token.markup[0] * len(closing) and len(closing) >= len(
                    token.markup
                )
                last += 1
            self._add(
                Component,
                first,
                first,
                name=name,
                attrs=attrs,
                role="open",
                markup=token.markup,
                title=title.strip(),
            )
            self.components.append(name)
            self._open_containers.append((name, token.markup, last, closed))
        elif token.nesting == -1 and not token.type.startswith("admonition_title"):
            if not self._open_containers:
                return
            name, markup, end, closed = self._open_containers.pop()
            if name in self.components:
                index = len(self.components) - 1 - self.components[::-1].index(name)
                del self.components[index:]
            if closed:
                self._add(Component, end, end, name=name, attrs=(), role="close", markup=markup)

    def _inline_shortcodes(self, token: Token, first: int, leading: bool) -> None:
        """Shortcodes inside a paragraph's text, as components: those that open the
        paragraph (``leading``) or the rest."""
        content = token.content
        end_of_leading = 0
        for match in plugins.SHORTCODE_INLINE_RE.finditer(content):
            is_leading = not content[end_of_leading : match.start()].strip()
            if is_leading:
                end_of_leading = match.end()
            if is_leading == leading:
                line = first + content.count("\n", 0, match.start())
                self._shortcode_tag(plugins.shortcode(match), line)

    def _shortcode(self, token: Token, line: int) -> None:
        self._shortcode_tag(token.meta, line)

    def _shortcode_tag(self, meta: dict, line: int) -> None:
        name = meta["name"]
        if self._paired_shortcodes is None:
            self._paired_shortcodes = frozenset(SHORTCODE_CLOSE_RE.findall(self.text))
        role = "close" if meta["closing"] else "open" if name in self._paired_shortcodes else "self"
        segment = html.Segment("tag", 0, "", name=name, attrs=meta["attrs"], role=role)
        self._component(segment, line, line, markup=meta["markup"])
