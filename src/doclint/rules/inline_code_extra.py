"""An inline code span of the translation that the aligned source block does not have.

Often harmless (a translator formatting a term as code), sometimes a sign of a
changed identifier or of code the source has since removed. Information only. A
span that replaced a span of the aligned source block is reported once, as changed,
by ``inline-code-missing``. A span whose text the source page has anywhere — as
plain words (``git``, ``Space``), in another paragraph, in its code — is a
translator's formatting or a moved sentence, not reported; nor is one name that
the source's section writes as a plain word or the start of one (``print`` for
"printing", ``<head>`` for "head tags"), a name in CamelCase the source writes as
words (``TracerProvider`` for "tracer provider"), a label in the page's language
(``Guardar enlace como...``), the reader's locale (``ko``) or a value naming it
where the source names none (``@cspell/dict-pt``), a translated heading's
anchor, or the translation of a span that is text to read (see
``inline-code-missing``), nor, with ``localized-values`` (the default), an example
value of the source put in the page's language (``/examplefile`` →
``/exemplefichier``), or a name the page's example defines in place of the
source's (``@layer ma-reinitialisation`` for ``@layer my-reset``), which
``code-block-modified`` judges with the example.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.document import CodeBlock, inline_of
from doclint.finding import Problem
from doclint.languages import base, detected_language, script_re
from doclint.localvalues import defined_names, plain_text
from doclint.page import Page
from doclint.rules._inline_code import Extra, inline_code
from doclint.rules._pairs import normal_space, paired, short

CODE = "DL306"
NAME = "inline-code-extra"
CATEGORY = "code"
SEVERITY = "info"
OPTIONS = {"localized-values": True}


def check(page: Page, options: dict) -> Iterator[Problem]:
    analysis = inline_code(page)
    replacing = set(analysis.changed.values())
    source_text = _page_text(page)
    for extra in analysis.extra:
        if extra in replacing or extra in analysis.localized:
            continue  # reported by inline-code-missing, as the span it replaced; localised
        if options["localized-values"] and extra in analysis.localized_values:
            continue
        if options["localized-values"] and _name(extra) in page.analysis(_renamed_definitions):
            continue  # a name the page's example renamed: code-block-modified judges it
        if _word_in(extra.text.strip("_*"), source_text):
            continue  # the source has it elsewhere, in code or as words: formatting
        if _plain_in_section(extra, page):
            continue  # a word of the source's section the translator set as code
        if _label_in_language(extra.text, page.language):
            continue  # a translated label set as code: no code is written in the page's words
        if _names_reader_language(extra.text, page.language, source_text):
            continue  # the example made the reader's: ``dict-pt-br``, ``content/pt/``
        yield Problem(
            extra.span.line,
            f"inline code `{short(extra.text, 50)}` is not in the source",
            column=extra.column,
        )


# A word of text: a label has two or more, with a space (``Guardar enlace como...``).
LABEL_WORD_RE = regex.compile(r"\p{L}{2,}+")


def _label_in_language(text: str, language: str) -> bool:
    """Whether the span is words of the page's language: its script, or for a
    language of Latin letters, words langdetect reads as it."""
    words = LABEL_WORD_RE.findall(text)
    if not language or len(words) < 2 or " " not in text:
        return False
    script = script_re(language)
    if script is not None:
        return script.search(text) is not None
    return detected_language(" ".join(words)) == base(language)


# One name, maybe written as a tag, a call or a file: ``print``, ``<head>``,
# ``<Badge />``, ``favicon.ico`` (for "favicons").
NAME_RE = regex.compile(r"^<?/?(\p{L}{3,}+)(?:\s*+/?>|\(\)|\.[a-z0-9]{1,4})?$")


def _plain_in_section(extra: Extra, page: Page) -> bool:
    """Whether the span is one name that the source's section writes as a plain word,
    or as the start of one (``print`` for "printing", ``<head>`` for "head tags",
    ``favicon.ico`` for "favicons")."""
    name = NAME_RE.match(extra.text)
    if name is None:
        return False
    plain = " ".join(
        normal_space(plain_text(i))
        for b in page.alignment.section(extra.block)
        for i in inline_of(b)
    )
    return (
        regex.search(rf"(?<![\w`]){regex.escape(name.group(1))}", plain, regex.IGNORECASE)
        is not None
    )


def _page_text(page: Page) -> str:
    """Everything of the source page a span may repeat: prose, code spans and code."""
    parts = [normal_space(i.text) for b in page.source.blocks for i in inline_of(b)]
    parts += [getattr(block, "content", "") for block in page.source.code_blocks]
    return "\n".join(parts)


def _word_in(text: str, plain: str) -> bool:
    """Whether ``plain`` has ``text`` as words of its own, in any case (``Log Records``
    set as code for the source's "log records"; ``TracerProvider`` for its "tracer
    provider")."""
    flags = regex.IGNORECASE if len(text) >= 4 else 0  # ``c`` is no word "C"
    for form in {text, CAMEL_HUMP_RE.sub(" ", text)}:
        if regex.search(rf"(?<![\w`]){regex.escape(form)}(?![\w`])", plain, flags):
            return True
    return False


# Where a name in CamelCase joins its words: ``Tracer|Provider``.
CAMEL_HUMP_RE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
TOKEN_RE = regex.compile(r"[\p{L}\p{N}]++")


def _names_reader_language(text: str, language: str, source_text: str) -> bool:
    """Whether the span names the page's language where the source names none: a
    package, a folder or a channel of the reader's language (``@cspell/dict-pt-br``,
    ``content/pt/blog/``, ``#otel-localization-ptbr``). A tag the source page also
    writes as a word (``it``) tells nothing."""
    tag = base(language).lower() if language else ""
    if len(tag) < 2:
        return False
    names = {tag, regex.sub(r"[-_]", "", language.lower())}  # ``pt``, ``ptbr``
    named = names & {token.lower() for token in TOKEN_RE.findall(text)}
    if not named:
        return False
    source_tokens = {token.lower() for token in TOKEN_RE.findall(source_text)}
    return not (named & source_tokens)


def _name(extra: Extra) -> str:
    return extra.text.removesuffix("()")


def _renamed_definitions(page: Page) -> set[str]:
    """Names the translation's examples define in place of others the source's aligned
    examples define (``@layer my-reset`` → ``@layer ma-reinitialisation``)."""
    renamed: set[str] = set()
    for source, translation in paired(page, CodeBlock):
        before = defined_names(source.content.split("\n"))
        after = defined_names(translation.content.split("\n"))
        if before != after and len(before) == len(after):
            renamed |= after - before
    return renamed
