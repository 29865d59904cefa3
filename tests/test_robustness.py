"""Mangled Markdown never makes a rule raise: a seeded run over mutated fixtures."""

from __future__ import annotations

import contextlib
import random

from doclint import check_pair
from doclint.config import Config
from doclint.textfile import InputError

from .conftest import FIXTURES

PIECES = [
    "```", "~~~", "<Tip>", "</Tip>", "<!--", "-->", "[[", "]]", "[[autodoc]] X\n    - a",
    "> [!TIP]", "|", "---\n", "#", "\n", "(", ")", "[", "]", "`", "$", "\\(", "*", "\r\n",
    "<a id='x'>", "\t", "    ", "- ", "1. ", "[x](#y)", "![i](p.png)", '<hfoption id="a">',
    "(attention mask)", "두 가지", "1,750억",
]  # fmt: skip


def test_mutated_pages_lint_without_errors():
    pages = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.rglob("*.md"))]
    chooser = random.Random(20261125)
    config = Config(select=("ALL",))
    for _ in range(200):
        text = list(chooser.choice(pages))
        for _ in range(chooser.randint(1, 25)):
            position = chooser.randint(0, len(text))
            if chooser.random() < 0.5:
                text[position:position] = list(chooser.choice(PIECES))
            else:
                del text[position : position + chooser.randint(1, 40)]
        language = chooser.choice(["ko", "ja", "es", "zh", "hi", ""])
        with contextlib.suppress(InputError):  # an empty page is bad input, reported as such
            check_pair(chooser.choice(pages), "".join(text), config, language=language)
