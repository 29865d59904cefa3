"""SARIF 2.1.0, for code scanning: every rule in ``tool.driver.rules``, one result per finding.

Locations are relative to the repository root (``uriBaseId`` ``%SRCROOT%``), so code
scanning places them wherever doclint ran from; each result has a fingerprint of its
own that survives edits elsewhere in the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from doclint.reporters import fingerprints
from doclint.repository import from_root
from doclint.ruledocs import rule_url

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "sarif"
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/doclint/"
ROOT_ID = "%SRCROOT%"
FINGERPRINT_KEY = "doclint/v2"


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n", 1)[-1].strip() or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "helpUri": rule_url(rule),
        "defaultConfiguration": {"level": LEVELS[rule.severity], "enabled": rule.enabled},
        "properties": {"category": rule.category, "fixable": rule.fixable, "tags": [rule.category]},
    }


def _artifact(path: str, context: Context) -> dict:
    """A repository-relative, percent-encoded URI; a file outside the repository
    keeps its absolute ``file:`` URI."""
    inside = from_root(path, context.root)
    if inside is None:
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(inside, safe="/"), "uriBaseId": ROOT_ID}


def _location(
    path: str, context: Context, line: int, column: int = 1, end_line: int | None = None
) -> dict:
    region = {"startLine": line, "startColumn": column}
    if end_line:
        region["endLine"] = end_line
    return {"physicalLocation": {"artifactLocation": _artifact(path, context), "region": region}}


def _result(finding, print_: str, index: dict[str, int], context: Context) -> dict:
    result = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [
            _location(finding.path, context, finding.line, finding.column, finding.end_line)
        ],
        "partialFingerprints": {FINGERPRINT_KEY: print_},
        "properties": {"category": finding.category},
    }
    if finding.drift is not None:
        result["properties"].update(drift=finding.drift, base_commit=finding.base_commit)
    if finding.source_path and finding.source_line:
        related = _location(finding.source_path, context, finding.source_line)
        related.update({"id": 1, "message": {"text": "source"}})
        result["relatedLocations"] = [related]
    return result


def render(report: Report, context: Context) -> str:
    return "".join(render_parts(report, context))


def render_parts(report: Report, context: Context) -> Iterator[str]:
    """The log as json.dumps(log, indent=2) writes it, one result at a time: a run of
    many pages never holds all its results at once."""
    index = {rule.code: position for position, rule in enumerate(context.rules)}
    paths = [context.path_from_root(finding.path) for finding in report.findings]
    prints = fingerprints(report.findings, paths)
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
                "originalUriBaseIds": {ROOT_ID: {"uri": context.root.as_uri().rstrip("/") + "/"}},
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
    for position, (finding, print_) in enumerate(zip(report.findings, prints)):
        result = json.dumps(_result(finding, print_, index, context), indent=2, ensure_ascii=False)
        yield "        " + result.replace("\n", "\n        ") + (",\n" if position < last else "\n")
    yield "      ]" + tail
