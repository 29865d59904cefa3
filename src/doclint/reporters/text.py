"""``path:line:col: CODE [name] message``, then a one-line summary."""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.terminal import printable

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "text"
COLORS = {"error": "\x1b[31m", "warning": "\x1b[33m", "info": "\x1b[36m"}
BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 or word == 'info' else 's'}"


def summary(report: Report) -> str:
    counts = ", ".join(
        _plural(report.by_severity(severity), severity)
        for severity in ("error", "warning", "info")
        if report.by_severity(severity)
    )
    pages = _plural(report.files, "page")
    hidden = f"; {report.baselined} hidden by the baseline" if report.baselined else ""
    if report.fixed:
        hidden += f"; fixed {_plural(report.fixed, 'file')}"
    if not report.findings:
        return f"No findings in {pages} ({report.pairs} compared with their source){hidden}."
    return f"Found {_plural(len(report.findings), 'finding')} ({counts}) in {pages}{hidden}."


def render(report: Report, context: Context) -> str:
    lines = []
    for finding in report.findings:
        # A line starting with "::" would be a workflow command in a GitHub Actions log.
        path = printable(f"./{finding.path}" if finding.path.startswith(":") else finding.path)
        location = f"{path}:{finding.line}:{finding.column}:"
        code = f"{finding.rule} [{finding.name}]"
        if context.color:
            color = COLORS[finding.severity]
            location = f"{BOLD}{location}{RESET}"
            code = f"{color}{finding.rule}{RESET} {DIM}[{finding.name}]{RESET}"
        lines.append(f"{location} {code} {printable(finding.message)}")
    lines.append(summary(report))
    return "\n".join(lines) + "\n"
