"""mkdocs-material with pymdown-extensions: ``{ #id }`` attribute-list ids,
``!!! note "Title"``/``??? note`` admonitions, ``/// tip | Title`` blocks (``////`` to
nest), ``--8<--`` snippets, FastAPI's ``{* path *}`` example includes, and
Python-Markdown's toc slugs."""

from __future__ import annotations

from pathlib import Path

import regex

from doclint.dialects import Dialect, attribute_list_ids, plugins

DOCS_DIR_RE = regex.compile(r"^docs_dir:\s*['\"]?([^'\"\s#]+)", regex.M)


def docs_dir(language_folder: Path) -> str | None:
    """mkdocs' ``docs_dir`` (default ``docs``) where the folder has an ``mkdocs.yml``:
    FastAPI's ``docs/en/mkdocs.yml`` keeps its pages in ``docs/en/docs/``."""
    for name in ("mkdocs.yml", "mkdocs.yaml"):
        try:
            text = (language_folder / name).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        found = DOCS_DIR_RE.search(text)
        return found.group(1).strip("/") if found else "docs"
    return None


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
        regex.compile(r"\{%[^%{}]*+%\}|\{\{(?:[^{}]++|\{[^{}]*+\})*+\}\}"),
        regex.compile(r":[a-z0-9_+-]+:"),  # pymdownx.emoji: ``:material-check:``
    ),
    translatable_attributes=frozenset({"tab.title", "details.title"}),
    folder_urls=True,
    markers=("mkdocs.yml", "mkdocs.yaml"),
    pages_below=docs_dir,
)
