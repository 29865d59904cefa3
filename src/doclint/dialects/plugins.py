"""markdown-it plugins the dialects share.

Each plugin adds block rules that emit tokens the document builder (``parse.py``)
turns into blocks:

- ``directive`` tokens (``meta``: ``name``, ``argument``, ``items``) for lines that
  name other content: doc-builder's ``[[autodoc]]``, includes and snippets, MDX
  ``import`` lines — compared exactly, never prose;
- ``container_<name>_open``/``_close`` (mdit-py-plugins' container) for ``:::`` and
  pymdown ``///`` blocks, and mdit-py-plugins' ``admonition_open``/``_close`` for
  ``!!!``/``???``;
- ``shortcode`` tokens (``meta``: ``name``, ``role``, ``attrs``, ``markup``) for Hugo's
  ``{{< name >}}`` and ``{{% name %}}`` on a line of their own;
- ``mdx_comment`` (``meta``: ``text``, ``closed``) and ``mdx_expression`` tokens.

Every rule here is anchored at a line start and scans forward only: linear time.
"""

from __future__ import annotations

from collections.abc import Callable

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from doclint.html import is_component

DOC_DIRECTIVE_RE = regex.compile(r"\[\[([a-z][\w-]*)\]\](?!\()[ \t]*(.*)$")
DIRECTIVE_ITEM_RE = regex.compile(r"[ \t]+-[ \t]+(\S.*)$")
INCLUDE_RE = regex.compile(r"\{\*\s*(\S.*?)\s*\*\}\s*$")  # FastAPI: {* ../x.py hl[3] *}
VITEPRESS_INCLUDE_RE = regex.compile(r"(?:<<<[ \t]+\S.*|<!--\s*@include:.*?-->)[ \t]*$")
SNIPPET_RE = regex.compile(r"(;?)--8<--[ \t]*(.*)$")  # pymdownx.snippets
IMPORT_RE = regex.compile(r"(?:import|export)\s[^\n]*$")
SHORTCODE_TAG = (
    r"\{\{(?P<open>[<%])-?\s*(?P<close>/)?\s*(?P<name>[\w./-]+)"
    r"(?P<args>(?:[^>%}]|[>%](?!\}\}))*?)\s*-?(?P<end>[>%])\}\}"
)
SHORTCODE_RE = regex.compile(SHORTCODE_TAG + r"\s*$")
SHORTCODE_INLINE_RE = regex.compile(SHORTCODE_TAG)
SHORTCODE_ARG_RE = regex.compile(
    r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|`([^`]*)`|(\S+))|"([^"]*)"|(\S+)"""
)


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _indented_code(state: StateBlock, line: int) -> bool:
    return state.sCount[line] - state.blkIndent >= 4


def _push_directive(
    state: StateBlock, start: int, end: int, name: str, argument: str, items=()
) -> None:
    token = state.push("directive", "", 0)
    token.map = [start, end]
    token.meta = {"name": name, "argument": argument, "items": list(items)}
    state.line = end


def doc_builder_directives(md: MarkdownIt) -> None:
    """``[[autodoc]] name`` with its indented ``- method`` list, ``[[open-in-colab]]``."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if _indented_code(state, start):
            return False
        match = DOC_DIRECTIVE_RE.match(_line(state, start))
        if match is None:
            return False
        if silent:
            return True
        items = []
        line = start + 1
        while line < end:
            item = DIRECTIVE_ITEM_RE.match(state.src[state.bMarks[line] : state.eMarks[line]])
            if item is None:
                break
            items.append(item.group(1).strip())
            line += 1
        _push_directive(state, start, line, match.group(1), match.group(2).strip(), items)
        return True

    md.block.ruler.before("paragraph", "doc_directive", rule, {"alt": ["paragraph"]})


def _single_line(name: str, pattern: regex.Pattern, argument: Callable) -> Callable:
    def plugin(md: MarkdownIt) -> None:
        def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
            if _indented_code(state, start):
                return False
            match = pattern.match(_line(state, start))
            if match is None:
                return False
            if not silent:
                _push_directive(state, start, start + 1, name, argument(match))
            return True

        md.block.ruler.before("paragraph", f"{name}_line", rule, {"alt": ["paragraph"]})

    return plugin


# FastAPI's ``{* ../../docs_src/x.py hl[3] *}``: the example file and the lines it shows.
fastapi_includes = _single_line("include", INCLUDE_RE, lambda match: match.group(0).strip())
# VitePress: ``<<< @/snippets/x.js#region{2}`` imports a code snippet, and
# ``<!--@include: ./parts/basics.md{3,}-->`` a Markdown file.
vitepress_includes = _single_line(
    "include", VITEPRESS_INCLUDE_RE, lambda match: match.group(0).strip()
)


def snippets(md: MarkdownIt) -> None:
    """pymdownx.snippets: ``--8<-- "file.md"``, or a block of file names between two
    ``--8<--`` lines."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if _indented_code(state, start):
            return False
        match = SNIPPET_RE.match(_line(state, start))
        if match is None or match.group(1):
            return False  # ``;--8<--`` is an escaped, literal marker
        if silent:
            return True
        argument = _line(state, start).strip()
        line = start + 1
        if not match.group(2).strip():  # block form: names until the closing marker
            names = []
            while line < end and not SNIPPET_RE.match(_line(state, line)):
                if _line(state, line).strip():
                    names.append(_line(state, line).strip())
                line += 1
            line = min(line + 1, end)
            argument = " ".join(["--8<--", *names])
        _push_directive(state, start, line, "include", argument)
        return True

    md.block.ruler.before("paragraph", "snippet", rule, {"alt": ["paragraph"]})


def mdx(md: MarkdownIt) -> None:
    """MDX: ``import``/``export`` lines, ``{/* comments */}`` and ``{expressions}`` on
    lines of their own. None of it is prose; imports are compared exactly."""

    def imports(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        # ESM is top-level only (``state.parentType`` is not reliable here: lheading
        # leaves it set to "paragraph")
        if _indented_code(state, start) or state.level or state.blkIndent:
            return False
        if IMPORT_RE.match(_line(state, start)) is None:
            return False
        if silent:
            return True
        line = start + 1
        text = _line(state, start)
        # ``import {\n  A,\n  B,\n} from '…'``: one statement over several lines
        while line < end and "from" not in text and (text.count("{") > text.count("}")):
            text += " " + _line(state, line).strip()
            line += 1
        kind = "import" if text.startswith("import") else "export"  # exports hold data
        _push_directive(state, start, line, kind, " ".join(text.split()))
        return True

    def braces(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if _indented_code(state, start):
            return False
        first = _line(state, start)
        if not first.startswith("{"):
            return False
        comment = first.startswith("{/*")
        text, line, depth = "", start, 0
        while line < end:
            current = _line(state, line)
            text += current if line == start else "\n" + current
            depth = text.count("{") - text.count("}")
            line += 1
            if depth <= 0 or (comment and "*/}" in current):
                break
        if depth > 0 and not comment:
            return False  # not a balanced expression: leave it to the other rules
        if silent:
            return True
        if comment:
            token = state.push("mdx_comment", "", 0)
            body, closed = text[3:], "*/}" in text
            token.meta = {"text": body.split("*/}", 1)[0].strip(), "closed": closed}
        else:
            token = state.push("mdx_expression", "", 0)
            token.content = text
        token.map = [start, line]
        state.line = line
        return True

    jsx_tags(components_only=False)(md)
    md.disable("code")  # MDX has no indented code: indentation is layout
    md.block.ruler.before("paragraph", "mdx_import", imports, {"alt": ["paragraph"]})
    md.block.ruler.before("html_block", "mdx_braces", braces, {"alt": ["paragraph"]})


JSX_START_RE = regex.compile(r"</?(?P<name>[A-Za-z][\w.:-]*)")
# what may follow a tag on its line: nothing, or closing tags (``<A {...p}></A>``)
CLOSING_TAGS_RE = regex.compile(r"(?<![ \t])(?:[ \t]*+</[A-Za-z][\w.:-]*+[ \t]*+>)*+[ \t]*+$")
MAX_TAG_LINES = 200


def jsx_tags(components_only: bool) -> Callable[[MarkdownIt], None]:
    """A component tag on lines of its own is an HTML block of just those lines.

    CommonMark's HTML blocks need the tag on one line, take no ``{expressions}``
    (``<Tabs\n  values={[…]}\n>``, ``<Question choices={[…]} />``, ``<Switch {fw} />``)
    and run on to the next blank line, swallowing a code fence that starts right after
    ``<pt>``. Here the tag ends the block, and what follows is Markdown again.
    ``components_only``: plain HTML tags (``<div>``) are left to CommonMark."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if _indented_code(state, start):
            return False
        src, pos = state.src, state.bMarks[start] + state.tShift[start]
        match = JSX_START_RE.match(src, pos)
        if match is None:
            return False
        component = is_component(match.group("name"))
        if components_only and not component:
            return False
        limit = state.eMarks[min(end, start + MAX_TAG_LINES) - 1]
        index, depth, quote = match.end(), 0, ""
        while index < limit:
            char = src[index]
            if quote:
                quote = "" if char == quote else quote
            elif char in "\"'`":
                quote = char
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
            elif char == ">" and depth <= 0:
                break
            index += 1
        rest = src[index + 1 : state.eMarks[_line_of(state, index, start)]] if index < limit else ""
        if index >= limit or not CLOSING_TAGS_RE.match(rest):
            return False  # unterminated, or text follows the tag on its line
        one_line = index <= state.eMarks[start] and "{" not in src[pos:index]
        if one_line and not component:
            return False  # a plain one-line HTML tag: CommonMark's rules read it
        if one_line and start + 1 < end and _indented_code(state, start + 1):
            return False  # indented content: CommonMark's HTML block keeps it markup
        line = _line_of(state, index, start)
        if silent:
            return True
        token = state.push("html_block", "", 0)
        token.map = [start, line + 1]
        token.content = state.getLines(start, line + 1, state.blkIndent, True)
        state.line = line + 1
        return True

    def plugin(md: MarkdownIt) -> None:
        md.block.ruler.before("html_block", "jsx_tag", rule, {"alt": ["paragraph"]})

    return plugin


