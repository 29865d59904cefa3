"""``path:line:col: CODE [*] [name] message``, then a one-line summary.

``[*]`` marks a finding ``--fix`` mends (ruff's marker); the summary counts them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.reporters import statistics
from doclint.terminal import printable

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "text"
COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
FIXABLE = "[*]"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def summary(report: Report, context: Context | None = None) -> str:
    counts = ", ".join(
        _plural(report.by_severity(severity), severity)
        for severity in ("error", "warning", "info")
        if report.by_severity(severity)
    )
    pages = _plural(report.files, "page")
    hidden = f"; {report.baselined} hidden by the baseline" if report.baselined else ""
    if report.fixed:
        hidden += f"; fixed {_plural(report.fixed, 'file')}"
    if report.dialects:
        hidden += "; dialect " + ", ".join(
            f"{name} (detected from {reason})" for name, reason in sorted(report.dialects.items())
        )
    if not report.findings:
        return f"No findings in {pages} ({report.pairs} compared with their source){hidden}."
    fixable = ""
    if context is not None:
        kinds = [context.fix_kind(finding) for finding in report.findings]
        plain, code = kinds.count("fix"), kinds.count("fix-code")
        if plain:
            fixable += f"; {plain} fixable with --fix"
        if code:
            fixable += f"; {code} more with --fix --fix-code"
    found = _plural(len(report.findings), "finding")
    return f"Found {found} ({counts}) in {pages}{hidden}{fixable}."


def _statistics(report: Report, context: Context) -> list[str]:
    rows = statistics(report, context)
    width = max((len(str(row["count"])) for row in rows), default=1)
    return [
        f"{row['count']:>{width}}  {row['code']}  "
        f"{FIXABLE if row['fixable'] else ' ' * len(FIXABLE)}  {row['name']}"
        for row in rows
    ]


def render(report: Report, context: Context) -> str:
    if context.statistics:
        lines = _statistics(report, context)
    else:
        lines = []
        for finding in report.findings:
            # A line starting with "::" would be a workflow command in a GitHub Actions log.
            path = finding.path
            path = printable(f"./{path}" if path.startswith(":") else path)
            location = f"{path}:{finding.line}:{finding.column}:"
            fixable = f" {FIXABLE}" if context.fix_kind(finding) else ""
            if context.color:
                color = COLORS[finding.severity]
                location = f"{BOLD}{location}{RESET}"
                code = f"{color}{finding.rule}{RESET}{fixable} {DIM}[{finding.name}]{RESET}"
            else:
                code = f"{finding.rule}{fixable} [{finding.name}]"
            lines.append(f"{location} {code} {printable(finding.message)}")
    if not context.quiet:
        lines.append(summary(report, context))
    return "".join(line + "\n" for line in lines)
