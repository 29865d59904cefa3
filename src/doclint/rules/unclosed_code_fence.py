"""A fenced code block that is never closed.

An unclosed fence turns everything after it, to the end of the page, into code: the
rest of the translation renders as one grey block. It usually comes from a dropped
or mistyped closing fence (three backticks where the opening had four, a tilde for a
backtick, or a fence indented differently inside a list).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page

CODE = "DL002"
NAME = "unclosed-code-fence"
CATEGORY = "syntax"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    for block in page.translation.code_blocks:
        if block.fenced and not block.closed:
            yield Problem(
                block.line,
                f"code fence opened here is never closed: lines {block.line}-{block.end_line} "
                "render as code",
                end_line=block.line,
            )
