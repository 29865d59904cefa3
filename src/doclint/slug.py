"""Heading ids as the renderers compute them.

``doc-builder`` (Hugging Face's doc-builder, the default)::

    title.trim().toLowerCase().replace(/\\s+/g, "-").replace(/[^\\p{L}\\p{N}-]+/gu, "")

where ``title`` is the heading's inline children joined with a space, so "`AutoModel`s"
becomes ``automodel-s``; duplicates are not numbered. An explicit ``[[id]]`` wins and
is taken as written. (This is what doc-builder's page preprocessor computes.)

``github`` (github-slugger): lower case, characters other than letters, marks, numbers,
connector punctuation (``_``), hyphens and spaces removed, each space a hyphen (runs are
not collapsed), and duplicates numbered ``-1``, ``-2``…
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from doclint.document import Directive, Document, Heading

STYLES = ("doc-builder", "github")

_WHITESPACE = regex.compile(r"\s+")
_DOC_BUILDER_DROP = regex.compile(r"[^\p{L}\p{N}-]+")
_GITHUB_DROP = regex.compile(r"[^\p{L}\p{M}\p{N}\p{Pc} -]+")


def doc_builder_slug(pieces: Iterable[str]) -> str:
    title = " ".join(pieces).strip().lower()
    return _DOC_BUILDER_DROP.sub("", _WHITESPACE.sub("-", title))


def github_slug(text: str) -> str:
    return _GITHUB_DROP.sub("", text.lower()).replace(" ", "-")


def heading_ids(headings: Iterable[Heading], style: str = "doc-builder") -> list[str]:
    """The id of each heading, in order, as rendered in ``style``."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    for heading in headings:
        if heading.anchor:
            ids.append(heading.anchor)
            continue
        if style == "github":
            base = github_slug(heading.inline.text)
            count = seen.get(base, 0)
            seen[base] = count + 1
            ids.append(f"{base}-{count}" if count else base)
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
