"""Every regular expression that sees page text runs in linear time on adversarial
input, and a rule pack's pattern that runs too long is reported, not hung on."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
import regex

import doclint

SIZE = 100_000
# Long runs of what patterns match a prefix of and then fail on: spaces before a
# non-space, unclosed brackets, parentheses, tags, comments, math, numbers, URLs.
UNITS = [
    " ", "\t", "a", "A", "1", "1,", "1.", "#", " #", "[", "[[", "[[a", "]]", "(", "(a ",
    "\\(", "\\[", "$", "$$", "$a", "<", "<a", "<a b", '<a b="', "<a b={", "{", "{{",
    "<!--", "-", "--", "http://", "www.", "a-", "a'", "!", "[!", ". ", "。", "다", "百",
    "- ", "1. ", "`", "~", "|", "<T", "</", "=", "\n", " \n", "é", "가", "ー", "\u200b",
]  # fmt: skip
TAILS = ["x", "\n"]


def adversarial() -> list[str]:
    strings = []
    for unit in UNITS:
        body = unit * (SIZE // len(unit))
        strings.extend(body + tail for tail in TAILS)
    return strings


def built_in_patterns() -> list[tuple[str, regex.Pattern]]:
    """Every compiled pattern at the top level of a doclint module."""
    found = {}
    for info in pkgutil.walk_packages(doclint.__path__, "doclint."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (regex.Pattern, re.Pattern)):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
    # and the patterns each dialect holds: heading ids, inline markup
    from doclint.dialects import dialects

    for dialect in dialects().values():
        held = [(f"id{i}", s.pattern) for i, s in enumerate(dialect.heading_ids)]
        held += [(f"malformed{i}", s.malformed) for i, s in enumerate(dialect.heading_ids)]
        held += [(f"markup{i}", pattern) for i, pattern in enumerate(dialect.inline_markup)]
        for name, value in held:
            if value is not None:
                found.setdefault(id(value), (f"dialect {dialect.name} {name}", value))
    return sorted(found.values(), key=lambda item: item[0])


PATTERNS = built_in_patterns()


def test_the_audit_sees_the_patterns():
    names = {name for name, _ in PATTERNS}
    assert {"doclint.html.TAG_RE", "doclint.inlines.MATH_RE", "dialect doc-builder id0"} <= names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_built_in_pattern_is_linear_on_adversarial_input(name, pattern):
    # A backtracking blow-up on 100 KB takes minutes to hours; linear scans take
    # milliseconds. The generous timeout tells the two apart without timing anything.
    for text in adversarial():
        try:
            if isinstance(pattern, regex.Pattern):
                pattern.sub("", text, timeout=5)
            else:
                pattern.sub("", text)
        except TimeoutError:
            pytest.fail(f"{name} backtracks on {text[:12]!r}… ({len(text)} characters)")
