"""A link to another page of the docs that goes nowhere.

``[BERT](model_doc/bert)``, ``[tour](./quicktour.md)``, ``[x](../en/x.md#y)``,
``<a href="x.md">``: the target
page (written with or without ``.md``/``.mdx``) must exist in the translated tree or,
not yet translated, in the source tree. With a fragment, the fragment must be a
heading id or HTML anchor of that page — the translated page if it exists, else the
source page. Links are resolved from the page's own folder, as the site's URLs are.
A link the source page writes the same way and that goes nowhere from the source
either (a placeholder the build fills in) is not the translation's to mend.
A link that leads out of the repository (``../../../../etc/passwd``) is reported and
never followed.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from doclint.columns import link_column
from doclint.document import Document
from doclint.finding import Problem
from doclint.links import document_links
from doclint.page import Page
from doclint.rules._anchors import source_hrefs
from doclint.site import Target, link_path
from doclint.slug import autodoc_target, link_targets

CODE = "DL103"
NAME = "broken-relative-link"
CATEGORY = "link"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.site is None:
        return
    ids_of: dict = {}
    in_source = source_hrefs(page)
    seen: dict[tuple[int, str], int] = {}
    for link in document_links(page.translation):
        nth = seen.get((link.line, link.href), 0)
        seen[(link.line, link.href)] = nth + 1
        path = link_path(link.href)
        if path is None:
            continue
        column = link_column(page.translation.line_text(link.line), link.href, nth)
        target = page.site.target(unquote(path))
        if target is None:
            if link.href in in_source:
                continue  # the source's link goes nowhere alike
            yield Problem(
                link.line,
                f"link to {unquote(link.href)!r} goes nowhere: no such page in the "
                "translated or the source docs",
                column=column,
            )
            continue
        if target.outside:
            yield Problem(
                link.line,
                f"link to {unquote(link.href)!r} leads out of the repository: not followed",
                column=column,
            )
            continue
        fragment = unquote(link.href.partition("#")[2])
        if not fragment:
            continue
        document = page.site.document(target)
        if document is None:
            continue
        if link.href in in_source and not target.translated:
            continue  # the very link of the source, to the source's page
        if not _has_anchor(page, target, document, fragment, ids_of):
            if link.href in in_source and _source_lacks(page, target, fragment, ids_of):
                continue  # the source's link goes nowhere alike: not the translation's
            which = "translated" if target.translated else "source (not translated)"
            yield Problem(
                link.line,
                f"link to {unquote(link.href)!r}: the {which} page has no heading or "
                f"anchor #{fragment}",
                column=column,
            )


def _has_anchor(
    page: Page, target: Target, document: Document, fragment: str, ids_of: dict
) -> bool:
    if target.path not in ids_of:
        ids_of[target.path] = link_targets(document, page.slug_style)
    return fragment in ids_of[target.path] or bool(autodoc_target(document, fragment))


def _source_lacks(page: Page, target: Target, fragment: str, ids_of: dict) -> bool:
    """Whether the source page of ``target`` has no ``fragment`` either: the source
    writes the link the same way, and it breaks there too."""
    source_of = getattr(page.site, "source_of", None)
    source = source_of(target) if source_of is not None else None
    document = page.site.document(source) if source is not None else None
    return document is not None and not _has_anchor(page, source, document, fragment, ids_of)
