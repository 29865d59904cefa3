"""The source page changed, in a way a reader sees, since the translation was made from it.

The base is the source page as the translator last saw it: the commit the translation's
front matter names (``source_commit``, ``default_lang_commit`` or ``l10n.sourceCommit``),
otherwise the source page as of the translation's last commit — or, when the
translation matches an older source version clearly better (headings, code blocks,
components, links), that version: a translation merged weeks after it was written.
Renames of the source page are followed. Changes a reader cannot see (re-wrapped
lines, whitespace, Markdown that renders the same) do not outdate a page.

The finding names the base commit and how it was chosen, the number of source commits
since, and the source sections added (``+``), removed (``-``) and changed (``~``) since.
Findings of other rules that the source's changes explain — the translation agrees
with the base there — are folded into this one (``--drift show`` lists them).

Without git, outside a repository or where a shallow clone lacks the base, pages are
compared with the current source and this rule says nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page

CODE = "DL801"
NAME = "outdated-translation"
CATEGORY = "freshness"
SEVERITY = "warning"
OPTIONS = {"max-sections": 8}  # sections named in the message; the rest are counted


def check(page: Page, options: dict) -> Iterator[Problem]:
    freshness = page.freshness
    if freshness is None or not freshness.outdated:
        return
    names = freshness.sections.names
    shown = list(names[: options["max-sections"]])
    if len(names) > len(shown):
        shown.append(f"and {len(names) - len(shown)} more")
    commits = freshness.commits_behind
    if commits is None:
        moved = "the source changed"
    elif commits:
        moved = f"the source has {commits} commit{'' if commits == 1 else 's'}"
    else:
        moved = "the source has uncommitted changes"
    sections = f": {'; '.join(shown)}" if shown else ""
    yield Problem(
        1,
        f"outdated: {moved} since base {freshness.short_commit} ({freshness.reason}){sections}",
    )
