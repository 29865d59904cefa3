"""An MDX component that is opened and never closed, or closed without being opened.

``<Tip>`` … ``</Tip>``, ``<hfoptions id="…">`` … ``</hfoptions>`` and the other
doc-builder components must pair up. A missing or misspelt closing tag
(``</tip>``, ``</hfoption>`` for ``</hfoptions>``) breaks the page build or swallows
the content that follows into the component.
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
                yield Problem(
                    inner.line,
                    f"<{inner.name}> is not closed before </{tag.name}> on line {tag.line}",
                )
            stack.pop()
    for opened in stack:
        yield Problem(opened.line, f"<{opened.name}> is never closed")
