"""The document model: what a parsed Markdown page is made of.

Every block carries 1-based, inclusive line numbers of the original file. Blocks are
leaves in document order (a paragraph inside a list item inside a ``<Tip>`` is one
block); ``context`` says which containers enclose it. Containers that rules compare
as a whole (lists) are kept beside the blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar


@dataclass(frozen=True, slots=True)
class CodeSpan:
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Link:
    href: str
    text: str
    line: int
    image: bool = False

    @property
    def fragment(self) -> str | None:
        """The part after ``#``, or None when the link has none."""
        _, sep, fragment = self.href.partition("#")
        return fragment if sep else None

    @property
    def is_in_page(self) -> bool:
        return self.href.startswith("#")


@dataclass(frozen=True, slots=True)
class ApiLink:
    """A doc-builder auto-link such as ``[`ClassName`]``."""

    name: str
    line: int


@dataclass(frozen=True, slots=True)
class Inline:
    """The inline content of a paragraph, heading or table cell."""

    text: str  # as a reader sees it: markup removed, code spans' text kept
    prose: str  # the translatable text: code, URLs and HTML replaced by MASK
    code_spans: tuple[CodeSpan, ...] = ()
    links: tuple[Link, ...] = ()
    api_links: tuple[ApiLink, ...] = ()
    pieces: tuple[str, ...] = ()  # inline children's text, as doc-builder joins them for slugs
    line: int = 0  # where the content starts
    html: tuple[tuple[int, str], ...] = ()  # (line, tag) of each inline HTML tag


MASK = "\ufffc"  # stands where code, a URL or an HTML tag was removed from prose


@dataclass(frozen=True, slots=True)
class Block:
    kind: ClassVar[str] = "block"
    line: int
    end_line: int
    context: tuple[str, ...]
    # The block's position in its document's ``blocks``: its identity, by which maps
    # over a page's blocks are keyed (-1 for a block that is in no document). Not
    # compared: two blocks alike are equal wherever they stand.
    index: int = field(default=-1, kw_only=True, compare=False)


@dataclass(frozen=True, slots=True)
class Heading(Block):
    kind: ClassVar[str] = "heading"
    level: int
    inline: Inline
    anchor: str | None  # explicit id in the dialect's syntax: ``[[id]]``, ``{#id}``…
    raw: str  # the heading's source text after the ``#`` marks


@dataclass(frozen=True, slots=True)
class Paragraph(Block):
    kind: ClassVar[str] = "paragraph"
    inline: Inline


@dataclass(frozen=True, slots=True)
class CodeBlock(Block):
    kind: ClassVar[str] = "code"
    info: str
    content: str
    fenced: bool
    closed: bool = True

    @property
    def language(self) -> str:
        return self.info.split(maxsplit=1)[0].lower() if self.info.strip() else ""


@dataclass(frozen=True, slots=True)
class Table(Block):
    kind: ClassVar[str] = "table"
    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]

    @property
    def columns(self) -> int:
        return len(self.header)


@dataclass(frozen=True, slots=True)
class Directive(Block):
    """A doc-builder directive: ``[[autodoc]] name`` and its ``- item`` list, or
    ``[[open-in-colab]]``."""

    kind: ClassVar[str] = "directive"
    name: str
    argument: str
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Component(Block):
    """One component tag: an MDX/HTML component (``<Tip>``), an admonition or container
    (``!!! note``, ``/// tip | Title``, ``:::tip[Title]``) or a shortcode
    (``{{< note >}}``). ``role`` is ``open``, ``close`` or ``self`` (``<Youtube/>``).

    ``markup`` is the dialect's marker for non-HTML syntax (``:::``, ``///``, ``!!!``,
    ``{{<``); ``title`` is a label shown to readers, which a translation may change."""

    kind: ClassVar[str] = "component"
    name: str
    attrs: tuple[tuple[str, str], ...]
    role: str
    markup: str = ""
    title: str = ""

    @property
    def label(self) -> str:
        """The tag as the page writes it, for messages."""
        slash = "/" if self.role == "close" else ""
        if self.markup.startswith("{{"):
            return f"{self.markup} {slash}{self.name} {'%}}' if '%' in self.markup else '>}}'}"
        if self.markup:
            return self.markup if self.role == "close" else f"{self.markup} {self.name}"
        return f"<{slash}{self.name}{'/>' if self.role == 'self' else '>'}"


@dataclass(frozen=True, slots=True)
class Callout(Block):
    """A GitHub-style callout marker: ``> [!TIP]``."""

    kind: ClassVar[str] = "callout"
    name: str


@dataclass(frozen=True, slots=True)
class Comment(Block):
    kind: ClassVar[str] = "comment"
    text: str  # between ``<!--`` and ``-->``
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Html(Block):
    """Raw HTML that is neither a component nor a comment (``<div>``, ``<img>``…)."""

    kind: ClassVar[str] = "html"
    raw: str


@dataclass(frozen=True, slots=True)
class FrontMatter(Block):
    kind: ClassVar[str] = "front_matter"
    content: str


@dataclass(frozen=True, slots=True)
class ListInfo:
    line: int
    end_line: int
    ordered: bool
    items: int
    depth: int


@dataclass(frozen=True, slots=True)
class HtmlAnchor:
    """An ``<a id="…">`` or ``<a name="…">`` target."""

    name: str
    line: int


@dataclass(frozen=True)
class Document:
    path: str
    lines: tuple[str, ...]
    blocks: tuple[Block, ...]
    lists: tuple[ListInfo, ...] = ()
    html_anchors: tuple[HtmlAnchor, ...] = ()
    # Bare ``[[`` … ``]]`` in a heading that is not a well-formed trailing anchor.
    malformed_anchors: tuple[tuple[int, str], ...] = field(default=())
    dialect: str = "doc-builder"  # the dialect it was parsed in

    def of_kind(self, cls: type) -> list:
        return [block for block in self.blocks if isinstance(block, cls)]

    @cached_property
    def headings(self) -> list[Heading]:
        return self.of_kind(Heading)

    @cached_property
    def code_blocks(self) -> list[CodeBlock]:
        return self.of_kind(CodeBlock)

    @cached_property
    def components(self) -> list[Component]:
        return self.of_kind(Component)

    @cached_property
    def comments(self) -> list[Comment]:
        return self.of_kind(Comment)

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""


def inline_of(block: Block) -> tuple[Inline, ...]:
    """All inline content a block holds (a table has one per cell)."""
    if isinstance(block, (Paragraph, Heading)):
        return (block.inline,)
    if isinstance(block, Table):
        return block.header + tuple(cell for row in block.rows for cell in row)
    return ()
