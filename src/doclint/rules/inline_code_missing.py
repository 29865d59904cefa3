"""An inline code span of the source that the aligned translated block does not have.

Inline code — ``from_pretrained``, ``pip install``, ``[`AutoModel`]`` auto-links — names
things in the code and must survive translation exactly. A span is looked for in the
aligned translated block and in translated blocks around it that have no source
counterpart (a paragraph split in two), whitespace-normalised. A span whose text is
still there without backticks is reported too: it lost its formatting (and, for
``[`Name`]``, its link to the API reference). A span the aligned translated block
has in its place (a translated or edited identifier) is one finding: "`X` became
`Y`", at the new span. A span an example's localisation changed is not reported:
text to read (``Hello - Custom Suffix``, the words of ``<h1>text</h1>``) translated,
a locale that became the reader's (``en`` → ``ko``), an anchor that became its
translated heading's (``#使用自定义锚点``, or an id the translation's headings have),
and, with ``localized-values`` (the default), an example value put in the page's
language: English words of a path, a placeholder or a name replaced by the page's
(``my-theme/config`` → ``mi-tema/config``, ``Ctrl+Space`` → ``Ctrl+Espacio``,
``<lines>`` → ``<linhas>``) — not an identifier (``from_pretrained``), a flag, an
anchor, a changed digit or an added word. Set ``localized-values = false`` for a
project that never translates code.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._inline_code import inline_code
from doclint.rules._pairs import normal_space, short

CODE = "DL305"
NAME = "inline-code-missing"
CATEGORY = "code"
SEVERITY = "warning"
OPTIONS = {"localized-values": True}


def check(page: Page, options: dict) -> Iterator[Problem]:
    analysis = inline_code(page)
    plain_of: dict[int, str] = {}
    for missing in analysis.missing:
        if missing in analysis.localized:
            continue  # the translation's localised example
        if options["localized-values"] and missing in analysis.localized_values:
            continue
        span = missing.span
        changed = analysis.changed.get(missing)
        if changed is not None:
            yield Problem(
                changed.span.line,
                f"inline code `{short(missing.text, 50)}` of the source (line {span.line}) "
                f"became `{short(changed.text, 50)}`",
                column=changed.column,
                source_line=span.line,
            )
            continue
        if missing.block.index not in plain_of:
            window = page.alignment.section(missing.block)
            plain_of[missing.block.index] = " ".join(
                normal_space(i.text) for b in window for i in inline_of(b)
            )
        hint = (
            " (its text is there without backticks)"
            if missing.text in plain_of[missing.block.index]
            else ""
        )
        yield Problem(
            page.alignment.counterpart(missing.block).line,
            f"inline code `{short(missing.text, 50)}` of the source (line {span.line}) is not "
            f"in the translation{hint}",
            source_line=span.line,
        )
