"""Code Climate JSON, the report GitLab's Code Quality widget reads.

GitLab places an issue by ``location.path`` relative to the repository root and
tells issues apart by ``fingerprint``, so both follow the repository, not the
working directory.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from doclint.reporters import fingerprints

if TYPE_CHECKING:
    from doclint.reporters import Context
    from doclint.runner import Report

FORMAT = "codeclimate"
SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report, context: Context) -> str:
    paths = [context.path_from_root(finding.path) for finding in report.findings]
    issues = []
    for finding, path, fingerprint in zip(
        report.findings, paths, fingerprints(report.findings, paths)
    ):
        issues.append(
            {
                "type": "issue",
                "check_name": f"{finding.rule} {finding.name}",
                "description": finding.message,
                "categories": ["Bug Risk" if finding.severity == "error" else "Clarity"],
                "severity": SEVERITIES[finding.severity],
                "fingerprint": fingerprint,
                "location": {
                    "path": path,
                    "lines": {"begin": finding.line, "end": finding.end_line},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
