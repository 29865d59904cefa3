"""Which source page each translated page translates.

``folder`` layout (Hugging Face, most doc sites): ``docs/source/ko/x.md`` translates
``docs/source/en/x.md``. The source folder is the configured ``source``, or else the
``en`` sibling of the nearest path segment that is a language tag.

``suffix`` layout (mkdocs-static-i18n): ``index.ko.md`` translates ``index.md`` beside it
(or the same relative path under the configured ``source``).

``docusaurus`` layout: ``i18n/ko/docusaurus-plugin-content-docs/current/x.mdx`` translates
``docs/x.mdx`` (``…-content-blog/`` the ``blog/`` folder, ``…-content-pages/`` the
``src/pages/`` folder, ``…-content-docs/version-1.0/`` ``versioned_docs/version-1.0/``).

``root`` layout (Starlight, VitePress or pinia without an ``en`` folder): the source
language is the root and each translation a language folder in it —
``src/content/docs/ja/x.md`` translates ``src/content/docs/x.md``. Folders named with
a language tag are never taken for source pages.

Without a configured ``layout``, each page's layout is detected in that order of
evidence: a Docusaurus ``i18n`` path, a ``name.<lang>.md`` file beside its source, a
language folder with a source-language sibling, a language folder inside the source
tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from glob import escape as glob_escape
from pathlib import Path

import regex

from doclint import dialects
from doclint.config import Config
from doclint.ignore import Exclude, GitIgnore
from doclint.textfile import InputError, relative

EXTENSIONS = (".md", ".mdx")
TAG_RE = regex.compile(r"^[a-z]{2,3}(?:[-_](?:[A-Za-z]{4}|[A-Za-z]{2}|\d{3}))*$")
# ISO 639-1, plus tags that doc sites use as folder names (cn for Chinese).
KNOWN_LANGUAGES = frozenset(
    """aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu
    cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi
    ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks
    ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl
    nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl
    sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve
    vi vo wa wo xh yi yo za zh zu cn fil yue""".split()  # noqa: SIM905
)


@dataclass(frozen=True, slots=True)
class PagePair:
    translation: Path
    source: Path  # where the source page should be; it may not exist
    language: str
    root: Path  # the translated tree's top (the language folder), absolute
    source_root: Path  # the source tree's top, absolute
    layout: str = "folder"


def _subfolders(folder: Path) -> list[Path]:
    try:
        return sorted(entry for entry in folder.iterdir() if entry.is_dir())
    except OSError:
        return []


def _has_pages(folder: Path) -> bool:
    """Whether Markdown pages stand directly in ``folder``: a source tree's root."""
    try:
        return any(
            entry.name.endswith(EXTENSIONS) and entry.is_file() for entry in folder.iterdir()
        )
    except OSError:
        return False


def is_language_tag(name: str) -> bool:
    return bool(TAG_RE.match(name)) and name.split("-")[0].split("_")[0] in KNOWN_LANGUAGES


def _looks_like_tag(name: str) -> bool:
    return bool(TAG_RE.match(name))


def normalise_tag(tag: str) -> str:
    """``zh_cn`` → ``zh-CN``, ``pt-br`` → ``pt-BR``."""
    parts = regex.split(r"[-_]", tag)
    head, rest = parts[0].lower(), parts[1:]
    return "-".join(
        [head, *(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest)]
    )


