"""Blocks left unpaired in the same slot of an alignment, paired after all.

Between two aligned pairs, a source code block with no counterpart and a translated
code block with no counterpart, with no heading left unpaired between them, stand
in the same place of the same section: the translation changed the example (or the
source did after the translation was made). That is one changed block, not one
missing and one extra.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from doclint.document import Block, CodeBlock, Heading


class PairLike(Protocol):
    source: Block | None
    translation: Block | None


def _code(block: Block | None) -> str | None:
    return " ".join(block.content.split()) if isinstance(block, CodeBlock) else None


def pair_slots(pairs: Sequence[PairLike]) -> list:
    """``pairs`` with each slot's lone unpaired source and translated code block paired
    — unless either has a twin with the same code left unpaired on the other side: then
    the block moved, and stays unpaired to be reported so."""
    unpaired_source = {_code(p.source) for p in pairs if p.translation is None} - {None}
    unpaired_translation = {_code(p.translation) for p in pairs if p.source is None} - {None}
    pairs = _unpair_misplaced(pairs, unpaired_source, unpaired_translation)
    unpaired_source = {_code(p.source) for p in pairs if p.translation is None} - {None}
    unpaired_translation = {_code(p.translation) for p in pairs if p.source is None} - {None}
    moved = unpaired_source & unpaired_translation
    result: list = []
    gap: list = []
    for pair in [*pairs, None]:
        if pair is not None and (pair.source is None or pair.translation is None):
            gap.append(pair)
            continue
        result.extend(_settle(gap, moved))
        gap = []
        if pair is not None:
            result.append(pair)
    return result


def _unpair_misplaced(pairs: Sequence[PairLike], source: set, translation: set) -> list:
    """Two different code blocks paired for their likeness, where one of them has an
    identical twin left unpaired on the other side: the twin is its counterpart, out
    of order (the translation reordered the examples), so the likeness proves nothing."""
    result: list = []
    for pair in pairs:
        src, dst = _code(pair.source), _code(pair.translation)
        if (
            src is not None
            and dst is not None
            and src != dst
            and (dst in source or src in translation)
        ):
            make = type(pair)
            result.extend((make(pair.source, None), make(None, pair.translation)))
        else:
            result.append(pair)
    return result


def _settle(gap: list, moved: set[str]) -> list:
    if len(gap) < 2 or any(isinstance(p.source or p.translation, Heading) for p in gap):
        return gap
    sources = [p for p in gap if isinstance(p.source, CodeBlock)]
    translations = [p for p in gap if isinstance(p.translation, CodeBlock)]
    if len(sources) != 1 or len(translations) != 1:
        return gap
    if {_code(sources[0].source), _code(translations[0].translation)} & moved:
        return gap
    make = type(gap[0])
    src_side = [p for p in gap if p.source is not None]
    dst_side = [p for p in gap if p.translation is not None]
    s, t = src_side.index(sources[0]), dst_side.index(translations[0])
    # keep both sides in order: what stands before either block, the new pair, the rest
    return [
        *src_side[:s],
        *dst_side[:t],
        make(sources[0].source, translations[0].translation),
        *src_side[s + 1 :],
        *dst_side[t + 1 :],
    ]
