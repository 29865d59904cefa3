"""Rule discovery: built-in modules, entry-point plugins, header validation."""

from __future__ import annotations

import types

import pytest

from doclint import check_pair, registry
from doclint.config import Config
from doclint.finding import CATEGORIES, Problem


def plugin_module(**header):
    module = types.ModuleType("acme_rules")
    module.__doc__ = "Flags the word 'TODO' in a translation.\n\nLonger text."
    module.CODE, module.NAME, module.CATEGORY, module.SEVERITY = (
        "AC101",
        "no-todo",
        "syntax",
        "warning",
    )
    module.NEEDS_SOURCE = False
    module.OPTIONS = {"word": "TODO"}

    def check(page, options):
        for number, line in enumerate(page.translation.lines, 1):
            if options["word"] in line:
                yield Problem(number, f"{options['word']} left in the page")

    module.check = check
    for key, value in header.items():
        setattr(module, key, value)
    return module


@pytest.fixture
def with_plugin(monkeypatch):
    def install(module):
        monkeypatch.setattr(registry, "_plugin_modules", lambda: [module])
        registry.all_rules.cache_clear()

    yield install
    registry.all_rules.cache_clear()


def test_builtin_rules_are_discovered_with_valid_headers():
    rules = registry.all_rules()
    assert [r.code for r in rules] == sorted(r.code for r in rules)
    assert all(r.category in CATEGORIES and r.summary and r.doc for r in rules)
    assert registry.find_rule("no-source-file").code == "DL001"


def test_entry_point_plugin_runs_with_options_and_selection(with_plugin):
    with_plugin(plugin_module())
    assert registry.find_rule("no-todo").code == "AC101"
    findings = check_pair(None, "# Page\n\nTODO translate\n", Config(select=("AC",)))
    assert [(f.line, f.rule, f.severity) for f in findings] == [(3, "AC101", "warning")]
    config = Config(select=("no-todo",), rules={"no-todo": {"word": "FIXME"}})
    assert check_pair(None, "# Page\n\nFIXME\n", config)[0].message == "FIXME left in the page"


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ({"CODE": "X1"}, "CODE 'X1' is not like 'DL101'"),
        ({"NAME": "NoTodo"}, "NAME 'NoTodo' is not kebab-case"),
        ({"CATEGORY": "style"}, "CATEGORY 'style'"),
        ({"SEVERITY": "fatal"}, "SEVERITY 'fatal'"),
        ({"__doc__": None}, "has no docstring"),
        ({"NAME": "no-source-file"}, "two rules are called 'no-source-file'"),
    ],
)
def test_invalid_plugins_are_rejected_with_a_reason(with_plugin, header, message):
    with_plugin(plugin_module(**header))
    with pytest.raises(registry.RuleError, match=message):
        registry.all_rules()


def test_a_broken_plugin_is_a_clean_cli_error(with_plugin, isolated, capsys):
    from doclint.cli import main

    with_plugin(plugin_module(SEVERITY="fatal"))
    assert main(["rules"]) == 2
    assert "a rule could not be loaded" in capsys.readouterr().err
