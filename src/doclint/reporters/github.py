"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.terminal import printable

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "github"
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # Line breaks are the annotation's own (%0A); other control characters would reach
    # the log as escape sequences.
    text = "\n".join(printable(part) for part in text.replace("\r", "").split("\n"))
    return text.replace("%", "%25").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, context: Context) -> str:
    lines = []
    for finding in report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", finding.path),
                ("line", finding.line),
                ("endLine", finding.end_line),
                ("col", finding.column),
                ("title", f"{finding.rule} {finding.name}"),
            )
        )
        lines.append(f"::{LEVELS[finding.severity]} {properties}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
