"""An HTML comment that is never closed.

``<!--`` without ``-->`` hides the rest of the page: nothing after it renders, and no
reviewer looking at the rendered page sees that it is gone.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page

CODE = "DL006"
NAME = "unclosed-comment"
CATEGORY = "syntax"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    for comment in page.translation.comments:
        if not comment.closed:
            yield Problem(
                comment.line,
                f"'<!--' is never closed: lines {comment.line}-{comment.end_line} do not render",
            )
