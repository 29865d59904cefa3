"""A language's whole tree, as a run sees it: which source pages have no translation,
and what the tables of contents (doc-builder's ``_toctree.yml``) list.

The runner builds one per translated language folder a user gave as a folder; rules
over a whole tree (``missing-translation``, ``toctree-mismatch``) and ``doclint
status`` read it. Pages given one by one (pre-commit) build none: a hook on one
changed page should not report every page nobody translated yet.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import regex

from doclint.pairing import EXTENSIONS, PagePair
from doclint.textfile import display_path

TOCTREE = "_toctree.yml"
LOCAL_RE = regex.compile(r"""^\s*(?:-\s+)?local:\s*(?:"([^"]*)"|'([^']*)'|([^\s#]+))""")


@dataclass(frozen=True)
class TocEntry:
    local: str
    line: int


@dataclass(frozen=True)
class Toc:
    path: str  # as output shows it
    entries: tuple[TocEntry, ...]
    error: str | None = None  # the file is not valid YAML

    @property
    def locals(self) -> frozenset[str]:
        return frozenset(entry.local for entry in self.entries)


@dataclass(frozen=True)
class LanguageTree:
    key: str  # the translated folder, as output shows it
    language: str
    owner: str  # the page whose findings carry the tree's (one page per tree)
    missing: tuple[tuple[str, str], ...] = ()  # (translation expected, its source page)
    pages: frozenset[str] = frozenset()  # translated pages, relative, without extension
    source_pages: frozenset[str] = frozenset()
    toc: Toc | None = None
    source_toc: Toc | None = None
    sources: dict[str, str] = field(default_factory=dict)  # page -> source path shown


def read_toc(path: Path, absolute: bool = False) -> Toc | None:
    """The ``local`` entries of a toctree file, with their lines; None where absent."""
    from doclint.yamlfile import safe_load

    if not path.is_file():
        return None
    shown = display_path(path, absolute)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return Toc(shown, (), f"unreadable ({error})")
    try:
        safe_load(text)
    except Exception as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return Toc(shown, (), f"not valid YAML{where}")
    entries = []
    for number, line in enumerate(text.split("\n"), 1):
        found = LOCAL_RE.match(line)
        if found:
            local = next(group for group in found.groups() if group is not None)
            entries.append(TocEntry(local.strip(), number))
    return Toc(shown, tuple(entries))


def _pages(root: Path) -> dict[str, Path]:
    found = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(EXTENSIONS):
                path = Path(folder) / name
                found[path.relative_to(root).with_suffix("").as_posix()] = path
    return found


def build_trees(
    paths: list[str], pairs: list[PagePair], absolute: bool = False
) -> dict[Path, LanguageTree]:
    """Trees of the language folders under (or holding) the folders in ``paths``, keyed
    by the translated folder; folder layout only (a suffix layout has no language folder)."""
    folders = [Path(given).resolve() for given in paths if Path(given).is_dir()]
    by_root: dict[Path, list[PagePair]] = {}
    for pair in pairs:
        if pair.layout == "folder" and any(
            folder == pair.root or folder in pair.root.parents or pair.root in folder.parents
            for folder in folders
        ):
            by_root.setdefault(pair.root, []).append(pair)
    trees = {}
    for root, group in by_root.items():
        source_root = group[0].source_root
        scopes = [folder for folder in folders if root in folder.parents]
        translated = _pages(root)
        sources = _pages(source_root)
        if scopes:  # a sub-folder of the language folder: only what is under it
            inside = [scope.relative_to(root).as_posix() + "/" for scope in scopes]
            in_scope = [name for name in sources if any(name.startswith(p) for p in inside)]
        else:
            in_scope = list(sources)
        missing = tuple(
            (
                display_path(root / sources[name].relative_to(source_root), absolute),
                display_path(sources[name], absolute),
            )
            for name in sorted(in_scope)
            if name not in translated
        )
        owner = min(display_path(pair.translation, absolute) for pair in group)
        trees[root] = LanguageTree(
            key=display_path(root, absolute),
            language=group[0].language,
            owner=owner,
            missing=missing,
            pages=frozenset(translated),
            source_pages=frozenset(sources),
            toc=read_toc(root / TOCTREE, absolute),
            source_toc=read_toc(source_root / TOCTREE, absolute),
            sources={name: display_path(path, absolute) for name, path in sources.items()},
        )
    return trees


def owned_tree(page) -> LanguageTree | None:
    """The tree a page carries the findings of (one page per tree), else None."""
    tree = getattr(page, "tree", None)
    return tree if isinstance(tree, LanguageTree) and tree.owner == page.translation.path else None


def distinct_trees(trees: Iterable[LanguageTree | None]) -> Iterator[LanguageTree]:
    """Each tree once, whichever pages carried it."""
    seen = set()
    for tree in trees:
        if tree is not None and tree.key not in seen:
            seen.add(tree.key)
            yield tree
