"""A number of the source block that the aligned translated block does not have.

Numbers are compared by value, not spelling: ``1,000`` is ``1000``, and ``175 billion``
is ``1,750억`` (Korean 만/억/조), ``1750億`` (Japanese 万/億/兆) or ``1750亿`` (Chinese
万/亿). Versions (``2.0.1``) compare as text. Numbers in code, URLs and link targets
are left to the code and link rules, and ordinals (``1st``) are skipped since they
are usually translated as words.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.numbers import numbers, value_set
from doclint.page import Page
from doclint.rules._pairs import with_inline

CODE = "DL701"
NAME = "number-mismatch"
CATEGORY = "number"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, window in with_inline(page):
        found = [(inline, numbers(inline.prose)) for inline in inline_of(source)]
        if not any(wanted for _, wanted in found):
            continue  # most blocks hold no number: their window is never read
        present = set().union(*(value_set(i.prose) for b in window for i in inline_of(b)))
        reported: set[str] = set()
        for inline, wanted in found:
            for number in wanted:
                if number.matches(present) or number.text in reported:
                    continue
                reported.add(number.text)
                line = inline.line + inline.prose.count("\n", 0, number.start)
                yield Problem(
                    page.alignment.counterpart(source).line,
                    f"number {number.text.strip()!r} of the source (line {line}) is not in "
                    "the translation",
                    source_line=line,
                )
