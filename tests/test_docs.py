"""The documentation matches the code."""

from __future__ import annotations

import re

from doclint.registry import all_rules
from doclint.ruledocs import rules_markdown

from .conftest import ROOT


def test_rule_reference_is_generated_and_current():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), (
        "docs/rules.md is out of date: run `doclint rules --format markdown > docs/rules.md`"
    )


def test_every_rule_is_documented():
    for rule in all_rules():
        assert len(rule.doc.split("\n\n")) >= 2, f"{rule.name}: docstring needs a body"


def test_readme_quickstart_commands_are_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.*?)\n```", readme, re.DOTALL)
    test_command = next(c for c in commands if "pytest" in c)
    assert test_command.strip() in ci
    assert any("doclint check fixtures/demo/ko" in c for c in commands)
