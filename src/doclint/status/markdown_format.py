"""A checklist for a pull-request comment or a translation-tracking issue: a checkbox per
page, grouped by status, done pages ticked."""

from __future__ import annotations

from doclint.status import STATUSES, Status, behind

HEADINGS = {
    "outdated": "Outdated: sync with the source",
    "missing": "Missing: not translated yet",
    "no-source": "No source: renamed or removed in the source",
    "up-to-date": "Up to date",
}


def render(status: Status) -> str:
    lines = []
    for language in status.languages:
        totals = language.totals
        summary = " · ".join(f"{totals[name]} {name}" for name in STATUSES if totals[name])
        lines += [f"## `{language.language}` — {summary}", ""]
        for name in ("outdated", "missing", "no-source", "up-to-date"):
            pages = [page for page in language.pages if page.status == name]
            if not pages:
                continue
            lines += [f"### {HEADINGS[name]} ({len(pages)})", ""]
            for page in pages:
                tick = "x" if name == "up-to-date" else " "
                detail = ""
                if name == "outdated":
                    sections = ", ".join(page.changed_sections[:5])
                    detail = f" — {behind(page.commits_behind)}" + (
                        f": {sections}" if sections else ""
                    )
                elif name == "missing":
                    detail = f" — from `{page.source_path}`"
                lines.append(f"- [{tick}] `{page.path}`{detail}")
            lines.append("")
    if status.notes:
        lines += [f"> {note}" for note in status.notes] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"
