"""Docusaurus: ``{#id}`` heading ids (and the MDX-safe ``{/* #id */}``), ``:::tip[Title]``
admonitions, MDX (``import`` lines, JSX components and expressions, ``{/* */}``
comments) and github-slugger ids."""

from __future__ import annotations

import regex

from doclint.dialects import Dialect, attribute_list_ids, mdx_comment_ids, plugins

KINDS = frozenset({"note", "tip", "info", "warning", "danger", "caution", "important", "success",
                   "secondary"})  # fmt: skip

JSX_EXPRESSION = regex.compile(r"\{[^{}\n]*\}")

DIALECT = Dialect(
    name="docusaurus",
    summary="Docusaurus: {#id} headings, :::tip[Title] admonitions, MDX",
    slug="github",
    heading_ids=(attribute_list_ids(" {#{id}}"), mdx_comment_ids()),
    plugins=(plugins.containers(":", "colon"), plugins.mdx),
    callout_kinds=KINDS,
    callout_example=":::{kind}[{title}]",
    inline_markup=(JSX_EXPRESSION,),
    note_components=frozenset({"Admonition"}),
    translatable_attributes=frozenset({"TabItem.label", "details.summary"}),
    mdx_comments=True,
    partial_prefix="_",
    markers=("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs"),
)
