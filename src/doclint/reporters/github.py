"""GitHub Actions workflow commands: one annotation per finding.

GitHub places an annotation by its path from the repository root. The message is
escaped as workflow command data (``%``, CR, LF), the properties also escape ``:``
and ``,``, which would otherwise end them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from doclint.terminal import printable

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "github"
LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    # Line breaks are escaped as workflow commands want (%0D, %0A); other control
    # characters would reach the log as escape sequences, so they are shown escaped.
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, context: Context) -> str:
    lines = []
    for finding in report.findings:
        properties = ",".join(
            f"{key}={_escape_property(str(value))}"
            for key, value in (
                ("file", context.path_from_root(finding.path)),
                ("line", finding.line),
                ("endLine", finding.end_line),
                ("col", finding.column),
                ("title", f"{finding.rule} {finding.name}"),
            )
        )
        lines.append(f"::{LEVELS[finding.severity]} {properties}::{_escape_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
