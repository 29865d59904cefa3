"""Block alignment between a source page and its translation.

Translations insert notes, drop blocks and move things, so blocks are not zipped by
index. The two block sequences are aligned by dynamic programming (global alignment
with free gaps) where only blocks of the same kind may pair, and a pair scores higher
the more of its untranslatable content signature it shares: normalised code tokens,
heading ids, component names and attributes, directive targets, link targets, inline
code and numbers. Prose is never compared: it is the part that is translated.
"""

from __future__ import annotations

import copy
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate

import regex

from doclint.codenorm import MARKUP, block_language, code_lines, text_strings_masked
from doclint.document import (
    Block,
    Callout,
    CodeBlock,
    Comment,
    Component,
    Directive,
    Document,
    FrontMatter,
    Heading,
    Html,
    Table,
    inline_of,
)
from doclint.sections import pair_sections
from doclint.slots import pair_slots
from doclint.slug import heading_ids

NUMBER_RE = regex.compile(r"\d+(?:[.,]\d+)*")
CODE_TOKEN_RE = regex.compile(r"[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)*|\S")
SPACES_RE = regex.compile(r"\s+")
MIN_CODE_SIMILARITY = 0.3


# The side of a page pair a block is on, where one map holds blocks of both sides:
# such a map is keyed by ``(side, block.index)``, a SideIndex.
SOURCE, TRANSLATION = 0, 1
SideIndex = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Pair:
    source: Block | None
    translation: Block | None


@dataclass(frozen=True)
class Alignment:
    pairs: tuple[Pair, ...]
    # Heading pairs that content or an explicit anchor settled before alignment; a
    # settled pair that is not among ``pairs`` is a section that moved.
    settled: tuple[tuple[Heading, Heading], ...] = ()

    @cached_property
    def source_of(self) -> dict[int, Block | None]:
        """Source counterpart keyed by the index of each translated block."""
        return {pair.translation.index: pair.source for pair in self.pairs if pair.translation}

    @cached_property
    def translation_of(self) -> dict[int, Block | None]:
        """Translated counterpart keyed by the index of each source block."""
        return {pair.source.index: pair.translation for pair in self.pairs if pair.source}

    def counterpart(self, block: Block) -> Block | None:
        """The aligned block on the other side, whichever side ``block`` is from."""
        place = self._place(block)
        if place is None:
            return None
        index, from_source = place
        return self.pairs[index].translation if from_source else self.pairs[index].source

    @cached_property
    def _position(self) -> dict[SideIndex, int]:
        """The pair holding each block, keyed by ``(side, block.index)``."""
        position = {}
        for index, pair in enumerate(self.pairs):
            if pair.source is not None:
                position[SOURCE, pair.source.index] = index
            if pair.translation is not None:
                position[TRANSLATION, pair.translation.index] = index
        return position

    def _place(self, block: Block) -> tuple[int, bool] | None:
        """The pair holding ``block`` and whether it is the pair's source block; None for
        a block of neither page. A block's index alone does not tell its side."""
        index = self._position.get((SOURCE, block.index))
        if index is not None and self.pairs[index].source is block:
            return index, True
        index = self._position.get((TRANSLATION, block.index))
        if index is not None and self.pairs[index].translation is block:
            return index, False
        return None

    def _placed(self, block: Block) -> tuple[int, bool]:
        place = self._place(block)
        if place is None:
            raise KeyError(f"block at line {block.line} is in neither aligned page")
        return place

    def window(self, block: Block) -> list[Block]:
        """The other side's blocks that may hold ``block``'s content: its counterpart and
        the unpaired blocks right around it (a paragraph split in two, a merged one)."""
        index, from_source = self._placed(block)
        other = (lambda pair: pair.translation) if from_source else (lambda pair: pair.source)
        mine = (lambda pair: pair.source) if from_source else (lambda pair: pair.translation)
        found: list[Block] = []
        start = index
        while start > 0 and mine(self.pairs[start - 1]) is None:
            start -= 1
        end = index
        while end + 1 < len(self.pairs) and mine(self.pairs[end + 1]) is None:
            end += 1
        for pair in self.pairs[start : end + 1]:
            if other(pair) is not None:
                found.append(other(pair))
        return found

    def section(self, block: Block) -> list[Block]:
        """The other side's blocks of the section holding ``block``'s counterpart: from
        the counterpart of the heading above ``block`` to the next heading. Content that
        a translation moved between paragraphs, split or merged is still found there.
        Falls back to ``window`` when the heading above has no counterpart."""
        index, from_source = self._placed(block)
        key = (SOURCE if from_source else TRANSLATION, block.index)
        if key not in self._sections:
            self._sections[key] = self._section(block, index, from_source)
        return self._sections[key]

    @cached_property
    def _sections(self) -> dict[SideIndex, list[Block]]:
        return {}

    def _section(self, block: Block, index: int, from_source: bool) -> list[Block]:
        starts, ends = self._bounds[from_source]
        start, end = starts[index], ends[index]
        pair = self.pairs[start]
        mine, other = (
            (pair.source, pair.translation) if from_source else (pair.translation, pair.source)
        )
        if isinstance(mine, Heading) and other is None:
            return self.window(block)
        # the blocks of one section share their list (as a block's rules share it)
        key = (from_source, start, end)
        if key not in self._section_lists:
            side = 1 if from_source else 0
            self._section_lists[key] = [
                found
                for found in (
                    (pair.source, pair.translation)[side] for pair in self.pairs[start:end]
                )
                if found is not None
            ]
        return self._section_lists[key]

    @cached_property
    def _section_lists(self) -> dict[tuple[bool, int, int], list[Block]]:
        return {}

    @cached_property
    def _bounds(self) -> dict[bool, tuple[list[int], list[int]]]:
        """For each side and each pair: where the section holding its block starts (the
        nearest heading of that side at or above it, else the top) and ends (the next
        heading of the other side below it, else the bottom)."""
        bounds = {}
        for from_source in (True, False):
            mine = [pair.source if from_source else pair.translation for pair in self.pairs]
            other = [pair.translation if from_source else pair.source for pair in self.pairs]
            starts, start = [], 0
            for index, block in enumerate(mine):
                if isinstance(block, Heading):
                    start = index
                starts.append(start)
            ends, end = [0] * len(self.pairs), len(self.pairs)
            for index in range(len(self.pairs) - 1, -1, -1):
                ends[index] = end
                if isinstance(other[index], Heading):
                    end = index
            bounds[from_source] = (starts, ends)
        return bounds

    def previous_line(self, block: Block) -> int:
        """For a block with no counterpart: the line of the other side's block just
        before where it would stand (1 at the top)."""
        index, from_source = self._placed(block)
        for pair in reversed(self.pairs[:index]):
            other = pair.translation if from_source else pair.source
            if other is not None:
                return other.end_line
        return 1


