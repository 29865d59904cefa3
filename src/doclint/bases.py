"""The base of each translated page: the source page as its translator last saw it.

Gathered once per run, before any page is linted: which commit the base is (named in
the translation's front matter, else the translation's last commit), which source
versions it may be (renames followed), and their text, read from git in one batch.
Choosing among those versions and comparing them with the current source needs the
parsed pages and happens page by page (``resolve``), in whichever process lints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import regex

from doclint.document import Document
from doclint.freshness import (
    FROM_BEST_MATCH,
    FROM_FRONT_MATTER,
    FROM_LAST_COMMIT,
    NO_HISTORY,
    Freshness,
    best_match,
    renders_same,
    section_changes,
)
from doclint.history import HistoryError, Repository, Version
from doclint.pairing import PagePair
from doclint.textfile import InputError, decode

# Older source versions the best-match search looks at, besides the one at the
# translation's last commit: a pull request merged weeks late is a few versions behind.
MAX_OLDER_VERSIONS = 6
FRONT_MATTER_RE = regex.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S
)


@dataclass(frozen=True)
class Candidate:
    """A source version the translation may have been made from."""

    commit: str  # the commit that names this base in findings
    text: str | None  # None: the source page did not exist then
    commits_behind: int | None  # None: not known (a base given without its history)


@dataclass(frozen=True)
class PageHistory:
    """What git says about one translated page, before any parsing."""

    reason: str
    candidates: tuple[Candidate, ...] = ()  # the first is the default base


def front_matter_commit(text: str) -> str | None:
    """The source commit a translation's front matter names: ``source_commit``,
    OpenTelemetry's ``default_lang_commit`` or MDN's ``l10n.sourceCommit``."""
    from doclint.yamlfile import safe_load

    found = FRONT_MATTER_RE.match(text)
    if not found:
        return None
    try:
        data = safe_load(found.group(1))
    except Exception:  # invalid front matter is invalid-front-matter's finding, not ours
        return None
    if not isinstance(data, dict):
        return None
    l10n = data.get("l10n")
    for value in (
        data.get("source_commit"),
        data.get("default_lang_commit"),
        l10n.get("sourceCommit") if isinstance(l10n, dict) else None,
    ):
        if isinstance(value, (str, int)) and str(value).strip():
            return str(value).strip()
    return None


def gather(pairs: list[PagePair], notes: list[str]) -> dict[Path, PageHistory]:
    """Page histories keyed by the translation's resolved path. What could not be
    known (no git, no repository, a shallow clone) is said once in ``notes``; those
    pages are compared with the current source."""
    if not pairs:
        return {}
    repositories: dict[Path, Repository | None] = {}
    by_top: dict[Path, tuple[Repository, list[PagePair]]] = {}
    for pair in pairs:
        # one probe per language folder, not per page
        if pair.root not in repositories:
            try:
                repositories[pair.root] = Repository.at(pair.root)
            except HistoryError as error:
                _note(notes, f"{error}: pages are compared with the current source")
                repositories[pair.root] = None
        repository = repositories[pair.root]
        if repository is not None:
            by_top.setdefault(repository.top, (repository, []))[1].append(pair)
    found: dict[Path, PageHistory] = {}
    for top, (repository, group) in by_top.items():
        folders = {pair.root for pair in group} | {pair.source_root for pair in group}
        try:
            repository.load(folder for folder in folders if folder.exists())
            found.update(_histories(repository, group, notes))
        except HistoryError as error:
            _note(
                notes, f"{top}: git history unreadable ({error}): compared with the current source"
            )
    return found


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _histories(
    repository: Repository, pairs: list[PagePair], notes: list[str]
) -> dict[Path, PageHistory]:
    plans: dict[Path, tuple[str, list[tuple[str, Version | None]]]] = {}
    named: dict[Path, str] = {}
    for pair in pairs:
        try:
            text = decode(pair.translation.read_bytes(), str(pair.translation)).text
        except (OSError, InputError):
            continue  # the runner reports an unreadable page when it lints it
        commit = front_matter_commit(text)
        if commit:
            named[pair.translation] = commit
    resolved = repository.resolve(named.values())
    lacking: list[str] = []
    shallow: list[str] = []
    for pair in pairs:
        key = pair.translation.resolve()
        try:
            source = repository.relative(pair.source)
            translation = repository.relative(pair.translation)
        except ValueError:
            continue
        if pair.translation in named:
            commit = resolved.get(named[pair.translation])
            if commit is None or commit not in repository.order:
                lacking.append(f"{named[pair.translation]} ({translation})")
                continue
            plans[key] = (FROM_FRONT_MATTER, [(commit, repository.version_at(source, commit))])
            continue
        last = repository.last_change(translation)
        if last is None:
            continue  # never committed: made from the source as it is now
        if last.commit in repository.shallow:
            shallow.append(translation)
            continue
        at_last = repository.version_at(source, last.commit)
        options: list[tuple[str, Version | None]] = [(last.commit, at_last)]
        if at_last is not None:
            older = [
                change
                for change in repository.versions(source)
                if change.commit != at_last.commit
                and repository.is_ancestor(change.commit, at_last.commit)
            ]
            options += [
                (change.commit, Version(change.commit, change.path))
                for change in older[:MAX_OLDER_VERSIONS]
            ]
        plans[key] = (FROM_LAST_COMMIT, options)
    if lacking:
        _note(
            notes,
            f"{len(lacking)} front-matter base commits are not in this repository, e.g. "
            f"{lacking[0]}: those pages are compared with the current source",
        )
    if shallow:
        _note(
            notes,
            f"shallow clone: the history of {len(shallow)} translated pages is cut off "
            f"(e.g. {shallow[0]}): they are compared with the current source",
        )
    texts = repository.read(
        version for _, options in plans.values() for _, version in options if version
    )
    sources = {pair.translation.resolve(): pair.source for pair in pairs}
    histories: dict[Path, PageHistory] = {}
    for key, (reason, options) in plans.items():
        source = repository.relative(sources[key])
        candidates = []
        for commit, version in options:
            raw = texts.get(version) if version else None
            try:
                text = decode(raw, source).text if raw is not None else None
            except InputError:
                text = None
            candidates.append(
                Candidate(commit, text, len(repository.commits_since(source, commit)))
            )
        histories[key] = PageHistory(reason, tuple(candidates))
    return histories


def resolve(
    history: PageHistory | None,
    translation: Document,
    source: Document | None,
    parse: Callable[[str], Document],
    slug_style: str,
) -> tuple[Document | None, Freshness]:
    """The base source document (None: the same as ``source``) and the page's freshness."""
    if history is None or not history.candidates or source is None:
        return None, Freshness(None, NO_HISTORY)
    candidates = list(history.candidates)
    chosen, reason = 0, history.reason
    usable = [index for index, found in enumerate(candidates) if found.text is not None]
    if len(usable) > 1 and usable[0] == 0:
        best = best_match(
            "\n".join(translation.lines), [candidates[index].text or "" for index in usable]
        )
        if best != 0:
            chosen, reason = usable[best], FROM_BEST_MATCH
    candidate = candidates[chosen]
    if candidate.text is None or candidate.text == "\n".join(source.lines):
        # unchanged since; or the source page did not exist yet: the translation came first
        return None, Freshness(candidate.commit, reason, candidate.commits_behind)
    base = parse(candidate.text)
    if renders_same(base, source):
        return None, Freshness(
            candidate.commit, reason, candidate.commits_behind, formatting_only=True
        )
    return base, Freshness(
        candidate.commit,
        reason,
        candidate.commits_behind,
        section_changes(base, source, slug_style),
        outdated=True,
    )
