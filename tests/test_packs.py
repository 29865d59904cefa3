"""Rule packs: the shipped ones load, bad ones are rejected naming file and key."""

from __future__ import annotations

import pytest

from doclint import check_pair
from doclint.config import Config
from doclint.packs import PackError, builtin_packs, load

from .conftest import write


def test_builtin_korean_pack():
    assert "ko" in builtin_packs()
    pack = load(builtin_packs()["ko"])
    assert pack.id == "ko" and pack.language == "ko"
    assert "Hugging Face" in pack.allow
    assert any(t.source == "attention mask" and t.target == "어텐션 마스크" for t in pack.terms)
    assert {p.id for p in pack.patterns} >= {"ko-space-before-punctuation"}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a list\n", "a pack is a mapping"),
        ("language: ko\n", "missing key 'id'"),
        ("id: x\nextra: 1\n", "unknown key 'extra'"),
        ("id: x\nallow: [1, 2]\n", "key 'allow' must be a list of strings"),
        (
            "id: x\npatterns:\n  - id: p\n    regex: '('\n    message: m\n",
            "patterns[0]: key 'regex' does not compile",
        ),
        (
            "id: x\npatterns:\n  - id: p\n    regex: a\n    message: m\n    scope: body\n",
            "key 'scope'",
        ),
        (
            "id: x\npatterns:\n  - id: p\n    regex: a\n    message: m\n    severity: loud\n",
            "key 'severity'",
        ),
        ("id: x\nterms:\n  - source: a\n", "terms[0]: missing key 'target'"),
        ("id: x\nterms:\n  - {source: a, target: b, keep-english: maybe}\n", "key 'keep-english'"),
        ("id: [\n", "not valid YAML (line"),
    ],
)
def test_invalid_packs(tmp_path, content, message):
    path = write(tmp_path, {"pack.yml": content}) / "pack.yml"
    with pytest.raises(PackError) as raised:
        load(path)
    assert str(raised.value).startswith(str(path)) and message in str(raised.value)


def test_user_pack_patterns_with_scopes_and_language(tmp_path):
    write(
        tmp_path,
        {
            "team.yml": """\
id: team
language: ja
patterns:
  - id: no-desu-masu-mix
    regex: 'である'
    message: use です/ます style
    severity: error
  - id: no-print-in-code
    regex: 'print\\('
    message: use logging in examples
    scope: code
  - id: heading-exclamation
    regex: '!'
    message: no exclamation marks in headings
    scope: headings
"""
        },
    )
    config = Config(base=tmp_path, packs=("team.yml",), select=("pack-pattern",))
    page = "# 始めよう!\n\nこれはペンである。\n\n```py\nprint(1)\n```\n\n`print(2)` も。\n"
    findings = check_pair(None, page, config, language="ja")
    assert [(f.line, f.severity, f.message.split(":")[0]) for f in findings] == [
        (1, "warning", "heading-exclamation"),
        (3, "error", "no-desu-masu-mix"),
        (6, "warning", "no-print-in-code"),
        (9, "warning", "no-print-in-code"),
    ]
    assert check_pair(None, page, config, language="ko") == []  # a ja pack, a ko page
    # A severity the configuration sets wins over each pattern's own, even when it is
    # the rule's default severity.
    for configured in (
        Config(
            base=tmp_path,
            packs=("team.yml",),
            select=("pack-pattern",),
            severity={"pack-pattern": "warning"},
        ),
        Config(
            base=tmp_path,
            packs=("team.yml",),
            select=("pack-pattern",),
            rules={"pack-pattern": {"severity": "warning"}},
        ),
    ):
        findings = check_pair(None, page, configured, language="ja")
        assert {f.severity for f in findings} == {"warning"}
