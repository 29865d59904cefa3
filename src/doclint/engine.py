"""Runs the enabled rules over one page pair and applies severity and suppression.

Rules only yield problems; everything that turns a problem into an output finding
(rule identity, severity, paths, fingerprint, suppression) happens here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from doclint import drift
from doclint.config import EnabledRule
from doclint.dialects import owned_rules
from doclint.finding import Finding, Problem, fingerprint
from doclint.page import Page
from doclint.registry import Rule
from doclint.suppress import Suppressions

UNUSED_SUPPRESSION = "unused-suppression"


class RuleCrash(Exception):
    """A rule raised on a page: one line naming the page and the rule; the run goes on."""


def _finding(
    rule: Rule,
    severity: str,
    problem: Problem,
    path: str,
    source_path: str | None = None,
    lines: tuple[str, ...] = (),
) -> Finding:
    """A rule's problem, dressed: identity, severity, paths and a fingerprint of the
    flagged ``lines`` of the page (of the message where no page text is at hand)."""
    end_line = max(problem.end_line or problem.line, problem.line)
    flagged = list(lines[problem.line - 1 : end_line])
    return Finding(
        path=path,
        line=problem.line,
        column=problem.column,
        end_line=end_line,
        rule=rule.code,
        name=rule.name,
        category=rule.category,
        severity=severity,
        message=problem.message,
        source_path=source_path if problem.source_line else None,
        source_line=problem.source_line,
        fingerprint=fingerprint(rule.name, flagged or [problem.message]),
        fix=problem.fix,
    )


def run_rules(
    page: Page,
    rules: Iterable[EnabledRule],
    path: str,
    source_path: str | None = None,
    drift_mode: str = "fold",
) -> list[Finding]:
    """All findings of ``rules`` on ``page``, suppressed as its comments say, with
    source-comparison findings marked as drift or not and folded as ``drift_mode`` says,
    in order."""
    rules = list(rules)
    findings = _checked(page, rules, path, source_path)
    if page.source is not None:
        findings = _classify(page, rules, findings, path, source_path)
    suppressions = Suppressions.of(page.translation)
    findings = suppressions.apply(findings)
    report_unused = next((e for e in rules if e.rule.name == UNUSED_SUPPRESSION), None)
    if report_unused is not None:
        rule = report_unused.rule
        findings.extend(
            _finding(
                rule,
                report_unused.severity,
                Problem(directive.line, message, end_line=directive.end_line),
                path,
                lines=page.translation.lines,
            )
            for directive, message in suppressions.unused()
        )
    findings = drift.fold(findings, drift_mode)
    return sorted(findings, key=lambda finding: finding.sort_key)


def _classify(
    page: Page, rules: list[EnabledRule], findings: list[Finding], path: str, source_path
) -> list[Finding]:
    """Lint the translation against its base too: what the base explains is not drift."""
    comparing = [enabled for enabled in rules if drift.may_compare_source(enabled.rule)]
    codes = {enabled.rule.code: enabled.rule.needs_source for enabled in comparing}
    freshness = page.freshness
    base_commit = freshness.base_commit if freshness is not None else None
    at_base = None
    if page.base is not None and any(finding.rule in codes for finding in findings):
        as_made = replace(page, source=page.base, base=None)
        at_base = _checked(as_made, comparing, path, source_path)
    return drift.classify(findings, at_base, base_commit, codes)


def _checked(
    page: Page, rules: list[EnabledRule], path: str, source_path: str | None
) -> list[Finding]:
    findings: list[Finding] = []
    owned = owned_rules()
    # Verdicts on the pair as a whole come first: a page that is empty or is another
    # page is reported once, not compared block by block.
    ordered = sorted(rules, key=lambda enabled: not enabled.rule.verdict)
    compare = True
    for enabled in ordered:
        rule = enabled.rule
        if rule.name == UNUSED_SUPPRESSION:
            continue
        if rule.check is None or (rule.needs_source and page.source is None):
            continue
        if rule.name in owned and rule.name not in page.dialect.own_rules:
            continue
        if rule.needs_source and not rule.verdict and not compare:
            continue
        try:
            problems = list(rule.check(page, enabled.options))
        except Exception as error:  # a broken rule must not take the run down with it
            raise RuleCrash(
                f"{path}: rule {rule.name} failed: {type(error).__name__}: {error}"
            ) from error
        if rule.verdict and problems:
            compare = False
        for problem in problems:
            findings.append(
                _finding(
                    rule,
                    enabled.severity_for(problem),
                    problem,
                    path,
                    source_path,
                    page.translation.lines,
                )
            )
    return findings


def observe(page: Page, rules: Iterable[EnabledRule]) -> dict[str, object]:
    """What rules over a whole run collect from one page, by rule code."""
    seen = {}
    for enabled in rules:
        if enabled.rule.collect is None:
            continue
        try:
            seen[enabled.rule.code] = enabled.rule.collect(page, enabled.options)
        except Exception as error:
            path = page.translation.path
            raise RuleCrash(
                f"{path}: rule {enabled.rule.name} failed: {type(error).__name__}: {error}"
            ) from error
    return seen


def finish_run(rules: Iterable[EnabledRule], observations: dict[str, list]) -> list[Finding]:
    """The findings of rules over a whole run, once every page was observed."""
    findings = []
    for enabled in rules:
        rule = enabled.rule
        if rule.finish is None:
            continue
        for path, problem in rule.finish(observations.get(rule.code, []), enabled.options):
            findings.append(_finding(rule, enabled.severity, problem, path))
    return findings
