"""A term rendered another way than the termbase approves.

With a termbase (``glossary``, ``termbases`` or a pack's ``terms``), a term of the
aligned source block must be rendered as approved. Reported:

- a known wrong rendering (an entry's ``variants``) in the translated block, or a
  ``forbidden`` one anywhere;
- a rendering the translator tied to the English term in parentheses —
  ``인과 언어 모델링(causal language modeling)`` when the approved rendering is
  ``인과적 언어 모델링``;
- the text of a link whose target is the source link's target —
  ``[마스크 언어 모델링](#masked-language-modeling-mlm)`` for
  ``[masked language modeling](#masked-language-modeling-mlm)`` when the approved
  rendering is ``마스킹된 언어 모델링``.

Spacing alone (``전이 학습`` for ``전이학습``) is ``term-spacing-variant``.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.languages import script_re
from doclint.page import Page
from doclint.rules._terms import block_terms, find, glossed, line_at, links_by_target
from doclint.termbase import Term
from doclint.termmatch import compact

CODE = "DL501"
NAME = "term-mismatch"
CATEGORY = "term"
SEVERITY = "error"


def _approved(text: str, term: Term, page: Page) -> bool:
    """The approved rendering, with any spacing, or the English term where allowed."""
    if find(text, term.target, page):
        return True
    return term.keep_english and term.source.lower() in text.lower()


def written_before(before: str, target: str) -> str:
    """The words before a gloss that stand for the term: as many as make a text about
    as long as the approved rendering (``자동 인코딩 모델`` for ``오토인코딩 모델``)."""
    words = before.split()
    wanted = len(compact(target))
    best = min(
        range(1, min(len(words), len(target.split()) + 2) + 1),
        # closest in length, a word more costing as much as a letter off
        key=lambda n: (abs(len(compact(" ".join(words[-n:]))) - wanted) + n - 1, n),
    )
    return " ".join(words[-best:])


def _says(term: Term) -> str:
    return f"the termbase says {term.target!r} for {term.source!r}"


def check(page: Page, options: dict) -> Iterator[Problem]:
    if page.terms is None or not len(page.terms):
        return
    reported: set[tuple[int, str]] = set()

    def once(line: int, found: str, message: str) -> Iterator[Problem]:
        if (line, found) not in reported:
            reported.add((line, found))
            yield Problem(line, message)

    # known wrong renderings where the source uses the term
    for pair in block_terms(page):
        for term in pair.terms:
            for inline in inline_of(pair.translation):
                for variant in term.variants:
                    for hit in find(inline.prose, variant, page):
                        line = line_at(inline.line, inline.prose, hit.start)
                        yield from once(line, hit.text, f"{hit.text!r}: {_says(term)}")
        # link texts of the same targets
        translated_links = links_by_target(pair.translation)
        script = script_re(page.language) if page.language else None
        for inline in inline_of(pair.source):
            for link in inline.links:
                other = translated_links.get(link.href)
                found = page.terms.index.find(link.text)
                # the link names the term itself (not a title that contains it), and the
                # translation renders it (an English link text is left to term-missing)
                if other is None or len(found) != 1 or found[0].text != link.text.strip():
                    continue
                translated = other.text if script is None else script.search(other.text)
                term = found[0].term
                if translated and not _approved(other.text, term, page):
                    yield from once(
                        other.line, other.text, f"link text {other.text!r}: {_says(term)}"
                    )
    # forbidden renderings and glossed renderings, anywhere in the translation
    forbidden = [(term, word) for term in page.terms.terms.values() for word in term.forbidden]
    for block in page.translation.blocks:
        for inline in inline_of(block):
            text = inline.prose
            for term, word in forbidden:
                for hit in find(text, word, page):
                    line = line_at(inline.line, text, hit.start)
                    yield from once(line, hit.text, f"{hit.text!r} is forbidden: {_says(term)}")
            for offset, english in glossed(inline):
                found = page.terms.index.find(english)
                if len(found) != 1 or found[0].text != english.strip():
                    continue  # the parentheses hold more than the term
                term = found[0].term
                before = text[:offset].rstrip()
                if not before or compact(before).endswith(compact(term.target)):
                    continue  # approved (spacing is term-spacing-variant's)
                written = written_before(before, term.target)
                if written and written[-1].isalnum() and not written.isascii():
                    line = line_at(inline.line, text, offset)
                    yield from once(line, written, f"{written!r} ({english}): {_says(term)}")
