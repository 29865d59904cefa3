"""SARIF 2.1.0, for code scanning: every rule in ``tool.driver.rules``, one result per finding."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


def _result(finding, index: dict[str, int]) -> dict:
    result = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.line, finding.column, finding.end_line)],
        "partialFingerprints": {"doclint/v1": finding.fingerprint},
        "properties": {"category": finding.category},
    }
    if finding.source_path and finding.source_line:
        related = _location(finding.source_path, finding.source_line)
        related.update({"id": 1, "message": {"text": "source"}})
        result["relatedLocations"] = [related]
    return result


def render(report: Report, context: Context) -> str:
    return "".join(render_parts(report, context))


def render_parts(report: Report, context: Context) -> Iterator[str]:
    """The log as json.dumps(log, indent=2) writes it, one result at a time: a run of
    many pages never holds all its results at once."""
    index = {rule.code: position for position, rule in enumerate(context.rules)}
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
                "results": [],
            }
        ],
    }
    text = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if not report.findings:
        yield text
        return
    head, tail = text.rsplit('"results": []', 1)
    yield head + '"results": [\n'
    last = len(report.findings) - 1
    for position, finding in enumerate(report.findings):
        result = json.dumps(_result(finding, index), indent=2, ensure_ascii=False)
        yield "        " + result.replace("\n", "\n        ") + (",\n" if position < last else "\n")
    yield "      ]" + tail
