"""A heading whose doc-builder anchor ``[[id]]`` is malformed.

doc-builder takes an explicit heading id from a trailing ``[[id]]``:
``## 설치[[installation]]``. It must come last in the heading, with two brackets on
each side and no spaces inside. A malformed one (``[[ installation ]]``, ``[[id]``,
``[[id]] text after``) is not recognised: it shows up as literal text in the
rendered heading, and links to ``#installation`` go nowhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.columns import trailing_anchor_column
from doclint.finding import Problem
from doclint.page import Page

CODE = "DL005"
NAME = "malformed-anchor"
CATEGORY = "syntax"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    for line, content in page.translation.malformed_anchors:
        column = trailing_anchor_column(page.translation.line_text(line))
        yield Problem(
            line,
            f"malformed heading anchor in {content.strip()!r}: expected a trailing "
            "'[[id]]' with no spaces",
            column=column,
        )
