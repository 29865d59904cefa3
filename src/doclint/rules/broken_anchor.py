"""An in-page link whose fragment is no id in the translated page.

``[…](#frag)`` and ``<a href="#frag">`` must point at a heading id (explicit, in the
dialect's syntax, or computed from the heading text in the dialect's slug style) or
at an HTML ``id``/``<a name>`` of the same page. Translated pages often keep the
source's links (``#encoder-models``) while their headings, translated, get new ids,
so the links go nowhere. A link the source
page has too, to an id the source page has no more than the translation (an anchor
an included file or a shortcode provides, or the source's own broken link), is not
the translation's to mend. A partial (a file the dialect includes into pages, such as
``_includes/x.md``) links to the ids of the page that includes it, which it cannot
know: its fragments are not checked.

When the fragment is the id of a source heading whose translation is known, the fix
gives that translated heading the id ``frag`` in the dialect's syntax, which mends
every link using it (in dialects with such a syntax).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from doclint.columns import link_column
from doclint.document import Heading
from doclint.finding import Problem
from doclint.links import document_links
from doclint.page import Page
from doclint.rules._anchors import (
    anchor_edit,
    fragment,
    keep_advice,
    source_hrefs,
    source_id_of,
)
from doclint.slug import autodoc_target, link_targets

CODE = "DL101"
NAME = "broken-anchor"
CATEGORY = "anchor"
SEVERITY = "error"
FIXABLE = True
NEEDS_SOURCE = False


def _source_headings(page: Page) -> dict[str, Heading]:
    """Source heading by id, first one winning."""
    found: dict[str, Heading] = {}
    for heading in page.source.headings if page.source else ():
        found.setdefault(source_id_of(page)[heading.index], heading)
    return found


def _tree_path(page: Page) -> str:
    """The page's path inside its language's tree where the site knows both, so that
    folders above the tree play no part; else the path it was read from."""
    where, root = getattr(page.site, "page", None), getattr(page.site, "root", None)
    if isinstance(where, PurePath) and isinstance(root, PurePath):
        try:
            return where.relative_to(root).as_posix()
        except ValueError:
            pass
    return page.translation.path


def check(page: Page, options: dict) -> Iterator[Problem]:
    targets = link_targets(page.translation, page.slug_style)
    source_targets = link_targets(page.source, page.slug_style) if page.source else set()
    in_source = source_hrefs(page)
    source_headings = None
    seen: dict[tuple[int, str], int] = {}
    for link in document_links(page.translation):
        nth = seen.get((link.line, link.href), 0)
        seen[(link.line, link.href)] = nth + 1
        wanted = fragment(link.href)
        if not wanted or wanted in targets or autodoc_target(page.translation, wanted):
            continue
        if link.href in in_source and wanted not in source_targets:
            continue
        if page.dialect.is_partial(_tree_path(page)):
            continue  # a partial's fragments are the including page's ids
        if source_headings is None:
            source_headings = _source_headings(page)
        column = link_column(page.translation.line_text(link.line), link.href, nth)
        source = source_headings.get(wanted)
        translated = page.alignment.counterpart(source) if source else None
        if isinstance(translated, Heading):
            yield Problem(
                link.line,
                f"link to #{wanted} goes nowhere: the heading it meant (line "
                f"{translated.line}) has another id{keep_advice(page, wanted)}",
                column=column,
                source_line=source.line,
                fix=anchor_edit(page, translated, wanted),
            )
        else:
            yield Problem(
                link.line,
                f"link to #{wanted} goes nowhere: no heading or anchor on this page has that id",
                column=column,
            )
