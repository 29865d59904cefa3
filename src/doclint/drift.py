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

import regex

from doclint.finding import Finding
from doclint.registry import Rule

MODES = ("fold", "show", "only")
DIGITS_RE = regex.compile(r"\d+")
OUTDATED = "outdated-translation"
# What a translator copies from the source and a changed source can break.
SOURCE_CATEGORIES = frozenset(
    {"anchor", "link", "structure", "code", "component", "number", "untranslated"}
)


def may_compare_source(rule: Rule) -> bool:
    """Rules whose findings may compare the translation with its source; which of their
    findings do is ``compares_source``."""
    return rule.category in SOURCE_CATEGORIES


def compares_source(finding: Finding, needs_source: bool) -> bool:
    """A finding about the translation against its source: from a rule that needs the
    source, or one that points into it (``untranslated-block``'s "identical to the
    source"); not a translated link that is broken whatever the source says."""
    return needs_source or finding.source_line is not None


def classify(
    findings: list[Finding],
    base_findings: list[Finding] | None,
    base_commit: str | None,
    comparing: dict[str, bool],
) -> list[Finding]:
    """Mark each source-comparison finding of a rule in ``comparing`` (its code, and
    whether it needs the source) as drift or not. Without
    ``base_findings`` (the base is the current source) nothing is drift.

    A finding is the translator's when the base gives it too: one that says the same
    thing at the same place, line numbers aside (the same source block missing then
    and now); or, where each side has exactly one finding of that rule at that place,
    that one — the translation differed from the base there already (a code block
    changed by the translator and by the source since). Where several findings share
    a place (the blocks missing after one paragraph), only the first kind counts, so
    a block the source added is not taken for one it removed."""
    base = list(base_findings or ())
    exact = Counter(_said(f) for f in base)
    placed = Counter((f.rule, f.fingerprint) for f in base)
    here = Counter((f.rule, f.fingerprint) for f in findings)
    single = {key for key, count in placed.items() if count == 1 and here[key] == 1}
    marked = []
    for finding in findings:
        if finding.rule not in comparing or not compares_source(finding, comparing[finding.rule]):
            marked.append(finding)
            continue
        key = (finding.rule, finding.fingerprint)
        mine = exact[_said(finding)] > 0 or key in single
        drift = base_findings is not None and not mine
        marked.append(replace(finding, drift=drift, base_commit=base_commit))
    return marked


def _said(finding: Finding) -> tuple[str, str, str]:
    return (finding.rule, finding.fingerprint, DIGITS_RE.sub("#", finding.message))


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
