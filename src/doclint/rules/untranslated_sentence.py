"""A whole sentence in the source language inside an otherwise translated block.

Translators often translate a paragraph and leave one sentence — added to the
English page later, or skipped — in English. A sentence ends at ``.!?。！？।؟۔``, at a
line break (a list item, a line of its own) and at a colon or semicolon before a
space. A block with nothing translated in it is not reported here (it is a block
left in English). A sentence of at least ``min-words`` English words is reported
when it has no letter of the target language's script
(for Korean, Japanese, Chinese, Russian, Hindi and other non-Latin targets), or when
langdetect reads it as English with at least ``threshold`` probability (for
Latin-script targets). Technical prose that mixes in English terms
(``트랜스포머의 각 residual attention Block에서는 …``) is not a sentence in English,
nor is what a sentence quotes (``"If you spell incorrectly correctly…"``), glosses in
parentheses (``**Alterações não preparadas** (_Changes not staged for commit_)``), or
what untranslated-block reads as kept on purpose (titles, compiler messages…).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.languages import (
    base,
    english_probability,
    english_words,
    function_words,
    script_re,
    sentences,
)
from doclint.page import Page
from doclint.rules._pairs import short
from doclint.rules._untranslated import (
    PARENTHESES_RE,
    QUOTED_RE,
    laid_out_as_code,
    line_of,
    reads_as_english,
    units,
)

CODE = "DL602"
NAME = "untranslated-sentence"
CATEGORY = "untranslated"
SEVERITY = "warning"
NEEDS_SOURCE = False
OPTIONS = {"min-words": 6, "threshold": 0.9}


def _translated_in_part(text: str, script, options: dict) -> bool:
    """Whether some of ``text`` is in the target language: the block is translated
    around its English sentences (a block wholly in English is another finding)."""
    if script is not None:
        return bool(script.search(text))
    return english_probability(text) < options["threshold"]


def check(page: Page, options: dict) -> Iterator[Problem]:
    if not page.language or base(page.language) == base(page.source_language):
        return
    script = script_re(page.language)
    for unit in units(page):
        parts = sentences(unit.text)
        if len(parts) < 2 or laid_out_as_code(unit):
            continue
        translated: bool | None = None  # asked only once a sentence reads as English
        for offset, sentence in parts:
            # what it quotes is cited, what it puts in parentheses glosses the translation
            own = PARENTHESES_RE.sub(" ", QUOTED_RE.sub(" ", sentence))
            words = english_words(own)
            if not reads_as_english(words, options["min-words"], title_case=False):
                continue
            if script is not None:
                english = not script.search(own)
            else:
                english = function_words(words) >= 2 and (
                    english_probability(own) >= options["threshold"]
                )
            if english and translated is None:
                translated = _translated_in_part(unit.text, script, options)
            if english and translated:  # a block with nothing translated is another finding
                yield Problem(
                    line_of(unit, offset + len(sentence) - len(sentence.lstrip())),
                    f"sentence in English in a translated {unit.label}: "
                    f"{short(' '.join(sentence.split()), 60)!r}",
                )