def _features(block: Block, block_id: str | None) -> frozenset[str]:
    """What a block keeps through translation, as comparable strings."""
    features: set[str] = set()
    for inline in inline_of(block):
        features.update("`" + SPACES_RE.sub(" ", span.text.strip()) for span in inline.code_spans)
        features.update("->" + link.href for link in inline.links)
        features.update("#" + number for number in NUMBER_RE.findall(inline.prose))
    if block_id:
        features.add("@" + block_id)
    if isinstance(block, CodeBlock):
        features.update(_code_tokens(block.content, block.info))
    elif isinstance(block, (Component, Directive, Callout)):
        features.add(f"{block.kind}:{getattr(block, 'name', '')}")
        if isinstance(block, Component):
            # the link of a card, the id of a video: what tells one of a list from another
            features.update(f"={key}:{value}" for key, value in block.attrs if "/" in value)
    return frozenset(features)


# Most code blocks of a translation are its source's, as is: tokenize each text once.
@lru_cache(maxsize=4096)
def _code_tokens(content: str, info: str) -> frozenset[str]:
    """What the comparison keeps of code: not comments, not strings that read as text,
    not the prose of a Markdown example — so a translated example still pairs."""
    markup = block_language(content, info) in MARKUP
    kept = " ".join(text_strings_masked(line.code, markup) for line in code_lines(content, info))
    return frozenset(CODE_TOKEN_RE.findall(kept))


