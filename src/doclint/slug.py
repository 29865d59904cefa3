"""Heading ids as the renderers compute them.

``doc-builder`` (Hugging Face's doc-builder, the default)::

    title.trim().toLowerCase().replace(/\\s+/g, "-").replace(/[^\\p{L}\\p{N}-]+/gu, "")

where ``title`` is the heading's inline children joined with a space, so "`AutoModel`s"
becomes ``automodel-s``; duplicates are not numbered. An explicit ``[[id]]`` wins and
is taken as written. (This is what doc-builder's page preprocessor computes.)

``github`` (github-slugger: GitHub, Docusaurus, Starlight; Hugo's Goldmark is alike):
lower case, characters other than letters, marks, numbers, connector punctuation
(``_``), hyphens and spaces removed, each space a hyphen (runs are not collapsed), and
duplicates numbered ``-1``, ``-2``…

``vitepress`` (``@mdit-vue/shared``'s slugify): NFKD with combining marks dropped,
control characters removed, each run of spaces and ASCII punctuation one hyphen, no
leading or trailing hyphen, a leading digit prefixed with ``_``, lower case;
duplicates numbered ``-1``, ``-2``…

``python-markdown`` (Python-Markdown's toc, mkdocs' default): NFKD folded to ASCII (so
Korean or Japanese text leaves nothing), ``[^\\w\\s-]`` removed, lower case, runs of
spaces and hyphens one hyphen; duplicates and empty ids numbered ``_1``, ``_2``…
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import regex

from doclint.document import Directive, Document, Heading

STYLES = ("doc-builder", "github", "vitepress", "python-markdown")

_WHITESPACE = regex.compile(r"\s+")
_DOC_BUILDER_DROP = regex.compile(r"[^\p{L}\p{N}-]+")
_GITHUB_DROP = regex.compile(r"[^\p{L}\p{M}\p{N}\p{Pc} -]+")


def doc_builder_slug(pieces: Iterable[str]) -> str:
    title = " ".join(pieces).strip().lower()
    return _DOC_BUILDER_DROP.sub("", _WHITESPACE.sub("-", title))


def github_slug(text: str) -> str:
    return _GITHUB_DROP.sub("", text.lower()).replace(" ", "-")


_VITEPRESS_SPECIAL = regex.compile(r"[\s~`!@#$%^&*()\-_+=\[\]{}|\\;:\"'“”‘’<>,.?/]+")
_EMOJI_SHORTCODE = regex.compile(r":[a-z0-9_+-]+:")
_COMBINING = regex.compile(r"[\u0300-\u036f]")
_CONTROL = regex.compile(r"[\u0000-\u001f]")
_PYMD_DROP = regex.compile(r"[^\w\s-]")
_PYMD_JOIN = regex.compile(r"[-\s]+")
_PYMD_COUNT = regex.compile(r"^(.*)_([0-9]+)$")


def vitepress_slug(text: str) -> str:
    # ``:tada:`` renders as an emoji, which the slug drops
    text = _EMOJI_SHORTCODE.sub("", text)
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    text = _VITEPRESS_SPECIAL.sub("-", _CONTROL.sub("", text))
    text = regex.sub(r"-{2,}", "-", text).strip("-")
    return regex.sub(r"^(\d)", r"_\1", text).lower()


def python_markdown_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _PYMD_JOIN.sub("-", _PYMD_DROP.sub("", text).strip().lower())


def _numbered_hyphen(base: str, seen: dict[str, int]) -> str:
    count = seen.get(base, 0)
    seen[base] = count + 1
    return f"{base}-{count}" if count else base


def _numbered_underscore(base: str, used: set[str]) -> str:
    while base in used or not base:
        match = _PYMD_COUNT.match(base)
        base = f"{match.group(1)}_{int(match.group(2)) + 1}" if match else f"{base}_1"
    used.add(base)
    return base


def heading_ids(headings: Iterable[Heading], style: str = "doc-builder") -> list[str]:
    """The id of each heading, in order, as rendered in ``style``. An explicit id is
    taken as written (and, where the renderer numbers duplicates, counts as used)."""
    headings = list(headings)
    ids: list[str] = []
    seen: dict[str, int] = {}
    used = {heading.anchor for heading in headings if heading.anchor}
    for heading in headings:
        if heading.anchor:
            ids.append(heading.anchor)
        elif style == "github":
            ids.append(_numbered_hyphen(github_slug(heading.inline.text), seen))
        elif style == "vitepress":
            ids.append(_numbered_hyphen(vitepress_slug(heading.inline.text), seen))
        elif style == "python-markdown":
            ids.append(_numbered_underscore(python_markdown_slug(heading.inline.text), used))
        else:
            ids.append(doc_builder_slug(heading.inline.pieces))
    return ids


def link_targets(document: Document, style: str = "doc-builder") -> set[str]:
    """Every id a link may point at in ``document``: heading ids and HTML anchors."""
    return set(heading_ids(document.headings, style)) | {a.name for a in document.html_anchors}


def autodoc_target(document: Document, fragment: str) -> bool:
    """Whether ``fragment`` is an id that an ``[[autodoc]]`` of ``document`` renders:
    ``#transformers.AutoModel`` or ``#transformers.AutoModel.from_pretrained`` for
    ``[[autodoc]] AutoModel`` (the full module path is only known at build time)."""
    parts = fragment.split(".")
    if len(parts) < 2:
        return False
    for directive in document.of_kind(Directive):
        if directive.name != "autodoc" or not directive.argument:
            continue
        name = directive.argument.split(".")[-1]
        if parts[-1] == name or (len(parts) >= 3 and parts[-2] == name):
            return True
    return False
