"""An inline code span of the source that the aligned translated block does not have.

Inline code — ``from_pretrained``, ``pip install``, ``[`AutoModel`]`` auto-links — names
things in the code and must survive translation exactly. A span is looked for in the
aligned translated block and in translated blocks around it that have no source
counterpart (a paragraph split in two), whitespace-normalised. A span whose text is
still there without backticks is reported too: it lost its formatting (and, for
``[`Name`]``, its link to the API reference).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import code_spans, normal_space, short, with_inline

CODE = "DL305"
NAME = "inline-code-missing"
CATEGORY = "code"
SEVERITY = "warning"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, window in with_inline(page):
        if not any(inline.code_spans for inline in inline_of(source)):
            continue  # most blocks have no inline code: their window is never read
        present = code_spans(window)
        reported: set[str] = set()
        plain = None
        for inline in inline_of(source):
            for span in inline.code_spans:
                wanted = normal_space(span.text)
                if not wanted or wanted in present or wanted in reported:
                    continue
                reported.add(wanted)
                if plain is None:
                    plain = " ".join(normal_space(i.text) for b in window for i in inline_of(b))
                hint = " (its text is there without backticks)" if wanted in plain else ""
                yield Problem(
                    page.alignment.counterpart(source).line,
                    f"inline code `{short(wanted, 50)}` of the source (line {span.line}) is not "
                    f"in the translation{hint}",
                    source_line=span.line,
                )
