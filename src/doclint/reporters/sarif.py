"""SARIF 2.1.0, for code scanning: every rule in ``tool.driver.rules``, one result per finding."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "sarif"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/doclint/"


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n", 1)[-1].strip() or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"category": rule.category, "fixable": rule.fixable, "tags": [rule.category]},
    }


def _location(path: str, line: int, column: int = 1, end_line: int | None = None) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end_line:
        region["endLine"] = end_line
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}


def render(report: Report, context: Context) -> str:
    index = {rule.code: position for position, rule in enumerate(context.rules)}
    results = []
    for finding in report.findings:
        result = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[finding.severity],
            "message": {"text": finding.message},
            "locations": [_location(finding.path, finding.line, finding.column, finding.end_line)],
            "partialFingerprints": {"doclint/v1": finding.fingerprint},
            "properties": {"category": finding.category},
        }
        if finding.drift is not None:
            result["properties"].update(drift=finding.drift, base_commit=finding.base_commit)
        if finding.source_path and finding.source_line:
            related = _location(finding.source_path, finding.source_line)
            related.update({"id": 1, "message": {"text": "source"}})
            result["relatedLocations"] = [related]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "doclint",
                        "version": context.version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in context.rules],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
