"""Property-based tests over generated pages and translations.

The suite runs a modest number of examples. For a long run, set DOCLINT_FUZZ_EXAMPLES:

    DOCLINT_FUZZ_EXAMPLES=20000 python -m pytest tests/test_fuzz.py -p no:cacheprovider

A failure prints the smallest page that shows it; add that page to
``test_fuzz_regressions`` below so it stays fixed.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings

from doclint import check_pair, fix_pair
from doclint.config import Config
from doclint.textfile import InputError

from .fix_invariants import changed_lines, heading_or_named, same_outside_fixes
from .markdown_strategies import pairs

EXAMPLES = int(os.environ.get("DOCLINT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="DOCLINT_FUZZ_EXAMPLES" not in os.environ,  # the suite: same cases each run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ALL = Config(select=("ALL",))
LINK_RULES = ("broken-anchor", "broken-relative-link")


def findings(source: str, translation: str, language: str) -> list[tuple]:
    try:
        found = check_pair(source, translation, ALL, language=language)
    except InputError:
        return [("input-error",)]  # an empty page: refused as input, never a crash
    return [(f.line, f.column, f.rule, f.message) for f in found]


@FUZZ
@given(pairs())
def test_lint_never_raises_and_is_deterministic(pair):
    source, translation, language = pair
    first = findings(source, translation, language)
    assert findings(source, translation, language) == first
    # the translation alone (no source page) is checked too
    assert findings(None, translation, language) == findings(None, translation, language)


def broken_links(source: str, text: str, language: str) -> Counter:
    found = check_pair(source, text, Config(select=LINK_RULES), language=language)
    return Counter(f.message.split(" goes")[0] for f in found)


def link_lines(text: str) -> set[int]:
    return {
        number for number, line in enumerate(text.split("\n"), 1) if "](#" in line or "]: #" in line
    }


def check_fix_invariants(source: str, translation: str, language: str) -> None:
    if not translation.strip():
        return
    fixed, _ = fix_pair(source, translation, ALL, language=language)
    # idempotent
    assert fix_pair(source, fixed, ALL, language=language)[0] == fixed
    # no link that resolved is broken
    assert not broken_links(source, fixed, language) - broken_links(source, translation, language)
    # only heading lines and the links to them change; the rest parses the same
    lines = changed_lines(translation, fixed)
    assert heading_or_named(translation, lines, link_lines(translation)) == []
    assert len(fixed.split("\n")) == len(translation.split("\n"))
    assert same_outside_fixes(translation, fixed)


@FUZZ
@given(pairs())
def test_fix_keeps_the_invariants(pair):
    check_fix_invariants(*pair)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        # a table of contents linking to the translated heading's computed id
        ("# Tools\n\n[t](#tools)\n", "# 工具\n\n[工具](#工具)\n"),
        # two headings that compute the same id, one of them linked
        ("# A\n\n## B\n\n[b](#b)\n", "# 가\n\n## 나\n\n## 나\n\n[나](#나)\n"),
        # a heading made of noise
        ("# [[\n", "# [[]]\n"),
        # repeated headings, one of them fixed (a diff pairs the lines wrongly)
        ("# model\n\n# model\n", "# model\n\n# 모델\n\n# 모델\n"),
    ],
)
def test_fuzz_regressions(source, translation):
    assert findings(source, translation, "ko") == findings(source, translation, "ko")
    check_fix_invariants(source, translation, "ko")
