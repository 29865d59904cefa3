"""One report from the reports of shards (``doclint check --shard I/N``): JSON or SARIF.

Shards check disjoint sets of pages, so merging is concatenating findings in the order
one run would have written them, and adding up the summary. A finding present in two
reports (a shard run twice) is kept once.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from pathlib import Path


class MergeError(Exception):
    """A report that cannot be merged; the message names the file."""


def _read(path: Path) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MergeError(f"{path}: cannot read: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise MergeError(f"{path}: not a JSON report ({error})") from None
    if not isinstance(document, dict):
        raise MergeError(f"{path}: not a doclint JSON or SARIF report")
    return document


def kind(document: dict) -> str | None:
    if isinstance(document.get("runs"), list) and "version" in document:
        return "sarif"
    if isinstance(document.get("findings"), list) and isinstance(document.get("summary"), dict):
        return "json"
    return None


def merge_files(paths: list[Path]) -> tuple[str, Iterator[str]]:
    """The merged report's format and its text, in parts (a merged report of many
    shards is large); raises MergeError naming a bad file."""
    documents = []
    for path in paths:
        document = _read(path)
        found = kind(document)
        if found is None:
            raise MergeError(f"{path}: not a doclint JSON or SARIF report")
        documents.append((path, found, document))
    formats = {found for _, found, _ in documents}
    if len(formats) > 1:
        raise MergeError(
            "cannot merge JSON and SARIF reports together: "
            + ", ".join(f"{path} is {found}" for path, found, _ in documents)
        )
    found = formats.pop()
    merged = merge_json if found == "json" else merge_sarif
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False)
    return found, chain(encoder.iterencode(merged([d for _, _, d in documents])), ["\n"])


def _finding_key(finding: dict) -> tuple:
    return (
        finding.get("path", ""),
        finding.get("line", 0),
        finding.get("column", 0),
        finding.get("rule", ""),
        finding.get("message", ""),
    )


def _unique(items: list[dict]) -> list[dict]:
    seen, kept = set(), []
    for item in items:
        # a digest, not the text: a merge of many shards holds one per item
        text = json.dumps(item, sort_keys=True).encode("utf-8")
        identity = hashlib.blake2b(text, digest_size=16).digest()
        if identity not in seen:
            seen.add(identity)
            kept.append(item)
    return kept


def merge_json(documents: list[dict]) -> dict:
    findings = _unique([f for document in documents for f in document["findings"]])
    findings.sort(key=_finding_key)
    summaries = [document["summary"] for document in documents]
    return {
        "version": documents[0].get("version", 1),
        "findings": findings,
        "summary": {
            "files": sum(summary.get("files", 0) for summary in summaries),
            "pairs": sum(summary.get("pairs", 0) for summary in summaries),
            "findings": len(findings),
            "by_rule": dict(sorted(Counter(f.get("name", "") for f in findings).items())),
        },
    }


def _result_key(result: dict) -> tuple:
    location = (result.get("locations") or [{}])[0].get("physicalLocation", {})
    region = location.get("region", {})
    return (
        location.get("artifactLocation", {}).get("uri", ""),
        region.get("startLine", 0),
        region.get("startColumn", 0),
        result.get("ruleId", ""),
        result.get("message", {}).get("text", ""),
    )


def merge_sarif(documents: list[dict]) -> dict:
    """One run per tool (shards of one doclint version make one run), its rules the
    union of the shards' rules and each result's ``ruleIndex`` pointing into it."""
    runs: dict[tuple, dict] = {}
    for document in documents:
        for run in document["runs"]:
            driver = run.get("tool", {}).get("driver", {})
            identity = (driver.get("name"), driver.get("version"))
            if identity not in runs:
                runs[identity] = {**run, "results": [], "tool": {"driver": {**driver, "rules": []}}}
            merged = runs[identity]
            rules = merged["tool"]["driver"]["rules"]
            known = {rule.get("id"): position for position, rule in enumerate(rules)}
            for rule in driver.get("rules", []):
                if rule.get("id") not in known:
                    known[rule.get("id")] = len(rules)
                    rules.append(rule)
            for result in run.get("results", []):
                result = dict(result)
                if result.get("ruleId") in known:
                    result["ruleIndex"] = known[result["ruleId"]]
                merged["results"].append(result)
    for run in runs.values():
        run["results"] = sorted(_unique(run["results"]), key=_result_key)
    first = documents[0]
    return {key: value for key, value in first.items() if key != "runs"} | {
        "runs": list(runs.values())
    }
