"""An inline code span of the translation that the aligned source block does not have.

Often harmless (a translator formatting a term as code), sometimes a sign of a
changed identifier or of code the source has since removed. Information only.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import code_spans, normal_space, short, with_inline

CODE = "DL306"
NAME = "inline-code-extra"
CATEGORY = "code"
SEVERITY = "info"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for translation, window in with_inline(page, from_source=False):
        present = code_spans(window)
        reported: set[str] = set()
        for inline in inline_of(translation):
            for span in inline.code_spans:
                found = normal_space(span.text)
                if found and found not in present and found not in reported:
                    reported.add(found)
                    column = page.translation.line_text(span.line).find(span.text) + 1 or 1
                    yield Problem(
                        span.line,
                        f"inline code `{short(found, 50)}` is not in the source",
                        column=column,
                    )
