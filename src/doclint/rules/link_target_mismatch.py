"""An external link or image that the source and its translation do not share: a
target of a source block that the aligned translated block does not have (or that a
different target replaced), or a target of the translation that the source has
nowhere.

Link targets are not translated: a changed URL sends readers elsewhere, a dropped
image loses a figure, a link the source does not have is drift to review. Markdown
links and images and HTML ``<a href>`` links (in paragraphs and in HTML blocks) are
compared alike. Localized targets are accepted: the common ways sites name a language
(a path segment ``/ko/``, ``/ko-kr/``, ``/ko_KR/``, ``…/docs/ko/…``; a subdomain
``ko.react.dev``; a query ``?lang=ko``, ``hl=ko``), with a fragment of its own (the
localized page's headings are translated); an article of the reader's language's
edition of the same site where the source links its English one, whatever its path
(``fr.wikipedia.org/wiki/Andromède_(constellation)`` for
``en.wikipedia.org/wiki/Andromeda_(constellation)``, MDN's ``/fr/docs/…`` for
``/en-US/docs/…``: articles have translated titles and paths of their own); the same
path on a community translation's site named after the site and the language
(``vite-docs.ru/config/`` for ``vite.dev/config/``); the project's own
``localized-urls`` templates (``["https://fastapi.tiangolo.com/{lang}/"]``), and any
rewrite listed in the ``equivalent`` option as ``"REGEX => REPLACEMENT"`` applied to
the source URL, where the replacement may use ``{lang}`` (the translation's
language). Links to other pages of the docs are the business of
``broken-relative-link``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher
from functools import lru_cache
from urllib.parse import urlsplit

import regex

from doclint.document import Block, Link
from doclint.finding import Problem
from doclint.links import block_links, html_block_links
from doclint.page import Page
from doclint.rules._pairs import short
from doclint.urls import any_fragment, language_of, same_language, target_keys, unlocalised

CODE = "DL402"
NAME = "link-target-mismatch"
CATEGORY = "link"
SEVERITY = "warning"
OPTIONS = {"equivalent": []}

SIMILAR = 0.8  # how alike two targets of one site are to be one changed into the other
EXTERNAL_RE = regex.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", regex.IGNORECASE)
HOST_WORDS_RE = regex.compile(r"[.\-_:]")


def _compared(link: Link) -> bool:
    """External links and images; in-page and relative page links are left to others."""
    return bool(EXTERNAL_RE.match(link.href)) or (link.image and bool(link.href))


def _accepted(href: str, page: Page, rewrites: list[tuple[regex.Pattern, str]]) -> set[str]:
    """Every target (unlocalised) the translation may use for the source's ``href``."""
    templates = page.localized_urls
    url = unlocalised(href, templates)
    accepted = {url, any_fragment(url)}
    for pattern, replacement in rewrites:
        rewritten = pattern.sub(replacement.replace("{lang}", page.language), href.strip())
        accepted.add(unlocalised(rewritten, templates))
    return accepted


def _host(href: str) -> str:
    """The site, whatever edition: ``fr.wikipedia.org`` is ``wikipedia.org``."""
    return urlsplit(unlocalised(href)).netloc


def _localized(link: Link, other: Link, page: Page) -> bool:
    """Whether ``other`` is the reader's edition of what ``link`` names: of the same
    site, naming the page's language where the source names another, or the page
    itself on a mirror in the reader's language."""
    if _mirror(link.href, other.href, page.language):
        return True
    theirs = language_of(link.href, page.localized_urls)
    ours = language_of(other.href, page.localized_urls)
    return (
        theirs is not None
        and ours is not None
        and same_language(ours, page.language)
        and not same_language(theirs, page.language)
    )


def _mirror(href: str, other: str, language: str) -> bool:
    """``other`` is the same path as ``href`` on a community translation's own site, named
    after the site and the language (``vite.dev/config/`` → ``vite-docs.ru/config/``,
    ``pinia.vuejs.org`` → ``pinia-ru.netlify.app``)."""
    ours, theirs = urlsplit(other.strip()), urlsplit(href.strip())
    if not ours.netloc or not theirs.netloc or ours.path.rstrip("/") != theirs.path.rstrip("/"):
        return False
    name = theirs.netloc.lower().removeprefix("www.").split(".")[0]
    words = HOST_WORDS_RE.split(ours.netloc.lower().removeprefix("www."))
    primary = regex.split(r"[-_]", language.lower())[0]
    return (
        len(name) >= 3
        and name in words
        and primary in words
        and primary not in (HOST_WORDS_RE.split(theirs.netloc.lower()))
    )


def _same_site(link: Link, other: Link, page: Page) -> bool:
    return _host(other.href) == _host(link.href) or _mirror(link.href, other.href, page.language)


def _rewrites(options: dict) -> tuple[tuple[regex.Pattern, str], ...]:
    return _compiled_rewrites(tuple(options["equivalent"]))


