"""The document model: what the parser gives rules, with 1-based line numbers."""

from __future__ import annotations

from doclint.document import (
    MASK,
    Callout,
    CodeBlock,
    Comment,
    Component,
    Directive,
    FrontMatter,
    Heading,
    Paragraph,
    Table,
)
from doclint.parse import build_parser, parse

PAGE = """\
---
title: Tour
---
<!--Copyright 2024 The Team.

Licensed under the Apache License.
-->

# Quick `AutoModel`s tour[[quick-tour]]

Load [`AutoModel`] with `from_pretrained` and read [the docs](https://example.org/docs#x).
Visit https://example.org/raw too. ![A cat](cat.png)

<Tip warning={true}>

Careful here.

</Tip>

<Youtube id="abc"
/>

```py
# comment
print("hi")
```

    indented code

| a | b | c |
| --- | --- | --- |
| 1 | 2 | 3 |
| 4 | 5 | 6 |

- item one
- item two
  1. nested

> [!WARNING]
> Mind the gap.

[[autodoc]] AutoModel
    - from_pretrained
    - save_pretrained

[[open-in-colab]]

<a id="target"></a>
"""


def blocks(kind, text=PAGE):
    return [block for block in parse(text).blocks if isinstance(block, kind)]


def test_parser_is_built_once():
    assert build_parser() is build_parser()


def test_front_matter_and_licence_comment_are_not_prose():
    (front,) = blocks(FrontMatter)
    assert (front.line, front.end_line) == (1, 3)
    assert front.content.strip() == "title: Tour"
    (comment,) = [c for c in blocks(Comment)]
    assert (comment.line, comment.end_line) == (4, 7)
    assert "Licensed" in comment.text
    assert not any("Licensed" in p.inline.text for p in blocks(Paragraph))


def test_heading_anchor_text_and_pieces():
    heading = blocks(Heading)[0]
    assert heading.line == 9 and heading.level == 1
    assert heading.anchor == "quick-tour"
    assert heading.inline.text == "Quick AutoModels tour"
    assert heading.inline.pieces == ("Quick ", "AutoModel", "s tour")


def test_inline_code_links_api_links_and_masked_prose():
    paragraph = blocks(Paragraph)[0]
    inline = paragraph.inline
    assert paragraph.line == 11 and paragraph.end_line == 12
    assert [span.text for span in inline.code_spans] == ["AutoModel", "from_pretrained"]
    assert [link.name for link in inline.api_links] == ["AutoModel"]
    assert [(link.href, link.text, link.line, link.image) for link in inline.links] == [
        ("https://example.org/docs#x", "the docs", 11, False),
        ("cat.png", "A cat", 12, True),
    ]
    assert inline.links[0].fragment == "x"
    assert "from_pretrained" not in inline.prose and "https" not in inline.prose
    assert inline.prose.count(MASK) == 3
    assert "the docs" in inline.prose and "A cat" in inline.prose


def test_components_including_multi_line_tags():
    components = blocks(Component)
    assert [(c.name, c.role, c.line) for c in components] == [
        ("Tip", "open", 14),
        ("Tip", "close", 18),
        ("Youtube", "self", 20),
    ]
    assert components[0].attrs == (("warning", "{true}"),)
    careful = [p for p in blocks(Paragraph) if p.inline.text == "Careful here."]
    assert careful and careful[0].context == ("component:Tip",)
    assert not any("Youtube" in p.inline.text for p in blocks(Paragraph))


def test_code_blocks():
    fenced, indented = blocks(CodeBlock)
    assert (fenced.line, fenced.end_line, fenced.language, fenced.fenced) == (23, 26, "py", True)
    assert fenced.content == '# comment\nprint("hi")\n'
    assert fenced.closed
    assert (indented.line, indented.fenced, indented.content) == (28, False, "indented code\n")


def test_table_shape():
    (table,) = blocks(Table)
    assert table.line == 30
    assert table.columns == 3 and len(table.rows) == 2
    assert [cell.text for cell in table.rows[1]] == ["4", "5", "6"]


def test_lists_and_callouts():
    document = parse(PAGE)
    assert [(lst.line, lst.items, lst.ordered, lst.depth) for lst in document.lists] == [
        (37, 1, True, 1),
        (35, 2, False, 0),
    ]
    (callout,) = blocks(Callout)
    assert callout.name == "WARNING" and callout.line == 39
    mind = [p for p in blocks(Paragraph) if "Mind the gap" in p.inline.text]
    assert mind[0].inline.text == "Mind the gap." and mind[0].context == ("blockquote",)


def test_directives():
    autodoc, colab = blocks(Directive)
    assert (autodoc.name, autodoc.argument, autodoc.items) == (
        "autodoc",
        "AutoModel",
        ("from_pretrained", "save_pretrained"),
    )
    assert (autodoc.line, autodoc.end_line) == (42, 44)
    assert (colab.name, colab.line) == ("open-in-colab", 46)


