"""The invariants every --fix keeps, as functions the fix, corpus and fuzz tests share."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable

from markdown_it import MarkdownIt

LINK_RULES = ("broken-anchor", "broken-relative-link")


def changed_lines(before: str, after: str) -> list[int]:
    """1-based lines of ``before`` that ``after`` replaced or removed (for a pure
    insertion, the line after which it was inserted)."""
    old, new = before.split("\n"), after.split("\n")
    if len(old) == len(new):  # line for line: a diff could pair repeated lines wrongly
        return [number for number, (a, b) in enumerate(zip(old, new), 1) if a != b]
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag == "insert":
            changed.add(max(i1, 1))
        elif tag != "equal":
            changed.update(range(i1 + 1, i2 + 1))
    return sorted(changed)


def _link_key(finding: dict) -> tuple[str, str, str]:
    # "link to #x goes nowhere…", "link to 'a.md#x': …": the link, not the wording or line
    return finding["path"], finding["name"], re.split(r"[:]| goes", finding["message"])[0]


def anchor_breakage(before: Iterable[dict], after: Iterable[dict]) -> list[tuple]:
    """Links broken after a fix that were not broken before (JSON findings)."""
    old = Counter(_link_key(f) for f in before if f["name"] in LINK_RULES)
    new = Counter(_link_key(f) for f in after if f["name"] in LINK_RULES)
    return sorted((new - old).elements())


_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def token_stream(text: str, fixed_lines: set[int]) -> list[tuple]:
    """The page's markdown-it tokens without line maps, the content of leaf tokens on a
    fixed line (1-based) replaced by a marker."""
    stream = []
    for token in _PARSER.parse(text):
        content = token.content
        if token.map and token.nesting == 0:
            first, last = token.map[0] + 1, token.map[1]
            if any(first <= line <= max(first, last) for line in fixed_lines):
                content = "<fixed>"
        stream.append((token.type, token.tag, token.nesting, token.markup, token.info, content))
    return stream


def same_outside_fixes(before: str, after: str) -> bool:
    """Whether the two texts parse to the same tokens outside the lines the fix changed."""
    old_lines = set(changed_lines(before, after))
    new_lines = set(changed_lines(after, before))
    return token_stream(before, old_lines) == token_stream(after, new_lines)


def heading_or_named(before: str, changed: Iterable[int], named: set[int]) -> list[int]:
    """Changed lines that are neither an ATX heading nor a line a finding named."""
    lines = before.split("\n")
    return [
        number
        for number in changed
        if number not in named
        and not (number <= len(lines) and re.match(r" {0,3}#{1,6}(\s|$)", lines[number - 1]))
    ]
