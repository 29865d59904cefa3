"""What a language is written in, and how to tell English text from it.

Targets written in their own script (Korean, Japanese, Chinese, Russian, Hindi, …)
are told apart from English by script alone: deterministic and cheap. Targets
written in Latin script (Spanish, French, German, …) need a language detector;
langdetect is loaded only for them, only when a block needs it, and seeded so its
answers are the same run after run.
"""

from __future__ import annotations

from functools import lru_cache

import regex

# Unicode script property by language subtag.
SCRIPTS = {
    "ko": r"\p{Hangul}",
    "ja": r"\p{Hiragana}\p{Katakana}\p{Han}",
    "zh": r"\p{Han}",
    "cn": r"\p{Han}",
    "yue": r"\p{Han}",
    "ru": r"\p{Cyrillic}",
    "uk": r"\p{Cyrillic}",
    "bg": r"\p{Cyrillic}",
    "sr": r"\p{Cyrillic}",
    "be": r"\p{Cyrillic}",
    "kk": r"\p{Cyrillic}",
    "mn": r"\p{Cyrillic}",
    "hi": r"\p{Devanagari}",
    "mr": r"\p{Devanagari}",
    "ne": r"\p{Devanagari}",
    "bn": r"\p{Bengali}",
    "pa": r"\p{Gurmukhi}",
    "gu": r"\p{Gujarati}",
    "or": r"\p{Oriya}",
    "ta": r"\p{Tamil}",
    "te": r"\p{Telugu}",
    "kn": r"\p{Kannada}",
    "ml": r"\p{Malayalam}",
    "si": r"\p{Sinhala}",
    "th": r"\p{Thai}",
    "lo": r"\p{Lao}",
    "km": r"\p{Khmer}",
    "my": r"\p{Myanmar}",
    "ar": r"\p{Arabic}",
    "fa": r"\p{Arabic}",
    "ur": r"\p{Arabic}",
    "he": r"\p{Hebrew}",
    "el": r"\p{Greek}",
    "ka": r"\p{Georgian}",
    "hy": r"\p{Armenian}",
    "am": r"\p{Ethiopic}",
}

# A word that reads as English prose: no capital after its first letter (so not
# CamelCase, not an acronym), letters only.
ENGLISH_WORD_RE = regex.compile(r"(?<![\p{L}\p{N}_.-])[A-Za-z][a-z]+(?:'[a-z]+)?(?![\p{L}\p{N}_])")
# Function words of English that are not words of the Latin-script targets as well
# (no "in", "a", "die", "was", "will", "also", "an", "on").
ENGLISH_FUNCTION_WORDS = frozenset(
    """the and of to is are with for this that you your we our be can from by it its
    which when how what or not have has were should would if then than these those
    into about there their they been being does doesn't don't isn't it's at""".split()  # noqa: SIM905
)
# A sentence ends at a full stop (Devanagari's danda and the Arabic script's too), a
# question or exclamation mark, a line break (a list
# item or a line of its own), or a colon or semicolon before a space: what follows
# "다음과 같습니다:" is a sentence of its own, in whatever language it is left.
SENTENCE_RE = regex.compile(
    r"(?:[^.!?。！？।॥؟۔:：;\n]|[:;](?!\s|$))+(?:[.!?。！？।॥؟۔]+|[:：;]|$)", regex.MULTILINE
)


def base(language: str) -> str:
    return language.split("-")[0].split("_")[0].lower()


@lru_cache(maxsize=64)
def script_re(language: str) -> regex.Pattern | None:
    """Letters of the language's own script; None for Latin-script languages."""
    script = SCRIPTS.get(base(language))
    return regex.compile(f"[{script}]") if script else None


def english_words(text: str) -> list[str]:
    return ENGLISH_WORD_RE.findall(text)


def function_words(words: list[str]) -> int:
    return sum(1 for word in words if word.lower() in ENGLISH_FUNCTION_WORDS)


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for each sentence of ``text``."""
    return [(m.start(), m.group(0)) for m in SENTENCE_RE.finditer(text) if m.group(0).strip()]


_detector_ready = False


@lru_cache(maxsize=4096)
def english_probability(text: str) -> float:
    """langdetect's probability that ``text`` is English, seeded for reproducible
    answers. Loads langdetect's profiles on first use (about 0.3 s)."""
    global _detector_ready
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    if not _detector_ready:
        DetectorFactory.seed = 0
        _detector_ready = True
    try:
        guesses = detect_langs(text)
    except LangDetectException:
        return 0.0
    return next((guess.prob for guess in guesses if guess.lang == "en"), 0.0)


@lru_cache(maxsize=4096)
def detected_language(text: str) -> str:
    """The language langdetect reads ``text`` as, when it is at least even odds
    (seeded for reproducible answers); ``""`` when it cannot tell."""
    english_probability("")  # seeds the detector
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        guesses = detect_langs(text)
    except LangDetectException:
        return ""
    best = guesses[0] if guesses else None
    return best.lang.split("-")[0] if best is not None and best.prob >= 0.5 else ""
