"""Numbers in prose, compared by value across languages.

``1,000`` and ``1000`` are the same number; ``175 billion``, ``1,750억`` and ``1750億``
are the same number (Korean 만/억/조, Japanese 万/億/兆 and Chinese 万/亿 count in
myriads); ``7B`` keeps its digits either way. Versions (``2.0.1``) compare as text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from doclint.numberwords import NUMBER_WORDS, ONE_AS_ARTICLE

SCALE_WORDS = {
    "thousand": 10**3, "k": 10**3, "million": 10**6, "m": 10**6, "mn": 10**6,
    "billion": 10**9, "b": 10**9, "bn": 10**9, "trillion": 10**12, "t": 10**12,
}  # fmt: skip
EAST_ASIAN_UNITS = {
    "백": 10**2, "百": 10**2, "천": 10**3, "千": 10**3, "만": 10**4, "万": 10**4, "萬": 10**4,
    "억": 10**8, "億": 10**8, "亿": 10**8, "조": 10**12, "兆": 10**12,
}  # fmt: skip


def _unit_value(unit: str) -> int:
    """천만 is a thousand ten-thousands: prefix and unit multiply."""
    value = 1
    for char in unit:
        value *= EAST_ASIAN_UNITS[char]
    return value


NUMBER_RE = regex.compile(
    r"(?<![\p{Latin}\p{Greek}\p{Cyrillic}\p{N}_.,])"
    # ``2 000`` (French, Russian: a space between thousands), or digits with . and ,
    r"(?P<digits>\d{1,3}(?:[\u00a0\u202f ]\d{3})++(?![\d.,])|\d+(?:[.,]\d+)*)"
    r"(?:(?P<unit>\s?[백百천千]?[만万萬억億亿조兆]|\s?[천千])|\s?(?P<scale>thousand|million|billion|trillion)\b"
    r"|(?P<short>[kKmMbBtT]|bn|mn)(?![\p{L}\p{N}]))?"
    r"(?P<ordinal>st|nd|rd|th)?"
)


@dataclass(frozen=True, slots=True)
class Number:
    text: str
    start: int
    values: frozenset  # every way of reading it: raw digits, scaled value, version text

    def matches(self, others: set) -> bool:
        return bool(self.values & others)


GROUPED_RE = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# ``2.000``, ``1.000.000``: thousands grouped with dots, as German or Spanish write them
DOT_GROUPED_RE = regex.compile(r"\d{1,3}(?:\.\d{3})+")
SPACES_RE = regex.compile(r"[\u00a0\u202f ]")
DECIMAL_COMMA_RE = regex.compile(r"\d+,\d{1,2}")


def _value(digits: str) -> tuple[float | None, str | None]:
    """(numeric value, version text) of a digit run."""
    if SPACES_RE.search(digits):
        return float(SPACES_RE.sub("", digits)), None
    if GROUPED_RE.fullmatch(digits):
        return float(digits.replace(",", "")), None
    if digits.count(".") >= 2:
        return None, digits
    if "," in digits:  # 1,5 in some languages; 12,34,567 in Indian grouping
        if DECIMAL_COMMA_RE.fullmatch(digits):
            return float(digits.replace(",", ".")), None
        return float(digits.replace(",", "")), None
    return float(digits), None


def _key(value: float) -> str:
    return f"{value:.6g}" if value < 1e15 else f"{value:.3e}"


VERSION_PREFIX_RE = regex.compile(r"(?<![\p{L}])[vV](?=\d)")


def _han_numerals() -> dict[str, str]:
    """Han characters that are the numbers 0 to 10 (零, 三, 兩, 拾…), by their Unicode value:
    every Chinese and Japanese numeral, traditional and financial forms included."""
    found = {}
    for start, end in ((0x3007, 0x3007), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF)):
        for code in range(start, end + 1):
            value = unicodedata.numeric(chr(code), None)
            if value is not None and value <= 10 and value == int(value):
                found[chr(code)] = _key(value)
    return found


HAN_NUMERALS = _han_numerals()
WORD_VALUES = {
    **HAN_NUMERALS,
    **{
        word.lower(): _key(float(value))
        for value, words in NUMBER_WORDS.items()
        for word in words.split()
    },
}


def _is_han(word: str) -> bool:
    return len(word) == 1 and regex.match(r"\p{Han}", word) is not None


# Han numerals count anywhere (两个, 第三); words only standing alone (두 가지, not 모두).
WORD_RE = regex.compile(
    "["
    + "".join(w for w in WORD_VALUES if _is_han(w))
    + "]|(?<![\\p{L}])(?:"
    + "|".join(
        regex.escape(w)
        for w in sorted((w for w in WORD_VALUES if not _is_han(w)), key=len, reverse=True)
    )
    + ")(?![\\p{L}])",
    regex.IGNORECASE,
)


def numbers(text: str) -> list[Number]:
    """Numbers in ``text``, with adjacent East Asian unit groups combined (1억 7500만)."""
    return list(_numbers(text))


# A source block's prose is read for each of its translations, and by several rules.
@lru_cache(maxsize=8192)
def _numbers(text: str) -> tuple[Number, ...]:
    text = VERSION_PREFIX_RE.sub(" ", text)
    found: list[Number] = []
    pending: tuple[int, float, int, str] | None = None  # start, total, last unit, text
    for match in NUMBER_RE.finditer(text):
        if match.group("ordinal"):
            continue
        value, version = _value(match.group("digits"))
        # ``2.000`` is two thousand where dots group thousands (and 2.0 where not)
        grouped = DOT_GROUPED_RE.fullmatch(match.group("digits"))
        thousands = {_key(float(match.group("digits").replace(".", "")))} if grouped else set()
        if version is not None:
            found.append(Number(match.group(0), match.start(), frozenset({version, *thousands})))
            continue
        unit = (match.group("unit") or "").strip()
        if unit:
            scale = _unit_value(unit)
            gap = text[pending[3] : match.start()] if pending else ""
            if pending and scale < pending[2] and not gap.strip():
                start, total, _, _ = pending
                pending = (start, total + value * scale, scale, match.end())
            else:
                if pending:
                    found.append(_combined(text, pending))
                pending = (match.start(), value * scale, scale, match.end())
            continue
        if pending:
            found.append(_combined(text, pending))
            pending = None
        word = (match.group("scale") or match.group("short") or "").lower()
        values = {_key(value), *thousands, *_listed(match.group("digits"))}
        if word:
            values.add(_key(value * SCALE_WORDS[word]))
        found.append(Number(match.group(0), match.start(), frozenset(values)))
    if pending:
        found.append(_combined(text, pending))
    return tuple(found)


def _listed(digits: str) -> set[str]:
    """``2,3`` written for "2, 3" (sections 2,3 and 4) where a comma groups no thousands:
    each number it may list."""
    if "," not in digits or GROUPED_RE.fullmatch(digits) or "." in digits:
        return set()
    return {_key(float(part)) for part in digits.split(",") if part}


def _combined(text: str, pending: tuple[int, float, int, int]) -> Number:
    start, total, _, end = pending
    return Number(text[start:end], start, frozenset({_key(total)}))


@lru_cache(maxsize=8192)
def value_set(text: str) -> frozenset:
    """Every value ``text`` states, in digits or as a small number word (zwei, 두, 两)."""
    values = {value for number in numbers(text) for value in number.values}
    values.update(
        WORD_VALUES[word.lower()] for word in WORD_RE.findall(text) if word.lower() in WORD_VALUES
    )
    return frozenset(values)


ARTICLE_RE = regex.compile(
    "(?<![\\p{L}])(?:" + "|".join(ONE_AS_ARTICLE.split()) + ")(?![\\p{L}])", regex.IGNORECASE
)
COUNTED_RE = regex.compile(r"[\u00a0 ]\p{L}")


NAMED_RE = regex.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}]*+[\u00a0 ]$")


def counts_one(text: str, number: Number) -> bool:
    """Whether ``number`` is a 1 counting the thing named after it (``1 subfolder``), not
    a name's number (``VuePress 1 was…``)."""
    return (
        number.values == frozenset({_key(1.0)})
        and COUNTED_RE.match(text, number.start + len(number.text)) is not None
        and NAMED_RE.search(text, 0, number.start) is None
    )


def states_one(text: str) -> bool:
    """Whether ``text`` has an indefinite article, which may stand for a counted 1."""
    return ARTICLE_RE.search(text) is not None
