"""Every column doclint reports on real documentation points at the flagged text, and
findings on one line come in the order of the line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import regex

from doclint.config import Config
from doclint.runner import Runner

from .conftest import CORPUS

TREES = ("huggingface_hub/docs/source", "smolagents/docs/source", "transformers/ko")
BACKTICKED = regex.compile(r"`([^`]+)`")
LINK_TO = regex.compile(r"link to (?:'([^']+)'|#(\S+))")


def flagged_at(rule: str, message: str, rest: str) -> bool:
    """Whether ``rest`` (the line from the reported column on) starts with what the
    message names."""
    if rule in ("inline-code-missing", "inline-code-extra"):
        # "`X` became `Y`" is reported at Y; "`X` is not in the source" at X
        wanted = BACKTICKED.findall(message)[-1].rstrip("…")
        return rest.startswith("`") and rest.lstrip("`").lstrip().startswith(wanted)
    if rule in ("broken-anchor", "broken-relative-link"):
        match = LINK_TO.search(message)
        target = unquote(rest)
        if match.group(1):
            return target.startswith(match.group(1))
        return "#" + match.group(2) in target.split(")")[0]
    if rule == "malformed-anchor":
        return rest.startswith("[")
    raise AssertionError(f"no check for the columns of {rule}: add one here")


@pytest.fixture(scope="module")
def findings() -> list:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return Runner(Config(select=("ALL",))).run([str(CORPUS / tree) for tree in TREES]).findings


def test_every_column_points_at_the_flagged_text(findings):
    checked = 0
    for finding in findings:
        if finding.column == 1:
            continue
        line = Path(finding.path).read_text(encoding="utf-8").split("\n")[finding.line - 1]
        rest = line[finding.column - 1 :]
        assert flagged_at(finding.name, finding.message, rest), (
            f"{finding.path}:{finding.line}:{finding.column} {finding.name}: "
            f"{finding.message!r} points at {rest[:40]!r}"
        )
        checked += 1
    assert checked > 50  # the corpus has many findings with a column


def test_findings_on_one_line_are_in_the_order_of_the_line(findings):
    by_line: dict[tuple[str, int], list] = {}
    for finding in findings:
        by_line.setdefault((finding.path, finding.line), []).append(finding)
    for findings in by_line.values():
        columns = [finding.column for finding in findings]
        assert columns == sorted(columns)
