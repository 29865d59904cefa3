"""Aligned code blocks whose language (info string) differs.

The language drives syntax highlighting and, on some sites, copy buttons and
runnable examples. Common aliases are the same language (``py`` and ``python``,
``sh`` and ``bash``, ``yml`` and ``yaml``). A translation that names the language of a
block the source left unnamed only adds highlighting: that is not reported.

With ``--fix --fix-code`` the translated fence takes the source's info string.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.codenorm import canonical_language
from doclint.document import CodeBlock
from doclint.finding import Edit, Problem
from doclint.page import Page
from doclint.rules._pairs import fence_opening, paired

CODE = "DL304"
NAME = "code-language-mismatch"
CATEGORY = "code"
SEVERITY = "warning"
FIXABLE = True
FIX_OPT_IN = True


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, translation in paired(page, CodeBlock):
        if not (source.fenced and translation.fenced) or not source.info.strip():
            continue
        if canonical_language(source.info) == canonical_language(translation.info):
            continue
        fence = fence_opening(page.translation.line_text(translation.line))
        fix = (Edit(translation.line, translation.line, (fence + source.info,)),) if fence else ()
        yield Problem(
            translation.line,
            f"code block language is {translation.info or 'unset'!r}, the source's "
            f"(line {source.line}) is {source.info or 'unset'!r}",
            source_line=source.line,
            fix=fix,
        )
