"""What the inline-code rules share: the spans of each aligned block that the other
side's section lacks, with a changed span paired with what replaced it."""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from doclint.columns import code_span_column
from doclint.document import Block, CodeSpan, inline_of
from doclint.page import Page
from doclint.rules._pairs import code_spans, normal_space, with_inline

SIMILAR = 0.5  # how alike two spans are to be one edited into the other


@dataclass(frozen=True)
class Missing:
    block: Block  # the source block
    span: CodeSpan
    text: str  # whitespace-normalised


@dataclass(frozen=True)
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
    changed: dict[int, Extra] = field(default_factory=dict)  # id(Missing) -> Extra


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
    return result


def _pair_changes(page: Page, result: InlineCode) -> None:
    """A source span missing from a block whose counterpart has a span the source lacks
    was changed into it when the two are alike (an edited identifier), or when they
    are the only two and the new one is written in another script (a translated one)."""
    extra_by_block: dict[int, list[Extra]] = {}
    for extra in result.extra:
        extra_by_block.setdefault(id(extra.block), []).append(extra)
    missing_by_block: dict[int, list[Missing]] = {}
    for missing in result.missing:
        missing_by_block.setdefault(id(missing.block), []).append(missing)
    for missing_here in missing_by_block.values():
        counterpart = page.alignment.counterpart(missing_here[0].block)
        extras = list(extra_by_block.get(id(counterpart), ()))
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
                result.changed[id(missing)] = alike
                extras.remove(alike)


def _translated(text: str) -> bool:
    return any(char.isalpha() and not char.isascii() for char in text)
