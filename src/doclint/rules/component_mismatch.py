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

import regex

from doclint.align import SOURCE, TRANSLATION, SideIndex
from doclint.document import Callout, Component, Document
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._pairs import before_unclosed_fence, moved_twins
from doclint.rules.callout_keyword_translated import unknown_keyword
from doclint.urls import target_keys

TRAILING_COMMA_RE = regex.compile(r",([\]}])")
STRING_RE = regex.compile(r""""((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`""")
# a comment of a JSX expression, once its strings are set aside: ``/** Accessible label */``
COMMENT_RE = regex.compile(r"/\*.*?\*/|//[^\n]*", regex.DOTALL)
WARNING_RE = regex.compile(r"warning=\{?true|warning|caution|danger|attention|error|bug")
TEXT_VALUE_RE = regex.compile(r"\s|[^\x00-\x7f]")  # words, or letters of any script
WORD_VALUE_RE = regex.compile(r"^\p{Lu}\p{Ll}+[!?.…:]?$")  # ``Traces``, ``Copied!``
# the text of JSX elements in an expression (``<>Notifier type</>``): shown to readers
JSX_TEXT_RE = regex.compile(r"(?<=>)[^<>{}]++(?=<)")
# the key a string is the value of, just before it: ``label: ``
KEY_BEFORE_RE = regex.compile(r"(\w+)\s*:\s*$")
# keys whose strings are shown to readers: a translation changes them, however short
LABEL_KEYS = frozenset({"label", "title", "text", "description", "alt", "legend", "placeholder"})
# what is left of an expression of texts once they are masked: ``{{ a: "…", "b": "…" }}``
TEXT_ONLY_RE = regex.compile(r"""^(?:[\s{}\[\],:]|"…"|[\w$]+\s*:)*$""")

CODE = "DL401"
NAME = "component-mismatch"
CATEGORY = "component"
SEVERITY = "error"
OPTIONS = {"translatable": ["hfoptions.id", "hfoption.id", "Tip.title"]}


def _label(block: Component | Callout, attributes: bool = True) -> str:
    if isinstance(block, Callout):
        return f"> [!{block.name}]"
    if block.markup:
        return block.label
    shown = block.attrs if attributes else ()
    attrs = "".join(
        f" {key}={_clipped(value)}" if value.startswith("{") else f' {key}="{_clipped(value)}"'
        for key, value in shown
    )
    slash = "/" if block.role == "close" else ""
    end = "/>" if block.role == "self" else ">"
    return f"<{slash}{block.name}{attrs}{end}"


def _key(block: Component | Callout, translatable: set[str]) -> tuple:
    if isinstance(block, Callout):
        return ("callout", block.name)
    return (block.name, block.role, _compared(block, translatable))


def _compared(block: Component, translatable: set[str]) -> tuple:
    """The attributes a translation keeps, with JSX expressions' layout folded: not the
    ``translatable`` ones, nor values that read as text (``title="Powered by Astro"``)."""
    return tuple(
        (key, _folded(value))
        for key, value in block.attrs
        if f"{block.name}.{key}" not in translatable
        and not _reads_as_text(value)
        and not _texts_only(value)
    )


def _reads_as_text(value: str) -> bool:
    """A label shown to readers, which translations change, rather than an identifier,
    a path, a URL or an expression they keep."""
    if value.startswith("{") or "://" in value:
        return False
    if value.startswith(("/", "./", "../")) and not value.startswith("//"):
        return False  # a path; ``// a comment`` is text
    if value.startswith("#") and not value[1:].startswith(("#", " ")):
        return False  # a fragment, not a Markdown heading (``## Welcome``)
    return bool(TEXT_VALUE_RE.search(value)) or bool(WORD_VALUE_RE.match(value))


def _texts_only(value: str) -> bool:
    """An expression that holds nothing but texts shown to readers — ``{{ copied:
    "Copied!" }}``, ``{{}}``: a translation's own, to add, change or leave out."""
    return value.startswith("{") and bool(TEXT_ONLY_RE.match(_folded(value)))


def _link_like(value: str) -> bool:
    return value.startswith(("/", "./", "../", "http://", "https://"))


def _changed_attribute(
    source: Component | Callout,
    translation: Component | Callout,
    translatable: set[str],
    localized: tuple[str, ...] = (),
) -> str:
    """What differs between two paired components' attributes, or ``""``. A value that
    reads as text on either side is a label the translation may change; a link may
    point at the localized page (``localized``: the project's localized URLs)."""
    if not isinstance(source, Component) or not isinstance(translation, Component):
        return ""
    theirs, ours = dict(source.attrs), dict(translation.attrs)
    for key in dict.fromkeys([*theirs, *ours]):
        if f"{source.name}.{key}" in translatable:
            continue
        before, after = theirs.get(key), ours.get(key)
        if all(value is None or _texts_only(value) for value in (before, after)):
            continue
        if before is not None and after is not None:
            if _reads_as_text(before) or _reads_as_text(after) or _same_expression(before, after):
                continue
            if _link_like(before) and target_keys(before, localized) & target_keys(
                after, localized
            ):
                continue  # the localized page of the same link: ``/de/guides/x/``
            return f"{key}={_short(after)} was {key}={_short(before)}"
        if before is None and after is not None:
            return f"{key} is not in the source"
        if after is None and before is not None:
            return f"{key}={_short(before)} is missing"
    return ""


