"""The command-line conventions people bring from ruff, markdownlint-cli2 and Vale."""

from __future__ import annotations

import io
import json
import sys

import pytest

from doclint.cli import main
from doclint.progress import NoProgress, TerminalProgress, progress_for
from doclint.registry import find_rule
from doclint.ruledocs import plain_text, rule_text

from .conftest import BROKEN, GOOD, write
from .conftest import run_cli as run

# Two headings whose source ids are lost (anchor-not-preserved, fixable with --fix)
# and a code block changed (code-block-modified, fixable with --fix --fix-code).
FIXABLE = {
    "docs/en/f.md": "# F\n\n## Setup\n\n```py\nx = 1\n```\n\n## Usage\n",
    "docs/ko/f.md": "# 에프[[f]]\n\n## 설정\n\n```py\nx = 2\n```\n\n## 사용법\n",
}


def test_exit_zero_reports_findings_but_succeeds(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, _ = run(capsys, "check", "docs/ko", "--exit-zero")
    assert code == 0 and "DL006" in out
    # a usage error still fails
    code, _, _ = run(capsys, "check", "docs/ko", "--exit-zero", "--select", "nope")
    assert code == 2


def test_statistics_counts_findings_per_rule(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, **FIXABLE})
    code, out, _ = run(capsys, "check", "docs/ko", "--statistics")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].split() == ["2", "DL102", "[*]", "anchor-not-preserved"]
    assert ["1", "DL006", "unclosed-comment"] in [line.split() for line in lines]
    assert lines[-1].startswith("Found 4 findings")
    code, out, _ = run(capsys, "check", "docs/ko", "--statistics", "--format", "json")
    assert json.loads(out)[0] == {
        "code": "DL102",
        "name": "anchor-not-preserved",
        "count": 2,
        "fixable": 2,
    }
    code, _, err = run(capsys, "check", "docs/ko", "--statistics", "--format", "sarif")
    assert code == 2 and "--statistics" in err


def test_fixable_findings_are_marked_and_counted(isolated, capsys):
    write(isolated, FIXABLE)
    code, out, _ = run(capsys, "check", "docs/ko")
    lines = out.splitlines()
    assert code == 1
    assert " DL102 [*] [anchor-not-preserved] " in lines[0]
    assert " DL303 [*] [code-block-modified] " in lines[1]
    assert lines[-1].endswith("; 2 fixable with --fix; 1 more with --fix --fix-code.")
    _, out, _ = run(capsys, "check", "docs/ko", "--format", "json")
    kinds = {f["name"]: f["fixable"] for f in json.loads(out)["findings"]}
    assert kinds == {"anchor-not-preserved": "fix", "code-block-modified": "fix-code"}
    # and the count is right: --fix mends exactly those two
    run(capsys, "check", "docs/ko", "--fix")
    _, out, _ = run(capsys, "check", "docs/ko")
    assert "DL102" not in out and "fixable with --fix;" not in out


