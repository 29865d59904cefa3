"""What the inline-code rules share: the spans of each aligned block that the other
side's section lacks, with a changed span paired with what replaced it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher

import regex

from doclint.codenorm import locales_masked, text_strings_masked
from doclint.columns import code_span_column
from doclint.document import Block, CodeSpan, inline_of
from doclint.localvalues import localized_value, page_vocabulary
from doclint.page import Page
from doclint.parse import parse
from doclint.rules._pairs import code_spans, normal_space, with_inline
from doclint.slug import heading_ids

SIMILAR = 0.5  # how alike two spans are to be one edited into the other


# Each span found is one object of its own (two alike spans are two findings), so
# they compare and hash by identity.
@dataclass(frozen=True, eq=False)
class Missing:
    block: Block  # the source block
    span: CodeSpan
    text: str  # whitespace-normalised


@dataclass(frozen=True, eq=False)
class Extra:
    block: Block  # the translated block
    span: CodeSpan
    text: str
    column: int


@dataclass
class InlineCode:
    missing: list[Missing] = field(default_factory=list)
    extra: list[Extra] = field(default_factory=list)
    # a source span and the span that replaced it in the aligned translated block
    changed: dict[Missing, Extra] = field(default_factory=dict)
    # spans that are the translation's localisation of the example, not a defect
    localized: set[Missing | Extra] = field(default_factory=set)
    # spans whose example values (words of a path, a placeholder, a name) the
    # translation put in its language, for the rules' ``localized-values`` option
    localized_values: set[Missing | Extra] = field(default_factory=set)


def inline_code(page: Page) -> InlineCode:
    """Computed once per page, whichever rule asks first."""
    return page.analysis(_analyse)


def _analyse(page: Page) -> InlineCode:
    result = InlineCode()
    for source, window in with_inline(page):
        present = code_spans(window)
        seen: set[str] = set()
        for inline in inline_of(source):
            for span in inline.code_spans:
                wanted = normal_space(span.text)
                if wanted and wanted not in present and wanted not in seen:
                    seen.add(wanted)
                    result.missing.append(Missing(source, span, wanted))
    for translation, window in with_inline(page, from_source=False):
        present = code_spans(window)
        seen = set()
        for inline in inline_of(translation):
            on_line: dict[tuple[int, str], int] = {}
            for span in inline.code_spans:
                found = normal_space(span.text)
                nth = on_line.get((span.line, found), 0)
                on_line[(span.line, found)] = nth + 1
                if found and found not in present and found not in seen:
                    seen.add(found)
                    column = code_span_column(page.translation.line_text(span.line), found, nth)
                    result.extra.append(Extra(translation, span, found, column))
    _pair_changes(page, result)
    _localized(page, result)
    return result


def _localized(page: Page, result: InlineCode) -> None:
    """Spans the translation localised as it localised its examples.

    A span that is text to read (``Hello - Custom Suffix``, ``<h1>text</h1>``) became
    the same markup with translated text, or other words altogether; a locale became
    the reader's (``en`` → ``ko``); an anchor became its translated heading's. Each
    source span is matched with a span of the aligned translated block: the one that
    replaced it, else the first such one left."""
    extras_of: dict[int, list[Extra]] = {}  # by the translated block's index
    for extra in result.extra:
        extras_of.setdefault(extra.block.index, []).append(extra)
        if _key(extra.text, page) == LOCALE or _translated_anchor(extra.text, page):
            result.localized.add(extra)  # the reader's locale, a translated heading's id
    for missing in result.missing:
        changed = result.changed.get(missing)
        if changed is not None:
            candidates = [changed]
        else:
            counterpart = page.alignment.counterpart(missing.block)
            replacing = set(result.changed.values())
            extras = extras_of.get(counterpart.index, ()) if counterpart is not None else ()
            candidates = [e for e in extras if e not in replacing and e not in result.localized]
            # a locale or an anchor was localised above; its source span goes with it
            candidates += [e for e in extras if e in result.localized and e not in replacing]
        for extra in candidates:
            if _localization(missing, extra, page):
                result.localized.update((missing, extra))
                break
        else:
            for extra in candidates:
                if extra in result.localized_values:
                    continue
                if localized_value(
                    missing.text, extra.text, page.language, page_vocabulary(page), whole=True
                ):
                    result.localized_values.update((missing, extra))
                    break


def _localization(missing: Missing, extra: Extra, page: Page) -> bool:
    return bool(
        _key(missing.text, page) == _key(extra.text, page)
        or (_prose(missing.text) and _prose(extra.text) and not _alike(missing, extra))
        or (ANCHOR_RE.match(missing.text) and _translated_anchor(extra.text, page))
    )


BRACKETED_RE = regex.compile(r"\[([^\[\]\n]++)\]")


def _words(text: str) -> bool:
    """Text to read: words with a space, or letters of another script."""
    return bool(regex.search(r"\p{L}[ \t]+\p{L}", text)) or _translated(text)


# A tag, or text around tags: ``<h1>text <Tag/></h1>``.
TAG_RE = regex.compile(r"<[^<>]*+>")
# Words alone around tags, not a path or an expression (``text `` in ``text <Tag/>``).
WORDS_ONLY_RE = regex.compile(r"^[\s\p{P}]*+\p{L}[\p{L}\p{M}\s'’,.!?-]*+$")
OUTSIDE_TAG_RE = regex.compile(r"(?<=^|>)[^<>]*+(?=<|$)")


LOCALE = "‹lang›"


def _alike(missing: Missing, extra: Extra) -> bool:
    return SequenceMatcher(None, missing.text, extra.text).ratio() >= SIMILAR


def _key(text: str, page: Page) -> str:
    """A span as it compares with its translation: text to read and locales masked."""
    if text.lower() in (page.language.lower(), page.source_language.lower()):
        return LOCALE
    key = locales_masked(text_strings_masked(text))
    if "[" in key:  # a title in brackets: ``:::tip[Did you know?]``
        key = BRACKETED_RE.sub(lambda m: "[…]" if _words(m.group(1)) else m.group(0), key)
    if TAG_RE.search(key):
        key = OUTSIDE_TAG_RE.sub(
            lambda m: "…" if WORDS_ONLY_RE.match(m.group(0)) else m.group(0), key
        )
    return key


# Words of prose: two or more, with no code between them (``A VitePress site``).
PROSE_RE = regex.compile(
    r"^[\p{L}\p{M}'’][\p{L}\p{M}\p{N}'’,.!?&|–—-]*+(?:[ ]++[\p{L}\p{M}\p{N}'’,.!?&|–—-]++)++$"
)


# An anchor, ``#using-custom-anchors``; translated with its heading, ``#使用自定义锚点``.
ANCHOR_RE = regex.compile(r"^#[\p{L}\p{M}\p{N}_-]++$")


def _translated_anchor(text: str, page: Page) -> bool:
    """An anchor in another script, or the id of one of the translation's headings or of
    the headings its Markdown examples write."""
    if ANCHOR_RE.match(text) is None:
        return False
    return (
        _translated(text)
        or text[1:] in page.translation_ids
        or text[1:] in page.analysis(_example_ids)
    )


# A Markdown heading in an example: ``# Using custom anchors {#my-anchor}``.
EXAMPLE_HEADING_RE = regex.compile(r"(?m)^[ \t]*+#{1,6}[ \t]")


def _example_ids(page: Page) -> set[str]:
    """The ids the headings of the translation's Markdown examples get, explicit and
    default (``#usando-ancoras-personalizadas`` for ``# Usando âncoras personalizadas
    {#minha-ancora}``): a span naming one names the example, not the source."""
    ids: set[str] = set()
    for block in page.translation.code_blocks:
        if not EXAMPLE_HEADING_RE.search(block.content):
            continue
        headings = parse(block.content, page.translation.path, page.dialect.name).headings
        ids.update(heading_ids(headings, page.slug_style))
        ids.update(heading_ids([replace(h, anchor=None) for h in headings], page.slug_style))
    return ids


def _prose(text: str) -> bool:
    return PROSE_RE.match(text) is not None and any(c.isalpha() for c in text)


def _pair_changes(page: Page, result: InlineCode) -> None:
    """A source span missing from a block whose counterpart has a span the source lacks
    was changed into it when the two are alike (an edited identifier), or when they
    are the only two and the new one is written in another script (a translated one)."""
    extra_by_block: dict[int, list[Extra]] = {}  # by the translated block's index
    for extra in result.extra:
        extra_by_block.setdefault(extra.block.index, []).append(extra)
    missing_by_block: dict[int, list[Missing]] = {}  # by the source block's index
    for missing in result.missing:
        missing_by_block.setdefault(missing.block.index, []).append(missing)
    for missing_here in missing_by_block.values():
        counterpart = page.alignment.counterpart(missing_here[0].block)
        extras = list(extra_by_block.get(counterpart.index, ())) if counterpart is not None else []
        if not extras:
            continue
        for missing in missing_here:
            alike = max(
                extras,
                key=lambda e: SequenceMatcher(None, missing.text, e.text).ratio(),
                default=None,
            )
            if alike and (
                SequenceMatcher(None, missing.text, alike.text).ratio() >= SIMILAR
                or (len(missing_here) == 1 and len(extras) == 1 and _translated(alike.text))
            ):
                result.changed[missing] = alike
                extras.remove(alike)


def _translated(text: str) -> bool:
    return any(char.isalpha() and not char.isascii() for char in text)
