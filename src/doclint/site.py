"""The other pages of a documentation tree, for rules that follow links between pages.

Rules do no I/O: they ask the page's ``Site`` which pages exist and which ids they
have. The runner's ``FileSite`` answers from disk, reading and parsing each page at
most once per run; tests can hand rules any object with the same two methods.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol
from urllib.parse import unquote

from doclint.document import Document

PAGE_EXTENSIONS = (".md", ".mdx")


@dataclass(frozen=True, slots=True)
class Target:
    """A page a link resolves to: the translated page if it exists, else the source's."""

    path: Path
    translated: bool
    outside: bool = False  # the link leads out of the repository: never opened


class Site(Protocol):
    def target(self, link_path: str) -> Target | None: ...

    def document(self, target: Target) -> Document | None: ...

    # Optional: the fragments that pages of the tree, in any language, link to on this
    # page (a site without it knows of no such link).
    # def linked_fragments(self) -> frozenset[str]: ...
    # Optional: the source page a translated target translates.
    # def source_of(self, target: Target) -> Target | None: ...


@dataclass
class FileSite:
    page: Path  # the translated page the links are on (absolute)
    root: Path  # the translated tree's top
    source_root: Path
    language: str
    layout: str
    load: Callable[[Path], Document | None]  # parse a page, cached by the runner
    folder_urls: bool = False  # ``a/b.md`` is served at ``a/b/`` (the dialect says)
    # Links are resolved inside this folder only (the repository): ``../../../etc/passwd``
    # is reported, never opened.
    boundary: Path | None = None
    # (page, top of the tree of every language) -> fragments linked on that page
    inbound: Callable[[Path, Path], frozenset[str]] | None = None

    def linked_fragments(self) -> frozenset[str]:
        """Fragments that pages of the tree, in any language, link to on this page."""
        if self.inbound is None:
            return frozenset()
        return self.inbound(self.page, Path(os.path.commonpath([self.root, self.source_root])))

    def target(self, link_path: str) -> Target | None:
        """Where a relative link (``model_doc/bert``, ``../quicktour.md``) lands.

        A link to a file (``x.md``) is relative to the page's file. A link to a URL
        (``../x/``) is relative to the page's URL: where the site serves each page as a
        folder (Hugo, mkdocs: ``a/b.md`` at ``a/b/``), that folder first, then the
        page's file as a reader of the Markdown source would follow it."""
        suffixless = not PurePosixPath(link_path).suffix
        if self.folder_urls and suffixless and not self._is_index():
            found = self._target_from(self.page.parent / self.page.stem, link_path)
            if found is not None and not found.outside:
                return found
        return self._target_from(self.page.parent, link_path)

    def _is_index(self) -> bool:
        return self.page.stem in ("index", "_index", "README")

    def _target_from(self, base: Path, link_path: str) -> Target | None:
        landing = Path(os.path.normpath(base / link_path))
        if not self._inside(landing):
            return Target(landing, False, outside=True)
        try:
            relative = landing.relative_to(self.root)
        except ValueError:
            # out of the translated tree (``../en/x.md``): the path is what it says
            return next(
                (Target(p, False) for p in self._candidates(landing) if self._is_page(p)), None
            )
        for path in self._translated(relative):
            if self._is_page(path):
                return Target(path, True)
        for path in self._candidates(self.source_root / relative):
            if self._is_page(path):
                return Target(path, False)
        return None

    def document(self, target: Target) -> Document | None:
        return None if target.outside else self.load(target.path)

    def source_of(self, target: Target) -> Target | None:
        """The source page a translated ``target`` translates (a source target is its
        own), or None where the source tree has no such page."""
        if target.outside or not target.translated:
            return None if target.outside else target
        try:
            relative = target.path.relative_to(self.root)
        except ValueError:
            return None
        if self.layout == "suffix":
            stem, dot, extension = relative.name.rpartition(".")
            name = stem.removesuffix(f".{self.language}") + dot + extension
            relative = relative.with_name(name)
        path = self.source_root / relative
        return Target(path, False) if self._is_page(path) else None

    def _inside(self, path: Path) -> bool:
        if self.boundary is None:
            return True
        try:
            path.relative_to(self.boundary)
        except ValueError:
            return False
        return True

    def _is_page(self, path: Path) -> bool:
        """A file, reached without leaving the repository through a symlink."""
        try:
            return path.is_file() and self._inside(path.resolve())
        except (OSError, RuntimeError):  # a symlink loop
            return False

    def _translated(self, relative: Path) -> list[Path]:
        if self.layout != "suffix":
            return self._candidates(self.root / relative)
        stem = relative.with_suffix("") if relative.suffix in PAGE_EXTENSIONS else relative
        return [
            self.root / stem.parent / f"{stem.name}.{self.language}{extension}"
            for extension in PAGE_EXTENSIONS
        ]

    @staticmethod
    def _candidates(path: Path) -> list[Path]:
        if path.suffix in PAGE_EXTENSIONS:
            return [path]
        return [path.with_name(path.name + extension) for extension in PAGE_EXTENSIONS] + [
            path / f"{index}{extension}"
            for index in ("index", "_index", "README")
            for extension in PAGE_EXTENSIONS
        ]


def link_path(href: str) -> str | None:
    """The page path of a relative link to another page, or None for anything else
    (external URLs, ``mailto:``, absolute paths, in-page fragments, assets)."""
    if not href or href.startswith(("#", "/")) or "://" in href or ":" in href.split("/")[0]:
        return None
    if "{{" in unquote(href) or "{%" in unquote(href):
        return None  # a template fills it in (``{{% param repo %}}``): not a path
    path = href.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    suffix = PurePosixPath(path).suffix
    if suffix and suffix not in PAGE_EXTENSIONS:
        return None
    return path
