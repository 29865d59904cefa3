"""Fixture expectations: a trailing ``<!-- doclint-expect: LINE RULE; … -->`` comment."""

from __future__ import annotations

import re

EXPECT_RE = re.compile(r"<!--\s*doclint-expect:(?P<body>.*?)-->(?:\r?\n)?", re.DOTALL)


def split_expectations(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with the expectation comment removed, and the expected (line, rule) list."""
    match = EXPECT_RE.search(text)
    if match is None:
        raise ValueError("fixture has no doclint-expect comment")
    body = match.group("body").strip()
    expected = []
    if body != "none":
        for item in body.split(";"):
            line, rule = item.split()
            expected.append((int(line), rule))
    return text[: match.start()] + text[match.end() :], sorted(expected)