def _strict_key(block: Block) -> tuple | None:
    """Blocks that may only pair with blocks of the same key (other kinds pair freely)."""
    if isinstance(block, Component):
        # whether a shortcode is paired shows only in the page: ``{{% tab %}}`` whose
        # closing tag a translation dropped is still the source's opening tag
        role = "open" if block.markup.startswith("{{") and block.role == "self" else block.role
        return (block.name, role)
    if isinstance(block, Directive):
        # an [[autodoc]] documents one object: another object is another directive
        return (block.name, block.argument) if block.name == "autodoc" else (block.name,)
    if isinstance(block, Callout):
        return (block.name,)
    return None


def _exact(block: Block) -> str | None:
    if isinstance(block, CodeBlock):
        return SPACES_RE.sub(" ", block.content).strip()
    if isinstance(block, Component):
        return repr(block.attrs)
    if isinstance(block, Directive):
        return block.argument + "|" + "|".join(block.items)
    if isinstance(block, (Comment, Html, FrontMatter)):
        return SPACES_RE.sub(
            " ",
            getattr(block, "text", "")
            or getattr(block, "raw", "")
            or getattr(block, "content", ""),
        )
    if isinstance(block, Table):
        return f"{block.columns}x{len(block.rows)}"
    return None


class _Signature:
    __slots__ = (
        "block",
        "claims",
        "context",
        "exact",
        "features",
        "id",
        "kind",
        "level",
        "partner",
        "strict",
    )

    def __init__(self, block: Block, block_id: str | None) -> None:
        self.block = block
        self.id = block_id
        self.claims: str | None = None  # a source heading's id this heading's [[anchor]] names
        self.partner: Block | None = None  # the heading its section's content settled it with
        self.kind = block.kind
        self.strict = _strict_key(block)
        self.features = _features(block, block_id)
        self.exact = _exact(block)
        self.level = block.level if isinstance(block, Heading) else 0
        self.context = block.context


def _score(source: _Signature, translation: _Signature) -> float:
    """How well two blocks pair; 0 means they may not."""
    if source.kind != translation.kind or source.strict != translation.strict:
        return 0.0
    if translation.claims is not None and translation.claims != source.id:
        return 0.0  # ``## 설정[[configure]]`` is the source's "Configure", no other heading
    score = 1.0
    if source.partner is not None or translation.partner is not None:
        if source.partner is not translation.block:
            return 0.0  # either heading's section is settled with another one
        score += 5.0
    if source.exact is not None and source.exact == translation.exact:
        score += 4.0
    # |A ∩ B| / |A ∪ B| without building either set: this runs for most pairs of blocks
    mine, theirs = source.features, translation.features
    shared = 0 if not mine or not theirs or mine.isdisjoint(theirs) else len(mine & theirs)
    union = len(mine) + len(theirs) - shared
    similarity = shared / union if union else 0.0
    if source.kind == "code" and score == 1.0 and similarity < MIN_CODE_SIMILARITY:
        # Two unrelated examples are a missing one and an extra one, not one changed.
        return 0.0
    score += 3.0 * similarity
    if source.level != translation.level:
        score -= 0.5
    if source.context == translation.context:
        score += 0.2
    return score


def _signatures(document: Document, slug_style: str) -> list[_Signature]:
    headings = document.headings
    ids = {h.index: found for h, found in zip(headings, heading_ids(headings, slug_style))}
    return [_Signature(block, ids.get(block.index)) for block in document.blocks]


def _source_signatures(document: Document, slug_style: str) -> list[_Signature]:
    """A source page's signatures, computed once however many translations it has (they
    are only read: ``claims`` is set on translated headings)."""
    kept = document.__dict__.setdefault("_alignment_signatures", {})
    if slug_style not in kept:
        kept[slug_style] = _signatures(document, slug_style)
    return kept[slug_style]


