"""``[[autodoc]]`` directives that differ from the source's.

``[[autodoc]] name`` and its ``- method`` list generate the API reference from the
code's docstrings; they are not prose. A translated, dropped or reordered method
name removes that method from the translated reference (or breaks the build).
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Directive
from doclint.finding import Problem
from doclint.page import Page

CODE = "DL307"
NAME = "autodoc-mismatch"
CATEGORY = "code"
SEVERITY = "error"


def _text(directive: Directive) -> str:
    items = f" - {', '.join(directive.items)}" if directive.items else ""
    return f"[[autodoc]] {directive.argument}{items}"


def check(page: Page, options: dict) -> Iterator[Problem]:
    for pair in page.alignment.pairs:
        source, translation = pair.source, pair.translation
        source = source if isinstance(source, Directive) and source.name == "autodoc" else None
        translation = (
            translation
            if isinstance(translation, Directive) and translation.name == "autodoc"
            else None
        )
        if source and translation:
            if (source.argument, source.items) != (translation.argument, translation.items):
                yield Problem(
                    translation.line,
                    f"{_text(translation)!r} differs from the source's {_text(source)!r} "
                    f"(line {source.line})",
                    end_line=translation.end_line,
                    source_line=source.line,
                )
        elif source:
            yield Problem(
                page.alignment.previous_line(source),
                f"{_text(source)!r} of the source (line {source.line}) is missing",
                source_line=source.line,
            )
        elif translation:
            yield Problem(
                translation.line,
                f"{_text(translation)!r} is not in the source",
                end_line=translation.end_line,
            )
