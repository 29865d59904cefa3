"""An approved term rendering written with different spacing.

Korean word spacing varies (``전이 학습`` / ``전이학습``, ``자기 지도 학습`` /
``자기지도 학습``); a team picks one form in its termbase and this rule finds the
others, in translated blocks whose source uses the term.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._terms import block_terms, find, glossed, line_at

CODE = "DL502"
NAME = "term-spacing-variant"
CATEGORY = "term"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.terms is None or not len(page.terms):
        return
    seen: set[tuple[int, int]] = set()
    candidates = [(pair.translation, pair.terms) for pair in block_terms(page)]
    # a rendering glossed with its English term counts wherever it stands
    for block in page.translation.blocks:
        for inline in inline_of(block):
            glossed_terms = [
                o.term for _, english in glossed(inline) for o in page.terms.index.find(english)
            ]
            if glossed_terms:
                candidates.append((block, tuple(glossed_terms)))
    for block, terms in candidates:
        for inline in inline_of(block):
            for term in terms:
                for hit in find(inline.prose, term.target, page):
                    line = line_at(inline.line, inline.prose, hit.start)
                    if hit.exact or (line, hit.start) in seen:
                        continue
                    seen.add((line, hit.start))
                    yield Problem(
                        line,
                        f"{hit.text!r} is spaced differently from the approved "
                        f"{term.target!r} ({term.source})",
                    )
