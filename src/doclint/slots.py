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


def pair_slots(pairs: Sequence[PairLike]) -> list:
    """``pairs`` with each slot's lone unpaired source and translated code block paired."""
    result: list = []
    gap: list = []
    for pair in [*pairs, None]:
        if pair is not None and (pair.source is None or pair.translation is None):
            gap.append(pair)
            continue
        result.extend(_settle(gap))
        gap = []
        if pair is not None:
            result.append(pair)
    return result


def _settle(gap: list) -> list:
    if len(gap) < 2 or any(isinstance(p.source or p.translation, Heading) for p in gap):
        return gap
    sources = [p for p in gap if isinstance(p.source, CodeBlock)]
    translations = [p for p in gap if isinstance(p.translation, CodeBlock)]
    if len(sources) != 1 or len(translations) != 1:
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
