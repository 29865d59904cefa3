"""The alignment's fast dynamic programme pairs exactly the blocks the plain one does."""

from __future__ import annotations

import random

import pytest

from doclint import align as align_module
from doclint.align import Pair, _score, _signatures, align
from doclint.config import Config
from doclint.pairing import Pairing
from doclint.parse import parse

from .conftest import FIXTURES


def reference_dp(src, dst) -> list[Pair]:
    """The full table, every cell scored, every move stored: slow and obviously right."""
    rows, cols = len(src), len(dst)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    move = [[0] * (cols + 1) for _ in range(rows + 1)]  # 0 pair, 1 skip source, 2 skip translation
    for i in range(1, rows + 1):
        move[i][0] = 1
    for j in range(1, cols + 1):
        move[0][j] = 2
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            value, step = best[i - 1][j], 1
            if best[i][j - 1] > value:
                value, step = best[i][j - 1], 2
            if src[i - 1].kind == dst[j - 1].kind:
                score = _score(src[i - 1], dst[j - 1])
                if score and best[i - 1][j - 1] + score > value:
                    value, step = best[i - 1][j - 1] + score, 0
            best[i][j], move[i][j] = value, step
    pairs, i, j = [], rows, cols
    while i or j:
        step = move[i][j]
        if step == 0:
            pairs.append(Pair(src[i - 1].block, dst[j - 1].block))
            i, j = i - 1, j - 1
        elif step == 1:
            pairs.append(Pair(src[i - 1].block, None))
            i -= 1
        else:
            pairs.append(Pair(None, dst[j - 1].block))
            j -= 1
    return pairs[::-1]


def both(source, translation, monkeypatch) -> tuple[tuple, tuple]:
    fast = align(source, translation).pairs
    with monkeypatch.context() as patch:
        patch.setattr(align_module, "_align_dp", reference_dp)
        patch.setattr(align_module, "_source_signatures", _signatures)
        slow = align(source, translation).pairs
    return fast, slow


def identity(pairs) -> list[tuple]:
    return [(id(pair.source), id(pair.translation)) for pair in pairs]


def test_same_pairs_on_real_pages(corpus, monkeypatch):
    trees = [corpus / "huggingface_hub/docs/source", corpus / "smolagents/docs/source"]
    pairs = Pairing(Config()).pairs([str(tree) for tree in trees])
    sources = {}
    compared = 0
    for pair in pairs:
        if not pair.source.is_file():
            continue
        if pair.source not in sources:  # shared, as in a run: signatures are reused
            sources[pair.source] = parse(pair.source.read_text(encoding="utf-8"))
        translation = parse(pair.translation.read_text(encoding="utf-8"))
        fast, slow = both(sources[pair.source], translation, monkeypatch)
        assert identity(fast) == identity(slow), pair.translation
        compared += 1
    assert compared > 100


def test_same_pairs_on_shuffled_pages(monkeypatch):
    """Blocks dropped, repeated and moved: many ties and gaps for the traceback."""
    pages = sorted(FIXTURES.rglob("*.md"))
    chooser = random.Random(7)
    for _ in range(150):
        text = chooser.choice(pages).read_text(encoding="utf-8")
        blocks = text.split("\n\n")
        edited = [b for b in blocks if chooser.random() > 0.3]
        for _ in range(chooser.randint(0, 4)):
            edited.insert(chooser.randrange(len(edited) + 1), chooser.choice(blocks))
        fast, slow = both(parse(text), parse("\n\n".join(edited)), monkeypatch)
        assert identity(fast) == identity(slow)


@pytest.mark.parametrize("sizes", [(0, 0), (0, 3), (3, 0)])
def test_empty_sides(sizes):
    source = parse("\n\n".join(f"Paragraph {n}." for n in range(sizes[0])))
    translation = parse("\n\n".join(f"문단 {n}." for n in range(sizes[1])))
    pairs = align(source, translation).pairs
    assert sum(p.source is not None for p in pairs) == sizes[0]
    assert sum(p.translation is not None for p in pairs) == sizes[1]
