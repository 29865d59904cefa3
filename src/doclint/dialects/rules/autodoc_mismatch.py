"""``[[autodoc]]`` directives that differ from the source's.

``[[autodoc]] name`` and its ``- method`` list generate the API reference from the
code's docstrings; they are not prose. A translated, dropped or reordered method
name removes that method from the translated reference (or breaks the build).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Directive
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._directives import compare_directives

CODE = "DL307"
NAME = "autodoc-mismatch"
CATEGORY = "code"
SEVERITY = "error"


def _text(directive: Directive) -> str:
    items = f" - {', '.join(directive.items)}" if directive.items else ""
    return f"[[autodoc]] {directive.argument}{items}"


def check(page: Page, options: dict) -> Iterator[Problem]:
    yield from compare_directives(page, frozenset({"autodoc"}), _text)
