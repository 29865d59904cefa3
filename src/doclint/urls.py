"""External URLs as a translation may localize them.

A translated page rightly links to the localized version of the page its source links
to. Sites name the language in a few common ways, all recognised: a path segment
(``/ko/``, ``/ko-kr/``, ``/ko_KR/``, ``…/docs/ko/…``, also inserted where the source
URL has none), a subdomain (``ko.react.dev``, ``ja.vuejs.org``) and a query parameter
(``?lang=ko``, ``hl=ko``, ``locale=ko-KR``). A project's own conventions are given as
templates with ``{lang}`` (``https://docs.example.com/{lang}-docs/``), where the
language may be any tag-shaped code the project uses (``jp``, ``kr``, ``zh-hant``).

``unlocalised`` removes the language from a URL, so that a URL and its localized
versions compare equal; a path on the same site (``/ko/guide/``, ``img/ko/x.png``)
loses its language segments too. ``language_of`` says which language a URL names: an
article of another language's edition (``fr.wikipedia.org/wiki/Andromède``, MDN's
``/fr/docs/…``) has a path of its own, so its language is what ties it to the source's.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

import regex

from doclint.pairing import is_language_tag

LANGUAGE_PARAMETERS = frozenset({"lang", "hl", "locale", "language", "lng", "setlang", "ln"})
TAG_SHAPE = r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*"
SEPARATORS = "/.-_"


class TemplateError(ValueError):
    """A ``localized-urls`` entry that cannot be used."""


def template_problem(template: str) -> str | None:
    """Why ``template`` is no usable localized-URL template, or None when it is."""
    if template.count("{lang}") != 1:
        return f"{template!r} must contain {{lang}} exactly once"
    if not regex.match(r"^(?:https?:)?//[^/]", template, regex.IGNORECASE):
        return f"{template!r} must be an absolute URL (https://…)"
    return None


@lru_cache(maxsize=64)
def compile_templates(templates: tuple[str, ...]) -> tuple[tuple[regex.Pattern, str], ...]:
    """Each usable template as a pattern and what a match is replaced with."""
    compiled = []
    for template in templates:
        if template_problem(template):
            continue  # configuration validation reports it
        before, _, after = template.partition("{lang}")
        # The language goes with one separator: ``/ko/`` → ``/``, ``ko.`` → ``""``,
        # ``docs-ko/`` → ``docs/``.
        if before and before[-1] in "-_":
            kept = before[:-1] + after
        elif after and after[0] in SEPARATORS:
            kept = before + after[1:]
        else:
            kept = before + after
        pattern = regex.compile(
            "^" + regex.escape(before) + f"(?:{TAG_SHAPE})" + regex.escape(after),
            regex.IGNORECASE,
        )
        compiled.append((pattern, kept))
    return tuple(compiled)


def unlocalised(href: str, templates: tuple[str, ...] = ()) -> str:
    """``href`` without the language a site names in it, and without ``www.`` and a
    trailing ``/``. A URL that is not absolute is returned stripped."""
    return _unlocalise(href, templates)[0]


def target_keys(href: str, templates: tuple[str, ...] = ()) -> set[str]:
    """What ``href`` may match: its unlocalised form and, for a URL that names a
    language, the same with any fragment (``any_fragment``) — a localized page's
    headings, and so its fragments, are translated."""
    url, localized = _unlocalise(href, templates)
    return {url, any_fragment(url)} if localized else {url}


def any_fragment(url: str) -> str:
    """The key under which ``url`` matches a localized URL whatever its fragment."""
    return url.partition("#")[0] + "#*"


def _unlocalise(href: str, templates: tuple[str, ...]) -> tuple[str, bool]:
    """The unlocalised URL, and whether a language was taken out of it."""
    href = href.strip()
    original = href
    for pattern, kept in compile_templates(templates):
        href = pattern.sub(lambda _, kept=kept: kept, href, count=1)
    localized = href != original
    scheme, sep, rest = href.partition("//")
    if not sep or (scheme and not scheme.endswith(":")):
        if regex.match(r"^[a-z][a-z0-9+.-]*:", href, regex.IGNORECASE):
            return href.rstrip("/"), localized  # mailto:, data:…
        # a path on the same site: ``/ko/guide/``, ``images/ko/x.png``
        path, hash_sep, fragment = href.partition("#")
        parts = path.split("/")
        kept = [part for part in parts if not is_language_tag(part.lower())]
        url = "/".join(kept).rstrip("/") + hash_sep + fragment
        return url, localized or len(kept) != len(parts)
    rest, hash_sep, fragment = rest.partition("#")
    rest, _, query = rest.partition("?")
    host, slash, path = rest.partition("/")
    bare_host = _unlocalised_host(host.lower())
    segments = [segment for segment in path.split("/") if not is_language_tag(segment.lower())]
    localized_query = _unlocalised_query(query)
    localized = (
        localized
        or bare_host != host.lower().removeprefix("www.")
        or len(segments) != len(path.split("/"))
        or localized_query != query
    )
    host, path, query = bare_host, "/".join(segments), localized_query
    url = scheme.lower() + sep + host + slash + path
    url = url.rstrip("/")
    if query:
        url += "?" + query
    if hash_sep:
        url += "#" + fragment
    return url, localized


def subdomain_language(host: str) -> str | None:
    """The language a host's first label names (``ko.react.dev``, ``fr.wikipedia.org``),
    lowercased; ``id.me`` is a site's own name."""
    labels = host.lower().removeprefix("www.").split(".")
    return labels[0] if len(labels) >= 3 and is_language_tag(labels[0]) else None


def _unlocalised_host(host: str) -> str:
    host = host.removeprefix("www.")
    # ``ko.react.dev`` is ``react.dev`` in Korean
    return host.partition(".")[2] if subdomain_language(host) else host


def _unlocalised_query(query: str) -> str:
    if not query:
        return ""
    pairs = parse_qsl(query, keep_blank_values=True)
    kept = [
        (key, value)
        for key, value in pairs
        if not (key.lower() in LANGUAGE_PARAMETERS and regex.fullmatch(TAG_SHAPE, value))
    ]
    return query if len(kept) == len(pairs) else urlencode(kept)


def language_of(href: str, templates: tuple[str, ...] = ()) -> str | None:
    """The language an absolute URL names — by a template, a subdomain (``fr.wikipedia.org``),
    a path segment (``/en-US/docs/``) or a query (``?hl=ko``) — lowercased, or None."""
    href = href.strip()
    for template in templates:
        if template_problem(template):
            continue
        before, _, after = template.partition("{lang}")
        match = regex.match(
            regex.escape(before) + f"({TAG_SHAPE})" + regex.escape(after), href, regex.IGNORECASE
        )
        if match:
            return match.group(1).lower()
    scheme, sep, rest = href.partition("//")
    if not sep or (scheme and not scheme.endswith(":")):
        return None
    rest = rest.partition("#")[0]
    rest, _, query = rest.partition("?")
    host, _, path = rest.partition("/")
    if (language := subdomain_language(host)) is not None:
        return language
    for segment in path.split("/"):
        if is_language_tag(segment.lower()):
            return segment.lower()
    for key, value in parse_qsl(query, keep_blank_values=True):
        if key.lower() in LANGUAGE_PARAMETERS and regex.fullmatch(TAG_SHAPE, value):
            return value.lower()
    return None


def same_language(tag: str, other: str) -> bool:
    """``pt-br`` and ``pt``, ``zh-cn`` and ``zh_TW``: one language for a reader."""
    return regex.split(r"[-_]", tag.lower())[0] == regex.split(r"[-_]", other.lower())[0]
