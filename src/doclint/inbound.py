"""Which heading ids the pages of a documentation tree link to.

A heading id matters to readers when something links to it: a page of the same
language, a page of another language (translations copy the source's links), or
the page itself. The index is built once per tree, from every page of every
language under the tree's top, and answers by page: ``docs/source/ko/x.md`` and
``docs/source/en/x.md`` are the same page ``x`` in two languages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

import regex

from doclint.document import Document, inline_of
from doclint.pairing import is_language_tag
from doclint.site import PAGE_EXTENSIONS, link_path


def page_key(path: Path, top: Path) -> str | None:
    """The page a file is in whatever language: its path under the language folder (or,
    beside its source, with the language suffix dropped), without the extension."""
    try:
        parts = list(path.relative_to(top).parts)
    except ValueError:
        return None
    if not parts:
        return None
    if len(parts) > 1 and is_language_tag(parts[0]):
        parts = parts[1:]
    name = parts[-1]
    for extension in PAGE_EXTENSIONS:
        if name.endswith(extension):
            name = name[: -len(extension)]
            break
    stem, dot, tag = name.rpartition(".")
    if dot and is_language_tag(tag):
        name = stem  # ``index.ko.md`` is the page ``index``
    parts[-1] = name
    return "/".join(parts)


def fragments_linked(document: Document) -> Iterable[tuple[str, str]]:
    """(link path or "" for the page itself, fragment) of each link with a fragment."""
    for block in document.blocks:
        for inline in inline_of(block):
            for link in inline.links:
                fragment = link.fragment
                if not fragment:
                    continue
                if link.is_in_page:
                    yield "", fragment
                    continue
                target = link_path(link.href)
                if target is not None:
                    yield target, fragment


# Link targets in a page's raw text: ``](target)``, ``]: target`` and ``href="target"``.
# Scanning the text, not parsing it, keeps the index cheap for a tree of thousands of
# pages; a link shown inside a code example counts too, which only errs towards a
# warning.
LINK_TARGET_RE = regex.compile(
    r"""\]\([ \t]*+<?([^()\s<>#]*+#[^()\s<>]+)>?|^[ \t]*+\[[^\]\n]+\]:[ \t]*(\S*#\S+)"""
    r"""|href=["']([^"'#]*+#[^"']+)["']""",
    regex.MULTILINE,
)


def fragments_in_text(text: str) -> Iterable[tuple[str, str]]:
    """(link path or "" for the page itself, fragment) of each link in raw page text."""
    for match in LINK_TARGET_RE.finditer(text):
        href = next(group for group in match.groups() if group)
        if href.startswith("#"):
            yield "", href[1:]
            continue
        target = link_path(href)
        if target is not None:
            yield target, href.partition("#")[2]


def build_index(top: Path, read: Callable[[Path], str | None]) -> dict[str, set[str]]:
    """Fragments linked on each page (by ``page_key``) from every page under ``top``,
    read with ``read`` (None for a page that cannot be read)."""
    index: dict[str, set[str]] = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(PAGE_EXTENSIONS):
                continue
            path = Path(folder) / name
            text = read(path)
            if text is None:
                continue
            for target, fragment in fragments_in_text(text):
                landing = (
                    path
                    if not target
                    else Path(os.path.normpath(path.parent / PurePosixPath(target)))
                )
                for candidate in (landing, landing / "index"):
                    key = page_key(candidate, top)
                    if key is not None:
                        index.setdefault(key, set()).add(fragment)
    return index
