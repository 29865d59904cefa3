"""Code Climate JSON, the report GitLab's Code Quality widget reads."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "codeclimate"
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, context: Context) -> str:
    seen: Counter = Counter()
    issues = []
    for finding in report.findings:
        # unique per finding, stable across runs and line moves (the n-th of its kind)
        key = (finding.path, finding.rule, finding.fingerprint)
        seen[key] += 1
        fingerprint = hashlib.md5(f"{key}{seen[key]}".encode(), usedforsecurity=False).hexdigest()
        issues.append(
            {
                "type": "issue",
                "check_name": f"{finding.rule} {finding.name}",
                "description": finding.message,
                "categories": ["Bug Risk" if finding.severity == "error" else "Clarity"],
                "severity": SEVERITIES[finding.severity],
                "fingerprint": fingerprint,
                "location": {
                    "path": finding.path,
                    "lines": {"begin": finding.line, "end": finding.end_line},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
