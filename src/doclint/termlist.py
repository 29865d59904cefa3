"""Term lists written in Markdown for translators, such as FastAPI's
``docs/<lang>/llm-prompt.md``::

    - request (HTTP): 요청
    - burger: 햄버거 (NOT 버거)
    * library: paquete (do not translate to "biblioteca" or "librería")

Each item is ``term (context): rendering (note)``. ``(NOT x)`` makes ``x`` a
forbidden rendering (flagged anywhere); ``(do not translate to "x" or "y")`` makes
``x`` and ``y`` known wrong renderings of the term (flagged where the source uses
it: "ruta" or "biblioteca" are ordinary words elsewhere). The context and any other
parenthesis become the entry's note. A term listed twice with different contexts
(``mount (noun)``, ``mount (verb)``) keeps its first rendering; the others go to the
note.

Only lists that are term lists count: at least ``MIN_ITEMS`` items, most of them of
that shape, so the prompt's prose instructions are never read as terms.
"""

from __future__ import annotations

import regex

from doclint.termbase import Term, normal_term

MIN_ITEMS = 3
MAX_WORDS = 8
ITEM_RE = regex.compile(r"^\s{0,3}[-*+]\s+(.*\S)\s*$")
# the term has no code, colon or sentence punctuation; the rendering follows ": "
ENTRY_RE = regex.compile(
    r"^(?P<term>[^:`*_\[\]()]{1,80}?)\s*(?:\((?P<context>[^()]*)\))?\s*:\s+(?P<rendering>.+)$"
)
NOTE_RE = regex.compile(r"\s*\((?P<note>[^()]*)\)\s*$")
NOT_RE = regex.compile(r"^NOT\s+(?P<words>.+)$")
DO_NOT_RE = regex.compile(r"^do not translate (?:it )?(?:to|as)\s+(?P<words>.+)$", regex.I)
QUOTED_RE = regex.compile(r"[\"“”'‘’]([^\"“”'‘’]+)[\"“”'‘’]")


def _lists(text: str) -> list[list[tuple[int, str]]]:
    """Runs of consecutive list items (blank lines between items allowed)."""
    runs: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.splitlines(), 1):
        match = ITEM_RE.match(line)
        if match:
            runs[-1].append((number, match.group(1)))
        elif line.strip():
            runs.append([])
    return [run for run in runs if run]


def _words(text: str) -> tuple[str, ...]:
    quoted = QUOTED_RE.findall(text)
    if quoted:
        return tuple(word.strip() for word in quoted if word.strip())
    return tuple(word.strip() for word in regex.split(r",|\bor\b", text) if word.strip())


def _entry(item: str, where: str) -> Term | None:
    match = ENTRY_RE.match(item)
    if match is None or len(match.group("term").split()) > MAX_WORDS:
        return None
    rendering = match.group("rendering").strip()
    notes = [match.group("context").strip()] if match.group("context") else []
    forbidden: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    while (note := NOTE_RE.search(rendering)) and note.start() > 0:
        inside = note.group("note").strip()
        rendering = rendering[: note.start()].rstrip()
        if found := NOT_RE.match(inside):
            forbidden += _words(found.group("words"))
        elif found := DO_NOT_RE.match(inside):
            variants += _words(found.group("words"))
        else:
            notes.insert(0, inside)
    rendering = rendering.strip()
    source = match.group("term").strip()
    # a rendering is a few words, not a sentence, code or a link
    if not rendering or not source or len(rendering.split()) > MAX_WORDS:
        return None
    if any(mark in rendering for mark in ("`", "[", "](", "|")):
        return None
    return Term(
        source=source,
        target=rendering,
        variants=variants,
        forbidden=forbidden,
        keep_english=normal_term(rendering) == normal_term(source),
        note="; ".join(notes),
        origin=where,
    )


def read_term_list(text: str, where: str) -> list[Term]:
    """The entries of every term list in ``text``; ``where`` names the file."""
    terms: dict[str, Term] = {}
    for run in _lists(text):
        entries = [(number, _entry(item, f"{where}:{number}")) for number, item in run]
        found = [term for _, term in entries if term is not None]
        if len(found) < MIN_ITEMS or len(found) * 2 <= len(run):
            continue
        for term in found:
            known = terms.get(term.key)
            if known is None:
                terms[term.key] = term
            elif known.target != term.target:
                also = f"also {term.target!r}" + (f" ({term.note})" if term.note else "")
                note = f"{known.note}; {also}" if known.note else also
                terms[term.key] = Term(
                    known.source,
                    known.target,
                    variants=known.variants,
                    forbidden=known.forbidden,
                    keep_english=known.keep_english,
                    note=note,
                    origin=known.origin,
                )
    return list(terms.values())
