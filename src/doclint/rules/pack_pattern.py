"""A match of a ``patterns`` entry of an enabled rule pack.

Packs (``packs = ["ko"]``) carry regular-expression checks that need no Python:
each has an id, a message, a severity and a scope — ``prose`` (paragraphs, list
items, table cells, with code and URLs masked), ``headings``, or ``code`` (code
blocks and inline code). A pack with a ``language`` only applies to pages of that
language. The finding's message starts with the pattern's id.

A pattern that runs longer than ``timeout`` seconds on one piece of a page (a
pattern that backtracks badly) is stopped and reported on that piece, and the page
is checked on.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import CodeBlock, Heading, Paragraph, Table, inline_of
from doclint.finding import Problem
from doclint.packs import Pattern
from doclint.page import Page

CODE = "DL008"
NAME = "pack-pattern"
CATEGORY = "syntax"
SEVERITY = "warning"
NEEDS_SOURCE = False
OPTIONS = {"timeout": 2.0}


def _texts(page: Page, scope: str) -> Iterator[tuple[int, str]]:
    """(first line, text) for each piece of the page the scope covers."""
    for block in page.translation.blocks:
        if scope == "code":
            if isinstance(block, CodeBlock):
                yield block.line + (1 if block.fenced else 0), block.content
            for inline in inline_of(block):
                for span in inline.code_spans:
                    yield span.line, span.text
        elif scope == "headings" and isinstance(block, Heading):
            yield block.line, block.inline.prose
        elif scope == "prose" and isinstance(block, (Paragraph, Table)):
            for inline in inline_of(block):
                yield inline.line, inline.prose


def _problem(
    page: Page, pattern: Pattern, line: int, text: str, start: int, matched: str
) -> Problem:
    line += text.count("\n", 0, start)
    column = page.translation.line_text(line).find(matched.split("\n")[0]) + 1 or 1
    return Problem(
        line, f"{pattern.id}: {pattern.message}", column=column, severity=pattern.severity
    )


def check(page: Page, options: dict) -> Iterator[Problem]:
    timeout = float(options["timeout"])
    for pack in page.active_packs:
        for pattern in pack.patterns:
            for line, text in _texts(page, pattern.scope):
                try:
                    matches = list(pattern.regex.finditer(text, timeout=timeout))
                except TimeoutError:
                    yield Problem(
                        line,
                        f"{pattern.id}: pattern of pack {pack.id!r} ran over {timeout:g}s "
                        "on this text and was stopped; the text is not checked by it",
                        severity="warning",
                    )
                    continue
                for match in matches:
                    yield _problem(page, pattern, line, text, match.start(), match.group(0))
