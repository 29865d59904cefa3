"""Keeping ``--fix`` from breaking a page.

A fix that gives a heading an explicit id (``## 도구[[tools]]``) replaces the id the
heading had (``#도구``), and every link to that id breaks. Before fixes are applied,
``guard`` reads the page as the parser reads it (whatever syntax wrote the id), finds
the headings whose id the fixes change and, for each id that nothing else on the page
still provides:

- rewrites the page's own links to it (``[도구](#도구)`` → ``[도구](#tools)``) in the
  same set of edits;
- withholds the fix, with a note saying why, when another page links to it (links
  between pages are never rewritten: the other page is not the one being fixed) or
  when a link to it cannot be rewritten safely.

Finally every in-page link that resolved before must still resolve; if one does not,
the heading fixes are withheld. Fixes that change no heading id (code) pass through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from urllib.parse import unquote

import regex

from doclint.document import Document, Link, inline_of
from doclint.finding import Edit, Finding
from doclint.fixer import apply_edits
from doclint.slug import autodoc_target, heading_ids, link_targets

# Pages that link to this page's ``#fragment``: "path:line" of each link.
Backlinks = Callable[[str], Sequence[str]]
MAX_FIX_PASSES = 4


@dataclass(frozen=True, slots=True)
class Rename:
    """A heading whose id the fixes change."""

    line: int  # the heading's line in the page before the fixes
    old: str
    new: str


@dataclass
class Guarded:
    text: str  # the page with the fixes that are safe to apply
    notes: list[str] = field(default_factory=list)  # one line per fix withheld, saying why
    document: Document | None = None  # ``text`` parsed, when the guard parsed it


def guard(
    text: str,
    before: Document,
    edits: Iterable[Edit],
    parse: Callable[[str], Document],
    slug_style: str,
    backlinks: Backlinks | None = None,
) -> Guarded:
    """``text`` with those of ``edits`` that break no link, and why the others were
    withheld. ``before`` is ``text`` parsed; ``parse`` parses a fixed text the same way."""
    edits = list(edits)
    notes: list[str] = []
    path = before.path
    for _ in range(4):  # each round withholds at least one fix, or returns
        fixed = apply_edits(text, edits) if edits else text
        if fixed == text:
            return Guarded(text, notes)
        after = parse(fixed)
        renames = id_renames(before, after, slug_style)
        if renames is None:
            notes.append(f"{path}: fixes not applied: they would add or remove headings")
            return Guarded(text, notes)
        lost = _lost_ids(before, after, renames, slug_style)
        withheld: set[int] = set()
        for rename in lost:
            linking = list(backlinks(rename.old)) if backlinks else []
            if linking:
                withheld.add(rename.line)
                more = f" and {len(linking) - 1} more" if len(linking) > 1 else ""
                notes.append(
                    f"{path}:{rename.line}: heading id #{rename.old} not replaced by "
                    f"#{rename.new}: {linking[0]}{more} links to it"
                )
        if withheld:
            edits = _without(edits, withheld)
            continue
        link_edits, stuck = rewrite_links(before, {r.old: r.new for r in lost})
        stuck_renames = [rename for rename in lost if rename.old in stuck]
        if stuck_renames:
            for rename in stuck_renames:
                notes.append(
                    f"{path}:{rename.line}: heading id #{rename.old} not replaced by "
                    f"#{rename.new}: a link to it on this page could not be rewritten"
                )
            edits = _without(edits, {rename.line for rename in stuck_renames})
            continue
        if _overlap(edits, link_edits):
            notes.append(
                f"{path}: heading fixes not applied: a link to a renamed heading shares "
                "a line with another fix"
            )
            edits = _without(edits, {rename.line for rename in renames})
            continue
        if link_edits:
            fixed = apply_edits(text, edits + link_edits)
            after = parse(fixed)
        broken = newly_broken(before, after, slug_style)
        if broken:
            notes.append(
                f"{path}: heading fixes not applied: they would break the link to "
                f"#{broken[0].fragment} on line {broken[0].line}"
            )
            edits = _without(edits, {rename.line for rename in renames})
            continue
        return Guarded(fixed, notes, after)
    return Guarded(text, notes)


def fix_until_stable(
    text: str,
    linted: tuple,
    lint: Callable[[str, Document | None], tuple],
    fixable: Callable[[Finding], bool],
    parse: Callable[[str], Document],
    slug_style: str,
    backlinks: Backlinks | None = None,
) -> tuple[str, tuple, list[str]]:
    """Apply the safe fixes of ``linted`` (a ``(Page, findings)`` of ``text``), lint
    again and repeat until nothing changes (or MAX_FIX_PASSES): the fixed text, its
    lint, and why fixes were withheld."""
    notes: list[str] = []
    for _ in range(MAX_FIX_PASSES):
        edits = [edit for finding in linted[1] if fixable(finding) for edit in finding.fix]
        if not edits:
            break
        guarded = guard(text, linted[0].translation, edits, parse, slug_style, backlinks)
        notes.extend(note for note in guarded.notes if note not in notes)
        if guarded.text == text:
            break
        text = guarded.text
        linted = lint(text, guarded.document)
    return text, linted, notes


def id_renames(before: Document, after: Document, slug_style: str) -> list[Rename] | None:
    """The headings whose id differs after the fixes, or None when the fixes added or
    removed headings (then headings cannot be matched up)."""
    if len(before.headings) != len(after.headings):
        return None
    old_ids = heading_ids(before.headings, slug_style)
    new_ids = heading_ids(after.headings, slug_style)
    return [
        Rename(heading.line, old, new)
        for heading, old, new in zip(before.headings, old_ids, new_ids)
        if old != new
    ]


def _lost_ids(
    before: Document, after: Document, renames: list[Rename], slug_style: str
) -> list[Rename]:
    """Renames whose old id nothing on the page provides any more."""
    remaining = link_targets(after, slug_style)
    seen: set[str] = set()
    lost = []
    for rename in renames:
        if rename.old and rename.old not in remaining and rename.old not in seen:
            seen.add(rename.old)
            lost.append(rename)
    return lost


def in_page_links(document: Document) -> list[Link]:
    return [
        link
        for block in document.blocks
        for inline in inline_of(block)
        for link in inline.links
        if link.href.startswith("#")
    ]


def _resolves(document: Document, targets: set[str], href: str) -> bool:
    wanted = unquote(href[1:])
    return wanted in targets or autodoc_target(document, wanted)


def newly_broken(before: Document, after: Document, slug_style: str) -> list[Link]:
    """In-page links of ``before`` that resolved there and do not in ``after``, matched
    by their order on the page; every link, when the pages have different links."""
    old_links, new_links = in_page_links(before), in_page_links(after)
    old_targets = link_targets(before, slug_style)
    new_targets = link_targets(after, slug_style)
    resolved = [link for link in old_links if _resolves(before, old_targets, link.href)]
    if len(old_links) != len(new_links):
        return resolved
    return [
        old
        for old, new in zip(old_links, new_links)
        if _resolves(before, old_targets, old.href) and not _resolves(after, new_targets, new.href)
    ]


def rewrite_links(document: Document, renamed: dict[str, str]) -> tuple[list[Edit], set[str]]:
    """Edits pointing the page's links to ``#old`` at ``#new``, and the old ids some link
    to which could not be found in the text to rewrite."""
    if not renamed:
        return [], set()
    by_line: dict[int, str] = {}
    stuck: set[str] = set()
    for link in in_page_links(document):
        old = unquote(link.href[1:])
        if old not in renamed:
            continue
        line = _line_holding(document, link, by_line)
        if line is None:
            stuck.add(old)
            continue
        text = by_line.get(line, document.line_text(line))
        pattern = _destination(link.href[1:])
        target = "#" + renamed[old]
        rewritten, count = pattern.subn(lambda m, target=target: m.group(1) + target, text)
        if not count:
            stuck.add(old)
            continue
        by_line[line] = rewritten
    edits = [Edit(line, line, (text,)) for line, text in sorted(by_line.items())]
    return edits, stuck


def _destination(raw_fragment: str) -> regex.Pattern:
    """``#fragment`` where Markdown or HTML puts a link destination: after ``](``,
    ``](<``, a reference definition's ``]:`` or ``href=``, and before what ends it.
    markdown-it percent-encodes hrefs (``#%EB%8F%84``): the page may spell either."""
    spellings = sorted({raw_fragment, unquote(raw_fragment)}, key=len, reverse=True)
    return regex.compile(
        r"(\]\(\s*<?|\]:\s*<?|href\s*=\s*[\"']?)#(?:"
        + "|".join(regex.escape(spelling) for spelling in spellings)
        + r")(?=[\s)>\"']|$)"
    )


def _line_holding(document: Document, link: Link, rewritten: dict[int, str]) -> int | None:
    """The line whose text holds the link's destination: the link's own line, the next
    few (a link text may wrap), or a reference definition anywhere on the page."""
    pattern = _destination(link.href[1:])
    for line in range(link.line, min(link.line + 8, len(document.lines) + 1)):
        if pattern.search(rewritten.get(line, document.line_text(line))):
            return line
    for line in range(1, len(document.lines) + 1):
        text = rewritten.get(line, document.line_text(line))
        if "]:" in text and pattern.search(text):
            return line
    return None


def _without(edits: list[Edit], lines: set[int]) -> list[Edit]:
    return [edit for edit in edits if not any(edit.line <= n <= edit.end_line for n in lines)]


def _overlap(edits: list[Edit], link_edits: list[Edit]) -> bool:
    return any(e.line <= link.line <= e.end_line for e in edits for link in link_edits)
