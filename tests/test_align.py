"""Alignment pairs blocks by kind and untranslatable content, not by index."""

from __future__ import annotations

from doclint.align import align
from doclint.document import CodeBlock, Heading, Paragraph
from doclint.parse import parse

SOURCE = """\
# Title

Intro with `alpha` and a [link](https://example.org/a).

```python
first()
```

## Second

Text that mentions 42 things.

```python
second()
```

## Third

```python
third()
```
"""


def kinds(pairs):
    return [
        (p.source.kind if p.source else None, p.translation.kind if p.translation else None)
        for p in pairs
    ]


def test_identical_documents_pair_one_to_one():
    pairs = align(parse(SOURCE), parse(SOURCE)).pairs
    assert all(p.source is not None and p.translation is not None for p in pairs)
    assert [p.source.line for p in pairs] == [p.translation.line for p in pairs]


def test_dropped_code_block_is_unpaired_and_the_rest_still_pair():
    translation = SOURCE.replace("```python\nsecond()\n```\n", "")
    alignment = align(parse(SOURCE), parse(translation))
    unpaired = [p for p in alignment.pairs if p.translation is None]
    assert len(unpaired) == 1 and isinstance(unpaired[0].source, CodeBlock)
    assert unpaired[0].source.content == "second()\n"
    third = [
        p
        for p in alignment.pairs
        if isinstance(p.source, CodeBlock) and "third" in p.source.content
    ]
    assert third[0].translation is not None and "third" in third[0].translation.content


def test_inserted_note_does_not_shift_later_pairs():
    translation = SOURCE.replace("## Second\n", "## 둘째\n\n번역자 주: 추가된 문단입니다.\n")
    alignment = align(parse(SOURCE), parse(translation))
    inserted = [p for p in alignment.pairs if p.source is None]
    assert len(inserted) == 1 and "번역자" in inserted[0].translation.inline.text
    mentions = [
        p
        for p in alignment.pairs
        if isinstance(p.source, Paragraph) and "42" in p.source.inline.text
    ]
    assert mentions and mentions[0].translation is not None
    assert "42" in mentions[0].translation.inline.text


def test_headings_pair_by_anchor_even_when_reordered_neighbours_differ():
    source = "## One\n\n## Two\n\n## Three\n"
    translation = "## 하나[[one]]\n\n## 셋[[three]]\n"
    alignment = align(parse(source), parse(translation))
    pairs = [
        (
            p.source.inline.text if p.source else None,
            p.translation.anchor if p.translation else None,
        )
        for p in alignment.pairs
    ]
    assert pairs == [("One", "one"), ("Two", None), ("Three", "three")]


def test_counterpart_lookup_both_ways():
    source, translation = parse(SOURCE), parse(SOURCE.replace("Title", "제목"))
    alignment = align(source, translation)
    heading = translation.headings[0]
    assert alignment.counterpart(heading) is source.headings[0]
    assert alignment.counterpart(source.headings[0]) is heading


def test_components_only_pair_with_the_same_component():
    source = "<Tip>\n\nA\n\n</Tip>\n\n<Youtube id='x'/>\n"
    translation = "<Youtube id='x'/>\n"
    pairs = align(parse(source), parse(translation)).pairs
    paired = [p for p in pairs if p.source and p.translation]
    assert [p.source.name for p in paired] == ["Youtube"]


def test_every_block_appears_exactly_once():
    source, translation = parse(SOURCE), parse("# 제목\n\n```python\nthird()\n```\n\n새 문단.\n")
    pairs = align(source, translation).pairs
    assert [p.source for p in pairs if p.source] == list(source.blocks)
    assert [p.translation for p in pairs if p.translation] == list(translation.blocks)
    assert isinstance(pairs[0].source, Heading)


def test_a_translated_anchor_names_its_source_heading_unless_it_is_copied():
    source = "## One\n\n## Two\n\n## Three\n"
    # the translator's anchors say which heading is which, whatever the order
    translation = "## 셋[[three]]\n\n## 하나[[one]]\n"
    pairs = align(parse(source), parse(translation)).pairs
    paired = {
        (p.source.inline.text, p.translation.anchor) for p in pairs if p.source and p.translation
    }
    assert paired <= {("One", "one"), ("Three", "three")}
    # a copied anchor proves nothing: both headings may still pair by position
    copied = "## 하나[[one]]\n\n## 둘[[one]]\n\n## 셋[[one]]\n"
    pairs = align(parse(source), parse(copied)).pairs
    assert all(p.source and p.translation for p in pairs)


def test_a_block_is_found_on_its_own_side_though_indices_repeat_across_pages():
    source = parse("# Title\n\n```py\nrun()\n```\n")
    translation = parse("# 제목\n\n번역자 주: 추가된 문단.\n\n```py\nrun()\n```\n")
    alignment = align(source, translation)
    added, code = translation.blocks[1], source.blocks[1]  # both at index 1
    assert alignment.counterpart(added) is None
    assert alignment.counterpart(code) is translation.blocks[2]
    assert alignment.translation_of[code.index] is translation.blocks[2]
    assert alignment.source_of[added.index] is None
    assert alignment.window(added) == [] and alignment.previous_line(added) == 1
    assert alignment.section(code) == list(translation.blocks)
    assert alignment.counterpart(parse("# Title\n").blocks[0]) is None  # neither page's
