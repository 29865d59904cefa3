"""A table per language, then its totals."""

from __future__ import annotations

from doclint.status import STATUSES, Status, behind


def render(status: Status) -> str:
    lines = []
    for language in status.languages:
        totals = language.totals
        summary = ", ".join(f"{totals[name]} {name}" for name in STATUSES if totals[name])
        lines.append(f"{language.language}: {len(language.pages)} pages — {summary}")
        width = max((len(page.path) for page in language.pages), default=0)
        for page in language.pages:
            detail = ""
            if page.status == "outdated":
                drift = f", {page.drift} folded" if page.drift else ""
                sections = "; ".join(page.changed_sections[:4])
                more = len(page.changed_sections) - 4
                sections += f"; and {more} more" if more > 0 else ""
                detail = f"{behind(page.commits_behind)}{drift}: {sections}"
            elif page.status == "missing":
                detail = f"translates {page.source_path}"
            counts = ", ".join(f"{name} {count}" for name, count in page.findings.items())
            if counts:
                detail = f"{detail}  [{counts}]" if detail else f"[{counts}]"
            lines.append(f"  {page.status:<10}  {page.path:<{width}}  {detail}".rstrip())
        if language.findings:
            found = ", ".join(f"{name} {count}" for name, count in language.findings.items())
            lines.append(f"  findings by category: {found}")
        lines.append("")
    if not status.languages:
        lines.append("No translated pages." if status.since is None else "Nothing changed.")
    return "\n".join(lines).rstrip("\n") + "\n"
