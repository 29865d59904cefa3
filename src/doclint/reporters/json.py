"""The JSON contract, version 1: findings and a summary, no timestamps.

Each finding says whether a fix mends it (``fixable``: ``"fix"``, ``"fix-code"`` or
null); with ``--statistics`` the document is the count per rule instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from doclint.reporters import statistics

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "json"
VERSION = 1


def _dumps(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def render(report: Report, context: Context) -> str:
    return "".join(render_parts(report, context))


def render_parts(report: Report, context: Context) -> Iterator[str]:
    """The report as json.dumps(document, indent=2) writes it, one finding at a time: a
    run of many pages never holds its whole report, as dictionaries or as text."""
    if context.statistics:
        yield _dumps(statistics(report, context)) + "\n"
        return
    summary = {
        "files": report.files,
        "pairs": report.pairs,
        "findings": len(report.findings),
        "by_rule": report.by_rule,
    }
    if not report.findings:
        yield _dumps({"version": VERSION, "findings": [], "summary": summary}) + "\n"
        return
    yield f'{{\n  "version": {VERSION},\n  "findings": [\n'
    last = len(report.findings) - 1
    for index, finding in enumerate(report.findings):
        entry = {**finding.to_dict(), "fixable": context.fix_kind(finding)}
        text = "    " + _dumps(entry).replace("\n", "\n    ")
        yield text + (",\n" if index < last else "\n")
    yield '  ],\n  "summary": ' + _dumps(summary).replace("\n", "\n  ") + "\n}\n"