def _line_of(state: StateBlock, offset: int, line: int) -> int:
    """The line (from ``line`` on) that holds ``offset``."""
    while state.eMarks[line] < offset:
        line += 1
    return line


def shortcode(match: regex.Match) -> dict:
    """What a shortcode tag says: name, whether it closes, its arguments, its marker."""
    attrs = []
    for index, arg in enumerate(SHORTCODE_ARG_RE.finditer(match.group("args") or "")):
        if arg.group(1):
            value = next((g for g in arg.groups()[1:5] if g is not None), "")
            attrs.append((arg.group(1), value))
        else:
            attrs.append((str(index), arg.group(6) if arg.group(6) is not None else arg.group(7)))
    return {
        "name": match.group("name"),
        "closing": bool(match.group("close")),
        "attrs": tuple(attrs),
        "markup": "{{" + match.group("open"),
    }


SHORTCODE_LINE_RE = regex.compile(rf"(?:{SHORTCODE_TAG}\s*)+$")


def shortcodes(md: MarkdownIt) -> None:
    """Hugo shortcodes on lines of their own: ``{{< name args >}}``, ``{{% /name %}}``,
    several on a line, arguments over several lines. Hugo expands shortcodes before
    Markdown, so an indented one is still a shortcode, not indented code.

    Whether a shortcode is paired is not in its syntax: one is an opening tag when its
    closing tag appears later in the page (the builder decides; this rule reads)."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        text = _line(state, start)
        if not text.startswith("{{"):
            return False
        line = start + 1
        # arguments may go on over several lines, up to the closing ``>}}``/``%}}``
        while not text.rstrip().endswith("}}") and line < min(end, start + MAX_TAG_LINES):
            text += "\n" + _line(state, line)
            line += 1
        if SHORTCODE_LINE_RE.match(text) is None:
            return False
        if silent:
            return True
        for match in SHORTCODE_INLINE_RE.finditer(text):
            token = state.push("shortcode", "", 0)
            token.map = [start + text.count("\n", 0, match.start()), line]
            token.meta = shortcode(match)
        state.line = line
        return True

    md.block.ruler.before("code", "shortcode", rule, {"alt": ["paragraph"]})


def containers(marker: str, name: str) -> Callable[[MarkdownIt], None]:
    """``:::kind …`` … ``:::`` or pymdown's ``/// kind | title`` … ``///`` blocks, any
    kind (a translated, unknown keyword must still be seen to be reported)."""

    def plugin(md: MarkdownIt) -> None:
        from mdit_py_plugins.container import container_plugin

        container_plugin(md, name, marker=marker, validate=lambda *args: True)

    return plugin


def admonitions(md: MarkdownIt) -> None:
    """Python-Markdown admonitions, ``!!! note "Title"`` and collapsible ``??? note``."""
    from mdit_py_plugins.admon import admon_plugin

    admon_plugin(md)


TAB_RE = regex.compile(r'(===[!+]?)[ \t]+"(.*)"[ \t]*$')


def tabs(md: MarkdownIt) -> None:
    """pymdownx.tabbed: ``=== "Python"`` and the content indented under it, read as an
    admonition-like component named ``tab`` whose title is the tab's label."""

    def rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        if _indented_code(state, start):
            return False
        match = TAB_RE.match(_line(state, start))
        if match is None:
            return False
        if silent:
            return True
        old_parent, old_max, old_indent = state.parentType, state.lineMax, state.blkIndent
        state.parentType = "admonition"
        state.blkIndent += 4
        line = start + 1
        while line < end:
            blank = state.bMarks[line] + state.tShift[line] >= state.eMarks[line]
            if not blank and state.sCount[line] < state.blkIndent:
                break
            line += 1
        while line - 1 > start and (
            state.bMarks[line - 1] + state.tShift[line - 1] >= state.eMarks[line - 1]
        ):
            line -= 1  # trailing blank lines belong to what follows
        state.lineMax = line
        token = state.push("admonition_open", "div", 1)
        token.markup = match.group(1)
        token.meta = {"tag": "tab"}
        token.info = f'tab "{match.group(2)}"'
        token.map = [start, line]
        state.md.block.tokenize(state, start + 1, line)
        token = state.push("admonition_close", "div", -1)
        token.markup = match.group(1)
        state.parentType, state.lineMax, state.blkIndent = old_parent, old_max, old_indent
        state.line = line
        return True

    md.block.ruler.before("paragraph", "tabbed", rule, {"alt": ["paragraph"]})
