"""A whole run: pair the given paths, read and parse each page once, lint each pair."""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from doclint.cache import ContentCache, RecordingSite, file_digest, termbase_key
from doclint.config import Config
from doclint.document import Document
from doclint.engine import RuleCrash, finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.glossary import Termbases
from doclint.page import Page
from doclint.pairing import PagePair, Pairing
from doclint.parse import parse
from doclint.site import FileSite, Site
from doclint.suppress import filter_baseline
from doclint.termbase import Termbase, TermbaseError
from doclint.textfile import InputError, display_path, read_page, write_atomically


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

    def merge(self, other: Report) -> None:
        self.findings.extend(other.findings)
        self.files += other.files
        self.pairs += other.pairs
        self.errors.extend(other.errors)
        self.fixed += other.fixed
        self.diffs.extend(other.diffs)
        self.warnings.extend(w for w in other.warnings if w not in self.warnings)
        for code, seen in other.observations.items():
            self.observations.setdefault(code, []).extend(seen)

    @property
    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(finding.name for finding in self.findings).items()))

    def by_severity(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


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


def _check_chunk(job: tuple[Runner, list[PagePair]]) -> Report:
    runner, pairs = job
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


MAX_FIX_PASSES = 4


class Runner:
    def __init__(
        self,
        config: Config,
        language: str | None = None,
        absolute_paths: bool = False,
        fix: FixMode | None = None,
        cache: ContentCache | None = None,
    ):
        self.config = config
        self.language = language
        self.absolute_paths = absolute_paths
        self.fix = fix
        self.rules = config.enabled_rules()
        self._rule_by_code = {enabled.rule.code: enabled.rule for enabled in self.rules}
        self.packs = config.load_packs()
        self._documents: OrderedDict[Path, Document | InputError | None] = OrderedDict()
        self.termbases = Termbases(config, self.packs, self._linked_document)
        # --fix rewrites pages: its findings are never cached nor taken from the cache
        self.cache = cache if fix is None else None
        # A further part of each pair's cache key, for what findings depend on beyond
        # the pages and the run's settings (the source revision a translation was made
        # from…). A module-level function, so that worker processes can receive it.
        self.pair_key: Callable[[PagePair], str] | None = None
        self._digests: dict[Path, str] = {}
        self._term_keys: dict[str, str] = {}

    def run(
        self,
        paths: list[str],
        baseline: Counter | None = None,
        selection: Selection | None = None,
    ) -> Report:
        selection = selection or Selection()
        pairing = Pairing(self.config, self.language, selection.with_translations)
        pairs = selection.apply(pairing.pairs(paths))
        if selection.jobs > 1 and len(pairs) >= PARALLEL_FROM:
            report = self._run_parallel(pairs, selection.jobs)
        else:
            report = self.check_pairs(pairs)
        # per-page errors sorted like findings, whichever worker met them
        report.errors = [str(error) for error in pairing.errors] + sorted(report.errors)
        # rules over a run see pages in one order, whichever worker or cache saw them
        observations = {
            code: [seen for _, seen in sorted(pages, key=lambda page: page[0])]
            for code, pages in report.observations.items()
        }
        report.findings.extend(finish_run(self.rules, observations))
        findings = sorted(report.findings, key=lambda finding: finding.sort_key)
        report.findings = filter_baseline(findings, baseline) if baseline else findings
        report.baselined = len(findings) - len(report.findings)
        return report

    def check_pairs(self, pairs: list[PagePair]) -> Report:
        """Pairs sharing a source are checked one after the other, so the source is
        parsed once and can then be dropped."""
        report = Report()
        for group in by_source(pairs):
            for pair in group:
                self._check(pair, report)
        return report

    def _run_parallel(self, pairs: list[PagePair], jobs: int) -> Report:
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
        from concurrent.futures import ProcessPoolExecutor  # a one-worker run never needs it

        report = Report()
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
            for part in pool.map(_check_chunk, [(self, chunk) for chunk in chunks]):
                report.merge(part)
        return report

    def _document(self, path: Path) -> Document | InputError | None:
        """A parsed page, parsed once however many pairs need it (a source page shared
        by every language, a page other pages link to)."""
        key = path.resolve()
        if key in self._documents:
            self._documents.move_to_end(key)
            return self._documents[key]
        if not key.is_file():
            return self._keep(key, None)
        shown = display_path(path, self.absolute_paths)
        try:
            return self._keep(key, parse(read_page(path, shown).text, shown))
        except InputError as error:
            return self._keep(key, error)

    def _keep(self, key: Path, document: Document | InputError | None):
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

    def _linked_document(self, path: Path) -> Document | None:
        found = self._document(path)
        return found if isinstance(found, Document) else None

    def _check(self, pair: PagePair, report: Report) -> None:
        shown = display_path(pair.translation, self.absolute_paths)
        source_shown = display_path(pair.source, self.absolute_paths)
        try:
            page_text = read_page(pair.translation, shown)
        except InputError as error:
            report.errors.append(str(error))
            return
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
            load=self._linked_document,
        )
        cache_key = None
        if self.cache is not None:
            cache_key = self._cache_key(pair, page_text, language, terms, shown, source_shown)
            entry = self.cache.load(cache_key)
            if entry is not None and entry.still_valid(site, self._digest):
                self._count(pair, report, terms, self._digest(pair.source) != "-")
                report.findings.extend(entry.findings)
                self._observed(shown, entry.observations, report)
                return
            site = RecordingSite(site, self._digest)
        source = self._document(pair.source)
        if isinstance(source, InputError):
            report.errors.append(f"{source} (source of {shown})")
            return
        self._count(pair, report, terms, source is not None)

        def lint(text: str) -> tuple[Page, list[Finding]]:
            if text is page_text.text:  # the page as read: parsed once, links to it too
                translation = self._remember(pair.translation, lambda: parse(text, shown))
            else:
                translation = parse(text, shown)
            page = self.page(translation, source, source_shown, language, terms, site)
            return page, run_rules(page, self.rules, shown, source_shown)

        try:
            page, findings = lint(page_text.text)
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
        self._observed(shown, observed, report)
        if cache_key is not None and isinstance(site, RecordingSite):
            self.cache.store(cache_key, site.entry(findings, observed))

    @staticmethod
    def _count(pair: PagePair, report: Report, terms: Termbase | None, paired: bool) -> None:
        if terms is not None:
            report.warnings.extend(w for w in terms.warnings if w not in report.warnings)
        report.files += 1
        report.pairs += paired

    @staticmethod
    def _observed(shown: str, observed: dict[str, object], report: Report) -> None:
        for code, seen in observed.items():
            report.observations.setdefault(code, []).append((shown, seen))

    def _remember(self, path: Path, build: Callable[[], Document]) -> Document:
        """The parsed page at ``path``, built unless a link already had it parsed."""
        key = path.resolve()
        found = self._documents.get(key)
        if isinstance(found, Document):
            self._documents.move_to_end(key)
            return found
        return self._keep(key, build())

    def _cache_key(self, pair, page_text, language, terms, shown, source_shown) -> str:
        if language not in self._term_keys:
            self._term_keys[language] = termbase_key(terms)
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
        return Page(
            translation=translation,
            source=source,
            source_path=source_path,
            language=language,
            source_language=self.config.source_language,
            slug_style=self.config.slug,
            packs=self.packs,
            site=site,
            allow=self.config.allow,
            terms=terms,
        )

    def _fix(self, pair, shown, page_text, linted, lint, report) -> tuple[Page, list[Finding]]:
        """Apply fixes until none is left (or MAX_FIX_PASSES), then write or diff."""
        from doclint.fixer import apply_edits, encode, unified_diff

        text = page_text.text
        for _ in range(MAX_FIX_PASSES):
            edits = [edit for f in linted[1] if self._may_fix(f) for edit in f.fix]
            fixed = apply_edits(text, edits) if edits else text
            if fixed == text:
                break
            text = fixed
            linted = lint(text)
        if text == page_text.text:
            return linted
        if self.fix.diff:
            report.diffs.append(unified_diff(shown, page_text.text, text))
            return linted
        try:
            write_atomically(pair.translation, encode(page_text, text))
        except OSError as error:
            report.errors.append(f"{shown}: cannot write the fixes: {error.strerror or error}")
            return lint(page_text.text)
        report.fixed += 1
        return linted

    def _may_fix(self, finding: Finding) -> bool:
        rule = self._rule_by_code[finding.rule]
        return bool(finding.fix) and rule.fixable and (self.fix.code or not rule.fix_opt_in)
