"""Every fixture pair under fixtures/cases, linted with every rule, gives exactly its expectations."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint import check_pair
from doclint.config import Config, load
from doclint.registry import all_rules

from .conftest import FIXTURES
from .expectations import split_expectations

CASES = sorted(path for path in (FIXTURES / "cases").iterdir() if path.is_dir())
PAIRS = [
    pytest.param(case, translation, id=f"{case.name}/{translation.stem}")
    for case in CASES
    for translation in sorted(case.glob("*.md"))
    if translation.stem != "en"
]


def read(path: Path) -> str:
    # bytes → str by hand: keep BOM and CRLF exactly as the fixture has them
    return path.read_bytes().decode("utf-8")


def case_config(case: Path) -> Config:
    config_file = case / ".doclint.toml"
    config = load(config_file) if config_file.is_file() else Config()
    return config.with_overrides(select=("ALL",))


@pytest.mark.parametrize(("case", "translation"), PAIRS)
def test_fixture(case: Path, translation: Path) -> None:
    text, expected = split_expectations(read(translation))
    source = case / "en.md"
    findings = check_pair(
        read(source) if source.exists() else None,
        text,
        case_config(case),
        language=translation.stem,
        path=translation.name,
    )
    assert sorted((finding.line, finding.name) for finding in findings) == expected


def test_every_rule_has_a_fixture_where_it_fires() -> None:
    fired = set()
    for param in PAIRS:
        _, translation = param.values
        fired.update(rule for _, rule in split_expectations(read(translation))[1])
    missing = [rule.name for rule in all_rules() if rule.name not in fired]
    assert not missing, f"rules with no fixture showing them fire: {missing}"


def test_there_are_fixtures() -> None:
    assert len(PAIRS) >= 10
