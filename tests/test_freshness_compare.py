"""Comparing two versions of a source page as a reader sees them (no git needed)."""

from __future__ import annotations

from doclint.freshness import best_match, renders_same, section_changes
from doclint.parse import parse

BASE = """# Guide

Some **bold** text
wrapped over two lines.

* one
* two

Setext
------

```py
x = 1
```
"""


def doc(text: str):
    return parse(text, "page.md")


def test_markdown_that_renders_the_same_is_the_same():
    same = """Guide
=====

Some __bold__ text wrapped over two lines.

- one
- two

## Setext

```py
x = 1
```
"""
    same = same.replace("x = 1", "x = 1   ")  # trailing spaces in code
    assert renders_same(doc(BASE), doc(same))


def test_a_comment_that_moves_later_blocks_down_changes_nothing_seen():
    # the HTML and the directive stand one block further down: their place is not content
    tail = "\n\n<div>x</div>\n\n[[open-in-colab]]\n"
    assert renders_same(doc(BASE + tail), doc(BASE + "\n<!-- note -->" + tail))


def test_visible_changes_are_not_the_same():
    for changed in (
        BASE.replace("x = 1", "x = 2"),
        BASE.replace("Some", "Any"),
        BASE.replace("------", "------\n\nNew paragraph."),
        BASE.replace("```py", "```python"),
    ):
        assert not renders_same(doc(BASE), doc(changed)), changed


def test_sections_added_removed_and_changed():
    current = BASE.replace("x = 1", "x = 2").replace("# Guide", "# Guide\n\n## Start\n\nGo.")
    changes = section_changes(doc(BASE), doc(current), "doc-builder")
    assert changes.added == ("## Start",)
    assert changes.changed == ("## Setext",)
    assert section_changes(doc(current), doc(BASE), "doc-builder").removed == ("## Start",)


def test_an_older_version_is_chosen_only_when_clearly_better():
    old = "# A\n\n```py\nold()\n```\n"
    new = old + "\n## B\n\n```py\nb()\n```\n\n## C\n\n```py\nc()\n```\n"
    translated = "# 가\n\n```py\nold()\n```\n"
    assert best_match(translated, [new, old]) == 1
    assert best_match(translated + "\n## 나\n\n```py\nb()\n```\n", [new, old]) == 0