def align(source: Document, translation: Document, slug_style: str = "doc-builder") -> Alignment:
    """Align two documents' blocks; every block appears in exactly one pair."""
    # the source's signatures are shared by its translations: each alignment settles
    # partners on copies of its own (see ``_settle_sections``)
    src = list(_source_signatures(source, slug_style))
    dst = _signatures(translation, slug_style)
    # A translated heading's [[anchor]] names its source heading — when that anchor is
    # a source id and no other translated heading repeats it (a copied anchor proves
    # nothing).
    source_ids = {signature.id for signature in src if signature.id}
    anchors = Counter(getattr(signature.block, "anchor", None) for signature in dst)
    for signature in dst:
        anchor = getattr(signature.block, "anchor", None)
        if anchor in source_ids and anchors[anchor] == 1:
            signature.claims = anchor
    settled = _settle_sections(source, translation, src, dst)
    # Identical leading and trailing runs (licence header, shared code) need no DP.
    head = 0
    while head < min(len(src), len(dst)) and _identical(src[head], dst[head]):
        head += 1
    tail = 0
    while tail < min(len(src), len(dst)) - head and _identical(
        src[len(src) - 1 - tail], dst[len(dst) - 1 - tail]
    ):
        tail += 1
    middle = pair_slots(_align_dp(src[head : len(src) - tail], dst[head : len(dst) - tail]))
    pairs = [Pair(s.block, t.block) for s, t in zip(src[:head], dst[:head])]
    pairs.extend(middle)
    pairs.extend(
        Pair(s.block, t.block) for s, t in zip(src[len(src) - tail :], dst[len(dst) - tail :])
    )
    return Alignment(tuple(pairs), tuple(settled))


def _settle_sections(
    source: Document, translation: Document, src: list[_Signature], dst: list[_Signature]
) -> list[tuple[Heading, Heading]]:
    """Mark the heading pairs that an anchor or the sections' content settles."""
    by_id: dict[str, list[_Signature]] = {}
    for signature in src:
        if signature.id:
            by_id.setdefault(signature.id, []).append(signature)
    fixed = [
        (by_id[signature.claims][0].block, signature.block)
        for signature in dst
        if signature.claims is not None and len(by_id[signature.claims]) == 1
    ]
    settled = pair_sections(source, translation, fixed)
    # one signature per block, in order: a block's index is its signature's
    for source_heading, translated_heading in settled:
        index = source_heading.index
        src[index] = copy.copy(src[index])  # the shared signature stays unsettled
        src[index].partner = translated_heading
        dst[translated_heading.index].partner = source_heading
    return settled


def _identical(source: _Signature, translation: _Signature) -> bool:
    return (
        source.exact is not None
        and source.kind == translation.kind
        and source.exact == translation.exact
        and source.strict == translation.strict
    )


# Above this many cells the DP keeps to a band around the diagonal: a page of thousands
# of blocks would otherwise take minutes and gigabytes.
MAX_CELLS = 1_000_000


def _align_dp(src: list[_Signature], dst: list[_Signature]) -> list[Pair]:
    """The highest-scoring alignment; on ties, skipping a source block beats skipping a
    translated one, which beats pairing them.

    Row by row, ``best[i][j]`` is the running maximum over ``j`` of what reaching
    ``(i, j)`` from the row above gives, so each row is one C-level ``accumulate``
    after a pass over the blocks of the source block's kind only, whose scores
    ``_score_rows`` gives; the moves are worked out again only along the path traced
    back."""
    rows, cols = len(src), len(dst)
    if rows * cols > MAX_CELLS:
        return _align_banded(src, dst)
    # best[i][j]: best total score aligning src[:i] with dst[:j]
    best = [[0.0] * (cols + 1)]
    columns: dict[str, list[int]] = {}
    for j, translation in enumerate(dst, 1):
        columns.setdefault(translation.kind, []).append(j)
    scores = _score_rows(src, dst, columns)
    for source, row in zip(src, scores):
        previous = best[-1]
        reached = previous[:]
        # a zero score (no pair) never wins: ``previous`` grows along the row
        for j in columns.get(source.kind, ()):
            value = previous[j - 1] + row[j]
            if value > reached[j]:
                reached[j] = value
        best.append(list(accumulate(reached, max)))

    def step_at(i: int, j: int) -> int:
        if not (i and j):
            return 1 if i else 2
        value, step = best[i - 1][j], 1
        if best[i][j - 1] > value:
            value, step = best[i][j - 1], 2
        score = scores[i - 1][j]
        if score and best[i - 1][j - 1] + score > value:
            step = 0
        return step

    return _traced(src, dst, step_at)


