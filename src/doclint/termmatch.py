"""Finding terms: English terms in source text, renderings in translated text.

English terms are matched word by word against an index of every term of the
termbase — one pass over a block's words whatever the termbase's size — case-
insensitively, with plurals (``model``/``models``) and, where an entry says
``inflect``, ``-ed``/``-ing`` forms. Renderings are matched with any spacing (so a
spacing variant is found too); in Korean with particles attached (``어텐션 마스크는``)
but never inside a longer word (``모델`` is not in ``모델링``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import regex

from doclint.languages import base
from doclint.termbase import Term

WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
KOREAN_PARTICLES = frozenset(
    """은 는 이 가 을 를 의 에 에서 에게 께 한테 로 으로 와 과 도 만 부터 까지 처럼 보다 이나
    나 이라 라 이라는 라는 이란 란 이며 며 이고 고 에는 에도 으로는 로는 와는 과는 이다 입니다
    이에요 예요 인 에서는 에서도 으로도 로도 만을 만의 이라고 라고 같은 과의 와의 에의 이자 여서
    이어서""".split()  # noqa: SIM905
)
LATIN_ENDINGS = frozenset({"", "s", "es", "n", "en", "e", "er"})


SEPARATORS_RE = regex.compile(r"[\s\-‐]+")


def compact(text: str) -> str:
    """``text`` without the spaces and hyphens that spelling variants differ by."""
    return SEPARATORS_RE.sub("", text)


def _singular(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _key(word: str, case_sensitive: bool) -> str:
    return _singular(word if case_sensitive else word.lower())


@dataclass(frozen=True, slots=True)
class Occurrence:
    term: Term
    start: int
    end: int
    text: str


class TermIndex:
    """Every term of a termbase by its words, for one pass over a text."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.folded: dict[tuple[str, ...], Term] = {}  # case-insensitive terms
        self.exact: dict[tuple[str, ...], Term] = {}  # case-sensitive ones, abbreviations
        self.longest = 1
        for term in terms:
            for phrase in filter(None, (term.source, term.abbreviation)):
                words = WORD_RE.findall(phrase)
                if not words:
                    continue
                exact = term.case_sensitive or phrase == term.abbreviation
                forms = [words]
                if term.inflect:
                    stem = words[-1].lower().rstrip("e")
                    forms += [[*words[:-1], stem + ending] for ending in ("ed", "ing", "d")]
                table = self.exact if exact else self.folded
                for form in forms:
                    key = tuple(_key(word, exact) for word in form)
                    table.setdefault(key, term)
                    self.longest = max(self.longest, len(key))

    def find(self, text: str) -> list[Occurrence]:
        """Terms in ``text``, longest match first, left to right, not overlapping."""
        tokens = [(m.group(0), m.start(), m.end()) for m in WORD_RE.finditer(text)]
        found: list[Occurrence] = []
        position = 0
        while position < len(tokens):
            for size in range(min(self.longest, len(tokens) - position), 0, -1):
                words = [word for word, _, _ in tokens[position : position + size]]
                term = self.exact.get(tuple(_key(w, True) for w in words)) or self.folded.get(
                    tuple(_key(w, False) for w in words)
                )
                if term is not None:
                    start, end = tokens[position][1], tokens[position + size - 1][2]
                    found.append(Occurrence(term, start, end, text[start:end]))
                    position += size
                    break
            else:
                position += 1
        return found


@dataclass(frozen=True, slots=True)
class Rendering:
    start: int
    end: int
    text: str  # as written, without the particle after it
    exact: bool  # spelt with the same spacing as the approved rendering


@lru_cache(maxsize=65536)
def _pattern(rendering: str, language: str) -> regex.Pattern:
    # spaces and hyphens between the letters may differ: 시퀀스 투 시퀀스, 시퀀스-투-시퀀스
    body = r"[\s\-‐]*".join(regex.escape(char) for char in compact(rendering))
    kind = base(language)
    if kind == "ko":
        return regex.compile(rf"(?<![\p{{Hangul}}\p{{L}}\p{{N}}])({body})(\p{{Hangul}}*)")
    if kind in ("ja", "zh", "cn", "yue"):
        return regex.compile(f"({body})()")
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])({body})(\p{{L}}*)", regex.IGNORECASE)


def _tail_ok(tail: str, language: str) -> bool:
    if base(language) == "ko":
        return (
            not tail
            or tail in KOREAN_PARTICLES
            or (tail.startswith("들") and (len(tail) == 1 or tail[1:] in KOREAN_PARTICLES))
        )
    return tail.lower() in LATIN_ENDINGS


def renderings(text: str, rendering: str, language: str) -> list[Rendering]:
    """Where ``rendering`` stands in ``text``, with any spacing."""
    if not rendering.strip():
        return []
    wanted = " ".join(rendering.split())
    found = []
    for match in _pattern(rendering, language).finditer(text):
        if _tail_ok(match.group(2), language):
            written = match.group(1)
            found.append(
                Rendering(
                    match.start(1), match.end(1), written, " ".join(written.split()) == wanted
                )
            )
    return found
