"""A translated heading whose id differs from its source heading's id.

Other pages, other languages' pages and readers' bookmarks link to ``page#id``.
When a heading is translated, its computed id changes with it (``### attention
mask`` is ``#attention-mask``; ``### 어텐션 마스크`` is ``#어텐션-마스크``), and every
such link breaks. Keep the source id with the dialect's explicit id syntax:
``### 어텐션 마스크[[attention-mask]]`` (doc-builder), ``### 어텐션 마스크 { #attention-mask }``
(mkdocs), ``### 어텐션 마스크 {#attention-mask}`` (Docusaurus, VitePress, Hugo).

A heading is compared with the source heading its section was paired with by
content (code, inline code, links, numbers, the English kept in parentheses) or by
an explicit anchor, or by order where the headings around it match up one to one;
a heading whose counterpart is only a guess is not given an id.

The finding is a warning when something links to the source id — a page of the
tree in any language, or the page itself — and information otherwise: an id no page
of the tree links to still breaks links written for the source page elsewhere,
readers' bookmarks and language switchers that keep the fragment.

The fix adds (or corrects) the source id on the translated heading, in the dialect's
syntax. Dialects with no explicit-id syntax (GFM, Starlight) have nothing to keep it
with: the rule is silent there, and ``broken-anchor`` reports the links that break.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Document, Heading
from doclint.finding import Problem
from doclint.inbound import fragments_linked
from doclint.page import Page
from doclint.rules._anchors import anchor_edit, keep_advice, source_id_of, translation_id_of
from doclint.rules._headings import trusted_headings

CODE = "DL102"
NAME = "anchor-not-preserved"
CATEGORY = "anchor"
SEVERITY = "warning"
FIXABLE = True


def _in_page(document: Document) -> set[str]:
    return {fragment for target, fragment in fragments_linked(document) if not target}


def linked(page: Page) -> set[str]:
    """Ids something links to: pages of the tree (through the site), or this page."""
    found = _in_page(page.translation) | _in_page(page.source)
    linked_fragments = getattr(page.site, "linked_fragments", None)
    if linked_fragments is not None:
        found |= set(linked_fragments())
    return found


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.dialect.id_syntax is None:
        return
    linked_ids: set[str] | None = None  # read only for a heading that lost its id
    source_ids = source_id_of(page)
    translation_ids = translation_id_of(page)
    alignment = page.alignment
    pairs = [(pair.source, pair.translation) for pair in alignment.pairs]
    trusted = trusted_headings(page)
    # a moved section still owes its source id
    pairs += [(s, t) for s, t in alignment.settled if alignment.counterpart(s) is not t]
    for source, translation in pairs:
        if not isinstance(source, Heading) or not isinstance(translation, Heading):
            continue
        if translation.index not in trusted:
            continue  # paired by place alone, among headings that do not match up
        wanted, actual = source_ids[source.index], translation_ids[translation.index]
        if not wanted or wanted == actual:
            continue
        if linked_ids is None:
            linked_ids = linked(page)
        if wanted in linked_ids:
            effect, severity = f"links to #{wanted} break", "warning"
        else:
            # nothing in the tree links there: say what does break, not that links do
            effect, severity = (
                f"nothing in the tree links to #{wanted}, but links from elsewhere, "
                "bookmarks and language switchers keeping the fragment miss it",
                "info",
            )
        yield Problem(
            translation.line,
            f"heading id is {actual!r}, the source heading's is {wanted!r}: "
            f"{effect}{keep_advice(page, wanted)}",
            source_line=source.line,
            severity=severity,
            fix=anchor_edit(page, translation, wanted),
        )