def _short(value: str) -> str:
    value = " ".join(value.split())
    return repr(value if len(value) <= 60 else value[:57] + "…")


def _clipped(value: str) -> str:
    value = " ".join(value.split())
    return value if len(value) <= 40 else value[:39] + "…"


def _same_expression(before: str, after: str) -> bool:
    """Two JSX expressions alike but for their comments and the texts shown to readers:
    each string that differs reads as text on one side at least (``'constellations'``
    became ``'星座'``, ```## Welcome`` `` became ```## Bienvenue`` ``)."""
    if not before.startswith("{") or not after.startswith("{"):
        return _folded(before) == _folded(after)
    theirs, ours = _skeleton(before), _skeleton(after)
    if theirs[0] != ours[0] or len(theirs[1]) != len(ours[1]):
        return False
    return all(
        a == b or _reads_as_text(a) or _reads_as_text(b) or key in LABEL_KEYS
        for (key, a), (_, b) in zip(theirs[1], ours[1])
    )


def _skeleton(value: str) -> tuple[str, list[tuple[str, str]]]:
    """An expression's shape without strings, comments, element text and layout, and
    its strings, each with the key it is the value of (``label: 'stars'``)."""
    strings = []
    for match in STRING_RE.finditer(value):
        key = KEY_BEFORE_RE.search(value, max(0, match.start() - 80), match.start())
        text = next((g for g in match.groups() if g is not None), "")
        strings.append((key.group(1) if key else "", text))
    shape = JSX_TEXT_RE.sub("", COMMENT_RE.sub("", STRING_RE.sub('""', value)))
    return TRAILING_COMMA_RE.sub(r"\1", "".join(shape.split())), strings


def _folded(value: str) -> str:
    """``{[\n  { a: 1, },\n]}`` and ``{[{ a: 1 }]}`` are the same expression; strings
    in it that read as text (``{ text: "A model" }``) are a translation's to change."""
    if not value.startswith("{"):
        return value
    value = STRING_RE.sub(
        lambda m: '"…"' if _reads_as_text(next((g for g in m.groups() if g), "")) else m.group(0),
        value,
    )
    return TRAILING_COMMA_RE.sub(r"\1", "".join(value.split()))


def _variant(page: Page, block: Component | Callout) -> str | None:
    """``tip`` or ``warning`` for the spellings of a note — an alert, an admonition, a
    note component of the dialect (``<Tip>``, ``{{% alert %}}``, ``<Aside>``) — None for
    anything else."""
    if isinstance(block, Callout):
        return "warning" if block.name in ("WARNING", "CAUTION") else "tip"
    if block.role != "open":
        return None
    if block.name not in page.dialect.note_components and not _admonition(block):
        return None
    said = " ".join([block.name, *(f"{key}={value}" for key, value in block.attrs)]).lower()
    # ``<Tip warning={true}>``, ``type="caution"``, ``color="warning"``, ``!!! danger``
    return "warning" if WARNING_RE.search(said) else "tip"


def _closing_tags(document: Document) -> dict[int, Component]:
    """The closing tag of each opening tag, keyed by the opening one's index."""
    closing: dict[int, Component] = {}
    stack: list[Component] = []
    for tag in document.components:
        if tag.role == "open":
            stack.append(tag)
        elif tag.role == "close":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].name == tag.name:
                    closing[stack[depth].index] = tag
                    del stack[depth:]
                    break
    return closing


def _admonition(block: Component | Callout) -> bool:
    return isinstance(block, Component) and bool(block.markup) and block.role == "open"


def _note_text(document: Document, notes: frozenset[str]) -> set[int]:
    """Indices of the blocks that are a note's own text: in a blockquote or a note
    component of the dialect (``notes``), or on the line of a one-line
    ``<Tip>…</Tip>``."""
    note_lines = {tag.line for tag in document.components if tag.name in notes}
    inside = {f"component:{name}" for name in notes}
    return {
        block.index
        for block in document.blocks
        if block.kind == "paragraph"
        and (
            "blockquote" in block.context
            or inside.intersection(block.context)
            or block.line in note_lines
        )
    }


def _same_notes(page: Page, changed: list) -> set[SideIndex]:
    """Unpaired ``<Tip>``s and callouts that stand for each other in a gap of the
    alignment: ``<Tip>`` … ``</Tip>`` written as ``> [!TIP]`` is the same note, on one
    line or several (the note's own text, aligned, may stand between the two). Keyed
    by ``(side, index)``: the tags of both sides, with their closing tags."""
    same: set[SideIndex] = set()
    closing = (_closing_tags(page.source), _closing_tags(page.translation))  # by side
    gap_source: list = []
    gap_translation: list = []

    def settle() -> None:
        for source in gap_source:
            for translation in gap_translation:
                if (TRANSLATION, translation.index) in same:
                    continue
                # a translated keyword is callout-keyword-translated's finding
                renamed = unknown_keyword(page, translation) and type(source) is type(translation)
                retyped = _admonition(source) and _admonition(translation)
                variant = _variant(page, source)
                if renamed or retyped or (variant and variant == _variant(page, translation)):
                    if retyped and not renamed and source.name != translation.name:
                        changed.append((source, translation))
                    same.update({(SOURCE, source.index), (TRANSLATION, translation.index)})
                    same.update(
                        (side, closing[side][block.index].index)
                        for side, block in ((SOURCE, source), (TRANSLATION, translation))
                        if block.index in closing[side]
                    )
                    break
        gap_source.clear()
        gap_translation.clear()

    notes = page.dialect.note_components
    source_body = _note_text(page.source, notes)
    translated_body = _note_text(page.translation, notes)
    for pair in page.alignment.pairs:
        if (
            pair.source is not None
            and pair.translation is not None
            and pair.source.index not in source_body
            and pair.translation.index not in translated_body
        ):
            settle()
        elif isinstance(pair.source, (Component, Callout)) and _noted(page, pair.source):
            gap_source.append(pair.source)
        elif isinstance(pair.translation, (Component, Callout)) and _noted(page, pair.translation):
            gap_translation.append(pair.translation)
    settle()
    return same


def _noted(page: Page, block: Component | Callout) -> bool:
    """A note (``<Tip>``, a callout, an admonition) that may stand for another one."""
    return _admonition(block) or bool(_variant(page, block)) or unknown_keyword(page, block)


def check(page: Page, options: dict) -> Iterator[Problem]:
    return before_unclosed_fence(page, _check(page, options))


def _check(page: Page, options: dict) -> Iterator[Problem]:
    translatable = set(options["translatable"]) | page.dialect.translatable_attributes
    retyped: list[tuple[Component, Component]] = []
    same_notes = _same_notes(page, retyped)
    for source, translation in retyped:
        yield Problem(
            translation.line,
            f"{_label(translation)} stands where the source has {_label(source)} "
            f"(line {source.line}): the kind of box changed",
            source_line=source.line,
        )
    moved = moved_twins(
        page, (Component, Callout), lambda block: _key(block, translatable), skip=same_notes
    )
    # a dropped (or added) component is reported at its opening tag only
    unpaired = {
        (side, block.index)
        for pair in page.alignment.pairs
        for side, block in ((SOURCE, pair.source), (TRANSLATION, pair.translation))
        if block is not None and (pair.source is None or pair.translation is None)
    }
    closing = (_closing_tags(page.source), _closing_tags(page.translation))  # by side
    source_closing, translated_closing = closing
    # source closing tags whose opening tag's counterpart the translation leaves open
    left_open = {
        source_closing[opening.index].index
        for opening in page.source.components
        if opening.index in source_closing
        and isinstance(page.alignment.counterpart(opening), Component)
        and page.alignment.counterpart(opening).role == "open"
        and page.alignment.counterpart(opening).index not in translated_closing
    }
    closes_something = {tag.index for tag in translated_closing.values()}
    same_notes |= {
        (side, closing[side][index].index)
        for side, index in unpaired
        if index in closing[side] and (side, closing[side][index].index) in unpaired
    }
    for pair in page.alignment.pairs:
        source, translation = pair.source, pair.translation
        kinds = (Component, Callout)
        source = (
            source
            if isinstance(source, kinds) and (SOURCE, source.index) not in same_notes
            else None
        )
        translation = (
            translation
            if isinstance(translation, kinds) and (TRANSLATION, translation.index) not in same_notes
            else None
        )
        if source is not None and translation is None and (SOURCE, source.index) in moved:
            continue
        if translation is not None and source is None and (TRANSLATION, translation.index) in moved:
            original = moved[TRANSLATION, translation.index]
            yield Problem(
                translation.line,
                f"{_label(translation)} stands elsewhere in the source (line {original.line}): "
                "the order of components differs",
                source_line=original.line,
            )
            continue
        if source is not None and translation is not None:
            changed = _changed_attribute(source, translation, translatable, page.localized_urls)
            if changed:
                yield Problem(
                    translation.line,
                    f"{_label(translation, False)} differs from the source's "
                    f"(line {source.line}): {changed}",
                    source_line=source.line,
                )
        elif source is not None:
            if source.index in left_open:
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
                and translation.index not in closes_something
            ):
                continue  # a stray closing tag: unbalanced-component
            yield Problem(translation.line, f"{_label(translation)} is not in the source")