def test_quiet_prints_findings_only(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, err = run(capsys, "check", "docs/ko", "-q")
    assert code == 1 and err == ""
    assert out.splitlines() == [
        "docs/ko/b.md:5:1: DL006 [unclosed-comment] '<!--' is never closed: lines 5-5 do not render"
    ]
    write(isolated, {"docs/ko/b.md": "# 나[[b]]\n\n참고.\n"})
    assert run(capsys, "check", "docs/ko", "--quiet") == (0, "", "")


@pytest.mark.parametrize(
    ("flag", "environment", "terminal", "colored"),
    [
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # empty means unset (no-color.org)
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_color(isolated, capsys, monkeypatch, flag, environment, terminal, colored):
    write(isolated, {**GOOD, **BROKEN})
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in environment.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: terminal, raising=False)
    _, out, _ = run(capsys, "check", "docs/ko", "--color", flag)
    assert ("\x1b[" in out) is colored


def test_check_without_a_path_checks_the_current_directory(isolated, capsys, monkeypatch):
    write(isolated, {**GOOD, **BROKEN, "README.md": "# Project\n"})
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.splitlines()[0].startswith("docs/ko/b.md:5:1: DL006")
    assert out.splitlines()[-1] == "Found 1 finding (1 error) in 2 pages."
    monkeypatch.chdir(isolated / "docs" / "ko")
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("b.md:5:1: DL006")


def test_check_without_a_path_and_a_configured_source(isolated, capsys, monkeypatch):
    write(
        isolated,
        {
            "docs/source/en/a.md": "# A\n\nText.\n",
            "docs/source/ko/a.md": "# 가[[a]]\n\n<!-- 메모\n",
            "README.md": "# Project\n",
            "pyproject.toml": "[tool.doclint]\nsource = 'docs/source/en'\n",
        },
    )
    # at the root: the language folders beside the source, not README.md
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.splitlines() == [
        "docs/source/ko/a.md:3:1: DL006 [unclosed-comment] '<!--' is never closed: lines 3-3 do not render",
        "Found 1 finding (1 error) in 1 page.",
    ]
    monkeypatch.chdir(isolated / "docs" / "source" / "ko")
    code, out, _ = run(capsys, "check")
    assert code == 1 and out.startswith("a.md:3:1: DL006")


def test_unknown_flags_print_the_usage_of_check(isolated, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["check", "docs", "--exit-zeroo"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: doclint check ")
    assert "unrecognized arguments: --exit-zeroo" in err


def test_a_bad_ignore_is_blamed_on_the_command_line(isolated, capsys):
    write(isolated, {**GOOD, "pyproject.toml": "[tool.doclint]\nignore = ['syntax']\n"})
    code, _, err = run(capsys, "check", "docs/ko", "--ignore", "unclosed-coment")
    assert code == 2
    assert err == (
        "doclint: command line: --ignore: no rule matches 'unclosed-coment' "
        "(did you mean 'unclosed-comment'?)\n"
    )


def test_config_errors_give_the_line_and_a_suggestion(isolated, capsys):
    write(
        isolated,
        {
            **GOOD,
            "pyproject.toml": "[project]\nname = 'x'\n\n[tool.doclint]\npacks = []\nexlude = ['a']\n",
        },
    )
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2
    assert err == "doclint: pyproject.toml:6: unknown key 'exlude' (did you mean 'exclude'?)\n"
    write(isolated, {"pyproject.toml": "[tool.doclint]\n\nslug = 'gitlab'\n"})
    _, _, err = run(capsys, "check", "docs/ko")
    assert err.startswith("doclint: pyproject.toml:3: key 'slug' must be one of")
    write(isolated, {"pyproject.toml": "[tool.doclint]\nselect = [\n  'syntax',\n  'anchr',\n]\n"})
    _, _, err = run(capsys, "check", "docs/ko")
    assert err == (
        "doclint: pyproject.toml:2: key 'select': no rule matches 'anchr' "
        "(did you mean 'anchor'?)\n"
    )


def test_a_missing_source_folder_is_one_error(isolated, capsys):
    pages = {f"docs/ko/p{i}.md": f"# 쪽 {i}\n" for i in range(5)}
    write(isolated, {**pages, ".doclint.toml": "source = 'docs/english'\n"})
    code, out, err = run(capsys, "check", "docs/ko")
    assert code == 2 and out == ""
    assert err == "doclint: .doclint.toml:1: key 'source': folder docs/english not found\n"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("glossary = 'docs/ko/glosary.md'", "key 'glossary': docs/ko/glosary.md not found"),
        ("termbases = ['terms.yml']", "key 'termbases': terms.yml not found"),
        (
            "termbases = ['docs/{lang}/llm-prompt.md']",
            "key 'termbases': no file matches 'docs/{lang}/llm-prompt.md'",
        ),
    ],
)
def test_a_missing_glossary_or_termbase_is_an_error(isolated, capsys, setting, message):
    write(isolated, {**GOOD, ".doclint.toml": setting + "\n"})
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2 and err == f"doclint: .doclint.toml:1: {message}\n"


def test_rule_documentation_is_plain_text_on_a_terminal(capsys, monkeypatch):
    _, piped, _ = run(capsys, "rule", "broken-anchor")
    assert "``" in piped  # piped: the docstring as written
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    for rule in ("broken-anchor", "code-block-modified", "term-mismatch", "pack-pattern"):
        code, out, _ = run(capsys, "rule", rule)
        assert code == 0 and "``" not in out and ":ref:" not in out
        assert out.startswith(rule_text(find_rule(rule)).split("\n", 1)[0])


def test_plain_text_drops_rest_markup_and_keeps_the_text():
    text = "Use ``[[frag]]`` or :ref:`the rules`, *never* **this**; `x` stays x; a * b * c."
    assert plain_text(text) == "Use [[frag]] or the rules, never this; x stays x; a * b * c."


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_only_for_slow_runs():
    assert isinstance(progress_for(True, io.StringIO()), NoProgress)  # a pipe
    assert isinstance(progress_for(False, FakeTerminal()), NoProgress)  # quiet, machine formats
    stream = FakeTerminal()
    bar = progress_for(True, stream)
    assert isinstance(bar, TerminalProgress)
    bar.start(3)
    bar.advance()
    bar.close()
    assert stream.getvalue() == ""  # done within the delay: nothing drawn
    slow = TerminalProgress(stream, delay=0)
    slow.start(3)
    slow.advance(2)
    slow.close()
    assert "/3 pages" in stream.getvalue()


def test_machine_formats_and_pipes_get_no_progress(isolated, capsys, monkeypatch):
    import doclint.progress

    write(isolated, {**GOOD, **BROKEN})
    monkeypatch.setattr(doclint.progress, "DELAY", 0)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    shown = []
    original = doclint.progress.TerminalProgress.start

    def start(self, total):
        shown.append(total)
        original(self, total)

    monkeypatch.setattr(doclint.progress.TerminalProgress, "start", start)
    run(capsys, "check", "docs/ko", "--format", "sarif")
    run(capsys, "check", "docs/ko", "-q")
    assert shown == []
    run(capsys, "check", "docs/ko")
    assert shown == [2]


def test_a_baseline_matches_wherever_doclint_runs_from(isolated, capsys, monkeypatch):
    write(isolated, {**GOOD, **BROKEN})
    (isolated / ".git").mkdir()
    run(capsys, "check", "docs/ko", "--write-baseline", "baseline.json")
    recorded = json.loads((isolated / "baseline.json").read_text())
    assert recorded["version"] == 2 and recorded["findings"][0]["path"] == "docs/ko/b.md"
    monkeypatch.chdir(isolated / "docs")
    code, out, _ = run(capsys, "check", "ko", "--baseline", "../baseline.json")
    assert code == 0 and out.endswith("; 1 hidden by the baseline.\n")
    # a version-1 baseline (paths from the working directory it was written in) still works
    entry = {**recorded["findings"][0], "path": "ko/b.md"}
    (isolated / "old.json").write_text(json.dumps({"version": 1, "findings": [entry]}))
    code, out, _ = run(capsys, "check", "ko", "--baseline", "../old.json")
    assert code == 0 and out.endswith("; 1 hidden by the baseline.\n")
