"""Directive blocks (``[[autodoc]]``, includes, imports) compared exactly across a pair."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from doclint.document import Directive
from doclint.finding import Problem
from doclint.page import Page


def compare_directives(
    page: Page,
    names: frozenset[str],
    text: Callable[[Directive], str],
    key: Callable[[Directive], object] = lambda directive: (directive.argument, directive.items),
) -> Iterator[Problem]:
    """One problem per directive named in ``names`` that was changed, dropped or added;
    ``text`` writes a directive as the page does, for messages; directives with the
    same ``key`` are the same."""

    def accepted(block: object) -> Directive | None:
        return block if isinstance(block, Directive) and block.name in names else None

    for pair in page.alignment.pairs:
        source, translation = accepted(pair.source), accepted(pair.translation)
        if source and translation:
            if key(source) != key(translation):
                yield Problem(
                    translation.line,
                    f"{text(translation)!r} differs from the source's {text(source)!r} "
                    f"(line {source.line})",
                    end_line=translation.end_line,
                    source_line=source.line,
                )
        elif source:
            yield Problem(
                page.alignment.previous_line(source),
                f"{text(source)!r} of the source (line {source.line}) is missing",
                source_line=source.line,
            )
        elif translation:
            yield Problem(
                translation.line,
                f"{text(translation)!r} is not in the source",
                end_line=translation.end_line,
            )
