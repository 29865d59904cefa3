"""A whole run: pair the given paths, read and parse each page once, lint each pair."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from doclint.config import Config
from doclint.document import Document
from doclint.engine import run_rules
from doclint.finding import Finding
from doclint.page import Page
from doclint.pairing import PagePair, Pairing
from doclint.parse import parse
from doclint.suppress import filter_baseline
from doclint.textfile import InputError, read_page


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    files: int = 0  # translated pages read
    pairs: int = 0  # of those, compared with their source
    errors: list[str] = field(default_factory=list)  # one line per unreadable input
    baselined: int = 0  # findings the baseline hid

    @property
    def by_rule(self) -> dict[str, int]:
        return dict(sorted(Counter(finding.name for finding in self.findings).items()))

    def by_severity(self, severity: str) -> int:
        return sum(1 for finding in self.findings if finding.severity == severity)


def display_path(path: Path, absolute: bool = False) -> str:
    """Relative to the working directory, with forward slashes (or absolute, if asked)."""
    if absolute:
        return path.resolve().as_posix()
    try:
        return Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()


class Runner:
    def __init__(self, config: Config, language: str | None = None, absolute_paths: bool = False):
        self.config = config
        self.language = language
        self.absolute_paths = absolute_paths
        self.rules = config.enabled_rules()
        self.packs = config.load_packs()
        self._sources: dict[Path, Document | InputError | None] = {}

    def run(self, paths: list[str], baseline: Counter | None = None) -> Report:
        report = Report()
        pairing = Pairing(self.config, self.language)
        for pair in pairing.pairs(paths):
            self._check(pair, report)
        report.errors[:0] = [str(error) for error in pairing.errors]
        findings = sorted(report.findings, key=lambda finding: finding.sort_key)
        report.findings = filter_baseline(findings, baseline) if baseline else findings
        report.baselined = len(findings) - len(report.findings)
        return report

    def _source(self, path: Path) -> Document | InputError | None:
        """The parsed source page, parsed once however many translations share it."""
        key = path.resolve()
        if key not in self._sources:
            if not key.is_file():
                self._sources[key] = None
            else:
                shown = display_path(path, self.absolute_paths)
                try:
                    self._sources[key] = parse(read_page(path, shown).text, shown)
                except InputError as error:
                    self._sources[key] = error
        return self._sources[key]

    def _check(self, pair: PagePair, report: Report) -> None:
        shown = display_path(pair.translation, self.absolute_paths)
        source_shown = display_path(pair.source, self.absolute_paths)
        try:
            translation = parse(read_page(pair.translation, shown).text, shown)
        except InputError as error:
            report.errors.append(str(error))
            return
        source = self._source(pair.source)
        if isinstance(source, InputError):
            report.errors.append(f"{source} (source of {shown})")
            return
        report.files += 1
        report.pairs += source is not None
        page = Page(
            translation=translation,
            source=source,
            source_path=source_shown,
            language=self.language or pair.language,
            source_language=self.config.source_language,
            slug_style=self.config.slug,
            packs=self.packs,
        )
        report.findings.extend(run_rules(page, self.rules, shown, source_shown))
