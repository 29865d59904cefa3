"""Raw HTML and MDX in Markdown: tags, comments and the text between them."""

from __future__ import annotations

from dataclasses import dataclass

import regex

# Lower-case component names of the doc-builder dialect; any capitalised tag is one too.
COMPONENTS = frozenset({"hfoptions", "hfoption", "frameworkcontent", "pt", "tf", "jax"})

# A JSX expression, braces nested six deep (``labels={{ a: { b: 1 } }}``, a list of
# objects holding ``<span style={{ … }}>``); each level gives up at the first brace it
# cannot close, so unbalanced text is scanned once. (Unbounded recursion would rescan
# a run of ``{`` from every position.)
_EXPRESSION = r"\{[^{}]*+\}"
for _ in range(5):
    _EXPRESSION = r"\{(?:[^{}]++|" + _EXPRESSION + r")*+\}"
# No ``<`` in attribute names or bare values, and attributes never given back once read
# (``*+``): text full of ``<a b`` with no ``>`` is scanned once, not once per ``<``.
_ATTR = (
    r"""(?:[^\s=/>"'{}<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|""" + _EXPRESSION + r"""|[^\s>"'<]+))?"""
    r"""|\{[^{}]*\})"""  # JSX shorthand and spread: ``<Switch {fw} />``, ``{...props}``
)
TAG_RE = regex.compile(
    rf"<(?P<close>/?)(?P<name>[A-Za-z][\w.:-]*)(?P<attrs>(?:\s+{_ATTR})*+)\s*(?P<self>/?)>"
)
ATTR_RE = regex.compile(
    r"""(?P<key>[^\s=/>"'{}]+)(?:\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|"""
    r"""(?P<expr>""" + _EXPRESSION + r""")|(?P<bare>[^\s>"']+)))?"""
)
BACKTICKS_RE = regex.compile(r"`+")
COMMENT_RE = regex.compile(r"<!--(?P<body>.*?)(?P<end>-->|\Z)", regex.DOTALL)
# Elements whose content is not HTML or Markdown but text of another language.
RAW_TEXT = frozenset({"style", "script", "textarea", "pre", "svg", "math", "code", "kbd", "samp"})
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


@dataclass(frozen=True, slots=True)
class Segment:
    kind: str  # "tag", "comment" or "text"
    start: int  # offset in the HTML it was cut from
    text: str
    name: str = ""
    attrs: tuple[tuple[str, str], ...] = ()
    role: str = ""  # open, close, self
    body: str = ""  # a comment's text
    closed: bool = True  # a comment's ``-->`` was found


COMPONENT_NAME_RE = regex.compile(r"^[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$")


def is_component(name: str) -> bool:
    """MDX components are PascalCase (``<Tip>``, ``<Youtube>``) or doc-builder's few
    lower-case ones; ``<YOUR_TOKEN>``-style placeholders, all capitals, are not."""
    if name in COMPONENTS:
        return True
    return bool(COMPONENT_NAME_RE.match(name)) and any(c.islower() for c in name)


def parse_attrs(text: str) -> tuple[tuple[str, str], ...]:
    attrs = []
    for match in ATTR_RE.finditer(text):
        value = next(
            (
                match.group(group)
                for group in ("dq", "sq", "bare")
                if match.group(group) is not None
            ),
            None,
        )
        if value is None:
            value = match.group("expr") or ""
        attrs.append((match.group("key"), value))
    return tuple(attrs)


def segments(content: str) -> list[Segment]:
    """Cut raw HTML into tags, comments and the text between, in order."""
    result: list[Segment] = []
    pos = 0
    text_start = 0
    while pos < len(content):
        lt = content.find("<", pos)
        if lt < 0:
            break
        tick = content.find("`", pos, lt)
        if tick >= 0:
            # a code span of the Markdown between tags (`` `<Aside>` ``) holds no tag
            run = BACKTICKS_RE.match(content, tick).group(0)
            end = content.find(run, tick + len(run))
            pos = end + len(run) if end >= 0 else tick + len(run)
            continue
        if content.startswith("<!--", lt):
            match = COMMENT_RE.match(content, lt)
            segment = Segment(
                "comment",
                lt,
                match.group(0),
                body=match.group("body").strip(),
                closed=bool(match.group("end")),
            )
        else:
            match = TAG_RE.match(content, lt)
            if match is None:
                pos = lt + 1
                continue
            name = match.group("name")
            role = "close" if match.group("close") else "self" if match.group("self") else "open"
            if role == "open" and name.lower() in VOID_ELEMENTS:
                role = "self"
            segment = Segment(
                "tag",
                lt,
                match.group(0),
                name=name,
                attrs=parse_attrs(match.group("attrs")),
                role=role,
            )
        if lt > text_start:
            result.append(Segment("text", text_start, content[text_start:lt]))
        result.append(segment)
        pos = text_start = match.end()
    if text_start < len(content):
        result.append(Segment("text", text_start, content[text_start:]))
    return result


def anchor_names(content: str) -> list[str]:
    """Link targets an HTML fragment defines: any ``id``, and ``name`` on ``<a>``.
    Component attributes (``<Youtube id="…">``) are not targets."""
    names = []
    for match in TAG_RE.finditer(content):
        if match.group("close") or is_component(match.group("name")):
            continue
        for key, value in parse_attrs(match.group("attrs")):
            targets = key == "id" or (key == "name" and match.group("name").lower() == "a")
            if targets and value and not value.startswith("{"):
                names.append(value)
    return names


LINK_OPEN_RE = regex.compile(r"<a\s", regex.IGNORECASE)
LINK_CLOSE_RE = regex.compile(r"</a\s*>", regex.IGNORECASE)


def link_href(tag: str) -> str | None:
    """The target of an ``<a href="…">`` opening tag, None for any other tag (an
    ``<a id>`` anchor, an ``href`` written as an MDX expression)."""
    if not LINK_OPEN_RE.match(tag):
        return None
    match = TAG_RE.match(tag)
    if match is None or match.group("close"):
        return None
    href = dict(parse_attrs(match.group("attrs"))).get("href")
    if href is None or href.startswith("{"):
        return None
    return href.strip()


def is_link_close(tag: str) -> bool:
    return bool(LINK_CLOSE_RE.match(tag))
