"""Example values a translation localized.

Documentation sites translate the values their examples make up: a module name
(``'./lib-that-access-window'`` → ``'./lib-que-accede-a-window'``), a file
(``my-logo.svg`` → ``mi-logo.svg``), a placeholder (``'YOUR_APP_ID'`` →
``'DEINE_APP_ID'``, ``<YOUR_FIREBASE_ID>`` → ``<SEU_ID_FIREBASE>``), a slug
(``'/shop/'`` → ``'/laden/'``), a CSS layer the example declares (``my-reset`` →
``ma-reinitialisation``), a word of a string (``'world'`` → ``'мир'``), a run of
words of output that follows its translated input, a name the block defines renamed
alike on every line (``thisIsJavaScript`` → ``ceciEstDuJavaScript``). The code is
the same; only words were put in the reader's language.

A change is such a localization when it only swaps words — letters, never digits,
quotes or other punctuation — inside a value (a string literal, a path, a
``<placeholder>``, a hyphenated name, an example's own ``#anchor``, a YAML value
written without quotes; an inline code span is one value unless it reads as an
identifier), when the source's words are English (ASCII)
and the translation's are of the page's language: written in its script, or, for a
language written in Latin letters, with letters English lacks, words the translated
page uses in its prose and the source does not, or words langdetect reads as the
page's language. Not a localization: a changed number or punctuation, an added word
(``name`` → ``name_v2``), English swapped for English (``foo`` → ``bar``), a changed
identifier outside a string (``from_pretrained``, ``tracer``), an option or flag
(``--force``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

import regex

from doclint.codenorm import STRING_RE, YAML_VALUE_RE
from doclint.document import Document, Inline, inline_of
from doclint.languages import base, detected_language, script_re
from doclint.page import Page

TOKEN_RE = regex.compile(r"[\p{L}\p{M}\u200c\u200d]++|\p{N}++|\s++|.", regex.DOTALL)
WORD_RE = regex.compile(r"[\p{L}\p{M}\u200c\u200d]++")  # joiners: Persian, Indic
LATIN_RE = regex.compile(r"^[\p{Latin}\p{M}]++$")
# What a changed run may hold: words and what joins the words of a name.
CHANGE_RE = regex.compile(r"^[\p{L}\p{M}\u200c\u200d\s_.-]*+$")
# In output, text: its words and the punctuation of its sentences, never a digit.
OUTPUT_CHANGE_RE = regex.compile(r"^[\p{L}\p{M}\u200c\u200d\s_.,:;!?¡¿…'’«»“”、。，：；！？-]*+$")
# A value: a run of characters a name or path is made of, around a change.
VALUE_CHAR_RE = regex.compile(r"[^\s'\"`(),;:=<>{}\[\]|*]")
PLACEHOLDER_RE = regex.compile(r"<[\p{L}\p{M}\p{N}_ -]++>")
# A hyphenated name (``my-reset``), not a flag (``--force``, ``-v``).
HYPHENATED_RE = regex.compile(r"^[\p{L}\p{M}\p{N}_.@]++(?:-[\p{L}\p{M}\p{N}_.]++)++$")
# An identifier of code: snake_case or camelCase in lower case (``from_pretrained``,
# ``getTracer``) — an API name. A placeholder in capitals (``YOUR_APP_ID``) is not.
IDENTIFIER_RE = regex.compile(r"\p{Ll}_\p{L}|\p{L}_\p{Ll}|\p{Ll}\p{Lu}|\(|\.\p{Ll}+\(")


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def _spans(pattern: regex.Pattern, text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)


def _value(text: str, start: int, end: int) -> str:
    """The name or path around ``text[start:end]``."""
    while start > 0 and VALUE_CHAR_RE.match(text[start - 1]):
        start -= 1
    while end < len(text) and VALUE_CHAR_RE.match(text[end]):
        end += 1
    return text[start:end]


def _in_value(text: str, start: int, end: int, whole: bool, language: str = "") -> bool:
    """Whether a change at ``text[start:end]`` lies in a value an example makes up.

    ``whole``: ``text`` is one value (an inline code span), a name unless it reads as
    an identifier or a flag; else a line of code, where a bare word may be anything
    and only strings, paths, placeholders and hyphenated names are values."""
    if _inside(start, end, _spans(STRING_RE, text)):
        return True
    if _inside(start, end, _spans(PLACEHOLDER_RE, text)):
        return True
    if language == "yaml":  # a value written without quotes: ``title: VitePress``
        plain = YAML_VALUE_RE.match(text)
        if plain is not None and start >= plain.start(2):
            return True
    value = _value(text, start, end)
    if not value or value.startswith("-"):
        return False  # a flag
    if whole:
        # an anchor in prose names a heading of the page, checked as such
        return not value.startswith("#") and IDENTIFIER_RE.search(value) is None
    # in code, an anchor names a heading of the example's own (``{#my-anchor}``)
    return "/" in value or value.startswith("#") or HYPHENATED_RE.match(value) is not None


def changed_words(
    source: str, translation: str, whole: bool = False, language: str = "", output: bool = False
) -> tuple[list[str], list[str]] | None:
    """The words ``translation`` puts where ``source`` has others, when that is all
    that changed and every change is inside a value; else None. ``whole``: the texts
    are one value each (inline code), not lines of code. ``output``: the lines are an
    example's output, whose text follows its translated input: its words and their
    punctuation may change anywhere in them."""
    a, b = _tokens(source), _tokens(translation)
    src_words: list[str] = []
    dst_words: list[str] = []
    a_at = [0]
    for token in a:
        a_at.append(a_at[-1] + len(token))
    b_at = [0]
    for token in b:
        b_at.append(b_at[-1] + len(token))
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        change = OUTPUT_CHANGE_RE if output else CHANGE_RE
        if not (change.match(removed) and change.match(added)):
            return None  # a digit, a quote, a bracket changed: code
        src_words += WORD_RE.findall(removed)
        dst_words += WORD_RE.findall(added)
        if output:
            continue
        for text, start, end in ((source, a_at[i1], a_at[i2]), (translation, b_at[j1], b_at[j2])):
            if start == end:  # an insertion: its place must be in a value too
                start, end = max(start - 1, 0), min(end + 1, len(text))
            if not _in_value(text, start, end, whole, language):
                return None
    if output and not (src_words and dst_words):
        return None  # words only added or only dropped
    return src_words, dst_words


@dataclass(frozen=True)
class Vocabulary:
    """Words (lower case) of a page pair that tell English from the page's language."""

    translated: frozenset[str] = frozenset()  # the translation's prose has, the source lacks
    source_prose: frozenset[str] = frozenset()  # English words the source's prose uses
    source: frozenset[str] = frozenset()  # every word of the source page, code too
    # the translated prose's words with letters English lacks, written without their
    # accents as names in code are (``réinitialisation`` → ``reinitialisation``)
    translated_unaccented: frozenset[str] = frozenset()


