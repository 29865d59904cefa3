"""An inline code span of the translation that the aligned source block does not have.

Often harmless (a translator formatting a term as code), sometimes a sign of a
changed identifier or of code the source has since removed. Information only. A
span that replaced a span of the aligned source block is reported once, as changed,
by ``inline-code-missing``.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._inline_code import inline_code
from doclint.rules._pairs import short

CODE = "DL306"
NAME = "inline-code-extra"
CATEGORY = "code"
SEVERITY = "info"


def check(page: Page, options: dict) -> Iterator[Problem]:
    analysis = inline_code(page)
    replacing = {id(extra) for extra in analysis.changed.values()}
    for extra in analysis.extra:
        if id(extra) in replacing:
            continue  # reported by inline-code-missing, as the span it replaced
        yield Problem(
            extra.span.line,
            f"inline code `{short(extra.text, 50)}` is not in the source",
            column=extra.column,
        )
