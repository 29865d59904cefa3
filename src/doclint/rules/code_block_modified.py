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
    src_raw = _content_lines(source.content)
    dst_raw = _content_lines(translation.content)
    if not dst_raw:
        return ()  # nowhere to put the code without a line range to replace
    src_keys = [line.rstrip() for line in strip_comments("\n".join(src_raw), language)]
    dst_keys = [line.rstrip() for line in strip_comments("\n".join(dst_raw), language)]
    merged = _merge(src_raw, dst_raw, src_keys, dst_keys)
    lines = tuple(indent + line if line else line for line in merged)
    return (Edit(translation.line + 1, translation.end_line - 1, lines),)


def _content_lines(content: str) -> list[str]:
    """The block's lines, blank ones at the end included (they are part of the page)."""
    return content[:-1].split("\n") if content.endswith("\n") else content.split("\n")


def _merge(
    src_raw: list[str], dst_raw: list[str], src_keys: list[str], dst_keys: list[str]
) -> list[str]:
    """The source's code with the translation's lines kept where their code is the same.

    Blank lines are not compared (the rule ignores them): every blank line of the
    translation stays, after the line it followed.
    """
    src_at = [i for i, line in enumerate(src_raw) if line.strip()]
    dst_at = [j for j, line in enumerate(dst_raw) if line.strip()]
    if not dst_at:
        return (
            dst_raw + [src_raw[i] for i in range(src_at[0], src_at[-1] + 1)] if src_at else dst_raw
        )

    def blanks_after(j: int) -> list[str]:
        end = dst_at[j + 1] if j + 1 < len(dst_at) else len(dst_raw)
        return dst_raw[dst_at[j] + 1 : end]

    merged = dst_raw[: dst_at[0]]
    matcher = SequenceMatcher(
        None, [src_keys[i] for i in src_at], [dst_keys[j] for j in dst_at], autojunk=False
    )
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for j in range(j1, j2):
                merged += [dst_raw[dst_at[j]], *blanks_after(j)]
            continue
        if i2 > i1:
            merged += src_raw[src_at[i1] : src_at[i2 - 1] + 1]
        for j in range(j1, j2):
            merged += blanks_after(j)
    return merged
