"""Aligned code blocks whose code differs.

Code is compared line by line after removing comments in the block's language
(Python, shell, YAML, TOML, JavaScript/TypeScript, Go, Rust, C-like languages,
SQL, HTML/XML; an unknown language is compared as is), trailing space and blank
lines: translating comments (``# 모델 불러오기``) is expected, changing anything else
is not. A translated string literal, a changed argument or an edited output line is
a finding — it changes what the example does or shows. So is code the source
changed after the translation was made.

The message names the first differing line with both versions. With
``--fix --fix-code`` the translated block takes the source's code, keeping the
translated comments on lines whose code did not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from doclint.codenorm import canonical_language, code_lines, strip_comments
from doclint.document import CodeBlock, Document
from doclint.finding import Edit, Problem
from doclint.page import Page
from doclint.rules._pairs import contrast, fence_opening, paired, short

CODE = "DL303"
NAME = "code-block-modified"
CATEGORY = "code"
SEVERITY = "error"
FIXABLE = True
FIX_OPT_IN = True


def _first_line(block: CodeBlock) -> int:
    return block.line + (1 if block.fenced else 0)


def check(page: Page, options: dict) -> Iterator[Problem]:
    for source, translation in paired(page, CodeBlock):
        if source.content == translation.content:
            continue  # most code is copied as is: nothing to strip or compare
        # The source's language decides how comments look in both.
        info = source.info or translation.info
        src = code_lines(source.content, info)
        dst = code_lines(translation.content, info)
        if [line.code for line in src] == [line.code for line in dst]:
            continue
        src_code, dst_code = [c.code for c in src], [c.code for c in dst]
        matcher = SequenceMatcher(None, src_code, dst_code, autojunk=False)
        changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        tag, i1, _, j1, _ = changes[0]
        first = _first_line(translation)
        line = first + dst[j1].number if j1 < len(dst) else translation.end_line
        if tag == "replace":
            before, after = contrast(src[i1].code, dst[j1].code)
            detail = f"{before!r} became {after!r}"
        elif tag == "delete":
            detail = f"the source's {short(src[i1].code, 50)!r} is missing"
        else:
            detail = f"{short(dst[j1].code, 50)!r} is not in the source"
        more = len(changes) - 1
        tail = f" (and {more} more change{'s' if more > 1 else ''})" if more else ""
        yield Problem(
            line,
            f"code differs from the source's (line {source.line}): {detail}{tail}",
            source_line=_first_line(source) + (src[i1].number if i1 < len(src) else 0),
            fix=_fix(page.translation, source, translation),
        )


def _fix(document: Document, source: CodeBlock, translation: CodeBlock) -> tuple[Edit, ...]:
    """The source's code with the translation's lines kept where their code is the same."""
    if not (translation.fenced and translation.closed and translation.end_line > translation.line):
        return ()
    fence = fence_opening(document.line_text(translation.line))
    if fence is None:
        return ()
    indent = fence[: len(fence) - len(fence.lstrip())]
    language = canonical_language(source.info or translation.info)
    src_raw = source.content.rstrip("\n").split("\n")
    dst_raw = translation.content.rstrip("\n").split("\n")
    src_keys = [line.rstrip() for line in strip_comments("\n".join(src_raw), language)]
    dst_keys = [line.rstrip() for line in strip_comments("\n".join(dst_raw), language)]
    merged: list[str] = []
    matcher = SequenceMatcher(None, src_keys, dst_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        merged.extend(dst_raw[j1:j2] if tag == "equal" else src_raw[i1:i2])
    lines = tuple(indent + line if line else line for line in merged)
    return (Edit(translation.line + 1, translation.end_line - 1, lines),)
