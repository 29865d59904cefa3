"""A number of the source block that the aligned translated block does not have.

Numbers are compared by value, not spelling: ``1,000`` is ``1000``, and ``175 billion``
is ``1,750억`` (Korean 만/억/조), ``1750億`` (Japanese 万/億/兆) or ``1750亿`` (Chinese
万/亿). Small numbers may be words: any Han numeral (``零``, ``三``, ``兩``) and the
words for zero to ten of the languages in ``doclint.numberwords`` (``두``, ``zwei``,
``سه``, ``двух``), and a 1 that counts a thing may be an indefinite article (``1
subfolder``, ``einem Unterordner``) where no other digit took its place. ``2,3 and
4`` lists 2 and 3. Versions (``2.0.1``) compare as text. Numbers in code, URLs and link targets
are left to the code and link rules, and ordinals (``1st``) are skipped since they
are usually translated as words.

Each block is compared with its aligned block and the unpaired blocks right around
it (a paragraph split in two, two merged), so the same value elsewhere in the
section does not hide a changed number. A number changed in place is one finding:
"'3' became '10'".
"""

from __future__ import annotations

from collections.abc import Iterator

from doclint.document import Block, inline_of
from doclint.finding import Problem
from doclint.numbers import Number, counts_one, numbers, states_one, value_set
from doclint.page import Page
from doclint.rules._pairs import with_inline

CODE = "DL701"
NAME = "number-mismatch"
CATEGORY = "number"
SEVERITY = "warning"


def _values(blocks: list[Block]) -> frozenset:
    return frozenset().union(*(value_set(i.prose) for b in blocks for i in inline_of(b)))


def _digits(blocks: list[Block]) -> frozenset:
    return frozenset(
        value
        for b in blocks
        for i in inline_of(b)
        for number in numbers(i.prose)
        for value in number.values
    )


def _numbers(block: Block) -> list[tuple[Number, int]]:
    """Each number of a block's prose with its line, once per spelling."""
    found, seen = [], set()
    for inline in inline_of(block):
        for number in numbers(inline.prose):
            if number.text not in seen:
                seen.add(number.text)
                found.append((number, inline.line + inline.prose.count("\n", 0, number.start)))
    return found


def _counted_ones(block: Block) -> set[str]:
    return {
        number.text
        for inline in inline_of(block)
        for number in numbers(inline.prose)
        if counts_one(inline.prose, number)
    }


def _states_one(block: Block) -> bool:
    return any(states_one(inline.prose) for inline in inline_of(block))


def check(page: Page, options: dict) -> Iterator[Problem]:
    alignment = page.alignment
    for source, _ in with_inline(page):
        wanted = _numbers(source)
        if not wanted:  # only the source's numbers are looked for
            continue
        translation = alignment.counterpart(source)
        # the aligned block and the unpaired blocks right around it (a paragraph split
        # or merged): a number elsewhere in the section is another sentence's
        window = alignment.window(source)
        present = _values(window)
        in_source = _values(alignment.window(translation))
        # a number the aligned block has in place of a missing one (a number only in the
        # translation is otherwise no finding: translators write "zero" as 0 and number
        # the options of a sentence, and too many of those would bury the real ones)
        extra = [(n, line) for n, line in _numbers(translation) if not n.matches(in_source)]
        # a value the translation writes only as a word ("두", "zwei") stands for the
        # source's digits — unless a digit the source lacks is left to take their place
        digits = _digits(window)
        # ``1 subfolder`` as ``einem Unterordner``: the article counts the one thing
        ones = _counted_ones(source) if any(_states_one(b) for b in window) else set()
        missing = [(n, line) for n, line in wanted if not n.matches(present) and n.text not in ones]
        as_words = [
            (n, line)
            for n, line in wanted
            if (n.matches(present) or n.text in ones) and not n.matches(digits)
        ]
        missing += as_words[: max(0, len(extra) - len(missing))]
        for number, line in missing:
            if extra:
                instead, where = extra.pop(0)
                yield Problem(
                    where,
                    f"number {number.text.strip()!r} of the source (line {line}) became "
                    f"{instead.text.strip()!r}",
                    source_line=line,
                )
                continue
            yield Problem(
                translation.line,
                f"number {number.text.strip()!r} of the source (line {line}) is not in "
                "the translation",
                source_line=line,
            )
