"""Configuration files, their validation, and rule selection."""

from __future__ import annotations

import pytest

from doclint.config import Config, ConfigError, load
from doclint.registry import all_rules, find_rule, resolve_selection

from .conftest import write


def enabled(config: Config) -> set[str]:
    return {e.rule.name for e in config.enabled_rules()}


def test_no_file_means_defaults(isolated):
    config = load()
    assert config.path is None and config.source_language == "en"
    assert enabled(config) == {rule.name for rule in all_rules() if rule.enabled}


def test_pyproject_table_found_upward(isolated):
    write(isolated, {"pyproject.toml": '[tool.doclint]\nsource = "docs/en"\nignore = ["syntax"]\n'})
    (isolated / "deep" / "er").mkdir(parents=True)
    config = load(start=isolated / "deep" / "er")
    assert config.path == (isolated / "pyproject.toml").resolve()
    assert config.source == (isolated / "docs/en").resolve()
    assert "unclosed-code-fence" not in enabled(config)


def test_pyproject_without_table_is_passed_over_and_dedicated_file_wins(isolated):
    write(
        isolated,
        {
            "pyproject.toml": "[project]\nname = 'x'\n",
            "sub/.doclint.toml": "slug = 'github'\n",
            "sub/pyproject.toml": "[tool.doclint]\nslug = 'doc-builder'\n",
        },
    )
    assert load(start=isolated).path is None
    assert load(start=isolated / "sub").slug == "github"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour = 'red'\n", "unknown key 'colour'"),
        ("layout = 'tree'\n", "key 'layout' must be one of folder, suffix"),
        ("select = 'DL001'\n", "key 'select' must be a list of strings"),
        ("select = ['no-such-rule']\n", "key 'select': no rule matches 'no-such-rule'"),
        ("[severity]\nsyntax = 'fatal'\n", "key 'severity.syntax' must be one of"),
        ("[rules.nope]\n", "key 'rules.nope': no such rule"),
        ("[rules.unclosed-code-fence]\ncolour = 1\n", "unknown option 'colour'"),
        ("[rules.unclosed-code-fence]\nseverity = 'loud'\n", "rules.unclosed-code-fence.severity"),
        ("packs = ['klingon']\n", "key 'packs': pack 'klingon' is neither a built-in pack"),
        ("fail-on = 'never'\n", "key 'fail-on'"),
        ("localized-urls = 'https://x.org/{lang}/'\n", "key 'localized-urls' must be a list"),
        ("localized-urls = ['https://x.org/ko/']\n", "key 'localized-urls': 'https://x.org/ko/' "),
        ("localized-urls = ['/docs/{lang}/']\n", "key 'localized-urls': '/docs/{lang}/' must be"),
        ("this is = not toml\n", "not valid TOML"),
    ],
)
def test_errors_name_the_file_and_key(isolated, content, message):
    write(isolated, {".doclint.toml": content})
    with pytest.raises(ConfigError) as raised:
        config = load()
        config.load_packs()
    # named as the user would write it: relative to the working directory
    assert str(raised.value).startswith(".doclint.toml:")
    assert message in str(raised.value)


def test_selection_like_ruff():
    def names(select, extend=(), ignore=()):
        return {rule.name for rule in resolve_selection(select, extend, ignore)}

    defaults = names(None)
    assert names(None, ignore=["syntax"]) == defaults - {
        r.name for r in all_rules() if r.category == "syntax"
    }
    assert names(["syntax"], ignore=["DL002"]) == {
        r.name for r in all_rules() if r.category == "syntax"
    } - {"unclosed-code-fence"}
    assert names(["DL002"], ignore=["syntax"]) == {"unclosed-code-fence"}  # more specific wins
    assert names(["DL00"]) == {r.name for r in all_rules() if r.code.startswith("DL00")}
    assert names(None, extend=["ALL"]) >= defaults
    assert names(["unclosed-comment"]) == {"unclosed-comment"}


def test_severity_overrides_most_specific_wins(isolated):
    write(
        isolated,
        {
            ".doclint.toml": "[severity]\nsyntax = 'warning'\nDL002 = 'info'\n"
            "[rules.unclosed-comment]\nseverity = 'error'\n"
        },
    )
    config = load()
    severities = {e.rule.name: e.severity for e in config.enabled_rules()}
    assert severities["unclosed-code-fence"] == "info"
    assert severities["unbalanced-component"] == "warning"
    assert severities["unclosed-comment"] == "error"
    assert severities["no-source-file"] == "error"


def test_cli_style_overrides_are_validated():
    with pytest.raises(ConfigError, match="no rule matches 'bogus'"):
        Config().with_overrides(select=("bogus",))
    config = Config().with_overrides(select=("DL002",), layout=None)
    assert enabled(config) == {"unclosed-code-fence"}


def test_rule_options_are_type_checked(monkeypatch):
    from dataclasses import replace

    rule = find_rule("unclosed-code-fence")
    from doclint import registry

    fake = replace(rule, options={"max": 3, "names": ["a"]})
    options, errors = registry.validate_options(fake, {"max": "three", "names": ["b"]})
    assert errors == [
        "option 'max' of rule unclosed-code-fence must be a whole number, not 'three'"
    ]
    assert options == {"max": 3, "names": ["b"]}


def test_localized_urls_are_read(isolated):
    write(
        isolated, {".doclint.toml": "localized-urls = ['https://fastapi.tiangolo.com/{lang}/']\n"}
    )
    assert load().localized_urls == ("https://fastapi.tiangolo.com/{lang}/",)
