"""How a source page moved on since the version a translation was made from.

Everything here compares parsed documents, never lines or commit messages: a change
that a reader cannot see (re-wrapped paragraphs, trailing spaces, ``*`` for ``-``)
does not outdate a translation, and what changed is told by section, found by
aligning the base and current source with the same engine that aligns a translation.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields

import regex

from doclint.align import align
from doclint.document import (
    Block,
    CodeBlock,
    Comment,
    Component,
    Document,
    FrontMatter,
    Heading,
    Table,
    inline_of,
)

SPACES_RE = regex.compile(r"\s+")
TOP = "(top of the page)"
# The base is moved to an older source version only when the translation matches that
# version this much better than the one at its last commit: small differences are
# the translation's own.
CLEARLY_BETTER = 0.15

# How the base was chosen, as findings and reports name it.
FROM_FRONT_MATTER = "front matter"
FROM_LAST_COMMIT = "last commit"
FROM_BEST_MATCH = "best match"
NO_HISTORY = "no history"


@dataclass(frozen=True)
class SectionChanges:
    """Source headings added, removed and changed between two versions of a page."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (
            *(f"+ {name}" for name in self.added),
            *(f"- {name}" for name in self.removed),
            *(f"~ {name}" for name in self.changed),
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


@dataclass(frozen=True)
class Freshness:
    """A translation's base and how the source moved since; the runner attaches it to
    the page, rules and reports read it."""

    base_commit: str | None  # None: no history; the current source is the base
    reason: str  # FROM_FRONT_MATTER, FROM_LAST_COMMIT, FROM_BEST_MATCH or NO_HISTORY
    commits_behind: int | None = 0  # None: a base given without its history
    sections: SectionChanges = field(default_factory=SectionChanges)
    outdated: bool = False  # the source changed since the base in a way a reader sees
    formatting_only: bool = False  # it changed, but renders the same

    @property
    def short_commit(self) -> str | None:
        return self.base_commit[:12] if self.base_commit else None


def _flat(text: str) -> str:
    return SPACES_RE.sub(" ", text).strip()


def visible(block: Block) -> tuple:
    """What a reader sees of a block: its kind, place and content, whitespace aside."""
    return (block.context, *_content(block))


def _content(block: Block) -> tuple:
    if isinstance(block, CodeBlock):
        lines = [line.rstrip() for line in block.content.strip("\n").split("\n")]
        return ("code", block.info.strip(), "\n".join(lines))
    if isinstance(block, Heading):
        return ("heading", block.level, _flat(block.inline.text), block.anchor)
    if isinstance(block, Table):
        return ("table", tuple(_inline(cell) for cell in inline_of(block)))
    inlines = inline_of(block)
    if inlines:
        return (block.kind, tuple(_inline(inline) for inline in inlines))
    if isinstance(block, Component):
        return ("component", block.name, block.role, repr(block.attrs))
    if isinstance(block, (Comment, FrontMatter)):
        return (block.kind, _flat(getattr(block, "text", "") or getattr(block, "content", "")))
    return (
        block.kind,
        tuple(
            _flat(str(getattr(block, item.name)))
            for item in fields(block)
            if item.name not in ("line", "end_line", "context", "index")
        ),
    )


def _inline(inline) -> tuple:
    return (
        _flat(inline.text),
        tuple(link.href for link in inline.links),
        tuple(api.name for api in inline.api_links),
    )


def renders_same(base: Document, current: Document) -> bool:
    """The two versions read the same: same blocks, same content, wrapping aside."""
    return [visible(block) for block in base.blocks if not isinstance(block, Comment)] == [
        visible(block) for block in current.blocks if not isinstance(block, Comment)
    ]


def section_changes(base: Document, current: Document, slug_style: str) -> SectionChanges:
    """Sections of ``current`` added, removed or changed since ``base``, by heading."""
    added: list[str] = []
    removed: list[str] = []
    changed: dict[str, None] = {}
    section = TOP
    for pair in align(base, current, slug_style).pairs:
        now, before = pair.translation, pair.source
        if isinstance(now, Heading) or (now is None and isinstance(before, Heading)):
            heading = now if now is not None else before
            section = _title(heading)
            if before is None:
                added.append(section)
                continue
            if now is None:
                removed.append(section)
                continue
        differs = now is None or before is None or visible(now) != visible(before)
        if differs and section not in added and section not in removed:
            changed.setdefault(section)
    return SectionChanges(tuple(added), tuple(removed), tuple(changed))


def _title(heading: Heading) -> str:
    return f"{'#' * heading.level} {_flat(heading.inline.text)}"


FENCE_RE = regex.compile(r"^ {0,3}(`{3,}|~{3,})")
HEADING_RE = regex.compile(r"^ {0,3}(#{1,6})\s")
COMPONENT_RE = regex.compile(r"</?([A-Z][A-Za-z0-9]*)")
LINK_RE = regex.compile(r"\]\(\s*<?([^)\s>]+)")
DIRECTIVE_RE = regex.compile(r"^\[\[(\w[\w-]*)\]\]\s*(\S*)")


def structure(text: str) -> Counter:
    """What a translation keeps of its source, read straight from the Markdown: heading
    levels, code blocks, components, directives and link targets. A sketch, not a
    parse, so that many source versions can be weighed for the price of one parse."""
    features: Counter = Counter()
    fence: str | None = None
    code: list[str] = []
    for line in text.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                features["code", _flat("\n".join(code))] += 1
                fence, code = None, []
            else:
                code.append(line)
            continue
        opening = FENCE_RE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        heading = HEADING_RE.match(line)
        if heading:
            features["h", len(heading.group(1))] += 1
        directive = DIRECTIVE_RE.match(line.strip())
        if directive:
            features[directive.group(1), directive.group(2)] += 1
        features.update(("component", name) for name in COMPONENT_RE.findall(line))
        features.update(("link", href) for href in LINK_RE.findall(line))
    return features


def similarity(source: Counter, translation: Counter) -> float:
    """Multiset Jaccard of two structures: 1.0 when the translation keeps all of it."""
    union = sum((source | translation).values())
    return sum((source & translation).values()) / union if union else 1.0


def best_match(translation: str, candidates: list[str]) -> int:
    """Index of the source version ``translation`` was made from: the first candidate
    (the version at the translation's last commit) unless an older one (later in the
    list) matches clearly better. Texts, compared by ``structure``."""
    wanted = structure(translation)
    scores = [similarity(structure(candidate), wanted) for candidate in candidates]
    best = max(range(len(scores)), key=lambda index: (scores[index], -index))
    return best if scores[best] >= scores[0] + CLEARLY_BETTER else 0
