"""Front matter that is not valid YAML.

The block between the opening and closing ``---`` lines is YAML. Translators
sometimes translate a key, drop a quote around a value containing a colon, or
break indentation; the page's metadata (title, description) is then lost or the
build fails.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import FrontMatter
from doclint.finding import Problem
from doclint.page import Page
from doclint.yamlfile import safe_load

CODE = "DL004"
NAME = "invalid-front-matter"
CATEGORY = "syntax"
SEVERITY = "error"
NEEDS_SOURCE = False


def check(page: Page, options: dict) -> Iterator[Problem]:
    for block in page.translation.of_kind(FrontMatter):
        import yaml

        try:
            safe_load(block.content)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            # content starts on the line after the opening ---
            line = block.line + 1 + mark.line if mark else block.line
            problem = getattr(error, "problem", None) or "cannot be parsed"
            yield Problem(min(line, block.end_line), f"front matter is not valid YAML: {problem}")
