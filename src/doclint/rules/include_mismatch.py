"""An include, snippet or import that differs from the source's.

Includes pull other files into the page: FastAPI's ``{* ../../docs_src/x.py hl[3] *}``,
pymdown's ``--8<-- "file.md"``, MDX ``import Tabs from '@theme/Tabs'``. They are not
prose: a translation keeps them exactly. A changed path shows another example (or
breaks the build), changed options highlight other lines, a dropped one loses the
example, and a dropped import breaks every component that needed it.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Directive
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._directives import compare_directives

CODE = "DL308"
NAME = "include-mismatch"
CATEGORY = "code"
SEVERITY = "error"

NAMES = frozenset({"include", "import"})


def _text(directive: Directive) -> str:
    return directive.argument  # the whole statement, as the page writes it


def check(page: Page, options: dict) -> Iterator[Problem]:
    yield from compare_directives(page, NAMES, _text)
