"""GitHub-flavoured Markdown, as GitHub renders READMEs and docs folders: ids computed
by github-slugger (no syntax for an explicit id: ``[[id]]`` is literal text) and
``> [!NOTE]`` alerts."""

from __future__ import annotations

from doclint.dialects import Dialect

DIALECT = Dialect(
    name="gfm",
    summary="GitHub-flavoured Markdown: github-slugger ids, > [!NOTE] alerts",
    slug="github",
)
