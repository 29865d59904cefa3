"""A paragraph, heading, list item, table cell or component body left in the
source language.

A translated page with an English paragraph in it is a page half translated: a
sentence added to the English page after the translation, a paragraph skipped, a
note inside a ``<Tip>``. A block is reported when it is identical to its aligned
source block and has words to translate, or when it reads as English:

- for a language written in its own script (Korean, Japanese, Chinese, Russian,
  Hindi, Arabic, Thai, …): the block has no letter of that script and at least
  ``min-words`` English words (``min-heading-words`` for a heading), one of them in
  lower case — ``Inference Providers`` alone may be a product name;
- for a language written in Latin script (Spanish, French, German, …): langdetect
  (seeded, so results repeat) gives English at least ``threshold`` probability, for
  blocks of ``detect-words`` words or more with English function words in them.

A heading or table cell with no capital letter (``hf auth login``,
``summarization``, ``search``) is a name, not prose.

Kept in English on purpose, and not reported:

- names and titles: text whose only lower-case words are a title's small ones
  (``Piero Molino, Yaroslav Dudin, and Sai Sumanth Miryala``, ``Read the Docs``,
  ``APM is Dying and That's Okay``); a heading so written is kept when the page's
  other headings are translated;
- a link's text that its address spells (``[Good first issue](…good+first+issue…)``),
  an acronym's expansion (``SPI (Service provider interface)``), letters set as code
  to spell an identifier (```le`: `l`ess than or `e`qual``), a one-word label before
  code (``**type:** `boolean```), quotations, and sentences quoting identifiers the
  way compilers print them (``The argument type 'AutoDisposeProvider' can't be…``);
- an example's rendered output that the page's code shows as written;
- a term of a few words in a list whose other items are translated;
- lines laid out as code (a JSX property or a script the parser left as text).

Never prose: code, URLs, link targets, HTML and MDX tags, doc-builder directives and
anchors, front matter, comments, math, reference-style link definitions, and the
words in the ``allow`` lists of the configuration and of the enabled packs.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.document import Block, Heading
from doclint.finding import Problem
from doclint.languages import (
    base,
    english_probability,
    english_words,
    function_words,
    script_re,
)
from doclint.page import Page
from doclint.rules._pairs import short
from doclint.rules._untranslated import (
    QUOTED_RE,
    Unit,
    laid_out_as_code,
    reads_as_english,
    same_text,
    spells_identifier,
    term_in_translated_list,
    units,
)

CODE = "DL601"
NAME = "untranslated-block"
CATEGORY = "untranslated"
SEVERITY = "error"
NEEDS_SOURCE = False
OPTIONS = {"min-words": 3, "min-heading-words": 2, "detect-words": 5, "threshold": 0.9}


def untranslated(
    page: Page, unit: Unit, options: dict, shown_in_code: tuple[str, str] = ("", "")
) -> str | None:
    """Why ``unit`` is untranslated, or None. ``shown_in_code``: the code the page
    shows, as written and as its words, where an example's rendered output repeats its
    source."""
    if page.language and base(page.language) == base(page.source_language):
        return None  # an English page: nothing to translate
    reason = _reason(page, unit, options)
    if reason is None or _example_output(unit, shown_in_code) or spells_identifier(unit):
        return None
    if laid_out_as_code(unit):
        return None
    if term_in_translated_list(page, unit, lambda other: _translated(page, other)):
        return None
    if isinstance(unit.block, Heading) and _kept_title(page, unit):
        return None
    return reason


def _kept_title(page: Page, unit: Unit) -> bool:
    """A heading that reads as a name or a title (``Humans of OpenTelemetry``: no word in
    lower case but a title's small ones) on a page whose other headings are translated:
    the translator kept it on purpose. On a page left in English it is one more heading
    in English."""
    if reads_as_english(english_words(unit.text), 1, title_case=False):
        return False
    return any(block is not unit.block for block in page.analysis(_translated_headings))


def _translated_headings(page: Page) -> list[Block]:
    return [
        other.block
        for other in units(page)
        if isinstance(other.block, Heading) and _translated(page, other)
    ]


def _reason(page: Page, unit: Unit, options: dict) -> str | None:
    # a title in quotes (“How Web Content Can Affect Power Usage”) is cited, not prose
    words = english_words(QUOTED_RE.sub(" ", unit.text))
    if not words:
        return None
    heading = isinstance(unit.block, Heading)
    short_unit = heading or unit.label == "table cell"
    if short_unit and not any(char.isupper() for char in unit.text):
        return None  # ``hf auth login``, ``summarization``, ``search``: a name, not a title
    script = script_re(page.language) if page.language else None
    if script is not None and script.search(unit.text):
        return None
    minimum = options["min-heading-words" if heading else "min-words"]
    # In a Latin-script language a word or two kept as they were ("etc.", "(ref)",
    # "Redis, etc.") is as often right as not; in another script two words outside code
    # stand out ("Text generation"), a label before code does not ("type: `string`").
    prose_words = english_words(QUOTED_RE.sub(" ", unit.text))
    if same_text(unit.text, unit.source_text) and reads_as_english(
        prose_words, 2 if script is not None else minimum, title_case=heading
    ):
        return "identical to the source"
    if script is not None:
        if reads_as_english(words, minimum, title_case=heading):
            return "in English"
        return None
    if not page.language:
        return None  # no language to tell English from
    if (
        len(words) >= options["detect-words"]
        and function_words(words) >= 2
        and english_probability(unit.text) >= options["threshold"]
    ):
        return "in English"
    return None


def _translated(page: Page, unit: Unit) -> bool:
    """Whether a unit reads as translated: the target's script, or text of its own."""
    script = script_re(page.language) if page.language else None
    if script is not None:
        return bool(script.search(unit.text))
    return unit.source_text is not None and not same_text(unit.text, unit.source_text)


WORDS_RE = regex.compile(r"[\p{L}\p{N}]+")
TAG_RE = regex.compile(r"</?[A-Za-z][^<>]*>")


def _words_of(text: str) -> str:
    return " ".join(WORDS_RE.findall(TAG_RE.sub(" ", text)))


def _example_output(unit: Unit, shown_in_code: tuple[str, str]) -> bool:
    """Text the page's own code shows too: the rendering of an example next to it
    (``::: warning`` / ``This is a warning.``, ``### Title <Badge>custom element</Badge>``)
    repeats the example as written."""
    code, code_words = shown_in_code
    if not code:
        return False
    raw = " ".join(unit.raw.split())
    if len(raw) >= 8 and raw in code:
        return True
    words = _words_of(unit.inline.text)
    return words.count(" ") >= 2 and f" {words} " in code_words


def check(page: Page, options: dict) -> Iterator[Problem]:
    code = "\n".join(" ".join(block.content.split()) for block in page.translation.code_blocks)
    shown_in_code = (code, f" {_words_of(code)} " if code else "")
    for unit in units(page):
        reason = untranslated(page, unit, options, shown_in_code)
        if reason:
            source = page.alignment.counterpart(unit.block) if page.source else None
            where = f" (line {source.line})" if source and reason.startswith("identical") else ""
            yield Problem(
                unit.inline.line,
                f"{unit.label} is {reason}{where}, not translated: {short(unit.inline.text, 60)!r}",
                end_line=unit.block.end_line if unit.label != "table cell" else unit.inline.line,
                source_line=source.line if source else None,
            )
