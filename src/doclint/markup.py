"""A Markdown example (a ``md``, ``mdx`` or ``markdoc`` code block) as it is compared.

Documentation about writing documentation shows Markdown in code blocks, and its
translation rightly translates the example's prose ("Text can be **bold**" becomes
"Text kann **fett** sein"). What must not change is the markup the example teaches:
block markers (headings, lists, quotes, tables, containers such as ``::: tip`` and
``:::note``), link and image targets, inline code, tags and their attributes (but
not those that are text to read, such as ``title``), ``{…}`` attributes and
expressions (``{#my-anchor}``), front-matter keys and code blocks inside the example.
Each line is reduced to those, in order; a line of prose alone reduces to nothing.
Link targets are compared with their language segment removed, as a translated docs
tree links its own pages (``/de/getting-started/`` for ``/getting-started/``).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from doclint.html import parse_attrs
from doclint.urls import subdomain_language, unlocalised

# Attributes whose value is text for a reader, translated with the prose around it.
PROSE_ATTRIBUTES = frozenset(
    {"title", "label", "alt", "description", "caption", "aria-label", "placeholder", "text"}
)
LINK_ATTRIBUTES = frozenset({"href", "src", "link"})
BLOCK_MARKER_RE = regex.compile(
    r"^\s*(?:#{1,6}(?=\s|$)|>+|[-*+](?=\s)|\d+[.)](?=\s)|(?::{3,}|!{3}|\?{3}\+?|/{3,}|={3})"
    r"[ \t]*[\w-]*|-{3,}\s*$|\*{3,}\s*$)"
)
FENCE_RE = regex.compile(r"^\s*(`{3,}|~{3,})\s*(.*)$")
FRONT_MATTER_KEY_RE = regex.compile(r"^(\s*(?:-\s+)?[\w.-]+:)")
TOKEN_RE = regex.compile(
    r"(?<!`)(?P<code>`++)(?P<code_text>[^`]+)(?P=code)(?!`)"
    r"|\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+\"[^\"]*\")?\)"
    r"|\]\[(?P<reference>[^\]]*)\]"
    r"|^\s*\[(?P<footnote>\^[^\]]+)\]:"
    r"|^\s*\[(?P<definition>[^\]]+)\]:\s*(?P<definition_target>\S+)"
    r"|\[!(?P<callout>\w+)\]"
    r"|(?P<tag></?[A-Za-z][\w.:-]*(?:\s[^<>]*?)?/?>)"
    r"|(?P<markdoc>\{%[^%{}\n]*+%\})"
    r"|(?P<braces>\{[^{}\n]*\})"
    r"|(?P<pipe>\|)"
)
# Braces around words alone (``{{ This will be displayed as-is }}``) hold text to read.
PROSE_EXPRESSION_RE = regex.compile(
    r"^\{\s*+\p{L}[\p{L}\p{M}'’-]*+(?:\s++[\p{L}\p{M}'’-]++)++[\s.!?]*+\}$"
)
TAG_PARTS_RE = regex.compile(r"^(</?)([A-Za-z][\w.:-]*)(.*?)(/?>)$", regex.DOTALL)
MARKDOC_PARTS_RE = regex.compile(r"^\{%\s*(/?[\w.-]*)(.*?)/?%\}$", regex.DOTALL)


def markup_lines(content: str, code: Callable[[str, str], list[str]]) -> list[str]:
    """Each line of a Markdown example reduced to its markup (blank where only prose
    was). ``code(content, info)`` gives the comparable lines of a code block inside."""
    lines = content.split("\n")
    out: list[str] = []
    index = 0
    if lines and lines[0].strip() == "---":
        index = _front_matter(lines, out)
    paragraph = -1  # where the markup of the paragraph being read goes
    text: list[str] = []  # the paragraph's lines so far
    while index < len(lines):
        line = lines[index]
        fence = FENCE_RE.match(line)
        if fence is None:
            # A translation wraps its paragraphs where it likes, and a tag's attributes
            # too: a paragraph's markup is read from all its lines, on its first line.
            marked = bool(BLOCK_MARKER_RE.match(line)) or not line.strip()
            if paragraph >= 0 and not marked:
                text.append(line.strip())
                out[paragraph] = _markup(" ".join(text))
                out.append("")
            else:
                out.append(_markup(line))
                text = [line]
            if not line.strip():
                paragraph = -1
            elif marked or paragraph < 0:
                paragraph = len(out) - 1
            index += 1
            continue
        paragraph = -1
        marker, info = fence.group(1), fence.group(2)
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(marker):
            end += 1
        out.append(line.strip())
        out.extend(code("\n".join(lines[index + 1 : end]), info))
        if end < len(lines):
            out.append(lines[end].strip())
        index = end + 1
    return out


def _front_matter(lines: list[str], out: list[str]) -> int:
    """Front matter's keys (its values are titles and descriptions, translated)."""
    out.append("---")
    index = 1
    while index < len(lines) and lines[index].strip() != "---":
        key = FRONT_MATTER_KEY_RE.match(lines[index])
        out.append(
            key.group(1).strip() if key and not lines[index].lstrip().startswith("#") else ""
        )
        index += 1
    if index < len(lines):
        out.append("---")
        index += 1
    return index