class Pairing:
    """Turns the paths a user gave into page pairs; collects what could not be paired."""

    def __init__(
        self, config: Config, language: str | None = None, with_translations: bool = False
    ) -> None:
        self.config = config
        self.language = language
        self.with_translations = with_translations  # a source page given: check its translations
        self.errors: list[InputError] = []
        self.exclude = Exclude.of(config)
        self.gitignore = GitIgnore()

    def pairs(self, paths: Iterable[str]) -> list[PagePair]:
        found: dict[Path, PagePair] = {}
        for given in paths:
            path = Path(given)
            if path.is_dir():
                pairs = [pair for pair in self._walk(path) if not self._excluded(pair.translation)]
                if not pairs:
                    self.errors.append(InputError(given, "no translated Markdown pages found"))
            elif path.exists():
                pair = self._pair_file(path, walk_root=None, explicit=True)
                if pair is None and self.with_translations:
                    pairs = [
                        p for p in self._translations_of(path) if not self._excluded(p.translation)
                    ]
                else:
                    pairs = [pair] if pair and not self._excluded(path) else []
            else:
                self.errors.append(InputError(given, "no such file or directory"))
                continue
            for pair in pairs:
                found.setdefault(pair.translation, pair)
        return sorted(found.values(), key=lambda pair: pair.translation.as_posix())

    def _walk(self, root: Path) -> Iterator[PagePair]:
        # os.walk does not descend into symlinked folders (no loops, no way out); a
        # symlinked page is read only if it stays inside the tree.
        inside = root.resolve()
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".") and not self._skipped(Path(folder) / d, is_dir=True)
            )
            for name in sorted(files):
                path = Path(folder) / name
                if name.endswith(EXTENSIONS) and not self._skipped(path):
                    if path.is_symlink() and not self._link_inside(path, inside):
                        continue
                    pair = self._pair_file(path, walk_root=root, explicit=False)
                    if pair is not None:
                        yield pair

    def _link_inside(self, path: Path, root: Path) -> bool:
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):  # dangling, or a loop
            self.errors.append(InputError(str(path), "symbolic link that leads nowhere (a loop?)"))
            return False
        if target != root and root not in target.parents:
            self.errors.append(
                InputError(str(path), "symbolic link out of the checked tree: not followed")
            )
            return False
        return True

    def _translations_of(self, source: Path) -> list[PagePair]:
        """The translations of a source page that exist, paired as usual: candidates
        from every layout that may hold them, kept when they pair back to ``source``."""
        absolute = source.resolve()
        layout = self.config.layout
        found: list[Path] = []
        if layout in (None, "suffix"):
            stem, extension = os.path.splitext(absolute.name)
            for candidate in sorted(absolute.parent.glob(f"{glob_escape(stem)}.*{extension}")):
                tag = candidate.name[len(stem) + 1 : -len(extension)]
                if _looks_like_tag(tag) and tag != self.config.source_language:
                    found.append(candidate)
        if layout in (None, "folder"):
            found += self._folder_translations(absolute)
        if layout in (None, "root"):
            for folder in absolute.parents:
                inside = absolute.relative_to(folder)
                found += [
                    sibling / inside
                    for sibling in _subfolders(folder)
                    if is_language_tag(sibling.name) and (sibling / inside).is_file()
                ]
        if layout in (None, "docusaurus"):
            found += self._docusaurus_translations(absolute)
        pairs = (self._pair_file(relative(path), None, explicit=False) for path in found)
        unique = {
            pair.translation: pair
            for pair in pairs
            if pair is not None and pair.source.resolve() == absolute
        }
        return sorted(unique.values(), key=lambda pair: pair.translation.as_posix())

    def _folder_translations(self, absolute: Path) -> list[Path]:
        configured = self.config.source.resolve() if self.config.source else None
        folder = (
            configured
            if configured and configured in absolute.parents
            else next((f for f in absolute.parents if f.name == self.config.source_language), None)
        )
        if folder is None:
            return []
        inside = absolute.relative_to(folder)
        return [
            sibling / inside
            for sibling in _subfolders(folder.parent)
            if sibling != folder and _looks_like_tag(sibling.name) and (sibling / inside).is_file()
        ]

    def _docusaurus_translations(self, absolute: Path) -> list[Path]:
        """``i18n/<lang>/<plugin>[/<version>]/<the page's path below its source folder>``."""
        for site in absolute.parents:
            if not (site / "i18n").is_dir():
                continue
            parts = absolute.relative_to(site).parts
            tails = [Path(*parts[index:]) for index in range(1, len(parts))]
            return [
                version / tail
                for language in _subfolders(site / "i18n")
                for plugin in _subfolders(language)
                for version in (plugin, *_subfolders(plugin))
                for tail in tails
                if (version / tail).is_file()
            ]
        return []

    def _excluded(self, path: Path) -> bool:
        return self.exclude.excluded(path)

    def _skipped(self, path: Path, is_dir: bool = False) -> bool:
        """Left out of a folder walk: excluded, or ignored by git."""
        return self.exclude.excluded(path, is_dir) or self.gitignore.ignored(path, is_dir)

    def _pair_file(self, path: Path, walk_root: Path | None, explicit: bool) -> PagePair | None:
        pair = self._pair_layout(path, walk_root, explicit)
        if pair is None or pair.source.exists():
            return pair
        # Astro and Docusaurus pair pages by slug: ``x.md`` may translate ``x.mdx``
        for extension in EXTENSIONS:
            other = pair.source.with_suffix(extension)
            if other.is_file():
                return replace(pair, source=other)
        return pair

    def _pair_layout(self, path: Path, walk_root: Path | None, explicit: bool) -> PagePair | None:
        layout = self.config.layout
        if layout == "suffix":
            return self._pair_suffix(path, walk_root, explicit)
        if layout == "docusaurus":
            return self._pair_docusaurus(path, explicit)
        if layout == "root":
            return self._pair_root(path, explicit)
        if layout is None:
            found = self._pair_docusaurus(path, explicit=False)
            if found is not None:
                return found
            if self._suffix_translation(path):
                return self._pair_suffix(path, walk_root, explicit)
            folder = self._pair_folder(path, walk_root, explicit=False)
            if folder is not None or self._is_source_page(path):
                return folder
            root = self._pair_root(path, explicit=False)
            if root is not None:
                return root
        return self._pair_folder(path, walk_root, explicit)

    def _is_source_page(self, path: Path) -> bool:
        """Under a folder named for the source language, or the configured source."""
        absolute = path.resolve()
        configured = self.config.source.resolve() if self.config.source else None
        if configured is not None and (absolute == configured or configured in absolute.parents):
            return True
        return any(folder.name == self.config.source_language for folder in absolute.parents)

    def _suffix_translation(self, path: Path) -> bool:
        stem, extension = os.path.splitext(path.name)
        base, dot, tag = stem.rpartition(".")
        return bool(dot) and is_language_tag(tag) and (path.parent / (base + extension)).exists()

    def _pair_docusaurus(self, path: Path, explicit: bool) -> PagePair | None:
        absolute = path.resolve()
        parts = absolute.parts
        for index in range(len(parts) - 3, 0, -1):
            if parts[index] != "i18n" or not _looks_like_tag(parts[index + 1]):
                continue
            site, tag, plugin = Path(*parts[:index]), parts[index + 1], parts[index + 2]
            inside = Path(*parts[index + 3 :])
            root = Path(*parts[: index + 3])
            if plugin.startswith("docusaurus-plugin-content-docs") and inside.parts:
                version, rest = inside.parts[0], Path(*inside.parts[1:])
                root = root / version
                plugin_id = plugin.removeprefix("docusaurus-plugin-content-docs")
                docs = "docs" if not plugin_id else plugin_id.lstrip("-")
                if version == "current":
                    source_root = site / docs
                else:
                    source_root = site / f"versioned_{docs}" / version
                inside = rest
            elif plugin.startswith("docusaurus-plugin-content-blog"):
                plugin_id = plugin.removeprefix("docusaurus-plugin-content-blog")
                source_root = site / ("blog" if not plugin_id else plugin_id.lstrip("-"))
            elif plugin == "docusaurus-plugin-content-pages":
                source_root = site / "src" / "pages"
            else:
                break
            if not inside.parts:
                break
            return PagePair(
                path, source_root / inside, self._lang(tag), root, source_root, "docusaurus"
            )
        if explicit:
            self.errors.append(
                InputError(
                    str(path),
                    "cannot tell which page it translates: not under "
                    "i18n/<lang>/docusaurus-plugin-content-<kind>/",
                )
            )
        return None

    def _pair_root(self, path: Path, explicit: bool) -> PagePair | None:
        absolute = path.resolve()
        configured = self.config.source.resolve() if self.config.source else None
        for folder in absolute.parents:
            if not is_language_tag(folder.name) or folder.name == self.config.source_language:
                continue
            source_root = configured or folder.parent
            inside = absolute.relative_to(folder)
            if configured is not None or _has_pages(folder.parent):
                return PagePair(
                    path, source_root / inside, self._lang(folder.name), folder, source_root, "root"
                )
        if explicit:
            self.errors.append(
                InputError(
                    str(path),
                    "cannot tell which page it translates: no language folder in its path",
                )
            )
        return None

    def _pair_folder(self, path: Path, walk_root: Path | None, explicit: bool) -> PagePair | None:
        source_lang = self.config.source_language
        absolute = path.resolve()
        configured = self.config.source.resolve() if self.config.source else None
        if configured is not None and (absolute == configured or configured in absolute.parents):
            return None  # a source page
        for folder in absolute.parents:
            if not _looks_like_tag(folder.name):
                continue
            if folder.name == source_lang and configured is None:
                return None  # a source page
            sibling = folder.parent / source_lang
            source_root = configured or sibling
            if (configured is not None and is_language_tag(folder.name)) or sibling.is_dir():
                pages = dialects.pages_folder(sibling)
                if (
                    pages is not None
                    and folder / pages.relative_to(sibling) not in absolute.parents
                ):
                    return None  # beside the pages (FastAPI's llm-prompt.md): not a page
                inside = absolute.relative_to(folder)
                return PagePair(
                    path, source_root / inside, self._lang(folder.name), folder, source_root
                )
        if configured is not None:
            root = walk_root.resolve() if walk_root else absolute.parent
            return PagePair(
                path, configured / absolute.relative_to(root), self.language or "", root, configured
            )
        if explicit:
            self.errors.append(
                InputError(
                    str(path),
                    f"cannot tell which page it translates: no language folder with an "
                    f"'{source_lang}' sibling in its path (set --source)",
                )
            )
        return None

    def _pair_suffix(self, path: Path, walk_root: Path | None, explicit: bool) -> PagePair | None:
        stem, extension = os.path.splitext(path.name)
        base, dot, tag = stem.rpartition(".")
        if not dot or not _looks_like_tag(tag) or tag == self.config.source_language:
            return None  # a source page
        source_name = base + extension
        root = walk_root.resolve() if walk_root else path.resolve().parent
        if self.config.source is not None:
            inside = path.resolve().parent.relative_to(root) if walk_root else Path()
            source_root = self.config.source.resolve()
            source = source_root / inside / source_name
        else:
            source_root = root
            source = path.with_name(source_name)
        if not is_language_tag(tag) and not source.exists():
            return None  # ``notes.v2.md`` and the like: not a translation
        return PagePair(path, source, self._lang(tag), root, source_root, layout="suffix")

    def _lang(self, tag: str) -> str:
        return self.language or normalise_tag(tag)
