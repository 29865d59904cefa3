"""Which pages of a translated tree link to ``page#id``: what ``--fix`` must not break.

Asked only when a fix would replace an id. Every page of the tree is read once per run;
only pages whose text holds the fragment are parsed (through the runner's cache).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote

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
        self._texts: dict[Path, str] | None = None
        self._links: dict[Path, list[tuple[Path, str, str]]] = {}

    def to(self, page: Path, fragment: str) -> list[str]:
        """``path:line`` of each link from a page of the tree to ``page#fragment``."""
        if self._texts is None:
            self._texts = self._read()
        page = page.resolve()
        spellings = {f"#{fragment}", f"#{quote(fragment)}"}
        found = []
        for path, text in self._texts.items():
            if not any(spelling in text for spelling in spellings):
                continue
            for target, linked, where in self._links_of(path):
                if target == page and linked == fragment:
                    found.append(where)
        return found

    def _read(self) -> dict[Path, str]:
        texts = {}
        for path in self._pages():
            try:
                texts[path] = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue  # reported where the page itself is checked
        return texts

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

    def _links_of(self, path: Path) -> list[tuple[Path, str, str]]:
        """(target page, fragment, "path:line") of each link of ``path`` into the tree."""
        if path in self._links:
            return self._links[path]
        links: list[tuple[Path, str, str]] = []
        self._links[path] = links
        document = self.load(path)
        if document is None:
            return links
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
                    if target is not None and target.translated and not target.outside:
                        links.append((target.path.resolve(), fragment, f"{shown}:{link.line}"))
        return links
