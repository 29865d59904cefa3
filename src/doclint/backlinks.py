"""Which pages of a translated tree link to ``page#id``: what ``--fix`` must not break.

Built on first use, once per translated tree and run, from every page of the tree (read
and parsed through the runner's cache, so pages already linted are not parsed again).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from doclint.document import Document, inline_of
from doclint.site import PAGE_EXTENSIONS, FileSite, link_path
from doclint.textfile import display_path


class Backlinks:
    def __init__(
        self,
        root: Path,
        source_root: Path,
        language: str,
        layout: str,
        load: Callable[[Path], Document | None],
        absolute_paths: bool = False,
    ) -> None:
        self.root = root
        self.source_root = source_root
        self.language = language
        self.layout = layout
        self.load = load
        self.absolute_paths = absolute_paths
        self._index: dict[tuple[Path, str], list[str]] | None = None

    def to(self, page: Path, fragment: str) -> list[str]:
        """``path:line`` of each link from a page of the tree to ``page#fragment``."""
        if self._index is None:
            self._index = self._build()
        return self._index.get((page.resolve(), fragment), [])

    def _pages(self) -> list[Path]:
        found = []
        root = self.root.resolve()
        # Symlinked folders are not followed: they may lead out of the tree or in a loop.
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(PAGE_EXTENSIONS) and self._in_language(name):
                    found.append(path)
        return found

    def _in_language(self, name: str) -> bool:
        """In a suffix layout the tree holds every language: only this one's pages."""
        if self.layout != "suffix":
            return True
        tag = name.rsplit(".", 2)[-2] if name.count(".") >= 2 else ""
        return tag.replace("_", "-").lower() == self.language.lower()

    def _build(self) -> dict[tuple[Path, str], list[str]]:
        index: dict[tuple[Path, str], list[str]] = {}
        for path in self._pages():
            document = self.load(path)
            if document is None:
                continue
            site = FileSite(
                page=path.resolve(),
                root=self.root,
                source_root=self.source_root,
                language=self.language,
                layout=self.layout,
                load=self.load,
            )
            shown = display_path(path, self.absolute_paths)
            for block in document.blocks:
                for inline in inline_of(block):
                    for link in inline.links:
                        target_path = link_path(link.href)
                        fragment = unquote(link.href.partition("#")[2])
                        if target_path is None or not fragment:
                            continue
                        target = site.target(unquote(target_path))
                        if target is not None and target.translated:
                            key = (target.path.resolve(), fragment)
                            index.setdefault(key, []).append(f"{shown}:{link.line}")
        return index
