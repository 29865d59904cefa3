"""An external link or image of the source block that the aligned translated block
does not have, or that a different target replaced.

Link targets are not translated: a changed URL sends readers elsewhere, a dropped
image loses a figure. Localised targets are accepted: Hugging Face's language path
segment (``/docs/transformers/en/…`` → ``/docs/transformers/ko/…``), and any rewrite
listed in the ``equivalent`` option as ``"REGEX => REPLACEMENT"`` applied to the
source URL, where the replacement may use ``{lang}`` (the translation's language).
Links to other pages of the docs are the business of ``broken-relative-link``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urlsplit

import regex

from doclint.document import Block, Link, inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.pairing import is_language_tag
from doclint.rules._pairs import short, with_inline

CODE = "DL402"
NAME = "link-target-mismatch"
CATEGORY = "link"
SEVERITY = "warning"
OPTIONS = {"equivalent": []}

EXTERNAL_RE = regex.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", regex.IGNORECASE)


def _compared(link: Link) -> bool:
    """External links and images; in-page and relative page links are left to others."""
    return bool(EXTERNAL_RE.match(link.href)) or (link.image and bool(link.href))


def _normal(href: str) -> str:
    return href.strip().rstrip("/")


def _unlocalised(href: str) -> str:
    """``href`` with language path segments (``/en/``, ``/en-us/``, ``/ko/``) wildcarded:
    sites serve the same page in another language under another such segment."""
    scheme, sep, rest = href.partition("://")
    if not sep:
        return href
    path, query_sep, query = rest.partition("?")
    segments = ["*" if is_language_tag(segment.lower()) else segment for segment in path.split("/")]
    return scheme + sep + "/".join(segments) + query_sep + query


def _accepted(href: str, page: Page, rewrites: tuple[tuple[regex.Pattern, str], ...]) -> set[str]:
    """Every target (unlocalised) the translation may use for the source's ``href``."""
    base = _normal(href)
    accepted = {_unlocalised(base)}
    for pattern, replacement in rewrites:
        accepted.add(
            _unlocalised(_normal(pattern.sub(replacement.replace("{lang}", page.language), base)))
        )
    return accepted


def _host(href: str) -> str:
    return urlsplit(href).netloc.lower().removeprefix("www.")


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


def _links(blocks: list[Block]) -> list[Link]:
    return [link for b in blocks for i in inline_of(b) for link in i.links if _compared(link)]


def check(page: Page, options: dict) -> Iterator[Problem]:
    rewrites = _rewrites(options)
    # every target the source links anywhere: such a link replaces nothing
    everywhere = set().union(
        *(_accepted(link.href, page, rewrites) for link in _links(list(page.source.blocks)))
    )
    for source, section in with_inline(page):
        wanted = [link for i in inline_of(source) for link in i.links if _compared(link)]
        if not wanted:
            continue
        present = {_unlocalised(_normal(link.href)) for link in _links(section)}
        counterpart = page.alignment.counterpart(source)
        replacements = [
            link
            for link in _links([counterpart])
            if _unlocalised(_normal(link.href)) not in everywhere
        ]
        for link in wanted:
            if _accepted(link.href, page, rewrites) & present:
                continue
            # a replacement: a link of the same kind to the same site, in the counterpart
            instead = next(
                (
                    other
                    for other in replacements
                    if other.image == link.image and _host(other.href) == _host(link.href)
                ),
                None,
            )
            where = ""
            if instead is not None:
                replacements.remove(instead)
                where = f"; {short(instead.href, 60)!r} stands in its place"
            kind = "image" if link.image else "link"
            yield Problem(
                instead.line if instead else counterpart.line,
                f"{kind} target {short(link.href, 70)!r} of the source (line {link.line}) is "
                f"not in the translation{where}",
                source_line=link.line,
            )
