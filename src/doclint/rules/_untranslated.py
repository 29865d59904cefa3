"""What the untranslated-text rules share: the prose units of a translated page and
how to read them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote_plus

import regex

from doclint.document import MASK, Block, Heading, Inline, Link, Paragraph, Table
from doclint.languages import ENGLISH_FUNCTION_WORDS, english_words, sentences
from doclint.page import Page


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of translated prose: a paragraph, list item, heading or table cell."""

    block: Block
    inline: Inline
    text: str  # the prose, masked parts and allowed words removed
    source_text: str | None  # the aligned source unit's, the same way
    label: str
    raw: str = ""  # the block's Markdown as written (empty for a table cell)


def describe(block: Block, cell: bool = False) -> str:
    if cell:
        return "table cell"
    if isinstance(block, Heading):
        return "heading"
    components = [c.split(":", 1)[1] for c in block.context if c.startswith("component:")]
    if components:
        return f"<{components[-1]}> text"
    if "list_item" in block.context:
        return "list item"
    return "paragraph"


@lru_cache(maxsize=16)  # one per run's word list, not one per page
def _allowed_re(words: tuple[str, ...]) -> regex.Pattern | None:
    if not words:
        return None
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_])")


def clean(prose: str, allowed: regex.Pattern | None, links: tuple[Link, ...] = ()) -> str:
    text = without_kept(prose, links).replace(MASK, " ")
    if allowed is not None:
        text = allowed.sub(" ", text)
    return text


# What a translation keeps in the source language on purpose, and is no prose to
# translate: the label of a reference-style link definition (``[text]: https://…``,
# read as a paragraph where one of them is malformed); a one-word label before code
# (``**type:** `boolean```; ``Repo parameters:`` is prose); an acronym's expansion
# (``SPI (Service provider interface)``); a sentence that quotes identifiers the way
# compilers print them (``The argument type 'AutoDisposeProvider' can't be
# assigned…``) — a message the reader will see in English; and a link's text that
# names its target (the title of an article as its URL spells it, a label a query
# selects: ``[Good first issue](…good+first+issue…)``).
LINK_DEFINITION_RE = regex.compile(rf"(?m)^[ \t]*\[[^\]\n]+\]:[ \t]*{MASK}.*$")
LABEL_RE = regex.compile(rf"(?m)^[ \t]*\p{{L}}[\p{{L}}-]*[:：][ \t]*(?={MASK})")
QUOTED_IDENTIFIER_RE = regex.compile(
    r"(?<![\p{L}\p{N}])'(?=[\w.]*(?:[a-z][A-Z]|_|\.\w))[A-Za-z_][\w.]*'(?![\p{L}\p{N}])"
)
ACRONYM_FIRST_RE = regex.compile(r"\b([A-Z][A-Z0-9]{1,7})s?\s*\(([^()\n]{3,100})\)")
ACRONYM_LAST_RE = regex.compile(r"((?:[\p{L}][\p{L}'-]*[ \t]+){1,12})\(([A-Z][A-Z0-9]{1,7})s?\)")
# Words a title or an acronym leaves in lower case (and abbreviations every language
# writes): they make no prose on their own.
MINOR_WORDS = ENGLISH_FUNCTION_WORDS | frozenset(
    "a an as at by in of on or to vs via per nor but etc e.g i.e with".split()  # noqa: SIM905
)
# A title in quotes (“How Web Content Can Affect Power Usage”) is cited, not prose.
QUOTED_RE = regex.compile(r"“[^”\n]*”|„[^“”\n]*[“”]|«[^»\n]*»|\"[^\"\n]*\"")
# Words in parentheses after translated ones gloss them in the source's language:
# ``**Alterações não preparadas** (_Changes not staged for commit_)``.
PARENTHESES_RE = regex.compile(r"\([^()\n]*\)")
TOKEN_RE = regex.compile(r"[\p{L}\p{N}]+")


def without_kept(prose: str, links: tuple[Link, ...] = ()) -> str:
    """``prose`` without what a translation keeps in the source language on purpose."""
    prose = LINK_DEFINITION_RE.sub(" ", prose)
    prose = LABEL_RE.sub(" ", prose)
    prose = ACRONYM_FIRST_RE.sub(
        lambda m: m.group(0) if not _spells(m.group(2), m.group(1)) else m.group(1), prose
    )
    prose = ACRONYM_LAST_RE.sub(_acronym_after, prose)
    for link in links:
        if link.text.strip() and _names_its_target(link):
            prose = prose.replace(link.text, " ", 1)
    if QUOTED_IDENTIFIER_RE.search(prose):
        for offset, sentence in reversed(sentences(prose)):
            if QUOTED_IDENTIFIER_RE.search(sentence):
                prose = prose[:offset] + " " * len(sentence) + prose[offset + len(sentence) :]
    return prose


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in MINOR_WORDS).upper()


def _spells(expansion: str, acronym: str) -> bool:
    words = regex.split(r"[\s-]+", expansion.strip())
    return len(acronym) >= 2 and _initials(words) == acronym.upper()


def _acronym_after(match: regex.Match) -> str:
    """``Service provider interface (SPI)``: the words that spell the acronym go."""
    words = match.group(1).split()
    acronym = match.group(2)
    for start in range(len(words)):
        if _initials(words[start:]) == acronym and words[start].lower() not in MINOR_WORDS:
            return " ".join(words[:start]) + (" " if start else "") + f"({acronym})"
    return match.group(0)