def test_html_anchors():
    assert [(a.name, a.line) for a in parse(PAGE).html_anchors] == [("target", 48)]


def test_component_tags_swallowed_by_a_paragraph_still_count():
    text = "<hfoptions id='x'>\n<hfoption id='a'>\n\nSome text\n</hfoption>\n</hfoptions>\n"
    names = [(c.name, c.role, c.line) for c in parse(text).components]
    assert names == [
        ("hfoptions", "open", 1),
        ("hfoption", "open", 2),
        ("hfoption", "close", 5),
        ("hfoptions", "close", 6),
    ]


def test_text_inside_an_html_block_is_parsed_as_markdown_with_real_lines():
    text = "# T\n\n<Tip>\nA **tip** with `code`.\n</Tip>\n"
    (paragraph,) = blocks(Paragraph, text)
    assert paragraph.line == 4 and paragraph.inline.text == "A tip with code."
    assert paragraph.context == ("component:Tip",)


def test_placeholders_in_capitals_are_not_components():
    text = "Set the key:\n\n<YOUR-API-KEY>\n\nDone.\n"
    assert parse(text).components == []


def test_anchor_with_code_span_inside():
    (heading,) = blocks(Heading, "## Step `x`[[step-`x`]]\n")
    assert heading.anchor == "step-`x`" and heading.inline.text == "Step x"
    assert parse("## Step `x`[[step-`x`]]\n").malformed_anchors == ()


def test_malformed_anchors_are_recorded():
    text = "## A[[ a ]]\n\n## B[b]]\n\n## C[[c]] tail\n\n## D[[d]]\n"
    assert [line for line, _ in parse(text).malformed_anchors] == [1, 3, 5]


def test_unclosed_fence_and_comment():
    document = parse("# T\n\n```py\ncode\n\n<!-- open\n")
    (code,) = document.code_blocks
    assert not code.closed
    document = parse("# T\n\n<!-- never closed\n\ntext\n")
    (comment,) = document.comments
    assert not comment.closed and comment.line == 3


def test_html_links_are_links_in_paragraphs_and_html_blocks():
    from doclint.links import document_links

    document = parse(
        'Read <a href="https://x.org/a">the <b>docs</b></a> and <a id="top"></a>.\n'
        "\n"
        '<p align="center">\n'
        '  <a href="#usage"><img src="logo.png"></a>\n'
        "</p>\n"
    )
    links = document_links(document)
    assert [(link.href, link.line) for link in links] == [
        ("https://x.org/a", 1),
        ("#usage", 4),
    ]
    assert links[0].text == "the docs"


def test_a_component_whose_expressions_nest_deeply_is_one_tag():
    # a list of annotations holding ``<span style={{ … }}>``: braces four deep, and code
    # in a template literal whose generics are no tags
    text = (
        "<Legend\n"
        "  code={`class Counter extends Notifier<Result> {}`}\n"
        "  annotations={[{ offset: 6, description: <>\n\n"
        "<span style={{ color: colors[0] }}>Notifier</span> type\n\n"
        "</> }]}\n"
        "/>\n"
    )
    document = parse(text, "page.mdx", dialect="docusaurus")
    components = [(block.name, block.role) for block in document.components]
    assert components == [("Legend", "self")]


# A page touching every way the parser adds a block: front matter, a heading, a callout
# and its text, inline shortcodes around a paragraph, a component tag closed at once
# (one block for two tags), HTML whose text is parsed again, indented "code" that is
# HTML, MDX comments and expressions, containers, admonitions and directives.
EVERY_KIND = """\
---
title: Every kind
---

# Heading {#heading}

> [!NOTE]
> A callout.

{{< tab >}}Text in a tab.{{< /tab >}}

<Video src="a.mp4"></Video>

<div>

Inside *HTML*.

</div>

    <p>indented HTML</p>

{/* a comment */}

{frontMatter.title}

:::tip[Title]
In a container.
:::

!!! note "Admonition"
    Its text.

[[autodoc]] Model
    - forward

<!-- comment --> <span>html</span>

| a |
| - |
| 1 |

```py
code()
```
"""


def test_each_block_knows_its_place_in_the_document():
    for dialect in ("doc-builder", "docusaurus", "gfm", "hugo", "mkdocs", "starlight", "vitepress"):
        document = parse(EVERY_KIND, dialect=dialect)
        assert [block.index for block in document.blocks] == list(range(len(document.blocks)))
        assert len({block.kind for block in document.blocks}) >= 7, dialect


def test_place_in_the_document_does_not_make_blocks_differ():
    # two tags alike on one line are equal, as they were before blocks had an index:
    # messages count "the 2nd component" by equality
    first, second = parse("{{< br >}}{{< br >}}\n", dialect="hugo").components
    assert (first.index, second.index) == (0, 1)
    assert first == second and hash(first) == hash(second)
