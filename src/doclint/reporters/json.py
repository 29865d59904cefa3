"""The JSON contract, version 1: findings and a summary, no timestamps."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

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
        text = "    " + _dumps(finding.to_dict()).replace("\n", "\n    ")
        yield text + (",\n" if index < last else "\n")
    yield '  ],\n  "summary": ' + _dumps(summary).replace("\n", "\n  ") + "\n}\n"
