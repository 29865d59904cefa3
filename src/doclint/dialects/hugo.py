"""Hugo (Goldmark): ``{#id}`` heading attributes, shortcodes ``{{< note >}}`` …
``{{< /note >}}`` and ``{{% alert %}}`` as components, ``> [!NOTE]`` alerts, and
github-style ids."""

from __future__ import annotations

import regex

from doclint.dialects import Dialect, attribute_list_ids, plugins

DIALECT = Dialect(
    name="hugo",
    summary="Hugo: {#id} headings, shortcodes, > [!NOTE] alerts",
    slug="github",
    heading_ids=(attribute_list_ids(" {#{id}}"),),
    plugins=(plugins.shortcodes,),
    # shortcodes inside a line of text (``{{< param version >}}``, ``{{% _param x %}}``)
    # and Go templates of included partials (``{{ if not $name }}``)
    inline_markup=(regex.compile(r"\{\{(?:[^{}]++|\{[^{}]*+\})*+\}\}"),),
    note_components=frozenset({"alert"}),
    translatable_attributes=frozenset({"alert.title", "tab.header", "tab.0", "card.header"}),
    inline_shortcodes=True,
    folder_urls=True,
    partial_prefix="_",
    markers=("hugo.toml", "hugo.yaml", "hugo.json"),
)
