"""Starlight (Astro): ``:::note[Title]`` asides, ``<Aside>`` and other Astro components,
MDX, and github-slugger ids (no explicit-id syntax) — Docusaurus's Markdown, but for
those, its component names and folder URLs."""

from __future__ import annotations

from doclint.dialects.docusaurus import DIALECT as DOCUSAURUS

DIALECT = DOCUSAURUS.derive(
    name="starlight",
    summary="Starlight: :::note[Title] asides, <Aside>, MDX, github-slugger ids",
    heading_ids=(),
    callout_kinds=frozenset({"note", "tip", "caution", "danger"}),
    note_components=frozenset({"Aside"}),
    verbatim_components=frozenset({"FileTree"}),
    translatable_attributes=frozenset(
        {"Aside.title", "TabItem.label", "Card.title", "LinkCard.title", "LinkCard.description"}
    ),
    folder_urls=True,
    markers=("astro.config.mjs", "astro.config.ts", "astro.config.js"),
)
