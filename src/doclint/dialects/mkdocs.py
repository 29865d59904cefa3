"""mkdocs-material with pymdown-extensions: ``{ #id }`` attribute-list ids,
``!!! note "Title"``/``??? note`` admonitions, ``/// tip | Title`` blocks (``////`` to
nest), ``--8<--`` snippets, FastAPI's ``{* path *}`` example includes, and
Python-Markdown's toc slugs."""

from __future__ import annotations

import regex

from doclint.dialects import Dialect, attribute_list_ids, plugins

# Admonition types mkdocs-material styles, and pymdown blocks' own block names.
KINDS = frozenset(
    """note abstract summary tldr info todo tip hint important success check done question
    help faq warning caution attention failure fail missing danger error bug example quote
    cite admonition details tab html define""".split()  # noqa: SIM905
)

DIALECT = Dialect(
    name="mkdocs",
    summary="mkdocs-material: { #id } headings, !!! and /// admonitions, snippets, {* *} includes",
    slug="python-markdown",
    heading_ids=(attribute_list_ids(" { #{id} }"),),
    plugins=(
        plugins.admonitions,
        plugins.containers("/", "block"),
        plugins.snippets,
        plugins.fastapi_includes,
        plugins.tabs,
    ),
    callout_kinds=KINDS,
    callout_example="/// {kind} | {title}",
    # attribute lists after inline content (``{ .annotate }``, ``{: #id }``) and the
    # Jinja of mkdocs-macros (``{% raw %}``, ``{{ version }}``)
    inline_markup=(
        regex.compile(r"\{:?\s*[#.][^{}\n]*\}"),
        regex.compile(r"\{%.*?%\}|\{\{.*?\}\}", regex.DOTALL),
        regex.compile(r":[a-z0-9_+-]+:"),  # pymdownx.emoji: ``:material-check:``
    ),
    translatable_attributes=frozenset({"tab.title", "details.title"}),
    folder_urls=True,
    markers=("mkdocs.yml", "mkdocs.yaml"),
)
