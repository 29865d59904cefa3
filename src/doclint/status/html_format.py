"""One self-contained HTML file: inline CSS and SVG, no script, nothing fetched. A bar
per language (up-to-date / outdated / missing / no-source), then the page table; each
outdated page links to what changed in its source."""

from __future__ import annotations

from html import escape

from doclint.status import STATUSES, LanguageStatus, PageStatus, Status, behind

COLORS = {
    "up-to-date": "#2e9e5b",
    "outdated": "#e0a020",
    "missing": "#c8ccd2",
    "no-source": "#c0392b",
}
STYLE = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1d232b}
h1{font-size:20px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%;margin-top:8px}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e3e6ea;vertical-align:top}
th{background:#f4f6f8}code{font-size:13px}
.badge{display:inline-block;padding:0 6px;border-radius:8px;color:#fff;font-size:12px;
white-space:nowrap}td code{white-space:nowrap}
.legend span{margin-right:14px}.legend i{display:inline-block;width:10px;height:10px;
margin-right:4px;border-radius:2px}.changes li{font-family:monospace}.note{color:#6b7480}
"""
WIDTH = 640


def _chart(language: LanguageStatus) -> str:
    totals = language.totals
    count = sum(totals.values()) or 1
    bars, x = [], 0.0
    for name in STATUSES:
        width = WIDTH * totals[name] / count
        if width:
            bars.append(
                f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="22" '
                f'fill="{COLORS[name]}"><title>{totals[name]} {name}</title></rect>'
            )
        x += width
    legend = "".join(
        f'<span><i style="background:{COLORS[name]}"></i>{totals[name]} {name}</span>'
        for name in STATUSES
    )
    return (
        f'<svg class="chart" role="img" aria-label="{escape(language.language)} pages by status" '
        f'width="{WIDTH}" height="22" viewBox="0 0 {WIDTH} 22">{"".join(bars)}</svg>'
        f'<div class="legend">{legend}</div>'
    )


def _anchor(page: PageStatus) -> str:
    return "changes-" + "".join(c if c.isalnum() else "-" for c in page.path)


def _row(page: PageStatus) -> str:
    status = f'<span class="badge" style="background:{COLORS[page.status]}">{page.status}</span>'
    path = f"<code>{escape(page.path)}</code>"
    if page.status == "outdated":
        path = f'<a href="#{_anchor(page)}">{path}</a>'
    behind = str(page.commits_behind) if page.status == "outdated" else ""
    base = f"<code>{escape(page.base_commit[:12])}</code>" if page.base_commit else ""
    findings = ", ".join(f"{escape(k)} {v}" for k, v in page.findings.items())
    drift = str(page.drift) if page.drift else ""
    return (
        f"<tr><td>{status}</td><td>{path}</td><td>{base}</td><td>{behind}</td>"
        f"<td>{drift}</td><td>{findings}</td></tr>"
    )


def _changes(page: PageStatus) -> str:
    items = "".join(f"<li>{escape(name)}</li>" for name in page.changed_sections)
    reason = f" ({escape(page.base_reason)})" if page.base_reason else ""
    return (
        f'<section id="{_anchor(page)}"><h3><code>{escape(page.path)}</code></h3>'
        f"<p>Source <code>{escape(page.source_path)}</code>, {behind(page.commits_behind)} "
        f"base <code>{escape((page.base_commit or '')[:12])}</code>{reason}; "
        f'{page.drift} findings folded.</p><ul class="changes">{items}</ul></section>'
    )


def render(status: Status) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>Translation status</title>",
        f"<style>{STYLE}</style></head><body>",
        "<h1>Translation status</h1>",
    ]
    if status.since:
        parts.append(f"<p>Source changes since <code>{escape(status.since)}</code>.</p>")
    parts += [f'<p class="note">{escape(note)}</p>' for note in status.notes]
    for language in status.languages:
        parts.append(f"<h2>{escape(language.language)}</h2>")
        parts.append(_chart(language))
        parts.append(
            "<table><thead><tr><th>status</th><th>page</th><th>base</th>"
            "<th>commits behind</th><th>folded</th><th>findings</th></tr></thead><tbody>"
        )
        parts += [_row(page) for page in language.pages]
        parts.append("</tbody></table>")
        outdated = [page for page in language.pages if page.status == "outdated"]
        if outdated:
            parts.append("<h2>What changed</h2>")
            parts += [_changes(page) for page in outdated]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
