"""Which dialect a page is written in, when the configuration does not say.

From the repository first: the nearest folder above the page (or its source-language
sibling, where FastAPI keeps ``docs/en/mkdocs.yml``) holding a framework's marker —
``_toctree.yml`` (doc-builder), ``mkdocs.yml``, ``docusaurus.config.*``, ``.vitepress/``,
Hugo's ``hugo.*``/``config.*`` beside ``content/``, ``astro.config.*`` naming Starlight.
Failing that, from the page's own syntax; failing that, the default dialect.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from doclint.dialects import DEFAULT, dialects

HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config.yaml")

# What a page's own text says, strongest first.
SYNTAX_HINTS = (
    (
        "doc-builder",
        regex.compile(r"^#{1,6} .*\[\[[^\[\]\s]+\]\][ \t]*$|^\[\[autodoc\]\]|<Tip>", regex.M),
    ),
    (
        "mkdocs",
        regex.compile(
            r"^#{1,6} .*\{ ?#[^}]+ ?\}[ \t]*$|^(?:!!!|\?\?\?\+?|/{3,}) \w|^\{\* ", regex.M
        ),
    ),
    ("hugo", regex.compile(r"^\{\{[<%] ", regex.M)),
)


@dataclass(frozen=True)
class Detected:
    dialect: str
    marker: Path | None = None  # the framework file it was detected from
    by_syntax: bool = False  # from the pages' own syntax

    def reason(self, shown=str) -> str:
        """What it was detected from, for the run summary (``shown`` prints a path)."""
        if self.marker is not None:
            return shown(self.marker)
        return "the pages' syntax" if self.by_syntax else "the default"


def _marker_in(folder: Path) -> Detected | None:
    for dialect in dialects().values():
        for marker in dialect.markers:
            if (folder / marker).exists():
                if dialect.name == "starlight" and not _names_starlight(folder / marker):
                    continue
                return Detected(dialect.name, folder / marker)
    if (folder / "content").is_dir():
        for name in HUGO_CONFIGS:
            for candidate in (folder / name, folder / "config" / "_default" / name):
                if candidate.is_file():
                    return Detected("hugo", candidate)
    return None


def _names_starlight(config: Path) -> bool:
    try:
        return "starlight" in config.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


@lru_cache(maxsize=4096)
def from_repository(folder: Path, source_language: str = "en") -> Detected | None:
    """The dialect of the doc set holding ``folder`` (absolute), from marker files."""
    for current in (folder, *folder.parents):
        found = _marker_in(current) or _marker_in(current / source_language)
        if found is not None:
            return found
        if (current / ".git").exists():
            break  # markers above the repository belong to something else
    return None


def from_text(text: str) -> str | None:
    for name, pattern in SYNTAX_HINTS:
        if pattern.search(text):
            return name
    return None


def detect(page: Path, text: str = "", source_language: str = "en") -> Detected:
    found = from_repository(page.resolve().parent, source_language)
    if found is not None:
        return found
    by_text = from_text(text)
    if by_text is not None:
        return Detected(by_text, by_syntax=True)
    return Detected(DEFAULT)
