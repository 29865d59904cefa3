"""Where on its line a flagged construct starts, from the line's own text.

Inline tokens carry no columns, and ``line.find(text)`` finds the first occurrence of
the text anywhere on the line — inside an earlier word, link or span. These look for
the construct itself (a code span between backticks, a link target after ``](``), and
for its ``nth`` occurrence when the line has the same one twice.
"""

from __future__ import annotations

import regex

CODE_SPAN_RE = regex.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
TRAILING_ANCHOR_RE = regex.compile(r"\[?\[[^\[\]]*\]\]?\s*(?:#+\s*)?$")


def code_span_column(line: str, text: str, nth: int = 0) -> int:
    """1-based column of the opening backtick of the ``nth`` code span holding ``text``
    (whitespace-normalised); 1 where the line does not show it (a span over lines)."""
    found = [
        match.start() + 1
        for match in CODE_SPAN_RE.finditer(line)
        if " ".join(match.group(2).split()) == text
    ]
    if nth < len(found):
        return found[nth]
    return line.find(text) + 1 or 1


def link_column(line: str, href: str, nth: int = 0) -> int:
    """1-based column where the ``nth`` link to ``href`` on ``line`` writes its target:
    ``[text](href)``, ``<href>``, ``href="href"``; 1 where the line does not show it."""
    escaped = regex.escape(href)
    pattern = regex.compile(
        rf"(?:\]\(\s*<?|<|\b(?:href|src)\s*=\s*[\"']?)(?P<href>{escaped})(?=[\s)>\"'])"
    )
    found = [match.start("href") + 1 for match in pattern.finditer(line + " ")]
    if nth < len(found):
        return found[nth]
    return line.find(href) + 1 or 1


def trailing_anchor_column(line: str) -> int:
    """1-based column of a heading's trailing ``[[…]]`` group, well-formed or not."""
    match = TRAILING_ANCHOR_RE.search(line)
    return match.start() + 1 if match else (line.find("[") + 1 or 1)
