"""A whole run: pair the given paths, read and parse each page once, lint each pair."""

from __future__ import annotations

import hashlib
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from doclint.config import Config
from doclint.document import Document
from doclint.engine import RuleCrash, finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.fixer import apply_edits, encode, unified_diff
from doclint.glossary import Termbases
from doclint.inbound import build_index, page_key
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
    observations: dict[str, list] = field(default_factory=dict)  # for rules over a run
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


def _check_chunk(job: tuple[Runner, list[PagePair]]) -> Report:
    runner, pairs = job
    return runner.check_pairs(pairs)


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
    ):
        self.config = config
        self.language = language
        self.absolute_paths = absolute_paths
        self.fix = fix
        self.rules = config.enabled_rules()
        self._rule_by_code = {enabled.rule.code: enabled.rule for enabled in self.rules}
        self.packs = config.load_packs()
        self._documents: dict[Path, Document | InputError | None] = {}
        self._inbound: dict[Path, dict[str, set[str]]] = {}
        self.termbases = Termbases(config, self.packs, self._linked_document)

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
        report.findings.extend(finish_run(self.rules, report.observations))
        findings = sorted(report.findings, key=lambda finding: finding.sort_key)
        report.findings = filter_baseline(findings, baseline) if baseline else findings
        report.baselined = len(findings) - len(report.findings)
        return report

    def check_pairs(self, pairs: list[PagePair]) -> Report:
        report = Report()
        for pair in pairs:
            self._check(pair, report)
        return report

    def _run_parallel(self, pairs: list[PagePair], jobs: int) -> Report:
        """Pairs sharing a source page go to the same worker, so it is parsed once."""
        by_source: dict[Path, list[PagePair]] = {}
        for pair in pairs:
            by_source.setdefault(pair.source, []).append(pair)
        chunks: list[list[PagePair]] = [[] for _ in range(jobs * 4)]
        for group in sorted(by_source.values(), key=len, reverse=True):
            min(chunks, key=len).extend(group)
        chunks = [chunk for chunk in chunks if chunk]
        report = Report()
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
            for part in pool.map(_check_chunk, [(self, chunk) for chunk in chunks]):
                report.merge(part)
        return report

    def _document(self, path: Path) -> Document | InputError | None:
        """A parsed page, parsed once however many pairs need it (a source page shared
        by every language, a page other pages link to)."""
        key = path.resolve()
        if key not in self._documents:
            if not key.is_file():
                self._documents[key] = None
            else:
                shown = display_path(path, self.absolute_paths)
                try:
                    self._documents[key] = parse(read_page(path, shown).text, shown)
                except InputError as error:
                    self._documents[key] = error
        return self._documents[key]

    def _linked_fragments(self, page: Path, top: Path) -> frozenset[str]:
        """Fragments that any page under ``top`` links to on ``page`` (index built once)."""
        if top not in self._inbound:
            self._inbound[top] = build_index(top, _text_or_none)
        return frozenset(self._inbound[top].get(page_key(page, top) or "", ()))

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
        source = self._document(pair.source)
        if isinstance(source, InputError):
            report.errors.append(f"{source} (source of {shown})")
            return
        language = self.language or pair.language
        try:
            terms = self.terms_for(language)
        except TermbaseError as error:
            report.errors.append(str(error))
            return
        if terms is not None:
            report.warnings.extend(w for w in terms.warnings if w not in report.warnings)
        report.files += 1
        report.pairs += source is not None

        site = FileSite(
            page=pair.translation.resolve(),
            root=pair.root,
            source_root=pair.source_root,
            language=pair.language,
            layout=pair.layout,
            load=self._linked_document,
            inbound=self._linked_fragments,
        )

        def lint(text: str) -> tuple[Page, list[Finding]]:
            page = self.page(parse(text, shown), source, source_shown, language, terms, site)
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
            observed = {}
        report.findings.extend(findings)
        for code, seen in observed.items():
            report.observations.setdefault(code, []).append(seen)

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
