"""Starlight (Astro): ``:::note[Title]`` asides, ``<Aside>`` and other Astro components,
MDX, and github-slugger ids (no explicit-id syntax)."""

from __future__ import annotations

from doclint.dialects import Dialect, plugins
from doclint.dialects.docusaurus import JSX_EXPRESSION

DIALECT = Dialect(
    name="starlight",
    summary="Starlight: :::note[Title] asides, <Aside>, MDX, github-slugger ids",
    slug="github",
    plugins=(plugins.containers(":", "colon"), plugins.mdx),
    callout_kinds=frozenset({"note", "tip", "caution", "danger"}),
    callout_example=":::{kind}[{title}]",
    inline_markup=(JSX_EXPRESSION,),
    note_components=frozenset({"Aside"}),
    verbatim_components=frozenset({"FileTree"}),
    translatable_attributes=frozenset(
        {"Aside.title", "TabItem.label", "Card.title", "LinkCard.title", "LinkCard.description"}
    ),
    mdx_comments=True,
    folder_urls=True,
    markers=("astro.config.mjs", "astro.config.ts", "astro.config.js"),
)
