"""``doclint status``: where each language stands, page by page.

Built from one run's report (linted with drift shown, so it can be counted): each
translated page is ``up-to-date``, ``outdated`` or ``no-source``; each source page a
checked language folder lacks is ``missing``. A format module renders it:
``render(status) -> str``.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from doclint.drift import OUTDATED
from doclint.runner import Report

STATUSES = ("up-to-date", "outdated", "missing", "no-source")
FORMATS = ("text", "json", "markdown", "html")


@dataclass
class PageStatus:
    path: str
    source_path: str
    language: str
    status: str
    base_commit: str | None = None
    base_reason: str | None = None
    commits_behind: int = 0
    changed_sections: tuple[str, ...] = ()
    drift: int = 0  # findings the source's changes explain, folded into "outdated"
    findings: dict[str, int] = field(default_factory=dict)  # the rest, by category

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "source_path": self.source_path,
            "language": self.language,
            "status": self.status,
            "base_commit": self.base_commit,
            "base_reason": self.base_reason,
            "commits_behind": self.commits_behind,
            "changed_sections": list(self.changed_sections),
            "drift": self.drift,
            "findings": self.findings,
        }


@dataclass
class LanguageStatus:
    language: str
    pages: list[PageStatus] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, int]:
        counts = Counter(page.status for page in self.pages)
        return {status: counts.get(status, 0) for status in STATUSES}

    @property
    def findings(self) -> dict[str, int]:
        total: Counter = Counter()
        for page in self.pages:
            total.update(page.findings)
        return dict(sorted(total.items()))


@dataclass
class Status:
    languages: list[LanguageStatus]
    notes: list[str] = field(default_factory=list)
    since: str | None = None


def behind(count: int) -> str:
    return f"{count} commit{'' if count == 1 else 's'} behind"


def build(report: Report, changed: set[str] | None = None, since: str | None = None) -> Status:
    """The status of every page in ``report``; with ``changed`` (paths as shown), only
    pages whose source page is among them."""
    by_path: dict[str, list] = {}
    for finding in report.findings:
        by_path.setdefault(finding.path, []).append(finding)
    languages: dict[str, LanguageStatus] = {}

    def add(page: PageStatus) -> None:
        if changed is None or page.source_path in changed:
            languages.setdefault(page.language, LanguageStatus(page.language)).pages.append(page)

    for record in report.pages:
        findings = by_path.get(record.path, [])
        freshness = record.freshness
        status = "no-source"
        if record.has_source:
            status = "outdated" if freshness is not None and freshness.outdated else "up-to-date"
        counted = Counter(f.category for f in findings if not f.drift and f.name != OUTDATED)
        add(
            PageStatus(
                path=record.path,
                source_path=record.source_path,
                language=record.language,
                status=status,
                base_commit=freshness.base_commit if freshness else None,
                base_reason=freshness.reason if freshness else None,
                commits_behind=(freshness.commits_behind or 0) if freshness else 0,
                changed_sections=freshness.sections.names if freshness else (),
                drift=sum(1 for finding in findings if finding.drift),
                findings=dict(sorted(counted.items())),
            )
        )
    for tree in report.trees:
        for translation, source in tree.missing:
            add(PageStatus(translation, source, tree.language, "missing"))
    ordered = []
    for language in sorted(languages):
        entry = languages[language]
        entry.pages.sort(key=lambda page: (STATUSES.index(page.status), page.path))
        ordered.append(entry)
    return Status(ordered, list(report.notes), since)


def renderer(name: str) -> Callable[[Status], str]:
    return importlib.import_module(f"{__name__}.{name}_format").render
