"""Findings of page pairs kept between runs, under ``.doclint_cache/``.

A pair's entry is found by a key made of everything its findings depend on: both
pages' text, the run's configuration (rules, options, severities, packs, slug style…),
its termbase, doclint's own code and version, and whatever else the runner supplies
for the pair. Links into other pages make findings depend on those pages too: an entry
records where each followed link landed and a digest of each page read through it, and
is used only while both still hold. An entry also keeps what rules over a whole run
observed on the page, so they see every page, cached or not.

Entries are written to a temporary file and renamed into place, so two runs sharing
the folder never read half an entry; anything unreadable is a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from doclint.finding import Finding
from doclint.site import Site, Target

FOLDER = ".doclint_cache"
FORMAT = "1"  # bump when an entry's shape changes
_MISSING = "-"


def digest(*parts: str) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part.encode("utf-8", "surrogatepass"))
        hashed.update(b"\0")
    return hashed.hexdigest()


def file_digest(path: Path) -> str:
    """The digest of a file's bytes, ``-`` where it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return _MISSING


def code_digest() -> str:
    """doclint's own code and shipped packs: an upgrade, or an edit to a checkout whose
    version did not change, never reuses the findings of other code."""
    package = Path(__file__).resolve().parent
    hashed = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yml", ".yaml") and "__pycache__" not in path.parts:
            hashed.update(path.relative_to(package).as_posix().encode())
            hashed.update(path.read_bytes())
    return hashed.hexdigest()


@dataclass
class Entry:
    findings: list[Finding]
    observations: dict[str, object]  # by rule code, for rules over a whole run
    # (link path as followed, the page it landed on or None): the link must land there
    targets: tuple[tuple[str, str | None], ...] = ()
    # (page read through a link, its digest): it must be unchanged
    linked: tuple[tuple[str, str], ...] = ()

    def still_valid(self, site: Site | None, digest_of: Callable[[Path], str]) -> bool:
        if site is None:
            return not self.targets and not self.linked
        for link, landed in self.targets:
            target = site.target(link)
            if (str(target.path) if target else None) != landed:
                return False
        return all(digest_of(Path(path)) == known for path, known in self.linked)


@dataclass
class RecordingSite:
    """A page's ``Site`` that notes what the page's rules asked of the rest of the docs."""

    site: Site
    digest_of: Callable[[Path], str]
    targets: dict[str, str | None] = field(default_factory=dict)
    linked: dict[str, str] = field(default_factory=dict)

    def target(self, link_path: str) -> Target | None:
        target = self.site.target(link_path)
        self.targets[link_path] = str(target.path) if target else None
        return target

    def document(self, target: Target):
        self.linked[str(target.path)] = self.digest_of(target.path)
        return self.site.document(target)

    def entry(self, findings: list[Finding], observations: dict[str, object]) -> Entry:
        return Entry(
            findings, observations, tuple(self.targets.items()), tuple(self.linked.items())
        )


class ContentCache:
    """Entries under ``folder``, for runs whose settings digest to ``run_key``."""

    def __init__(self, folder: Path, run_key: str) -> None:
        self.folder = folder
        self.run_key = run_key

    def key(self, parts: Iterable[str]) -> str:
        return digest(FORMAT, self.run_key, *parts)

    def _path(self, key: str) -> Path:
        return self.folder / FORMAT / key[:2] / f"{key}.pickle"

    def load(self, key: str) -> Entry | None:
        try:
            with open(self._path(key), "rb") as stream:
                entry = pickle.load(stream)
        except FileNotFoundError:
            return None
        except Exception:  # a damaged or foreign entry is a miss, never an error
            return None
        return entry if isinstance(entry, Entry) else None

    def store(self, key: str, entry: Entry) -> None:
        """Write atomically; a cache that cannot be written only costs the next run time."""
        path = self._path(key)
        try:
            self._prepare()
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as stream:
                    pickle.dump(entry, stream, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            pass

    def _prepare(self) -> None:
        """Mark the folder as a cache for backup tools and git (whatever .gitignore says)."""
        if (self.folder / "CACHEDIR.TAG").exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text("# created by doclint\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by doclint.\n",
            encoding="utf-8",
        )


def run_key(config: object, rules: Iterable, packs: tuple, version: str) -> str:
    """What every pair's findings in one run depend on, apart from the pages themselves.

    ``rules`` are the enabled rules (rule, severity, options); rules from other packages
    are keyed by their module's file too, since their version is not doclint's."""
    import sys

    parts = [version, code_digest(), repr(config), repr(packs)]
    package = str(Path(__file__).resolve().parent)
    for enabled in rules:
        rule = enabled.rule
        parts.append(
            f"{rule.code}|{rule.name}|{enabled.severity}|{sorted(enabled.options.items())!r}"
        )
        module = sys.modules.get(getattr(rule.check or rule.collect, "__module__", ""))
        where = getattr(module, "__file__", None)
        if where and not str(Path(where).resolve()).startswith(package):
            parts.append(file_digest(Path(where)))
    return digest(*parts)


def termbase_key(termbase: object | None) -> str:
    if termbase is None:
        return _MISSING
    terms = getattr(termbase, "terms", {})
    return digest(*(repr(term) for _, term in sorted(terms.items())))
