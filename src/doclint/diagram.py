"""A Mermaid diagram as it is compared between a source page and its translation.

A diagram's labels are prose: node texts, edge texts, messages, titles, section names
are translated like any sentence. Its structure is not: the kind of diagram, the node
ids and shapes, the edges and their arrows, the participants, styles and directives.
Each line is reduced to that structure, so a translated label compares equal and an
added, dropped or rewired node or edge does not.
"""

from __future__ import annotations

import regex

# Innermost bracket groups, quoted strings and ``|edge labels|``: their text is a label.
QUOTED_RE = regex.compile(r'"[^"\n]*"')
GROUP_RES = (
    regex.compile(r"\[[^\[\]]*\]"),
    regex.compile(r"\([^()]*\)"),
    regex.compile(r"\{[^{}]*\}"),
)
PIPE_LABEL_RE = regex.compile(r"\|[^|\n]*\|")
# ``A -- text --> B``, ``A -. text .-> B``, ``A == text ==> B``: the text is a label.
EDGE_TEXT_RE = regex.compile(
    r"(?<=\s|^|[\])}])(?:--|==|-\.)\s+[^\s>-][^>]*?\s+(-{2,}[>ox]?|={2,}[>ox]?|\.-+[>ox]?)"
)
# ``>text]`` (asymmetric node) once the other groups are gone.
ASYMMETRIC_RE = regex.compile(r"(?<=[\w\]])>[^\]\n]*\]")
COMMENT_RE = regex.compile(r"^\s*%%(?!\{).*$")
# Lines whose words after the keyword are a title or a label.
LABEL_KEYWORDS = regex.compile(
    r"^(\s*)(title|section|loop|alt|else|opt|par|and|critical|break|accTitle|accDescr"
    r"|subgraph)\b.*$"
)
KEEP_LINE_RE = regex.compile(
    r"^\s*(classDef|class|style|linkStyle|click|direction|dateFormat|axisFormat|%%\{)\b"
)
PARTICIPANT_RE = regex.compile(r"^(\s*(?:participant|actor)\s+\S+)\s+as\s+.*$")
TITLE_RE = regex.compile(r"\s+title\b.*$")
NOTE_RE = regex.compile(r"^(\s*note\b[^:]*):.*$", regex.IGNORECASE)
# Diagrams whose every line is a label placed by its indentation or its colon.
OUTLINE_KINDS = ("mindmap", "timeline")
COLON_KINDS = ("sequenceDiagram", "stateDiagram", "stateDiagram-v2", "erDiagram", "classDiagram")


def structure_lines(content: str) -> list[str]:
    """Each line of a Mermaid diagram reduced to its structure (blank where none is
    left: a comment, a blank line)."""
    lines = content.split("\n")
    kind = next((line.split()[0] for line in lines if line.strip() and not _comment(line)), "")
    if kind == "mindmap":  # a mind map's structure is its indentation
        return [_structure(line, kind).rstrip() for line in lines]
    return [_structure(line, kind).strip() for line in lines]


def _comment(line: str) -> bool:
    return bool(COMMENT_RE.match(line))


def _structure(line: str, kind: str) -> str:
    if _comment(line) or not line.strip():
        return ""
    if line.split()[0] == kind:
        return TITLE_RE.sub("", line).rstrip()  # ``pie title Pets``: the title is a label
    if KEEP_LINE_RE.match(line):
        return line.rstrip()
    if kind in OUTLINE_KINDS:
        indent = line[: len(line) - len(line.lstrip())]
        return indent + _shapes(line.strip()) if kind == "mindmap" else indent + "*"
    keyword = LABEL_KEYWORDS.match(line)
    if keyword:
        rest = line[keyword.end(2) :]
        # ``subgraph id [title]`` keeps its id; a bare ``subgraph Title`` is all label
        node = rest.split("[")[0].strip() if "[" in rest else ""
        return f"{keyword.group(1)}{keyword.group(2)} {node}".rstrip()
    participant = PARTICIPANT_RE.match(line)
    if participant:
        return participant.group(1)
    note = NOTE_RE.match(line)
    if note:
        return note.group(1).rstrip() + ":"
    if kind in COLON_KINDS or kind == "pie":
        reduced = _labels_removed(line)
        head, colon, tail = reduced.partition(":")
        if kind == "pie":
            return reduced.rstrip()  # ``"label" : 42``: the value stays
        return (head.rstrip() + colon) if colon else reduced.rstrip()
    if kind in ("gantt", "journey"):
        # ``Task name :a1, after a, 20d``: the name is a label, the rest is the plan
        _, colon, tail = line.partition(":")
        return (":" + tail.strip()) if colon else "*"
    return _labels_removed(line).rstrip()


def _labels_removed(line: str) -> str:
    text = QUOTED_RE.sub('""', line)
    text = EDGE_TEXT_RE.sub(r"\1", text)
    text = PIPE_LABEL_RE.sub("||", text)
    return _shapes(text)


def _shapes(text: str) -> str:
    """Bracket groups emptied from the inside out: ``A[Start]`` → ``A[]``. A group whose
    inside is another group becomes its outer brackets (``([Start])`` → ``()``); the same
    on both sides, so nothing is lost for the comparison."""
    previous = None
    while previous != text:
        previous = text
        for group in GROUP_RES:
            text = group.sub(lambda match: match.group(0)[0] + match.group(0)[-1], text)
    text = ASYMMETRIC_RE.sub(">]", text)
    return regex.sub(r"\s+", " ", text)
