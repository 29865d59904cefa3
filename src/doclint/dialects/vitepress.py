"""VitePress: ``{#id}`` heading ids, ``::: tip Title`` custom containers (and
``::: details``, ``::: code-group``), ``> [!NOTE]`` alerts, and VitePress's own slugs."""

from __future__ import annotations

import regex

from doclint.dialects import Dialect, attribute_list_ids, plugins

# ``:tada:`` emoji and the ``[[toc]]`` marker are never prose.
EMOJI_AND_TOC = regex.compile(r":[a-z0-9_+-]+:|\[\[toc\]\]")

KINDS = frozenset({"info", "tip", "warning", "danger", "details", "code-group", "raw", "v-pre"})

DIALECT = Dialect(
    name="vitepress",
    summary="VitePress: {#id} headings, ::: tip containers, > [!NOTE] alerts",
    slug="vitepress",
    heading_ids=(attribute_list_ids(" {#{id}}"),),
    plugins=(plugins.containers(":", "colon"), plugins.vitepress_includes),
    inline_markup=(EMOJI_AND_TOC,),
    callout_kinds=KINDS,
    callout_example="::: {kind} {title}",
    markers=(".vitepress",),
)
