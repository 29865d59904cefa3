"""Markdown dialects: what each docs framework adds to CommonMark.

A dialect declares everything that differs between frameworks and nothing else: the
parser plugins it needs, how an explicit heading id is written (read, and written back
by ``--fix``), the slug style of headings without one, which admonition keywords
render, inline markup that is never prose, and the rules that only make sense for it.
Rules never name a dialect; they ask the page's dialect (``page.dialect``).

Each framework is one module of this package defining ``DIALECT``; a dialect that
differs from another in a few points is that one ``derive``-d (as sqlfluff's
``ansi_dialect.copy_as``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import regex

# a section's own page (Hugo's ``_index.md``), never a partial
INDEX_STEMS = frozenset({"_index", "index"})

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

DEFAULT = "doc-builder"


@dataclass(frozen=True)
class IdSyntax:
    """An explicit heading id written at the end of the heading text.

    ``pattern`` matches the trailing id in a heading's raw inline text, with the id in
    group ``id`` (which may be absent for an attribute list with no ``#id``);
    ``template`` writes one (``{id}`` is replaced)."""

    pattern: regex.Pattern
    template: str
    # Leftovers of a malformed id (``[[ id ]]``, ``[[id]`` …) once a good one is taken off.
    malformed: regex.Pattern | None = None

    def read(self, content: str) -> tuple[str, str | None] | None:
        """``(text without the id markup, id or None)``, or None when there is none."""
        match = self.pattern.search(content)
        if match is None:
            return None
        return content[: match.start()].rstrip(), match.groupdict().get("id")

    def write(self, text: str, anchor: str) -> str:
        """``text`` (a heading's text after the ``#`` marks, no closing hashes) with its
        explicit id set to ``anchor``: an existing id of this syntax is replaced, never
        doubled."""
        match = self.pattern.search(text)
        if (
            match is not None
            and match.groupdict().get("id") is None
            and "attrs" in (match.groupdict())
        ):
            # an attribute list without an id (``{ .class }``): the id joins it
            attrs = match.group("attrs").strip()
            return f"{text[: match.start()].rstrip()} {{ #{anchor} {attrs} }}"
        head = text[: match.start()].rstrip() if match else text.rstrip()
        return head + self.template.replace("{id}", anchor)


def bracket_ids() -> IdSyntax:
    """doc-builder: ``## Title[[id]]``."""
    return IdSyntax(
        regex.compile(r"\[\[(?P<id>[^\[\]\s]+)\]\]\s*$"),
        "[[{id}]]",
        malformed=regex.compile(r"\[\[|\]\]|\[\[[^\]]*$"),
    )


def attribute_list_ids(template: str) -> IdSyntax:
    """An attribute list as Python-Markdown's attr_list, Goldmark and markdown-it-attrs
    read it: ``{#id}``, ``{ #id .class }``, ``{: #id }``."""
    return IdSyntax(
        regex.compile(
            r"\s*\{:?(?P<attrs>(?:\s*(?:#(?P<id>[^\s{}#]+)|\.[^\s{}]+|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s{}]+)))+)\s*\}\s*$"
        ),
        template,
    )


def mdx_comment_ids() -> IdSyntax:
    """Docusaurus's MDX-safe form: ``## Title {/* #id */}``."""
    return IdSyntax(regex.compile(r"\s*\{/\*\s*#(?P<id>[^\s*]+)\s*\*/\}\s*$"), " {/* #{id} */}")


Plugin = Callable[["MarkdownIt"], Any]


@dataclass(frozen=True)
class Dialect:
    name: str
    summary: str  # one line, for ``doclint dialects`` and the summary
    slug: str = "github"  # slug style of headings without an explicit id (see slug.py)
    # Explicit heading ids: the first is the one ``--fix`` writes; all are read.
    heading_ids: tuple[IdSyntax, ...] = ()
    plugins: tuple[Plugin, ...] = ()
    # Admonition/container keywords that render; a translation using another one (a
    # translated keyword) shows it as text. Empty: the dialect has no such syntax.
    callout_kinds: frozenset[str] = frozenset()
    # How to write an admonition, for messages: {kind} and {title}.
    callout_example: str = ""
    # Inline markup that is never prose (shortcodes, attribute lists, JSX expressions).
    inline_markup: tuple[regex.Pattern, ...] = ()
    # Components whose content is not prose (Starlight's ``<FileTree>`` lists files).
    verbatim_components: frozenset[str] = frozenset()
    # Components that are notes, the same as a ``> [!NOTE]`` alert written otherwise.
    note_components: frozenset[str] = frozenset()
    # Component attributes whose values readers see, so translations may change them.
    translatable_attributes: frozenset[str] = frozenset()
    # ``{/* … */}`` comments (and so suppression directives) as well as ``<!-- -->``.
    mdx_comments: bool = False
    # Each page is served as a folder (``a/b.md`` at ``a/b/``): relative URLs in it
    # resolve from that folder.
    folder_urls: bool = False
    # Hugo shortcodes inside a paragraph (``text {{% /note %}}``) open and close too.
    inline_shortcodes: bool = False
    # Files or folders whose name starts with this are partials included into pages
    # (``_includes/x.md``, ``_snippet.mdx``), not pages; index files excepted.
    partial_prefix: str = ""
    # Rules that only make sense in this dialect (by name), e.g. its own id syntax.
    own_rules: frozenset[str] = frozenset()
    # The toctree file that marks a doc set of this dialect, and the other markers.
    markers: tuple[str, ...] = field(default=())
    # Where a language folder's pages are, below it, when the framework's configuration
    # there says (mkdocs' ``docs_dir``): files elsewhere in it are not pages.
    pages_below: Callable[[Path], str | None] | None = None

    @property
    def id_syntax(self) -> IdSyntax | None:
        """The syntax ``--fix`` writes ids in; None where the dialect has none."""
        return self.heading_ids[0] if self.heading_ids else None

    def read_heading_id(self, content: str) -> tuple[str, str | None] | None:
        for syntax in self.heading_ids:
            found = syntax.read(content)
            if found is not None:
                return found
        return None

    def write_heading_id(self, text: str, anchor: str) -> str | None:
        """``text`` with its id set to ``anchor``; None where ids cannot be written.
        An id in any syntax the dialect reads is replaced."""
        if self.id_syntax is None:
            return None
        for syntax in self.heading_ids[1:]:
            found = syntax.read(text)
            if found is not None:
                text = found[0]
        return self.id_syntax.write(text, anchor)

    def is_partial(self, path: str) -> bool:
        """Whether the file at ``path`` is a partial that pages include: its in-page
        links resolve on the page that includes it."""
        if not self.partial_prefix:
            return False
        parts = PurePosixPath(path.replace("\\", "/")).parts
        return any(
            part.startswith(self.partial_prefix) and PurePosixPath(part).stem not in INDEX_STEMS
            for part in parts
        )

    def id_example(self, anchor: str) -> str:
        """How to keep ``anchor`` on a heading, for messages."""
        if self.id_syntax is None:
            return ""
        return self.id_syntax.template.replace("{id}", anchor).strip()

    def derive(self, **changes: Any) -> Dialect:
        return replace(self, **changes)


@lru_cache(maxsize=1)
def dialects() -> dict[str, Dialect]:
    """Every dialect, by name, found by walking this package."""
    found: dict[str, Dialect] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_") or info.name in ("detect", "plugins"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        dialect = getattr(module, "DIALECT", None)
        if isinstance(dialect, Dialect):
            found[dialect.name] = dialect
    return dict(sorted(found.items()))


def names() -> tuple[str, ...]:
    return tuple(dialects())


def get(name: str | None) -> Dialect:
    """The dialect called ``name`` (the default when None); KeyError when unknown."""
    return dialects()[name or DEFAULT]


def pages_folder(language_folder: Path) -> Path | None:
    """The folder holding the pages of a language folder, where a framework's
    configuration in it names one; None where pages may be anywhere in it."""
    for dialect in dialects().values():
        below = dialect.pages_below(language_folder) if dialect.pages_below else None
        if below is not None:
            return language_folder / below
    return None


def owned_rules() -> frozenset[str]:
    """Rules that belong to some dialect: they run only on that dialect's pages."""
    return frozenset(rule for dialect in dialects().values() for rule in dialect.own_rules)
