"""Output formats, one module each: ``render(report, context) -> str``.

A reporter only formats: the findings it gets are already selected, suppressed and
sorted.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from doclint.finding import Finding
from doclint.registry import Rule
from doclint.repository import from_root
from doclint.runner import Report

# Formats other programs read: never mixed with progress or colour.
MACHINE_FORMATS = frozenset({"json", "github", "sarif", "codeclimate"})


@dataclass(frozen=True)
class Context:
    rules: tuple[Rule, ...]  # every rule, for formats that describe them (SARIF)
    color: bool = False
    version: str = ""
    # The repository root: SARIF and Code Climate paths are relative to it.
    root: Path = field(default_factory=Path.cwd)
    quiet: bool = False  # findings only: no summary line
    statistics: bool = False  # a count per rule instead of each finding

    @cached_property
    def _rules_by_code(self) -> dict[str, Rule]:
        return {rule.code: rule for rule in self.rules}

    def fix_kind(self, finding: Finding) -> str | None:
        """``"fix"`` when ``--fix`` mends the finding, ``"fix-code"`` when that takes
        ``--fix --fix-code``, None when it has no fix."""
        if not finding.fix:
            return None
        rule = self._rules_by_code.get(finding.rule)
        if rule is None or not rule.fixable:
            return None
        return "fix-code" if rule.fix_opt_in else "fix"

    def path_from_root(self, path: str) -> str:
        """``path`` from the repository root; unchanged when it lies outside it."""
        return from_root(path, self.root) or Path(path).as_posix()


def fingerprints(findings: Iterable[Finding], paths: Iterable[str]) -> list[str]:
    """One fingerprint per finding, unique within the report and stable across runs
    and line shifts: rule, path, flagged text, and which occurrence of that text it is
    (four findings of one rule on one line stay four alerts)."""
    seen: Counter = Counter()
    prints = []
    for finding, path in zip(findings, paths):
        key = (finding.rule, path, finding.fingerprint)
        seen[key] += 1
        text = "\0".join((*key, str(seen[key])))
        prints.append(hashlib.sha256(text.encode("utf-8")).hexdigest()[:32])
    return prints


def statistics(report: Report, context: Context) -> list[dict]:
    """Findings per rule, most frequent first (ruff's ``--statistics``)."""
    counts: Counter = Counter()
    fixable: Counter = Counter()
    names = {}
    for finding in report.findings:
        counts[finding.rule] += 1
        names[finding.rule] = finding.name
        fixable[finding.rule] += context.fix_kind(finding) is not None
    return [
        {"code": code, "name": names[code], "count": count, "fixable": fixable[code]}
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def renderer(name: str) -> Callable[[Report, Context], Iterable[str]] | None:
    """What writes format ``name``, in parts where its module can (``render_parts``),
    importing no other format's module."""
    if name.isidentifier() and name in {info.name for info in pkgutil.iter_modules(__path__)}:
        module = importlib.import_module(f"{__name__}.{name}")
        if getattr(module, "FORMAT", name) == name:
            return getattr(module, "render_parts", module.render)
    render = formats().get(name)
    return render


def formats() -> dict[str, Callable[[Report, Context], str]]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[getattr(module, "FORMAT", info.name)] = module.render
    return dict(sorted(found.items()))
