"""Sections paired by what they contain, before blocks are aligned.

A translated heading shares nothing with its source heading once its words are
translated, so pairing headings by order alone shifts every pair after an inserted
or moved section. What a section keeps through translation tells them apart: an
explicit anchor naming the source heading, the English a translator keeps in
parentheses (``## 모델 저장 (Saving models)``), code spans, numbers and link targets
in the heading, and under it the code blocks, inline code, link targets, numbers,
components and directives, at a similar place in the page.

``pair_sections`` returns the heading pairs that this evidence settles: each is the
other's clear best match. The block alignment keeps them together (or leaves both
unpaired when the section moved), and pairs the remaining headings by order between
them. ``confirmed`` tells which aligned heading pairs rest on evidence, so a rule
never proposes a heading id taken from a heading that only happened to stand at the
same place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

from doclint.document import (
    Block,
    CodeBlock,
    Component,
    Directive,
    Document,
    Heading,
    inline_of,
)

NUMBER_RE = regex.compile(r"\d+(?:[.,]\d+)*")
IDENTIFIER_RE = regex.compile(r"[A-Za-z_][A-Za-z0-9_.]{2,}")
PARENTHESES_RE = regex.compile(r"[(（]([^()（）]*[A-Za-z][^()（）]*)[)）]")
WORD_RE = regex.compile(r"[A-Za-z][A-Za-z0-9]+")
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "in",
        "for",
        "with",
        "on",
        "by",
        "from",
        "your",
        "you",
        "how",
        "is",
        "are",
    ]
)

# A pair is settled when its content similarity reaches MIN_EVIDENCE and beats every
# other candidate of either heading by MARGIN.
MIN_EVIDENCE = 0.25
MARGIN = 0.1


@dataclass(frozen=True)
class Section:
    heading: Heading
    index: int  # among the page's headings
    position: float  # where the heading stands in the page, 0..1
    content: frozenset[str]  # what the section's blocks keep through translation
    words: frozenset[str]  # English words of the heading (in parentheses, for a translation)


def kept_content(blocks: Sequence[Block]) -> frozenset[str]:
    features: set[str] = set()
    for block in blocks:
        for inline in inline_of(block):
            features.update("`" + " ".join(span.text.split()) for span in inline.code_spans)
            features.update("->" + link.href for link in inline.links)
            features.update("#" + number for number in NUMBER_RE.findall(inline.prose))
        if isinstance(block, CodeBlock):
            features.update("=" + token for token in IDENTIFIER_RE.findall(block.content))
        elif isinstance(block, Component):
            features.add("<" + block.name)
        elif isinstance(block, Directive):
            features.add(f"[[{block.name}]] {block.argument}")
    return frozenset(features)


def _words(text: str) -> frozenset[str]:
    return frozenset(
        word.lower() for word in WORD_RE.findall(text) if word.lower() not in STOP_WORDS
    )


def sections(document: Document, translated: bool) -> list[Section]:
    """One section per heading: the heading and the blocks up to the next heading.
    Computed once per document (a source's, for each of its translations; the
    alignment's and the rules'); the list is only read."""
    kept = document.__dict__.setdefault("_sections", {})
    if translated not in kept:
        kept[translated] = _sections(document, translated)
    return kept[translated]


def _sections(document: Document, translated: bool) -> list[Section]:
    starts = [i for i, block in enumerate(document.blocks) if isinstance(block, Heading)]
    total = max(len(document.lines), 1)
    found = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(document.blocks)
        heading = document.blocks[start]
        text = heading.inline.text
        if translated:
            # English a translator keeps beside the translation; a heading left in
            # English altogether keeps all of it
            kept = " ".join(PARENTHESES_RE.findall(text))
            text = kept or text
        found.append(
            Section(
                heading,
                number,
                heading.line / total,
                kept_content(document.blocks[start:end]),
                _words(text),
            )
        )
    return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def similarity(source: Section, translation: Section) -> float:
    """How surely two sections are the same: 0 when nothing they keep is shared."""
    content = _jaccard(source.content, translation.content)
    words = _jaccard(source.words, translation.words)
    evidence = max(content, words) + 0.5 * min(content, words)
    if evidence == 0.0:
        return 0.0
    closeness = 1.0 - min(abs(source.position - translation.position), 1.0)
    level = 0.0 if source.heading.level == translation.heading.level else 0.1
    return evidence * (0.75 + 0.25 * closeness) - level


def pair_sections(
    source: Document, translation: Document, fixed: Sequence[tuple[Block, Block]] = ()
) -> list[tuple[Heading, Heading]]:
    """Heading pairs settled by content: each is the other's best match by a margin.
    ``fixed`` pairs (a translated heading whose explicit anchor names a source heading)
    are kept as they are and take no part in the matching."""
    taken_source = {block.index for block, _ in fixed}
    taken_translation = {block.index for _, block in fixed}
    src = [s for s in sections(source, False) if s.heading.index not in taken_source]
    dst = [t for t in sections(translation, True) if t.heading.index not in taken_translation]
    if not src or not dst:
        return [(s, t) for s, t in fixed if isinstance(s, Heading) and isinstance(t, Heading)]
    scores = [[similarity(s, t) for t in dst] for s in src]
    settled: list[tuple[Heading, Heading]] = list(fixed)  # type: ignore[arg-type]
    for i, row in enumerate(scores):
        j = max(range(len(dst)), key=row.__getitem__)
        best = row[j]
        if best < MIN_EVIDENCE:
            continue
        column = [scores[k][j] for k in range(len(src))]
        runner_up = max(
            [score for k, score in enumerate(row) if k != j]
            + [score for k, score in enumerate(column) if k != i],
            default=0.0,
        )
        if best - runner_up >= MARGIN:
            settled.append((src[i].heading, dst[j].heading))
    return settled


def contradicts(source: Section, translation: Section) -> bool:
    """Whether two sections cannot be the same: they keep something, and share nothing."""
    kept = source.content | translation.content
    return (
        bool(kept)
        and not (source.content & translation.content)
        and not (source.words & translation.words)
    )


def confirmed(
    pairs: Sequence[tuple[Block | None, Block | None]],
    settled: set[int],
    plausible: Callable[[Heading, Heading], bool] = lambda source, translation: True,
) -> set[int]:
    """Indices of the translated headings whose pairing rests on evidence: settled by
    content or anchor (``settled``, indices too), or paired by order between two
    settled pairs (or the page's ends) where both sides have the same headings in
    between, all paired, and none of them ``plausible`` only by place."""
    result = set()
    run: list[Block] = []
    balanced = True
    for source, translation in [*pairs, (None, None)]:
        is_heading = isinstance(source, Heading) or isinstance(translation, Heading)
        at_end = source is None and translation is None
        if at_end or (is_heading and translation is not None and translation.index in settled):
            if balanced:
                result.update(block.index for block in run)
            if not at_end:
                result.add(translation.index)
            run, balanced = [], True
        elif is_heading:
            if (
                isinstance(source, Heading)
                and isinstance(translation, Heading)
                and plausible(source, translation)
            ):
                run.append(translation)
            else:
                balanced = False  # a heading unpaired or unlike its pair: order proves nothing
    return result
