"""A translated heading whose id differs from its source heading's id.

Other pages, other languages' pages and readers' bookmarks link to ``page#id``.
When a heading is translated, its computed id changes with it (``### attention
mask`` is ``#attention-mask``; ``### 어텐션 마스크`` is ``#어텐션-마스크``), and every
such link breaks. Keep the source id with the dialect's explicit id syntax:
``### 어텐션 마스크[[attention-mask]]`` (doc-builder), ``### 어텐션 마스크 { #attention-mask }``
(mkdocs), ``### 어텐션 마스크 {#attention-mask}`` (Docusaurus, VitePress, Hugo).

The fix adds (or corrects) the source id on the translated heading, in the dialect's
syntax. Dialects with no explicit-id syntax (GFM, Starlight) have nothing to keep it
with: the rule is silent there, and ``broken-anchor`` reports the links that break.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Heading
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._anchors import anchor_edit, keep_advice, source_id_of, translation_id_of

CODE = "DL102"
NAME = "anchor-not-preserved"
CATEGORY = "anchor"
SEVERITY = "warning"
FIXABLE = True


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.dialect.id_syntax is None:
        return
    source_ids = source_id_of(page)
    translation_ids = translation_id_of(page)
    for pair in page.alignment.pairs:
        source, translation = pair.source, pair.translation
        if not isinstance(source, Heading) or not isinstance(translation, Heading):
            continue
        wanted, actual = source_ids[id(source)], translation_ids[id(translation)]
        if not wanted or wanted == actual:
            continue
        yield Problem(
            translation.line,
            f"heading id is {actual!r}, the source heading's is {wanted!r}: links to "
            f"#{wanted} break{keep_advice(page, wanted)}",
            source_line=source.line,
            fix=anchor_edit(page, translation, wanted),
        )
