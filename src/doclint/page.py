"""The unit of work: one translated page, its source page, and what rules may ask of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from doclint import dialects
from doclint.align import Alignment, align
from doclint.dialects import Dialect
from doclint.document import Document
from doclint.freshness import Freshness
from doclint.packs import Pack
from doclint.site import Site
from doclint.slug import heading_ids
from doclint.termbase import Termbase

if TYPE_CHECKING:
    from doclint.trees import LanguageTree

T = TypeVar("T")


@dataclass
class Page:
    translation: Document
    source: Document | None
    source_path: str | None = None  # where the source page is or was expected, for messages
    language: str = ""
    source_language: str = "en"
    dialect: Dialect = field(default_factory=lambda: dialects.get(None))
    slug_style: str = "doc-builder"
    packs: tuple[Pack, ...] = field(default=())
    site: Site | None = None  # the rest of the docs, for rules that follow links
    allow: tuple[str, ...] = ()  # configured words never flagged as untranslated
    terms: Termbase | None = None  # approved renderings for this page's language
    # The source as the translator last saw it, where it differs from ``source`` in a way
    # a reader sees (None otherwise), and how the source moved on since.
    base: Document | None = None
    freshness: Freshness | None = None
    # The run's view of this page's language tree (pages, tables of contents), for
    # rules over a whole tree.
    tree: LanguageTree | None = None
    localized_urls: tuple[str, ...] = ()  # the project's localized sites, with {lang}
    # What several rules derive from the page alike, by the function that derives it;
    # a page made from another (``dataclasses.replace``) starts with none.
    _analyses: dict[Callable[[Page], object], object] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def analysis(self, derive: Callable[[Page], T]) -> T:
        """``derive(self)``, computed by the first rule that asks and shared with the
        others (the terms of each aligned block, the inline code compared…)."""
        if derive not in self._analyses:
            self._analyses[derive] = derive(self)
        return self._analyses[derive]  # type: ignore[return-value]

    @cached_property
    def alignment(self) -> Alignment:
        if self.source is None:
            raise ValueError("a page without a source has no alignment")
        return align(self.source, self.translation, self.slug_style)

    @cached_property
    def active_packs(self) -> tuple[Pack, ...]:
        """Packs for this page's language (a pack without a language applies everywhere)."""
        base = self.language.split("-")[0].lower()
        return tuple(p for p in self.packs if not p.language or p.language.lower() == base)

    @cached_property
    def allowed(self) -> tuple[str, ...]:
        """Words never flagged as untranslated: the configuration's and the packs'."""
        return tuple(dict.fromkeys((*self.allow, *(w for p in self.active_packs for w in p.allow))))

    @cached_property
    def translation_ids(self) -> list[str]:
        """Heading ids of the translation, in order, in the configured slug style."""
        return heading_ids(self.translation.headings, self.slug_style)

    @cached_property
    def source_ids(self) -> list[str]:
        return heading_ids(self.source.headings, self.slug_style) if self.source else []
