"""A whole run: pair the given paths, read and parse each page once, lint each pair."""

from __future__ import annotations

import contextlib
import functools
import hashlib
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from doclint import dialects
from doclint.backlinks import Backlinks
from doclint.bases import PageHistory, gather, resolve
from doclint.cache import ContentCache, RecordingSite, file_digest, termbase_key
from doclint.config import Config
from doclint.dialects import detect
from doclint.document import Document
from doclint.engine import RuleCrash, finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.freshness import Freshness
from doclint.glossary import Termbases
from doclint.inbound import build_index, page_key
from doclint.page import Page
from doclint.pairing import PagePair, Pairing
from doclint.parse import parse
from doclint.progress import NoProgress, Progress
from doclint.repository import link_boundary, repository_root
from doclint.site import FileSite, Site
from doclint.suppress import filter_baseline
from doclint.termbase import Termbase, TermbaseError
from doclint.textfile import ChangedOnDisk, InputError, display_path, read_page, write_atomically
from doclint.trees import LanguageTree, build_trees


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0  # translated pages read
    pairs: int = 0  # of those, compared with their source
    errors: list[str] = field(default_factory=list)  # one line per unreadable input
    fixed: int = 0  # files rewritten by --fix
    warnings: list[str] = field(default_factory=list)  # worth a look, not failures
    # for rules over a run: by rule code, (page, what the rule saw there) pairs
    observations: dict[str, list[tuple[str, object]]] = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)  # with --diff, instead of writing
    baselined: int = 0  # findings the baseline hid
    dialects: dict[str, str] = field(default_factory=dict)  # detected dialect → from what
    notes: list[str] = field(default_factory=list)  # what git history could not tell, once
    pages: list[PageRecord] = field(default_factory=list)  # each page linted, for status
    trees: list[LanguageTree] = field(default_factory=list)  # language folders given as folders

    def merge(self, other: Report) -> None:
        self.findings.extend(other.findings)
        self.files += other.files
        self.pairs += other.pairs
        self.errors.extend(other.errors)
        self.fixed += other.fixed
        self.diffs.extend(other.diffs)
        self.pages.extend(other.pages)
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)
        for dialect, reason in other.dialects.items():
            self.dialects.setdefault(dialect, reason)
        for code, seen in other.observations.items():
            self.observations.setdefault(code, []).extend(seen)

    @property
    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(finding.name for finding in self.findings).items()))

    def by_severity(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


@dataclass(frozen=True)
class PageRecord:
    """One translated page as linted: where it is, its source, and its freshness."""

    path: str
    source_path: str
    language: str
    has_source: bool
    freshness: Freshness | None


PARALLEL_FROM = 16  # fewer pairs than this are checked in-process: a pool costs more
# Parsed pages kept for the pairs and links that need them again; the least recently
# used beyond this are dropped, so a run's memory does not grow with the doc set.
KEPT_DOCUMENTS = 256


@dataclass(frozen=True)
class Selection:
    """Which of the paired pages a run checks."""

    with_translations: bool = False  # a source page given: its translations
    changed: frozenset[Path] | None = None  # only pairs whose translation or source is here
    shard: tuple[int, int] = (1, 1)  # (I, N): the I-th of N deterministic parts
    jobs: int = 1

    def apply(self, pairs: list[PagePair]) -> list[PagePair]:
        if self.changed is not None:
            pairs = [
                pair
                for pair in pairs
                if pair.translation.resolve() in self.changed
                or pair.source.resolve() in self.changed
            ]
        index, count = self.shard
        if count > 1:
            pairs = [pair for pair in pairs if shard_of(pair.translation, count) == index]
        return pairs


def shard_of(path: Path, count: int) -> int:
    """1-based shard of a page: stable across machines and runs, whatever else is checked."""
    digest = hashlib.sha1(display_path(path).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def _text_or_none(path: Path) -> str | None:
    try:
        return read_page(path).text
    except InputError:
        return None  # reported where the page itself is checked


def _check_chunk(job: tuple[Runner, list[PagePair], dict[Path, PageHistory]]) -> Report:
    runner, pairs, histories = job
    runner._histories = histories
    return runner.check_pairs(pairs)


def _cost(pair: PagePair) -> int:
    """What checking a pair costs, roughly: the bytes of both pages."""
    size = 0
    for path in (pair.translation, pair.source):
        with contextlib.suppress(OSError):
            size += path.stat().st_size
    return size


def by_source(pairs: list[PagePair]) -> list[list[PagePair]]:
    """Pairs grouped by source page, in the order of their first translation."""
    groups: dict[Path, list[PagePair]] = {}
    for pair in pairs:
        groups.setdefault(pair.source, []).append(pair)
    return list(groups.values())


@dataclass(frozen=True)
class FixMode:
    code: bool = False  # also apply fixes that rewrite code (--fix-code)
    diff: bool = False  # print a diff instead of writing (--diff)


class Runner:
    def __init__(
        self,
        config: Config,
        language: str | None = None,
        absolute_paths: bool = False,
        fix: FixMode | None = None,
        drift: str = "fold",
        cache: ContentCache | None = None,
    ):
        self.config = config
        self.language = language
        self.absolute_paths = absolute_paths
        self.fix = fix
        self.drift = drift
        # where baseline paths are counted from (see repository.py)
        self.root = repository_root(fallback=config.path.parent if config.path else None)
        self.rules = config.enabled_rules()
        self._rule_by_code = {enabled.rule.code: enabled.rule for enabled in self.rules}
        self.packs = config.load_packs()
        self._documents: OrderedDict[tuple[Path, str], Document | InputError | None] = OrderedDict()
        self._backlinks: dict[tuple[Path, str, str], Backlinks] = {}
        self._inbound: dict[Path, dict[str, set[str]]] = {}
        self.termbases = Termbases(config, self.packs, self._linked_document)
        self.detected: dict[str, str] = {}  # dialect → what it was detected from
        # Gathered once per run before any page is linted; workers get their pages' share.
        self._histories: dict[Path, PageHistory] = {}
        self._trees: dict[Path, LanguageTree] = {}
        self._versions: dict[tuple[str, str], Document] = {}  # source versions, by text
        # --fix rewrites pages: its findings are never cached nor taken from the cache
        self.cache = cache if fix is None else None
        # A further part of each pair's cache key, for what findings depend on beyond
        # what the runner knows. A module-level function, so workers can receive it.
        self.pair_key: Callable[[PagePair], str] | None = None
        self._digests: dict[Path, str] = {}
        self._term_keys: dict[str, str] = {}

    def dialect_for(self, pair: PagePair, translation_text: str) -> str:
        """The configured dialect, or the one the pair's doc set (or, failing that, the
        pages' own text) shows; the translation's text is the one already read."""
        if self.config.dialect:
            return self.config.dialect
        found = detect.from_repository(
            pair.translation.resolve().parent, self.config.source_language
        )
        if found is None:
            sample = translation_text
            with contextlib.suppress(InputError, OSError):
                sample = read_page(pair.source, str(pair.source)).text + "\n" + sample
            found = detect.detect(pair.translation, sample, self.config.source_language)
        if found.marker is not None or found.dialect != dialects.DEFAULT:
            self.detected.setdefault(found.dialect, found.reason(display_path))
        return found.dialect

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_histories"] = {}  # each worker is sent only its own pages' histories
        return state

    def run(
        self,
        paths: list[str],
        baseline: Counter | None = None,
        selection: Selection | None = None,
        progress: Progress | None = None,
    ) -> Report:
        selection = selection or Selection()
        progress = progress or NoProgress()
        pairing = Pairing(self.config, self.language, selection.with_translations)
        every = pairing.pairs(paths)
        pairs = selection.apply(every)
        notes: list[str] = []
        self._histories = gather(pairs, notes)
        # Trees from every page, so a tree's owner page is the same in every shard and
        # its findings come from exactly one.
        self._trees = build_trees(paths, every, self.absolute_paths)
        progress.start(len(pairs))
        try:
            if selection.jobs > 1 and len(pairs) >= PARALLEL_FROM:
                report = self._run_parallel(pairs, selection.jobs, progress)
            else:
                report = self.check_pairs(pairs, progress)
        finally:
            progress.close()
        report.notes = notes
        report.trees = list(self._trees.values())
        # per-page errors sorted like findings, whichever worker met them
        report.errors = [str(error) for error in pairing.errors] + sorted(report.errors)
        # rules over a run see pages in one order, whichever worker or cache saw them
        observations = {
            code: [seen for _, seen in sorted(pages, key=lambda page: page[0])]
            for code, pages in report.observations.items()
        }
        report.findings.extend(finish_run(self.rules, observations))
        findings = sorted(report.findings, key=lambda finding: finding.sort_key)
        report.findings = filter_baseline(findings, baseline, self.root) if baseline else findings
        report.baselined = len(findings) - len(report.findings)
        return report

    def check_pairs(self, pairs: list[PagePair], progress: Progress | None = None) -> Report:
        """Pairs sharing a source are checked one after the other, so the source is
        parsed once and can then be dropped."""
        report = Report()
        for group in by_source(pairs):
            for pair in group:
                self._check(pair, report)
                if progress is not None:
                    progress.advance()
        return report

    def _run_parallel(self, pairs: list[PagePair], jobs: int, progress: Progress) -> Report:
        """Pairs sharing a source page go to the same worker, so it is parsed once;
        one chunk per worker, balanced by bytes to check rather than by number of pairs,
        so that pages linked from several pairs are parsed once per worker."""
        groups = [(sum(map(_cost, group)), group) for group in by_source(pairs)]
        chunks: list[list[PagePair]] = [[] for _ in range(jobs)]
        costs = [0] * len(chunks)
        for cost, group in sorted(groups, key=lambda item: -item[0]):
            lightest = costs.index(min(costs))
            chunks[lightest].extend(group)
            costs[lightest] += cost
        chunks = [chunk for chunk in chunks if chunk]
        from concurrent.futures import ProcessPoolExecutor, as_completed  # for big runs only

        parts: dict[int, Report] = {}
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
            futures = {
                pool.submit(_check_chunk, (self, chunk, self._histories_of(chunk))): number
                for number, chunk in enumerate(chunks)
            }
            for future in as_completed(futures):
                number = futures[future]
                parts[number] = future.result()
                progress.advance(len(chunks[number]))
        report = Report()
        for number in sorted(parts):  # in chunk order, whichever finished first
            report.merge(parts[number])
        return report

    def _histories_of(self, pairs: list[PagePair]) -> dict[Path, PageHistory]:
        keys = (pair.translation.resolve() for pair in pairs)
        return {key: self._histories[key] for key in keys if key in self._histories}

    def _parse_version(self, text: str, dialect: str) -> Document:
        """A source version from git, parsed once per text in the pair's dialect."""
        if (text, dialect) not in self._versions:
            self._versions[text, dialect] = parse(text, "", dialect)
        return self._versions[text, dialect]

    def _document(self, path: Path, dialect: str | None = None) -> Document | InputError | None:
        """A parsed page, parsed once however many pairs need it (a source page shared
        by every language, a page other pages link to)."""
        try:
            key = (path.resolve(), dialect or self.config.dialect or "")
        except (OSError, RuntimeError):  # a symlink loop
            return InputError(display_path(path, self.absolute_paths), "symbolic link loop")
        if key in self._documents:
            self._documents.move_to_end(key)
            return self._documents[key]
        shown = display_path(path, self.absolute_paths)
        if key[0].is_dir():
            return self._keep(key, InputError(shown, "is a directory, expected a Markdown file"))
        if not key[0].is_file():
            return self._keep(key, None)
        try:
            text = read_page(path, shown).text
        except InputError as error:
            return self._keep(key, error)
        if not key[1]:  # a page outside any pair (a glossary): its own doc set's dialect
            key = (key[0], detect.detect(path, text, self.config.source_language).dialect)
        return self._keep(key, parse(text, shown, key[1]))

    def _own_document(self, path: Path, text: str, shown: str, dialect: str) -> Document:
        """A translated page parsed once, for its own pair and for other pages' links
        to it, whichever needs it first."""
        try:
            key = (path.resolve(), dialect)
        except (OSError, RuntimeError):
            return parse(text, shown, dialect)
        found = self._documents.get(key)
        if isinstance(found, Document) and found.path == shown and "\n".join(found.lines) == text:
            self._documents.move_to_end(key)
            return found
        return self._keep(key, parse(text, shown, dialect))

    def _keep(self, key: tuple[Path, str], document: Document | InputError | None):
        """Remember a parsed page; the least recently used beyond KEPT_DOCUMENTS go, so a
        run's memory does not grow with the doc set."""
        self._documents[key] = document
        if len(self._documents) > KEPT_DOCUMENTS:
            self._documents.popitem(last=False)
        return document

    def _digest(self, path: Path) -> str:
        """A page's content digest, read once per run."""
        key = path.resolve()
        if key not in self._digests:
            self._digests[key] = file_digest(key)
        return self._digests[key]

    def _linked_fragments(self, page: Path, top: Path) -> frozenset[str]:
        """Fragments that any page under ``top`` links to on ``page`` (index built once)."""
        if top not in self._inbound:
            self._inbound[top] = build_index(top, _text_or_none)
        return frozenset(self._inbound[top].get(page_key(page, top) or "", ()))

    def _linked_document(self, path: Path, dialect: str | None = None) -> Document | None:
        found = self._document(path, dialect)
        return found if isinstance(found, Document) else None

    def _check(self, pair: PagePair, report: Report) -> None:
        shown = display_path(pair.translation, self.absolute_paths)
        source_shown = display_path(pair.source, self.absolute_paths)
        try:
            page_text = read_page(pair.translation, shown)
        except InputError as error:
            report.errors.append(str(error))
            return
        dialect = self.dialect_for(pair, page_text.text)
        if dialect in self.detected:
            report.dialects.setdefault(dialect, self.detected[dialect])
        language = self.language or pair.language
        try:
            terms = self.terms_for(language)
        except TermbaseError as error:
            report.errors.append(str(error))
            return
        site: Site = FileSite(
            page=pair.translation.resolve(),
            root=pair.root,
            source_root=pair.source_root,
            language=pair.language,
            layout=pair.layout,
            load=functools.partial(self._linked_document, dialect=dialect),
            folder_urls=dialects.get(dialect).folder_urls,
            boundary=link_boundary(pair.root, pair.source_root),
            inbound=self._linked_fragments,
        )
        history = self._histories.get(pair.translation.resolve())
        cache_key = None
        if self.cache is not None:
            cache_key = self._cache_key(
                pair, page_text, language, terms, shown, source_shown, dialect, history
            )
            entry = self.cache.load(cache_key)
            if entry is not None and entry.still_valid(site, self._digest):
                self._count(report, terms, self._digest(pair.source) != "-")
                report.findings.extend(entry.findings)
                self._observed(shown, entry.observations, report)
                return
            site = RecordingSite(site, self._digest)
        source = self._document(pair.source, dialect)
        if isinstance(source, InputError):
            report.errors.append(f"{source} (source of {shown})")
            return
        self._count(report, terms, source is not None)
        freshness: list = []  # the base, chosen once from the page as it was given

        def lint(text: str, parsed: Document | None = None) -> tuple[Page, list[Finding]]:
            translation = parsed or parse(text, shown, dialect)
            page = self.page(translation, source, source_shown, language, terms, site)
            if not freshness:
                version = functools.partial(self._parse_version, dialect=dialect)
                freshness.extend(resolve(history, translation, source, version, page.slug_style))
            page.base, page.freshness = freshness
            page.tree = self._trees.get(pair.root)
            return page, run_rules(page, self.rules, shown, source_shown, self.drift)

        try:
            # --fix rewrites pages: links from other pages must read them as rewritten
            own = None
            if self.fix is None:
                own = self._own_document(pair.translation, page_text.text, shown, dialect)
            page, findings = lint(page_text.text, own)
            if self.fix is not None:
                page, findings = self._fix(pair, shown, page_text, (page, findings), lint, report)
        except RuleCrash as crash:
            report.errors.append(str(crash))
            return
        try:
            observed = observe(page, self.rules)
        except RuleCrash as crash:
            report.errors.append(str(crash))
            observed, cache_key = {}, None
        report.findings.extend(findings)
        report.pages.append(
            PageRecord(shown, source_shown, language, source is not None, page.freshness)
        )
        self._observed(shown, observed, report)
        if cache_key is not None and isinstance(site, RecordingSite):
            self.cache.store(cache_key, site.entry(findings, observed))

    @staticmethod
    def _count(report: Report, terms: Termbase | None, paired: bool) -> None:
        if terms is not None:
            report.warnings.extend(w for w in terms.warnings if w not in report.warnings)
        report.files += 1
        report.pairs += paired

    @staticmethod
    def _observed(shown: str, observed: dict[str, object], report: Report) -> None:
        for code, seen in observed.items():
            report.observations.setdefault(code, []).append((shown, seen))

    def _cache_key(
        self, pair, page_text, language, terms, shown, source_shown, dialect, history
    ) -> str:
        """What a pair's findings depend on beyond the run's settings: both pages, where
        they are, the termbase, the dialect, the drift mode and the page's git base."""
        if language not in self._term_keys:
            self._term_keys[language] = termbase_key(terms)
        base = repr([(c.commit, c.text) for c in history.candidates]) if history else ""
        tree = self._trees.get(pair.root)
        if tree is not None and tree.owner == shown:  # the page that carries the tree's findings
            base += repr(
                (tree.key, tree.missing, sorted(tree.pages), sorted(tree.source_pages), tree.toc,
                 tree.source_toc, sorted(tree.sources.items()))
            )  # fmt: skip
        elif tree is not None:
            base += "in a tree checked as a folder"
        return self.cache.key(
            (
                page_text.text,
                f"{page_text.newline!r}{page_text.bom}",
                self._digest(pair.source),
                shown,
                source_shown,
                language,
                pair.layout,
                self._term_keys[language],
                dialect,
                self.drift,
                hashlib.sha256(base.encode("utf-8")).hexdigest(),
                self.pair_key(pair) if self.pair_key is not None else "",
            )
        )

    def terms_for(self, language: str) -> Termbase | None:
        """The termbase of ``language``, None where none is configured; raises
        TermbaseError for a termbase file that cannot be read."""
        if not language or not self.termbases.configured():
            return None
        return self.termbases.for_language(language)

    def page(
        self,
        translation: Document,
        source: Document | None,
        source_path: str | None,
        language: str,
        terms: Termbase | None = None,
        site: Site | None = None,
    ) -> Page:
        """The unit of work, with what this run's configuration gives every page."""
        dialect = dialects.get(translation.dialect)
        return Page(
            translation=translation,
            source=source,
            source_path=source_path,
            language=language,
            source_language=self.config.source_language,
            dialect=dialect,
            slug_style=self.config.slug or dialect.slug,
            packs=self.packs,
            site=site,
            allow=self.config.allow,
            terms=terms,
            localized_urls=self.config.localized_urls,
        )

    def _fix(self, pair, shown, page_text, linted, lint, report) -> tuple[Page, list[Finding]]:
        """Apply fixes until none is left (or MAX_FIX_PASSES), then write or diff.

        Only fixes that break no link are applied (see ``safefix``); the others are
        named in the run's warnings."""
        from doclint.fixer import encode, unified_diff
        from doclint.safefix import fix_until_stable

        page = linted[0]
        dialect = page.translation.dialect
        backlinks = self._backlinks_of(pair, dialect)
        text, linted, notes = fix_until_stable(
            page_text.text,
            linted,
            lint,
            self.may_fix,
            lambda fixed: parse(fixed, shown, dialect),
            page.slug_style,
            lambda fragment: backlinks.to(pair.translation, fragment),
        )
        report.warnings.extend(note for note in notes if note not in report.warnings)
        if text == page_text.text:
            return linted
        if self.fix.diff:
            report.diffs.append(unified_diff(shown, page_text.text, text))
            return linted
        try:
            write_atomically(pair.translation, encode(page_text, text), page_text.digest)
        except ChangedOnDisk:
            report.errors.append(f"{shown}: changed on disk while being fixed; not overwritten")
            return lint(page_text.text)
        except OSError as error:
            report.errors.append(f"{shown}: cannot write the fixes: {error.strerror or error}")
            return lint(page_text.text)
        report.fixed += 1
        return linted

    def _backlinks_of(self, pair: PagePair, dialect: str) -> Backlinks:
        key = (pair.root, pair.language, pair.layout)
        if key not in self._backlinks:
            self._backlinks[key] = Backlinks(
                pair.root,
                pair.source_root,
                pair.language,
                pair.layout,
                functools.partial(self._linked_document, dialect=dialect),
                self.absolute_paths,
            )
        return self._backlinks[key]

    def may_fix(self, finding: Finding) -> bool:
        """Whether this run applies ``finding``'s fix."""
        rule = self._rule_by_code[finding.rule]
        return bool(finding.fix) and rule.fixable and (self.fix.code or not rule.fix_opt_in)