def _names_its_target(link: Link) -> bool:
    """A link outside the docs whose words are all in its address: an article's title as
    its URL spells it, a label a query selects. Not an image: its text describes it."""
    target = unquote_plus(link.href).lower()
    if link.image or ("://" not in target and not target.startswith("{{")):
        return False  # a page of the docs: its title is translated with the page
    words = TOKEN_RE.findall(link.text.lower().replace("'", "").replace("’", ""))
    address = set(TOKEN_RE.findall(target.replace("'", "")))
    return bool(words) and all(word in address for word in words)


def units(page: Page) -> Iterator[Unit]:
    allowed = _allowed_re(page.allowed)
    lines = page.translation.lines
    for block in page.translation.blocks:
        counterpart = page.alignment.counterpart(block) if page.source else None
        if isinstance(block, (Paragraph, Heading)):
            source = counterpart.inline if isinstance(counterpart, type(block)) else None
            yield Unit(
                block,
                block.inline,
                clean(block.inline.prose, allowed, block.inline.links),
                clean(source.prose, allowed, source.links) if source is not None else None,
                describe(block),
                "\n".join(lines[block.line - 1 : block.end_line]),
            )
        elif isinstance(block, Table):
            source_cells = _cells(counterpart) if isinstance(counterpart, Table) else []
            for index, cell in enumerate(_cells(block)):
                source = source_cells[index] if index < len(source_cells) else None
                yield Unit(
                    block,
                    cell,
                    clean(cell.prose, allowed, cell.links),
                    clean(source.prose, allowed, source.links) if source is not None else None,
                    "table cell",
                )


def _cells(table: Table) -> list[Inline]:
    return [*table.header, *(cell for row in table.rows for cell in row)]


def same_text(a: str, b: str | None) -> bool:
    return b is not None and " ".join(a.split()) == " ".join(b.split())


def reads_as_english(words: list[str], minimum: int, title_case: bool = True) -> bool:
    """Enough English-looking words, one of them lower-case: prose, not a name
    (``Default Tools`` and ``Inference Providers`` may well be product names). With
    ``title_case`` false (anywhere but a heading, where English capitalises its titles
    alike), the lower-case word must be more than a title's small word: ``Piero Molino,
    Yaroslav Dudin, and Sai Sumanth Miryala``, ``Read the Docs``, ``APM is Dying and
    That's Okay`` are names and titles; ``Microsoft SQL Server, etc.`` lists names."""
    if len(words) < minimum:
        return False
    if title_case:
        return any(word[0].islower() for word in words)
    return any(word[0].islower() and word.lower() not in MINOR_WORDS for word in words)


# ``* `le`: `l`ess than or `e`qual``: letters set as code inside words spell out an
# identifier, and the words that spell it stay as the identifier's language has them.
SPELLED_RE = regex.compile(r"`[^`\s]{1,2}`\p{L}|\p{L}`[^`\s]{1,2}`")


def spells_identifier(unit: Unit) -> bool:
    return bool(SPELLED_RE.search(unit.raw))


# A line laid out as code: it opens a bracket or ends a statement, starts by closing a
# bracket, is an annotation or an empty JSX fragment, or sets an object's property.
CODE_LINE_RE = regex.compile(r"^(?:[}\])]|@\w+$|</?>$|.*[{\[(;]$|[A-Za-z_$][\w$]*:\s*\S.*,$)")


def laid_out_as_code(unit: Unit) -> bool:
    """Lines the parser left as text that are code (a JSX property's template string, a
    script the page's framework runs): most of them open or close brackets or end
    statements. Prose is never laid out so."""
    lines = [line.strip() for line in unit.raw.splitlines() if line.strip()]
    coded = sum(1 for line in lines if CODE_LINE_RE.match(line))
    return len(lines) >= 2 and coded * 2 >= len(lines)


def term_in_translated_list(page: Page, unit: Unit, translated) -> bool:
    """A list item of a few words in a list whose other items are translated: a term the
    translator kept on purpose (``* on the fly`` among ``* 요청``, ``* 응답``)."""
    if "list_item" not in unit.block.context or unit.label == "table cell":
        return False
    if len(unit.text.split()) > 3 or regex.search(r"[.!?。:：]\s*$", unit.text.strip()):
        return False
    lists = [
        info for info in page.translation.lists if info.line <= unit.block.line <= info.end_line
    ]
    if not lists:
        return False
    innermost = max(lists, key=lambda info: info.depth)
    known = page.analysis(_translated_lists)
    if innermost.line not in known:
        known[innermost.line] = any(
            other.block is not unit.block and translated(other)
            for other in units(page)
            if "list_item" in other.block.context
            and innermost.line <= other.block.line <= innermost.end_line
        )
    return known[innermost.line]


def _translated_lists(page: Page) -> dict[int, bool]:
    """Whether the list starting at each line has a translated item, filled in as lists
    are asked about."""
    return {}


def line_of(unit: Unit, offset: int) -> int:
    return unit.inline.line + unit.text.count("\n", 0, offset)


__all__ = [
    "PARENTHESES_RE",
    "QUOTED_RE",
    "Unit",
    "english_words",
    "laid_out_as_code",
    "line_of",
    "reads_as_english",
    "same_text",
    "spells_identifier",
    "term_in_translated_list",
    "units",
]
