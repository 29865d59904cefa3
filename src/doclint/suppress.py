"""Suppression: inline comments in the translated page, and baselines.

Comments, which do not render::

    <!-- doclint-disable RULE… -->            until a matching doclint-enable
    <!-- doclint-enable RULE… -->
    <!-- doclint-disable-next-line RULE… -->  the next non-blank line
    <!-- doclint-disable-file RULE… -->       the whole file

RULE is a code, code prefix, name or category, separated by spaces or commas; none
means every rule. A directive that suppressed nothing is itself reported.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from doclint.document import Document
from doclint.finding import Finding
from doclint.registry import Rule, all_rules, is_selector
from doclint.repository import from_root
from doclint.textfile import write_atomically

DIRECTIVE_RE = regex.compile(
    r"^doclint-(disable-next-line|disable-file|disable|enable)(?:[\s:]+(.*))?$", regex.DOTALL
)
# Version 2 records paths from the repository root; version 1 recorded them from the
# working directory and is still read that way.
BASELINE_VERSION = 2


@dataclass(eq=False)
class Directive:
    action: str
    selectors: tuple[str, ...]
    line: int
    end_line: int
    target: int = 0  # for disable-next-line: the line it covers
    used: bool = False

    def covers(self, rule: Rule) -> bool:
        return not self.selectors or any(rule.matches(s) for s in self.selectors)


@dataclass
class Suppressions:
    directives: list[Directive] = field(default_factory=list)

    @classmethod
    def of(cls, document: Document) -> Suppressions:
        directives = []
        for comment in document.comments:
            match = DIRECTIVE_RE.match(comment.text)
            if match is None:
                continue
            selectors = tuple(s for s in regex.split(r"[\s,]+", match.group(2) or "") if s)
            directive = Directive(match.group(1), selectors, comment.line, comment.end_line)
            if directive.action == "disable-next-line":
                directive.target = _next_content_line(document, comment.end_line)
            directives.append(directive)
        return cls(directives)

    def suppressing(self, line: int, rule: Rule) -> Directive | None:
        """The directive that silences ``rule`` at ``line``, if any."""
        region: Directive | None = None
        for directive in self.directives:
            if directive.action == "disable-file" and directive.covers(rule):
                return directive
            if directive.action == "disable-next-line":
                if directive.target == line and directive.covers(rule):
                    return directive
                continue
            if directive.line >= line:
                continue
            if directive.action == "disable" and directive.covers(rule):
                region = directive
            elif directive.action == "enable" and region is not None and directive.covers(rule):
                region = None
        return region

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        rules = {rule.code: rule for rule in all_rules()}
        kept = []
        for finding in findings:
            directive = self.suppressing(finding.line, rules[finding.rule])
            if directive is None:
                kept.append(finding)
            else:
                directive.used = True
        return kept

    def unused(self) -> list[tuple[Directive, str]]:
        """Directives that suppressed nothing, with the reason."""
        problems = []
        for directive in self.directives:
            unknown = [s for s in directive.selectors if not is_selector(s)]
            if unknown:
                problems.append(
                    (directive, f"unknown rule {unknown[0]!r} in doclint-{directive.action}")
                )
            elif directive.action != "enable" and not directive.used:
                named = " ".join(directive.selectors) or "all rules"
                problems.append(
                    (directive, f"doclint-{directive.action} ({named}) suppressed nothing")
                )
        return problems


def _next_content_line(document: Document, after: int) -> int:
    for number in range(after + 1, len(document.lines) + 1):
        if document.line_text(number).strip():
            return number
    return after + 1


class BaselineError(Exception):
    pass


def _key(finding: Finding, root: Path) -> tuple[str, str, str]:
    return (from_root(finding.path, root) or finding.path, finding.name, finding.fingerprint)


def write_baseline(path: Path, findings: Iterable[Finding], root: Path) -> int:
    """Record ``findings`` with their paths from ``root`` (the repository root), so the
    baseline matches wherever doclint runs from."""
    counts = Counter(_key(f, root) for f in findings)
    entries = [
        {"path": p, "rule": name, "fingerprint": fp, "count": count}
        for (p, name, fp), count in sorted(counts.items())
    ]
    text = json.dumps(
        {"version": BASELINE_VERSION, "findings": entries}, indent=2, ensure_ascii=False
    )
    write_atomically(path, (text + "\n").encode("utf-8"))
    return sum(counts.values())


def read_baseline(path: Path, root: Path) -> Counter:
    """The recorded findings, keyed by path from ``root``, rule name and fingerprint."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("version")
        if version not in (1, BASELINE_VERSION):
            raise BaselineError(f"{path}: not a doclint baseline of version {BASELINE_VERSION}")
        counts: Counter = Counter()
        for e in data["findings"]:
            where = e["path"] if version == BASELINE_VERSION else from_root(e["path"], root)
            counts[(where or e["path"], e["rule"], e["fingerprint"])] += int(e.get("count", 1))
        return counts
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror}") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise BaselineError(f"{path}: not a valid doclint baseline file") from None


def filter_baseline(findings: Iterable[Finding], baseline: Counter, root: Path) -> list[Finding]:
    """Drop findings the baseline records, as many times as it recorded each."""
    remaining = Counter(baseline)
    kept = []
    for finding in findings:
        key = _key(finding, root)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept
