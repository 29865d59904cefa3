"""A term of the source block whose approved rendering the translated block lacks.

Off by default and information only: translators paraphrase, and a sentence can be
right without the term. Useful when building a termbase or reviewing a new
translator's pages. A known variant or a spacing variant counts as present (the
other rules report those); so does the English term for entries with
``keep-english``.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._terms import block_terms, find

CODE = "DL503"
NAME = "term-missing"
CATEGORY = "term"
SEVERITY = "info"
ENABLED = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    for pair in block_terms(page):
        text = " ".join(inline.prose for inline in inline_of(pair.translation))
        for term in pair.terms:
            forms = (term.target, *term.variants)
            if any(find(text, form, page) for form in forms):
                continue
            if term.keep_english and term.source.lower() in text.lower():
                continue
            if term.abbreviation and term.abbreviation in text:
                continue
            yield Problem(
                pair.translation.line,
                f"{term.source!r} of the source (line {pair.source.line}) is not rendered as "
                f"{term.target!r} here",
                source_line=pair.source.line,
            )