def page_vocabulary(page: Page) -> Vocabulary:
    """Computed once per page."""
    return page.analysis(_vocabulary)


def _vocabulary(page: Page) -> Vocabulary:
    if page.source is None:
        return Vocabulary()

    def prose(document: Document) -> set[str]:
        return {
            word.lower()
            for block in document.blocks
            for inline in inline_of(block)
            for word in WORD_RE.findall(plain_text(inline))
        }

    source_prose = prose(page.source)
    source = source_prose | {
        word.lower()
        for block in page.source.code_blocks
        for word in WORD_RE.findall(getattr(block, "content", ""))
    }
    translated = prose(page.translation) - source
    unaccented = {_unaccented(word) for word in translated if not word.isascii()}
    return Vocabulary(
        frozenset(translated),
        frozenset(source_prose),
        frozenset(source),
        frozenset(word for word in unaccented if word.isascii()) - source,
    )


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def plain_text(inline: Inline) -> str:
    """An inline's text without its code spans: the words a reader reads as prose."""
    text = inline.text
    for span in inline.code_spans:
        text = text.replace(span.text, " ")
    return text


def localized_words(
    source_words: Iterable[str], translation_words: Iterable[str], language: str,
    vocabulary: Vocabulary = Vocabulary(),
) -> bool:  # fmt: skip
    """Whether English words were replaced by words of ``language``: in its script;
    for a language of Latin letters, new words the source page never uses, with
    letters English lacks, words of the translated page's prose, words langdetect
    reads as the page's language, or in place of words of the source's prose."""
    src = [w for w in source_words if w]
    dst = [w for w in translation_words if w]
    if not src or not dst:
        return False  # words only added or only dropped
    if not all(w.isascii() for w in src):
        return False
    src_lower = {w.lower() for w in src}
    dst_lower = {w.lower() for w in dst}
    if dst_lower <= src_lower or src_lower <= dst_lower:
        return False  # reordered, recased, or words added to the source's
    new = [w for w in dst if w.lower() not in src_lower]
    script = script_re(language) if language else None
    if script is not None:
        return any(script.search(w) for w in new)
    if not language:
        return False
    if not all(LATIN_RE.match(w) for w in new):
        return False  # another script than the page's
    if any(not w.isascii() or w.lower() in vocabulary.translated for w in new):
        return True
    if any(w.lower() in vocabulary.source for w in new):
        return False  # English the source page uses: another value, not a translation
    old = [w for w in src if w.lower() not in dst_lower]
    if any(o.lower() in n.lower() for o in old for n in new):
        return False  # the source's word with letters added, and no more to tell
    if old and all(w.lower() in vocabulary.source_prose for w in old):
        return True  # the source's prose words, each replaced by a word it never uses
    return detected_language(" ".join(new)) == base(language)


