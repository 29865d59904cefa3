"""An MDX component that is opened and never closed, or closed without being opened.

``<Tip>`` … ``</Tip>``, ``<hfoptions id="…">`` … ``</hfoptions>`` and the other
doc-builder components must pair up. A missing or misspelt closing tag
(``</tip>``, ``</hfoption>`` for ``</hfoptions>``) breaks the page build or swallows
the content that follows into the component. Components left open inside one that
is never closed are named in its finding; a closing tag that an unclosed code fence
turned into code is the fence's finding (``unclosed-code-fence``), not this one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from doclint.document import Component
from doclint.finding import Problem
from doclint.page import Page

CODE = "DL003"
NAME = "unbalanced-component"
CATEGORY = "syntax"
SEVERITY = "error"
NEEDS_SOURCE = False


def _swallowed(page: Page, opened: Component, before: int | None = None) -> bool:
    """Whether an unclosed code fence after ``opened`` (and before line ``before``) took
    its closing tag into the code: the fence is the defect, reported on its own."""
    return any(
        block.fenced
        and not block.closed
        and block.line > opened.line
        and (before is None or block.line < before)
        for block in page.translation.code_blocks
    )


def check(page: Page, options: dict) -> Iterator[Problem]:
    stack: list[Component] = []
    for tag in page.translation.components:
        if tag.role == "open":
            stack.append(tag)
        elif tag.role == "close":
            names = [opened.name for opened in stack]
            if tag.name not in names:
                same = [n for n in names if n.lower() == tag.name.lower()]
                if not same:
                    yield Problem(tag.line, f"</{tag.name}> closes no open <{tag.name}>")
                    continue
                yield Problem(
                    tag.line,
                    f"</{tag.name}> does not close <{same[-1]}>: component names are "
                    "case-sensitive",
                )
                tag = replace(tag, name=same[-1])
            while stack[-1].name != tag.name:
                inner = stack.pop()
                if _swallowed(page, inner, tag.line):
                    continue
                yield Problem(
                    inner.line,
                    f"<{inner.name}> is not closed before </{tag.name}> on line {tag.line}",
                )
            stack.pop()
    # one finding for the outermost component left open, naming those inside it
    stack = [opened for opened in stack if not _swallowed(page, opened)]
    if stack:
        outer, inner = stack[0], stack[1:]
        inside = ", ".join(f"<{tag.name}> on line {tag.line}" for tag in inner)
        yield Problem(
            outer.line,
            f"<{outer.name}> is never closed" + (f" (nor {inside} inside it)" if inside else ""),
        )