def _score_rows(
    src: list[_Signature], dst: list[_Signature], columns: dict[str, list[int]]
) -> list[list[float]]:
    """``_score`` of every source block against every translated one, as one row per
    source block (index 0 unused, 0.0 where the kinds differ).

    Most pairs share no feature and no exact text; their score depends on the source
    block only through its kind, key, id, partner, level and context, so one row is
    computed per such class of source blocks (a stand-in without features) and shared;
    only the translated blocks that share a feature or the exact text with a source
    block are scored against it on their own."""
    by_feature: dict[str, list[int]] = {}
    by_exact: dict[str, list[int]] = {}
    for j, translation in enumerate(dst, 1):
        for feature in translation.features:
            by_feature.setdefault(feature, []).append(j)
        if translation.exact is not None:
            by_exact.setdefault(translation.exact, []).append(j)
    claimed = any(translation.claims is not None for translation in dst)
    empty = [0.0] * (len(dst) + 1)
    shared: dict[tuple, list[float]] = {}
    rows = []
    for source in src:
        kind = source.kind
        key = (
            kind,
            source.strict,
            source.id if claimed else None,
            None if source.partner is None else source.partner.index,
            source.level,
            source.context,
        )
        row = shared.get(key)
        if row is None:
            plain = _Signature.__new__(_Signature)
            for name in ("kind", "strict", "id", "partner", "level", "context", "block"):
                setattr(plain, name, getattr(source, name))
            plain.features, plain.exact, plain.claims = frozenset(), None, None
            row = empty[:]
            for j in columns.get(kind, ()):
                row[j] = _score(plain, dst[j - 1])
            shared[key] = row
        special = {j for feature in source.features for j in by_feature.get(feature, ())}
        if source.exact is not None:
            special.update(by_exact.get(source.exact, ()))
        special = [j for j in special if dst[j - 1].kind == kind]
        if special:
            row = row[:]
            for j in special:
                row[j] = _score(source, dst[j - 1])
        rows.append(row)
    return rows


def _traced(src: list[_Signature], dst: list[_Signature], step_at) -> list[Pair]:
    """The pairs of the path back from the table's last cell, each move as ``step_at``
    says: 0 pair the two blocks, 1 skip the source's, 2 skip the translation's."""
    pairs: list[Pair] = []
    i, j = len(src), len(dst)
    while i or j:
        step = step_at(i, j)
        if step == 0:
            pairs.append(Pair(src[i - 1].block, dst[j - 1].block))
            i, j = i - 1, j - 1
        elif step == 1:
            pairs.append(Pair(src[i - 1].block, None))
            i -= 1
        else:
            pairs.append(Pair(None, dst[j - 1].block))
            j -= 1
    pairs.reverse()
    return pairs


def _align_banded(src: list[_Signature], dst: list[_Signature]) -> list[Pair]:
    """The same DP over the cells near the diagonal only (translations keep the order
    of their source, so the best path stays near it): linear in the page's length."""
    rows, cols = len(src), len(dst)
    width = max(MAX_CELLS // (2 * rows), 2 * -(-cols // rows) + 2)
    low = [max(0, i * cols // rows - width) for i in range(rows + 1)]
    high = [min(cols, i * cols // rows + width) for i in range(rows + 1)]
    high[rows] = cols
    unreachable = float("-inf")
    best: list[list[float]] = []
    move: list[list[int]] = []
    for i in range(rows + 1):
        lo = low[i]
        values = [unreachable] * (high[i] - lo + 1)
        steps = [2] * len(values)
        before, before_lo = (best[i - 1], low[i - 1]) if i else ([], 0)

        def above(j: int, before=before, before_lo=before_lo) -> float:
            k = j - before_lo
            return before[k] if 0 <= k < len(before) else unreachable

        source = src[i - 1] if i else None
        for j in range(lo, high[i] + 1):
            if i == 0 or j == 0:
                values[j - lo], steps[j - lo] = 0.0, (2 if i == 0 else 1)
                continue
            value, step = above(j), 1
            if j - 1 >= lo and values[j - 1 - lo] > value:
                value, step = values[j - 1 - lo], 2
            translation = dst[j - 1]
            diagonal = above(j - 1)
            if source.kind == translation.kind and diagonal > unreachable:
                score = _score(source, translation)
                if score and diagonal + score > value:
                    value, step = diagonal + score, 0
            values[j - lo], steps[j - lo] = value, step
        best.append(values)
        move.append(steps)
    return _traced(src, dst, lambda i, j: move[i][j - low[i]])
