"""Every fixture pair under fixtures/cases, linted with every rule, gives exactly its expectations."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from doclint import check_pair
from doclint.config import Config, load
from doclint.document import Document
from doclint.fixer import apply_edits
from doclint.inbound import build_index, page_key
from doclint.pairing import PagePair
from doclint.parse import parse
from doclint.registry import all_rules
from doclint.site import FileSite
from doclint.trees import LanguageTree, build_trees

from .conftest import FIXTURES
from .expectations import split_expectations

CASES = sorted(path for path in (FIXTURES / "cases").iterdir() if path.is_dir())
PAIRS = [
    pytest.param(case, translation, id=f"{case.name}/{translation.stem}")
    for case in CASES
    for translation in sorted(case.glob("*.md"))
    if translation.stem.split(".")[0] != "en"
]


def read(path: Path) -> str:
    # bytes → str by hand: keep BOM and CRLF exactly as the fixture has them
    return path.read_bytes().decode("utf-8")


def case_config(case: Path) -> Config:
    config_file = case / ".doclint.toml"
    config = load(config_file) if config_file.is_file() else Config()
    return config.with_overrides(select=("ALL",))


def case_site(case: Path, language: str) -> FileSite | None:
    """Cases with a ``pages/`` tree are linted as if the page were ``pages/<lang>/index.md``."""
    pages = case / "pages"
    if not pages.is_dir():
        return None

    def load(path: Path) -> Document | None:
        return parse(read(path), str(path)) if path.is_file() else None

    root = (pages / language).resolve()
    index = build_index(pages.resolve(), read)

    def inbound(page: Path, top: Path) -> frozenset[str]:
        return frozenset(index.get(page_key(page, top) or "", ()))

    return FileSite(
        root / "index.md", root, (pages / "en").resolve(), language, "folder", load, inbound=inbound
    )


def case_tree(case: Path, language: str, path: str) -> LanguageTree | None:
    """Cases whose ``pages/`` tree has a source table of contents are linted as if their
    language folder had been checked as a folder, with the page owning the tree."""
    pages = case / "pages"
    if not (pages / "en" / "_toctree.yml").is_file():
        return None
    root = (pages / language).resolve()
    pair = PagePair(
        root / "index.md",
        (pages / "en" / "index.md").resolve(),
        language,
        root,
        (pages / "en").resolve(),
    )
    tree = build_trees([str(root)], [pair])[root]
    return replace(tree, owner=path)


def lint_case(case: Path, translation: Path, text: str) -> list:
    """A case's ``en.base.md`` is the source as the translator last saw it."""
    source = case / "en.md"
    base = case / "en.base.md"
    return check_pair(
        read(source) if source.exists() else None,
        text,
        case_config(case),
        language=translation.stem,
        path=translation.name,
        site=case_site(case, translation.stem),
        base_text=read(base) if base.exists() else None,
        tree=case_tree(case, translation.stem, translation.name),
    )


@pytest.mark.parametrize(("case", "translation"), PAIRS)
def test_fixture(case: Path, translation: Path) -> None:
    text, expected = split_expectations(read(translation))
    findings = lint_case(case, translation, text)
    assert sorted((finding.line, finding.name) for finding in findings) == expected


@pytest.mark.parametrize(("case", "translation"), PAIRS)
def test_fixes_leave_nothing_to_fix_and_are_idempotent(case: Path, translation: Path) -> None:
    """As markdownlint's harness does for fixable rules: fix, lint again, expect no
    finding with a fix left; fixing again changes nothing."""
    text, _ = split_expectations(read(translation))
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n")
    findings = lint_case(case, translation, text)
    edits = [edit for finding in findings for edit in finding.fix]
    if not edits:
        return
    fixed = normalised
    for _ in range(4):
        again = apply_edits(fixed, [e for f in lint_case(case, translation, fixed) for e in f.fix])
        if again == fixed:
            break
        fixed = again
    after = lint_case(case, translation, fixed)
    assert [f for f in after if f.fix] == []
    assert apply_edits(fixed, [e for f in after for e in f.fix]) == fixed
    # fixes touch only the lines they were about: nothing is lost
    assert len(fixed.split("\n")) == len(normalised.split("\n"))


def test_every_rule_has_a_fixture_where_it_fires() -> None:
    fired = set()
    for param in PAIRS:
        _, translation = param.values
        fired.update(rule for _, rule in split_expectations(read(translation))[1])
    missing = [rule.name for rule in all_rules() if rule.name not in fired]
    assert not missing, f"rules with no fixture showing them fire: {missing}"


def test_anchor_not_preserved_is_a_warning_only_where_something_links_to_the_id() -> None:
    case = FIXTURES / "cases" / "anchor-links"
    translation = case / "ko.md"
    text, _ = split_expectations(read(translation))
    severities = {
        finding.line: finding.severity
        for finding in lint_case(case, translation, text)
        if finding.name == "anchor-not-preserved"
    }
    # linked from another page of the tree, from the page itself, and from nowhere
    assert severities == {1: "warning", 5: "warning", 9: "info"}


def test_anchor_not_preserved_says_links_break_only_where_something_links() -> None:
    case = FIXTURES / "cases" / "anchor-links"
    translation = case / "ko.md"
    text, _ = split_expectations(read(translation))
    messages = {
        finding.severity: finding.message
        for finding in lint_case(case, translation, text)
        if finding.name == "anchor-not-preserved"
    }
    assert "break" in messages["warning"] and "nothing in the tree links" not in messages["warning"]
    assert "break" not in messages["info"] and "nothing in the tree links" in messages["info"]


def test_there_are_fixtures() -> None:
    assert len(PAIRS) >= 10
