"""Aligned code blocks whose code differs.

Code is compared line by line after removing comments in the block's language
(Python, shell and console, YAML, TOML, JSON, JavaScript/TypeScript, Go, Rust,
C-like languages, SQL, batch files, HTML/XML, Vue, Svelte and Astro with their
scripts and styles, Markdown with its front matter, and many more), trailing space
and blank lines: translating comments (``# 모델 불러오기``) is expected, changing
anything else is not. The language is the info string's (``python hl_lines="3"``,
``{.python}``, ``js [vite.config.js]``, ``vue{3-5}``, ``ts:line-numbers``,
``diff lang="js"`` all name one), in any case. An untagged block of shell commands
(``npm install -D sass``) is shell. Output, file trees and other blocks of an unknown
language keep everything but a trailing ``  # note`` or ``  // note`` and ``//``
note lines. A Mermaid diagram is compared by its structure — diagram kind,
node ids and shapes, edges, participants, styles — not its labels: a translated
label is fine, an added, dropped or rewired node or edge is a finding. A Markdown
example (``md``, ``mdx``, ``markdoc``) is compared by its markup — block markers and
container types, link targets (without their language segment), inline code, tags and
their attributes except text ones such as ``title``, ``{#id}`` attributes, front-matter
keys and the code blocks inside — not its prose, which is translated, nor the text of
its inline code, attributes and inner code where it reads as text, as in any example.

A changed argument, an edited output line or a translated identifier is a finding —
it changes what the example does. So is code the source changed after the
translation was made. A string literal that reads as text — with a space or letters
outside ASCII, or one capitalised word, not holding a URL nor a path
(``label: 'Getting started'``, ``"Hello world"``) — is a label or message a
translation may translate, as documentation sites commonly do. So is the text of
HTML, Vue or Svelte around its tags and interpolations (``<h1>Custom Layout!</h1>``,
``The count is: {{ count }}``), however the translation wraps it; the text of a
Python docstring (its ``>>>`` examples stay code), however wrapped; an unquoted YAML
value that reads as text (``title: Simple and minimal``); a remark in words in
parentheses at the end of an output line (``index.html (accessible as /)``); and an
example's locale where the source names its own (``lang: 'en'`` → ``lang: 'ko'``,
``en: {`` → ``ko: {``, ``/en/guide/`` → ``/ko/guide/``, ``lang: en-US`` →
``lang: ja-JP``). Set
``translated-strings = false`` for a project whose examples keep every string as
the source writes it. An example value the translation put in its language is
fine too: words of a string, a path, a ``<placeholder>`` or a hyphenated name the
example makes up, English in the source and of the page's language in the
translation (``'./lib-that-access-window'`` → ``'./lib-que-accede-a-window'``,
``my-logo.svg`` → ``mi-logo.svg``, ``'YOUR_APP_ID'`` → ``'DEINE_APP_ID'``,
``@layer my-reset`` → ``@layer ma-reinitialisation``, ``'world'`` → ``'мир'``);
output that follows its translated input is fine as well: in an output or
untagged block, a shell block's lines without a prompt where others have one, or a
log line (``[my-plugin] Starting long process…``), a run of English words put in
the page's language (``>>> What a`` → ``>>> 좋아! 아래와 같``);
and a name the example itself defines (a function, variable, class, CSS layer or
custom property) renamed in the page's language the same way on every line
(``function thisIsJavaScript()`` → ``function ceciEstDuJavaScript()``): the code
means the same. A name used but not defined (an API), a name renamed on some lines
only, a changed digit or sign, an added word (``name`` → ``name_v2``), English for
English (``foo`` → ``bar``), an identifier outside a string, a flag are still
findings. Set ``localized-values = false`` for a project whose policy is that code
is never translated. A block shifted as a whole (every line indented one more
space) is the same code, and in a language where indentation is not syntax
(JavaScript, HTML, Vue, shell…) so is a line indented otherwise.

The message names the first differing line with both versions. With
``--fix --fix-code`` the translated block takes the source's code, keeping the
translated comments on lines whose code did not change.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

import regex

from doclint.codenorm import (
    DIAGRAMS,
    MARKDOWN_EXAMPLES,
    MARKUP,
    CodeLine,
    block_language,
    canonical_language,
    code_lines,
    comparable_lines,
    locales_masked,
    output_lines,
    text_strings_masked,
)
from doclint.document import CodeBlock, Document
from doclint.finding import Edit, Problem
from doclint.localvalues import changed_words, localized_words, page_vocabulary, renamed
from doclint.page import Page
from doclint.rules._pairs import before_unclosed_fence, contrast, fence_opening, paired, short

CODE = "DL303"
NAME = "code-block-modified"
CATEGORY = "code"
SEVERITY = "error"
FIXABLE = True
FIX_OPT_IN = True
OPTIONS = {"translated-strings": True, "localized-values": True}


def _first_line(block: CodeBlock) -> int:
    return block.line + (1 if block.fenced else 0)


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    for source, translation in paired(page, CodeBlock):
        if source.content == translation.content:
            continue  # most code is copied as is: nothing to strip or compare
        # The source's language decides how comments look in both.
        info = source.info or translation.info
        language = canonical_language(info)
        diagram = language in DIAGRAMS
        structural = diagram or language in MARKDOWN_EXAMPLES
        src = code_lines(source.content, info)
        dst = code_lines(translation.content, info)
        src_code, dst_code = [c.code for c in src], [c.code for c in dst]
        if src_code == dst_code:
            continue
        if options["translated-strings"] and not diagram:
            # A Markdown example's markup keeps its inline code, attributes and inner
            # code blocks, whose strings are labels like any example's.
            language = block_language(source.content, info)
            markup = not structural and language in MARKUP
            src, src_code = _masked(src, markup, language)
            dst, dst_code = _masked(dst, markup, language)
            if src_code == dst_code:
                continue
        if options["localized-values"] and not diagram:
            language = block_language(source.content, info)
            dst_code = _values_localized(src, dst, src_code, dst_code, page, language)
            if src_code == dst_code:
                continue
            dst_code = renamed(src_code, dst_code, language, page.language, page_vocabulary(page))
            if src_code == dst_code:
                continue
        # a diagram or Markdown example is compared by structure but shown as written
        shown = (lambda line: line.raw.strip()) if structural else (lambda line: line.code)
        matcher = SequenceMatcher(None, src_code, dst_code, autojunk=False)
        changes = [op for op in matcher.get_opcodes() if op[0] != "equal"]
        tag, i1, j1 = _first_shown(changes, src, dst, shown)
        first = _first_line(translation)
        line = first + dst[j1].number if j1 < len(dst) else translation.end_line
        if tag == "replace":
            before, after = shown(src[i1]), shown(dst[j1])
            if before == after:  # a Markdown example's line read with the lines it joins
                before, after = src[i1].code, dst[j1].code
            before, after = contrast(before, after)
            detail = f"{before!r} became {after!r}"
        elif tag == "delete":
            detail = f"the source's {short(shown(src[i1]), 50)!r} is missing"
        else:
            detail = f"{short(shown(dst[j1]), 50)!r} is not in the source"
        more = len(changes) - 1
        tail = f" (and {more} more change{'s' if more > 1 else ''})" if more else ""
        what = "diagram structure" if diagram else "code"
        yield Problem(
            line,
            f"{what} differs from the source's (line {source.line}): {detail}{tail}",
            source_line=_first_line(source) + (src[i1].number if i1 < len(src) else 0),
            fix=_fix(page.translation, source, translation),
        )


def _first_shown(changes: list, src: list, dst: list, shown) -> tuple[str, int, int]:
    """The first change as shown to the reader (its kind and where it starts on each
    side): lines compared apart from their text (rewrapped, masked) may read alike."""
    for tag, i1, i2, j1, j2 in changes:
        if tag != "replace":
            return tag, i1, j1
        for i, j in zip(range(i1, i2), range(j1, j2)):
            if shown(src[i]) != shown(dst[j]):
                return tag, i, j
        if i2 - i1 != j2 - j1:  # the lines one side has more of
            shorter = min(i2 - i1, j2 - j1)
            return ("delete" if i2 - i1 > j2 - j1 else "insert"), i1 + shorter, j1 + shorter
    tag, i1, _, j1, _ = changes[0]
    return tag, i1, j1


def _values_localized(
    src: list[CodeLine],
    dst: list[CodeLine],
    src_code: list[str],
    dst_code: list[str],
    page: Page,
    language: str,
) -> list[str]:
    """The translation's lines (``dst_code``, as compared) with each whose example
    values alone were localized taken as the source's line: the words of all such
    lines of the block are judged together (more words, a surer language). A line is
    judged as compared, else as written (a value masked as text on one side only).
    In output, a line's text is a value too (it follows the translated input); such
    text is judged apart, so that it never vouches for a changed value of code."""
    src_output = output_lines([line.code for line in src], language)
    dst_output = output_lines([line.code for line in dst], language)
    matcher = SequenceMatcher(None, src_code, dst_code, autojunk=False)
    # values, then output text: the lines of each, the source's words, the translation's
    groups: tuple[tuple[list, list, list], ...] = (([], [], []), ([], [], []))
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 != j2 - j1:
            continue
        for i, j in zip(range(i1, i2), range(j1, j2)):
            for output in (False, True) if src_output[i] and dst_output[j] else (False,):
                words = changed_words(
                    src_code[i], dst_code[j], language=language, output=output
                ) or changed_words(src[i].code, dst[j].code, language=language, output=output)
                if words is not None:
                    pairs, old, new = groups[output]
                    pairs.append((i, j))
                    old += words[0]
                    new += words[1]
                    break
    localized = list(dst_code)
    vocabulary = page_vocabulary(page)
    for output, (pairs, old, new) in enumerate(groups):
        if output and len(old) < 2:
            continue  # a name renamed, not a run of text translated
        if pairs and localized_words(old, new, page.language, vocabulary):
            for i, j in pairs:
                localized[j] = src_code[i]
    return localized


def _masked(lines: list[CodeLine], markup: bool, language: str) -> tuple[list[CodeLine], list[str]]:
    """The lines with their text masked; a run of text lines is one (a translation
    wraps its text where it likes)."""
    kept: list[CodeLine] = []
    masked: list[str] = []
    docstring = ""  # the quotes of the Python docstring being read
    for line in lines:
        shown, docstring = _docstring_masked(line.code, docstring, language)
        if shown is None:
            continue
        code = locales_masked(text_strings_masked(shown, markup, language))
        if code == "…" and masked and masked[-1] == "…":
            continue
        kept.append(line)
        masked.append(code)
    return kept, masked


def _docstring_masked(code: str, quotes: str, language: str) -> tuple[str | None, str]:
    """A line of Python with the text of a docstring (a tool's description, a
    function's help) masked, however the translation wraps it: the quotes around an
    ellipsis where it opens, None for its other lines of text and its closing quotes;
    and the quotes still open after the line."""
    if language not in ("python", "pycon"):
        return code, ""
    if quotes:
        end = code.find(quotes)
        if end < 0:  # its text goes, an example in it stays: ``>>> run()``
            return (code if DOCTEST_RE.match(code) else None), quotes
        rest = code[end + 3 :]
        return (rest if rest.strip() else None), ""
    for mark in ('"""', "'''"):
        count = code.count(mark)
        if not count:
            continue
        start = code.find(mark) + 3
        end = code.find(mark, start) if count > 1 else -1
        text = code[start:] if end < 0 else code[start:end]
        if not TEXT_WORDS_RE.search(text):
            return code, mark if count % 2 else ""
        rest = "" if end < 0 else code[end + 3 :]
        return code[:start] + "…" + mark + rest, mark if count % 2 else ""
    return code, ""


DOCTEST_RE = regex.compile(r"^\s*+(?:>>>|\.\.\.)(?:\s|$)")
TEXT_WORDS_RE = regex.compile(r"\p{L}[ \t]++\p{L}|[^\x00-\x7f]")


def _fix(document: Document, source: CodeBlock, translation: CodeBlock) -> tuple[Edit, ...]:
    """The source's code with the translation's lines kept where their code is the same."""
    if not (translation.fenced and translation.closed and translation.end_line > translation.line):
        return ()
    fence = fence_opening(document.line_text(translation.line))
    if fence is None:
        return ()
    indent = fence[: len(fence) - len(fence.lstrip())]
    language = block_language(source.content, source.info or translation.info)
    src_raw = _content_lines(source.content)
    dst_raw = _content_lines(translation.content)
    if not dst_raw:
        return ()  # nowhere to put the code without a line range to replace
    src_keys = [line.rstrip() for line in comparable_lines("\n".join(src_raw), language)]
    dst_keys = [line.rstrip() for line in comparable_lines("\n".join(dst_raw), language)]
    merged = _merge(src_raw, dst_raw, src_keys, dst_keys)
    info = source.info or translation.info
    if [c.code for c in code_lines("\n".join(merged), info)] != [
        c.code for c in code_lines("\n".join(src_raw), info)
    ]:
        # Kept lines that only matched line by line (a Markdown example's prose
        # around a changed link) would leave the change: take the source's block.
        merged = src_raw
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
