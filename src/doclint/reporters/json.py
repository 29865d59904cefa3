"""The JSON contract, version 1: findings and a summary, no timestamps."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "json"
VERSION = 1


def _dumps(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def render(report: Report, context: Context) -> str:
    # Written as json.dumps(document, indent=2) would, one finding at a time: a run of
    # many pages never holds every finding as a dictionary at once.
    summary = {
        "files": report.files,
        "pairs": report.pairs,
        "findings": len(report.findings),
        "by_rule": report.by_rule,
    }
    if not report.findings:
        return _dumps({"version": VERSION, "findings": [], "summary": summary}) + "\n"
    findings = ",\n".join(
        "    " + _dumps(finding.to_dict()).replace("\n", "\n    ") for finding in report.findings
    )
    summary_text = _dumps(summary).replace("\n", "\n  ")
    return (
        f'{{\n  "version": {VERSION},\n  "findings": [\n{findings}\n  ],\n'
        f'  "summary": {summary_text}\n}}\n'
    )
