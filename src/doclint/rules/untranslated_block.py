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

Never prose: code, URLs, link targets, HTML and MDX tags, doc-builder directives and
anchors, front matter, comments, math, and the words in the ``allow`` lists of the
configuration and of the enabled packs.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.document import MASK, Heading
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
from doclint.rules._untranslated import Unit, reads_as_english, same_text, units

QUOTED_RE = regex.compile(r"“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|\"[^\"\n]*\"")

CODE = "DL601"
NAME = "untranslated-block"
CATEGORY = "untranslated"
SEVERITY = "error"
NEEDS_SOURCE = False
OPTIONS = {"min-words": 3, "min-heading-words": 2, "detect-words": 5, "threshold": 0.9}


def untranslated(page: Page, unit: Unit, options: dict, shown_in_code: str = "") -> str | None:
    """Why ``unit`` is untranslated, or None. ``shown_in_code``: the code the page
    shows, where an example's rendered output repeats its source as written."""
    if page.language and base(page.language) == base(page.source_language):
        return None  # an English page: nothing to translate
    # a title in quotes (“How Web Content Can Affect Power Usage”) is cited, not prose
    words = english_words(QUOTED_RE.sub(" ", unit.text))
    if not words:
        return None
    short_unit = isinstance(unit.block, Heading) or unit.label == "table cell"
    if short_unit and not any(char.isupper() for char in unit.text):
        return None  # ``hf auth login``, ``summarization``, ``search``: a name, not a title
    script = script_re(page.language) if page.language else None
    if script is not None and script.search(unit.text):
        return None
    minimum = options["min-heading-words" if isinstance(unit.block, Heading) else "min-words"]
    # In a Latin-script language a word or two kept as they were ("etc.", "(ref)",
    # "Redis, etc.") is as often right as not; in another script two words outside code
    # stand out ("Text generation"), a label before code does not ("type: `string`").
    prose_words = english_words(QUOTED_RE.sub(" ", unit.inline.prose.replace(MASK, " ")))
    if (
        same_text(unit.text, unit.source_text)
        and reads_as_english(prose_words, 2 if script is not None else minimum)
        and not _example_output(unit.text, shown_in_code)
    ):
        return "identical to the source"
    if script is not None:
        if reads_as_english(words, minimum):
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


def _example_output(text: str, shown_in_code: str) -> bool:
    """Text the page's own code shows too: the rendering of an example next to it
    (``::: warning`` / ``This is a warning.``) repeats the example as written."""
    text = " ".join(text.split())
    return len(text) >= 8 and text in shown_in_code


def check(page: Page, options: dict) -> Iterator[Problem]:
    shown_in_code = " ".join(
        " ".join(block.content.split()) for block in page.translation.code_blocks
    )
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