def _markup(line: str) -> str:
    kept: list[str] = []
    marker = BLOCK_MARKER_RE.match(line)
    if marker:
        kept.append(marker.group(0).strip())
    for match in TOKEN_RE.finditer(line, marker.end() if marker else 0):
        if match.group("code"):
            kept.append("`" + match.group("code_text") + "`")
        elif match.group("target") is not None:
            kept.append(f"]({_target(match.group('target'))})")
        elif match.group("reference") is not None:
            kept.append(f"][{match.group('reference')}]")
        elif match.group("definition") is not None:
            target = _target(match.group("definition_target"))
            kept.append(f"[{match.group('definition')}]: {target}")
        elif match.group("footnote"):
            kept.append(f"[{match.group('footnote')}]:")  # its text is prose
        elif match.group("callout"):
            kept.append(f"[!{match.group('callout').upper()}]")
        elif match.group("tag"):
            kept.append(_tag(match.group("tag")))
        elif match.group("markdoc"):
            kept.append(_markdoc(match.group("markdoc")))
        elif match.group("braces") and PROSE_EXPRESSION_RE.match(match.group("braces")):
            kept.append("{…}")
        else:
            kept.append(match.group(0))
    return " ".join(kept)


def _target(href: str) -> str:
    """A link target without its language: ``/de/getting-started/`` is
    ``/getting-started``, ``https://ko.react.dev/`` is ``https://react.dev``; an article
    of a language's edition (``de.wikipedia.org/wiki/Andromeda_(Sternbild)``) has a path
    of that language, so only its site is kept."""
    scheme, slashes, rest = href.partition("//")
    host = rest.partition("/")[0].partition("?")[0].partition("#")[0]
    if slashes and subdomain_language(host):
        return unlocalised(f"{scheme}//{host}")
    return unlocalised(href)


def _attributes(text: str) -> str:
    kept = []
    for key, value in parse_attrs(text):
        if key.lower() in PROSE_ATTRIBUTES:
            kept.append(key)
        elif key.lower() in LINK_ATTRIBUTES:
            kept.append(f"{key}={_target(value)!r}")
        else:
            kept.append(f"{key}={value!r}")
    return " ".join(kept)


def _tag(tag: str) -> str:
    parts = TAG_PARTS_RE.match(tag)
    if parts is None:
        return tag
    opening, name, attributes, closing = parts.groups()
    inside = _attributes(attributes)
    return f"{opening}{name}{' ' + inside if inside else ''}{closing}"


def _markdoc(tag: str) -> str:
    parts = MARKDOC_PARTS_RE.match(tag)
    if parts is None:
        return tag
    inside = _attributes(parts.group(2))
    return f"{{% {parts.group(1)}{' ' + inside if inside else ''} %}}"
