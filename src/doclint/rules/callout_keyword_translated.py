"""An admonition or alert whose keyword was translated, so it no longer renders.

The keyword of ``/// tip | Title``, ``!!! note``, ``:::tip[Title]``, ``::: warning`` and
``> [!NOTE]`` names the kind of box; only the title may be translated. A translated
keyword — ``/// 팁``, ``:::consejo``, ``> [!참고]`` — is not one the framework knows:
the box is not drawn and the marker shows as text. The keywords each dialect renders
are its own (mkdocs-material's admonition types, Docusaurus's and Starlight's asides,
VitePress's containers, GitHub's five alerts); ``extra-kinds`` adds a project's own
(custom containers).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Block, Callout, Component
from doclint.finding import Problem
from doclint.page import Page

CODE = "DL403"
NAME = "callout-keyword-translated"
CATEGORY = "component"
SEVERITY = "error"
NEEDS_SOURCE = False
OPTIONS = {"extra-kinds": []}

# GitHub's alerts, which GitHub, VitePress, Hugo and doc-builder render alike.
ALERTS = frozenset({"NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"})
CONTAINER_MARKS = (":", "/", "!", "?")


def unknown_keyword(page: Page, block: Block, extra: frozenset[str] = frozenset()) -> bool:
    """Whether ``block`` is an admonition or alert whose keyword does not render."""
    if isinstance(block, Callout):
        return block.name not in ALERTS and block.name.lower() not in extra
    if not isinstance(block, Component) or block.role != "open":
        return False
    if not block.markup.startswith(CONTAINER_MARKS) or not page.dialect.callout_kinds:
        return False
    name = block.name.lower()
    return bool(name) and name not in page.dialect.callout_kinds and name not in extra


def _counterpart(page: Page, block: Block) -> Block | None:
    """The source's admonition standing where the translated one is: the unpaired one
    in the same gap of the alignment."""
    if page.source is None:
        return None
    pairs = page.alignment.pairs
    index = next(i for i, pair in enumerate(pairs) if pair.translation is block)
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(pairs) and pairs[other].translation is None:
            source = pairs[other].source
            if type(source) is type(block) and not unknown_keyword(page, source):
                return source
            other += step
    return None


def _advice(page: Page, block: Block, source: Block | None) -> str:
    if isinstance(block, Callout):
        kind = source.name if isinstance(source, Callout) else "NOTE"
        return f"keep the keyword: '> [!{kind}]'"
    kind = source.name if isinstance(source, Component) else "note"
    example = page.dialect.callout_example.format(kind=kind, title=block.title or block.name)
    return f"keep the keyword and translate the title: {example!r}"


def check(page: Page, options: dict) -> Iterator[Problem]:
    extra = frozenset(kind.lower() for kind in options["extra-kinds"])
    for block in page.translation.blocks:
        if not unknown_keyword(page, block, extra):
            continue
        source = _counterpart(page, block)
        where = f" (the source has {_shown(source)!r}, line {source.line})" if source else ""
        yield Problem(
            block.line,
            f"{_shown(block)!r} is not a keyword {page.dialect.name} renders{where}: the box "
            f"is not drawn and the marker shows as text; {_advice(page, block, source)}",
            source_line=source.line if source else None,
        )


def _shown(block: Block) -> str:
    return f"> [!{block.name}]" if isinstance(block, Callout) else block.label
