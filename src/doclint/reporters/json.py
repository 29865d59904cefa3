"""The JSON contract, version 1: findings and a summary, no timestamps.

Each finding says whether a fix mends it (``fixable``: ``"fix"``, ``"fix-code"`` or
null); with ``--statistics`` the document is the count per rule instead.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from doclint.reporters import statistics

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "json"
VERSION = 1


def render(report: Report, context: Context) -> str:
    if context.statistics:
        return json.dumps(statistics(report, context), indent=2, ensure_ascii=False) + "\n"
    document = {
        "version": VERSION,
        "findings": [
            {**finding.to_dict(), "fixable": context.fix_kind(finding)}
            for finding in report.findings
        ],
        "summary": {
            "files": report.files,
            "pairs": report.pairs,
            "findings": len(report.findings),
            "by_rule": report.by_rule,
        },
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
