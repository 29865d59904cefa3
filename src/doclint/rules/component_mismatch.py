"""MDX components and callouts that differ from the source's in kind, count, order
or attributes.

``<Tip>``, ``<Tip warning={true}>``, ``<Youtube id="…"/>``, ``<hfoptions>``/``<hfoption>``,
``<frameworkcontent>`` and ``> [!NOTE]``-style callouts are page structure, not prose:
a dropped ``<Tip>`` loses a warning's styling, a changed ``<Youtube id>`` embeds another
video. Attribute values that are labels shown to readers may be translated: by
default the ``id`` of ``<hfoptions>`` and ``<hfoption>`` (it is the tab's title);
list others as ``Component.attribute`` in the ``translatable`` option.
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Callout, Component, Document
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import before_unclosed_fence, moved_twins

CODE = "DL401"
NAME = "component-mismatch"
CATEGORY = "component"
SEVERITY = "error"
OPTIONS = {"translatable": ["hfoptions.id", "hfoption.id", "Tip.title"]}


def _label(block: Component | Callout) -> str:
    if isinstance(block, Callout):
        return f"> [!{block.name}]"
    attrs = "".join(
        f" {key}={value}" if value.startswith("{") else f' {key}="{value}"'
        for key, value in block.attrs
    )
    slash = "/" if block.role == "close" else ""
    end = "/>" if block.role == "self" else ">"
    return f"<{slash}{block.name}{attrs}{end}"


def _key(block: Component | Callout, translatable: set[str]) -> tuple:
    if isinstance(block, Callout):
        return ("callout", block.name)
    return (block.name, block.role, _compared(block, translatable))


def _compared(block: Component, translatable: set[str]) -> tuple:
    return tuple(
        (key, value) for key, value in block.attrs if f"{block.name}.{key}" not in translatable
    )


def _variant(block: Component | Callout) -> str | None:
    """``tip`` or ``warning`` for the two spellings of a note, None for anything else."""
    if isinstance(block, Callout):
        return "warning" if block.name in ("WARNING", "CAUTION") else "tip"
    if block.name == "Tip" and block.role == "open":
        warning = dict(block.attrs).get("warning", "").strip("{}") == "true"
        return "warning" if warning else "tip"
    return None


def _closing_tags(document: Document) -> dict[int, Component]:
    """The closing tag of each opening tag, keyed by ``id()`` of the opening one."""
    closing: dict[int, Component] = {}
    stack: list[Component] = []
    for tag in document.components:
        if tag.role == "open":
            stack.append(tag)
        elif tag.role == "close":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].name == tag.name:
                    closing[id(stack[depth])] = tag
                    del stack[depth:]
                    break
    return closing


def _note_text(document: Document) -> set[int]:
    """``id()`` of the blocks that are a note's own text: in a blockquote or a ``<Tip>``,
    or on the line of a one-line ``<Tip>…</Tip>``."""
    tip_lines = {tag.line for tag in document.components if tag.name == "Tip"}
    return {
        id(block)
        for block in document.blocks
        if block.kind == "paragraph"
        and (
            "blockquote" in block.context
            or "component:Tip" in block.context
            or block.line in tip_lines
        )
    }


def _same_notes(page: Page) -> set[int]:
    """Unpaired ``<Tip>``s and callouts that stand for each other in a gap of the
    alignment: ``<Tip>`` … ``</Tip>`` written as ``> [!TIP]`` is the same note, on one
    line or several (the note's own text, aligned, may stand between the two)."""
    same: set[int] = set()
    closing = {**_closing_tags(page.source), **_closing_tags(page.translation)}
    gap_source: list = []
    gap_translation: list = []

    def settle() -> None:
        for source in gap_source:
            for translation in gap_translation:
                if id(translation) not in same and _variant(source) == _variant(translation):
                    same.update({id(source), id(translation)})
                    same.update(
                        id(closing[id(b)]) for b in (source, translation) if id(b) in closing
                    )
                    break
        gap_source.clear()
        gap_translation.clear()

    body = _note_text(page.source) | _note_text(page.translation)
    for pair in page.alignment.pairs:
        if (
            pair.source is not None
            and pair.translation is not None
            and not {id(pair.source), id(pair.translation)} & body
        ):
            settle()
        elif isinstance(pair.source, (Component, Callout)) and _variant(pair.source):
            gap_source.append(pair.source)
        elif isinstance(pair.translation, (Component, Callout)) and _variant(pair.translation):
            gap_translation.append(pair.translation)
    settle()
    return same


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    translatable = set(options["translatable"])
    same_notes = _same_notes(page)
    moved = moved_twins(
        page, (Component, Callout), lambda block: _key(block, translatable), skip=same_notes
    )
    # a dropped (or added) component is reported at its opening tag only
    unpaired = {
        id(block)
        for pair in page.alignment.pairs
        for block in (pair.source, pair.translation)
        if block is not None and (pair.source is None or pair.translation is None)
    }
    closing = {**_closing_tags(page.source), **_closing_tags(page.translation)}
    translated_closing = _closing_tags(page.translation)
    # source closing tags whose opening tag's counterpart the translation leaves open
    left_open = {
        id(closing[id(opening)])
        for opening in page.source.components
        if id(opening) in closing
        and isinstance(page.alignment.counterpart(opening), Component)
        and page.alignment.counterpart(opening).role == "open"
        and id(page.alignment.counterpart(opening)) not in translated_closing
    }
    closes_something = {id(tag) for tag in translated_closing.values()}
    same_notes |= {id(closing[o]) for o in unpaired if o in closing and id(closing[o]) in unpaired}
    for pair in page.alignment.pairs:
        source, translation = pair.source, pair.translation
        kinds = (Component, Callout)
        source = source if isinstance(source, kinds) and id(source) not in same_notes else None
        translation = (
            translation
            if isinstance(translation, kinds) and id(translation) not in same_notes
            else None
        )
        if source is not None and translation is None and id(source) in moved:
            continue
        if translation is not None and source is None and id(translation) in moved:
            original = moved[id(translation)]
            yield Problem(
                translation.line,
                f"{_label(translation)} stands elsewhere in the source (line {original.line}): "
                "the order of components differs",
                source_line=original.line,
            )
            continue
        if source is not None and translation is not None:
            if isinstance(source, Component) and _compared(source, translatable) != _compared(
                translation, translatable
            ):
                yield Problem(
                    translation.line,
                    f"{_label(translation)} differs from the source's {_label(source)} "
                    f"(line {source.line})",
                    source_line=source.line,
                )
        elif source is not None:
            if id(source) in left_open:
                continue  # the translation never closes the tag: unbalanced-component
            yield Problem(
                page.alignment.previous_line(source),
                f"{_label(source)} of the source (line {source.line}) has no counterpart "
                "in the translation",
                source_line=source.line,
            )
        elif translation is not None:
            if (
                getattr(translation, "role", "") == "close"
                and id(translation) not in closes_something
            ):
                continue  # a stray closing tag: unbalanced-component
            yield Problem(translation.line, f"{_label(translation)} is not in the source")
