"""Drift: findings that the source's changes since the base explain, not the translator.

A source-comparison finding is drift when the translation agrees with the base source
at that place: the same rule, linting the translation against the base instead of the
current source, does not report it. The engine classifies after the rules ran (rules
know nothing of history) and folds drift into the page's ``outdated-translation``
finding unless asked to show it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from doclint.finding import Finding
from doclint.registry import Rule

MODES = ("fold", "show", "only")
OUTDATED = "outdated-translation"
# What a translator copies from the source and a changed source can break.
SOURCE_CATEGORIES = frozenset(
    {"anchor", "link", "structure", "code", "component", "number", "untranslated"}
)


def compares_source(rule: Rule) -> bool:
    return rule.needs_source and rule.category in SOURCE_CATEGORIES


def classify(
    findings: list[Finding],
    base_findings: list[Finding] | None,
    base_commit: str | None,
    comparing: set[str],
) -> list[Finding]:
    """Mark each finding of a rule in ``comparing`` (codes) as drift or not. Without
    ``base_findings`` (the base is the current source) nothing is drift."""
    at_base = Counter((f.rule, f.fingerprint) for f in base_findings or ())
    marked = []
    for finding in findings:
        if finding.rule not in comparing:
            marked.append(finding)
            continue
        key = (finding.rule, finding.fingerprint)
        drift = base_findings is not None and at_base[key] == 0
        if at_base[key]:
            at_base[key] -= 1
        marked.append(replace(finding, drift=drift, base_commit=base_commit))
    return marked


def fold(findings: list[Finding], mode: str) -> list[Finding]:
    """``show``: everything; ``only``: drift alone; ``fold``: drift counted in the page's
    outdated-translation finding (kept where there is none to fold it into)."""
    if mode == "show":
        return findings
    if mode == "only":
        return [finding for finding in findings if finding.drift]
    outdated = next((f for f in findings if f.name == OUTDATED), None)
    drifted = [finding for finding in findings if finding.drift]
    if outdated is None or not drifted:
        return findings
    lines = ", ".join(str(line) for line in sorted({finding.line for finding in drifted}))
    count = len(drifted)
    message = (
        f"{outdated.message} — folds {count} finding{'' if count == 1 else 's'} these "
        f"changes explain (line{'' if len(drifted) == 1 else 's'} {lines}; --drift show "
        "lists them)"
    )
    return [
        replace(finding, message=message) if finding is outdated else finding
        for finding in findings
        if not finding.drift
    ]