@lru_cache(maxsize=16)  # compiled once per run, not once per page
def _compiled_rewrites(rules: tuple[str, ...]) -> tuple[tuple[regex.Pattern, str], ...]:
    rewrites = []
    for rule in rules:
        pattern, _, replacement = rule.partition("=>")
        try:
            rewrites.append((regex.compile(pattern.strip()), replacement.strip()))
        except regex.error:
            continue  # config validation reports it
    return tuple(rewrites)


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SIMILAR


def _key(href: str, templates: tuple[str, ...]) -> str:
    return unlocalised(href, templates)


class _Elsewhere:
    """The translation's links as a whole: for a source link its section lacks, whether
    the page has it somewhere (a paragraph moved), or a similar target of the same site
    that the source has nowhere (the link was changed where the paragraph now stands)."""

    def __init__(
        self, translated: list[Link], source: list[Link], everywhere: set[str], templates
    ) -> None:
        times = Counter(_key(link.href, templates) for link in translated)
        linked = Counter(_key(link.href, templates) for link in source)
        # a target the translation links as often as the source does is all there
        self.present = {href for href, count in times.items() if count >= linked[href]}
        self.candidates = [
            link for link in translated if not target_keys(link.href, templates) & everywhere
        ]

    def replacement(self, link: Link, language: str) -> Link | None:
        found = next(
            (
                other
                for other in self.candidates
                if other.image == link.image
                and (
                    (
                        _host(other.href) == _host(link.href)
                        and _similar(other.href.strip().rstrip("/"), link.href.strip().rstrip("/"))
                    )
                    or _mirror(link.href, other.href, language)
                )
            ),
            None,
        )
        if found is not None:
            self.candidates.remove(found)
        return found


def _problem(link: Link, line: int, instead: Link | None) -> Problem:
    where = f"; {short(instead.href, 60)!r} stands in its place" if instead else ""
    kind = "image" if link.image else "link"
    return Problem(
        line,
        f"{kind} target {short(link.href, 70)!r} of the source (line {link.line}) is "
        f"not in the translation{where}",
        source_line=link.line,
    )


def check(page: Page, options: dict) -> Iterator[Problem]:
    rewrites = _rewrites(options)
    templates = page.localized_urls
    source_html = html_block_links(page.source)
    translated_html = html_block_links(page.translation)

    def compared(blocks: Iterable[Block], in_html: dict) -> list[Link]:
        return [link for b in blocks for link in block_links(b, in_html) if _compared(link)]

    source_links = compared(page.source.blocks, source_html)
    translated_links = compared(page.translation.blocks, translated_html)
    # every target the source links anywhere: such a link replaces nothing
    everywhere = set().union(*(_accepted(link.href, page, rewrites) for link in source_links))
    elsewhere = _Elsewhere(translated_links, source_links, everywhere, templates)
    standing_in: set[int] = set()  # translated links already reported as replacements
    for pair in page.alignment.pairs:
        source, counterpart = pair.source, pair.translation
        if source is None:
            continue
        wanted = compared([source], source_html)
        if not wanted:
            continue
        if counterpart is None:
            # a source block the alignment left alone: only a link changed where the
            # block now stands is this rule's (a missing block is others')
            for link in wanted:
                if _accepted(link.href, page, rewrites) & elsewhere.present:
                    continue
                instead = elsewhere.replacement(link, page.language)
                if instead is not None:
                    standing_in.add(id(instead))
                    if not _localized(link, instead, page):
                        yield _problem(link, instead.line, instead)
            continue
        section = page.alignment.section(source)
        present = set().union(
            *(target_keys(link.href, templates) for link in compared(section, translated_html))
        )
        replacements = [
            link
            for link in compared([counterpart], translated_html)
            if not target_keys(link.href, templates) & everywhere
        ]
        for link in wanted:
            accepted = _accepted(link.href, page, rewrites)
            if accepted & present:
                continue
            # a replacement: a link of the same kind to the same site, in the counterpart
            instead = next(
                (
                    other
                    for other in replacements
                    if other.image == link.image and _same_site(link, other, page)
                ),
                None,
            )
            if instead is not None:
                replacements.remove(instead)
            elif accepted & elsewhere.present:
                continue  # the paragraph holding it moved: not a link changed
            else:
                instead = elsewhere.replacement(link, page.language)
            if instead is not None:
                standing_in.add(id(instead))
                if _localized(link, instead, page):
                    continue  # the reader's edition of the same article
            yield _problem(link, instead.line if instead else counterpart.line, instead)
    for link in translated_links:
        if id(link) in standing_in or target_keys(link.href, templates) & everywhere:
            continue
        kind = "image" if link.image else "link"
        yield Problem(
            link.line,
            f"{kind} target {short(link.href, 70)!r} is not in the source: the translation "
            "links where the source does not",
        )
