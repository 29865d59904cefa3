"""Hugging Face doc-builder: ``## Title[[id]]`` ids, ``<Tip>``/``<hfoptions>``
components, ``[[autodoc]]`` directives and ``[`Class`]`` API links."""

from __future__ import annotations

import regex

from doclint.dialects import Dialect, bracket_ids, plugins

DIALECT = Dialect(
    name="doc-builder",
    summary="Hugging Face doc-builder: [[id]] headings, <Tip>, <hfoptions>, [[autodoc]]",
    slug="doc-builder",
    heading_ids=(bracket_ids(),),
    plugins=(plugins.doc_builder_directives, plugins.jsx_tags(components_only=True)),
    # Svelte blocks of the course pages (``{#if fw === 'pt'}``, ``{:else}``, ``{/if}``)
    # and component props are never prose.
    inline_markup=(regex.compile(r"\{[#:/@][^{}\n]*\}"),),
    note_components=frozenset({"Tip"}),
    translatable_attributes=frozenset({"hfoptions.id", "hfoption.id", "Tip.title"}),
    own_rules=frozenset({"malformed-anchor", "autodoc-mismatch"}),
    markers=("_toctree.yml",),
)