def localized_value(
    source: str, translation: str, language: str,
    vocabulary: Vocabulary = Vocabulary(), whole: bool = False,
) -> bool:  # fmt: skip
    """Whether ``translation`` is ``source`` with its example values localized."""
    words = changed_words(source, translation, whole)
    return words is not None and localized_words(*words, language, vocabulary)


# A name a block of code defines: a function, variable, class or type (``function
# thisIsJavaScript``, ``const myStore``, ``def greet``), a CSS layer (``@layer my-reset,
# theme``) or custom property (``--my-color:``).
DEFINITION_RE = regex.compile(
    r"(?<![\w$-])(?:function\*?|const|let|var|class|def|interface|type|enum|struct|fn|func)"
    r"[ \t]++(?P<name>[\p{L}_$][\p{L}\p{M}\p{N}_$]*+)"
    r"|@layer[ \t]++(?P<layers>[\w-]++(?:[ \t]*+,[ \t]*+[\w-]++)*+)"
    r"|(?<![\w-])(?P<property>--[\p{L}_][\p{L}\p{M}\p{N}_-]*+)[ \t]*+:"
)
# A name in code, a hyphenated one in CSS (``my-reset``, ``--my-color``); anything else
# is one character.
NAME_TOKEN_RE = regex.compile(r"[\p{L}_$][\p{L}\p{M}\p{N}_$]*+|\p{N}++|.", regex.DOTALL)
CSS_NAME_TOKEN_RE = regex.compile(r"(?:--)?[\p{L}_][\p{L}\p{M}\p{N}_-]*+|\p{N}++|.", regex.DOTALL)
CSS = {"css", "scss", "less"}
# The words of a name: camelCase, snake_case and kebab-case split apart.
# (``HTTPServer``: ``HTTP``, ``Server``; backing off one capital finds the next word)
NAME_WORD_RE = regex.compile(r"\p{Lu}?[\p{Ll}\p{M}]++|\p{Lu}+(?![\p{Ll}\p{M}])|\p{Lo}++")


def defined_names(lines: Iterable[str]) -> set[str]:
    """The names the lines define (a function, a variable, a class, a CSS layer…)."""
    names: set[str] = set()
    for match in DEFINITION_RE.finditer("\n".join(lines)):
        if match.group("layers"):
            names.update(regex.split(r"[ \t]*+,[ \t]*+", match.group("layers")))
        else:
            names.add(match.group("name") or match.group("property"))
    return names


def renamed(
    source: list[str], translation: list[str], language: str, page_language: str,
    vocabulary: Vocabulary = Vocabulary(),
) -> list[str]:  # fmt: skip
    """``translation`` (a block's lines, as compared) with each line that only renames
    names the block defines taken as the source's, when the translation renames each
    the same way on every line (the code means the same) and in the page's language;
    a name used but not defined (an API) is never renamed so."""
    token_re = CSS_NAME_TOKEN_RE if language in CSS else NAME_TOKEN_RE
    defined = defined_names(source)
    if not defined:
        return translation
    mapping: dict[str, str] = {}
    matcher = SequenceMatcher(None, source, translation, autojunk=False)
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for i, j in zip(range(i1, i2), range(j1, j2)):
            a, b = token_re.findall(source[i]), token_re.findall(translation[j])
            if len(a) != len(b):
                continue
            changed = [(x, y) for x, y in zip(a, b) if x != y]
            if not all(x in defined and token_re.fullmatch(y) for x, y in changed):
                continue
            if any(mapping.setdefault(x, y) != y for x, y in changed):
                return translation  # one name renamed two ways
            pairs.append((i, j))
    if not mapping or len(set(mapping.values())) < len(mapping):
        return translation

    def rename(line: str) -> str:
        return "".join(mapping.get(token, token) for token in token_re.findall(line))

    # every line renamed the same way: one that kept an old name would change the code
    if any(rename(source[i]) != translation[j] for i, j in _equal_lines(matcher)):
        return translation
    if any(rename(source[i]) != translation[j] for i, j in pairs):
        return translation
    old = [w for name in mapping for w in NAME_WORD_RE.findall(name)]
    new = [w for name in mapping.values() for w in NAME_WORD_RE.findall(name)]
    # a name in code drops the accents of the words it is made of
    words = vocabulary.translated | vocabulary.translated_unaccented
    if not localized_words(old, new, page_language, replace(vocabulary, translated=words)):
        return translation
    result = list(translation)
    for i, j in pairs:
        result[j] = source[i]
    return result


def _equal_lines(matcher: SequenceMatcher) -> Iterable[tuple[int, int]]:
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from zip(range(i1, i2), range(j1, j2))
