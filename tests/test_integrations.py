"""pre-commit, CI examples, changed-files mode, parallel runs and shards."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

from doclint.cli import build_parser

from .conftest import BROKEN, GOOD, ROOT, write
from .conftest import run_cli as run


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def init_repo(path):
    git(path, "init", "-q", "-b", "main")
    git(path, "config", "user.email", "docs@example.org")
    git(path, "config", "user.name", "Docs")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "initial")


# --- the hook repository -------------------------------------------------------------


def test_hook_definition_uses_real_file_types():
    from identify.extensions import EXTENSIONS

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "doclint" and hook["entry"] == "doclint check"
    assert hook["language"] == "python"
    assert set(hook["types_or"]) == {"markdown", "mdx"}
    assert "markdown" in EXTENSIONS["md"] and "mdx" in EXTENSIONS["mdx"]


def readme_snippet() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return next(
        block
        for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL)
        if "id: doclint" in block and "repo:" in block
    )


@pytest.mark.slow
def test_the_readme_hook_snippet_through_pre_commit(tmp_path):
    if shutil.which("pre-commit") is None and shutil.which("git") is None:
        pytest.skip("pre-commit and git are needed")
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if head.returncode != 0:
        pytest.skip("the project is not a git checkout")
    config = re.sub(r"repo: \S+", f"repo: {ROOT.as_posix()}", readme_snippet())
    config = re.sub(r"rev: \S+", f"rev: {head.stdout.strip()}", config)
    site = tmp_path / "site"
    write(site, {**GOOD, **BROKEN, ".pre-commit-config.yaml": config})
    init_repo(site)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}

    def hook(*files):
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "doclint", "--files", *files],
            cwd=site,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    good = hook("docs/en/a.md", "docs/ko/a.md")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = hook("docs/ko/b.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "docs/ko/b.md:5:1: DL006 [unclosed-comment]" in bad.stdout


# --- CI examples and README snippets name real options ----------------------------------


def doclint_commands(text: str) -> list[list[str]]:
    text = re.sub(r"\$\{\{[^}]*\}\}", "VALUE", text).replace(">-\n", "")
    commands = []
    for match in re.finditer(r"doclint check[^\n]*(?:\n\s+--[^\n]*)*", text):
        words = shlex.split(match.group(0).replace("\n", " "), comments=True)
        commands.append(words[1:])
    return commands


@pytest.mark.parametrize(
    "path",
    [
        "examples/github-actions/doclint.yml",
        "examples/gitlab-ci/doclint.gitlab-ci.yml",
        "README.md",
    ],
)
def test_examples_parse_and_use_real_options(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    if path.endswith(".yml"):
        assert yaml.safe_load(text)
    else:  # the README: its code blocks
        text = "\n".join(re.findall(r"```[a-z]*\n(.*?)```", text, re.DOTALL))
    commands = doclint_commands(text)
    assert commands
    for words in commands:
        build_parser().parse_args(words)  # exits (fails the test) on an unknown option


def test_readme_yaml_snippets_parse():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for block in re.findall(r"```yaml\n(.*?)```", readme, re.DOTALL):
        yaml.safe_load(block)


# --- changed files, translations of a source page -----------------------------------------


def test_with_translations_checks_every_language_of_a_source_page(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, "docs/ja/b.md": "# ビー[[b]]\n\n注。\n\n<!-- メモ\n"})
    code, out, _ = run(capsys, "check", "docs/en/b.md")
    assert code == 0 and out.startswith("No findings in 0 pages")
    code, out, _ = run(capsys, "check", "docs/en/b.md", "--with-translations")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == [
        "docs/ja/b.md",
        "docs/ko/b.md",
    ]


def test_with_translations_in_the_suffix_layout(isolated, capsys):
    write(isolated, {"docs/b.md": "# B\n\nNote.\n", "docs/b.ko.md": "# 나[[b]]\n\n<!-- 메모\n"})
    code, out, _ = run(capsys, "check", "docs/b.md", "--with-translations", "--layout", "suffix")
    assert code == 1 and out.startswith("docs/b.ko.md:3:1: DL006")


def test_changed_since(isolated, capsys):
    write(
        isolated,
        {**GOOD, **BROKEN, "docs/en/c.md": "# C\n", "docs/ko/c.md": "# 다[[c]]\n\n<!-- x\n"},
    )
    init_repo(isolated)
    base = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=isolated, capture_output=True, text=True
    ).stdout.strip()
    write(isolated, {"docs/en/b.md": "# B\n\nNew note.\n"})  # a changed source: its translation
    write(isolated, {"docs/ko/new.md": "# 새[[new]]\n\n<!-- y\n"})  # untracked translation
    code, out, _ = run(capsys, "check", "docs/ko", "--changed-since", base, "--format", "json")
    paths = sorted({f["path"] for f in json.loads(out)["findings"]})
    assert paths == ["docs/ko/b.md", "docs/ko/new.md"]  # not c.md: nothing changed there
    code, _, err = run(capsys, "check", "docs/ko", "--changed-since", "no-such-rev")
    assert code == 2 and "unknown git revision 'no-such-rev'" in err


def test_changed_since_outside_git(isolated, capsys):
    write(isolated, GOOD)
    code, _, err = run(capsys, "check", "docs/ko", "--changed-since", "HEAD")
    assert code == 2 and "not inside a git repository" in err


# --- parallel runs and shards ---------------------------------------------------------------


def many_pages(root, count=24):
    files = {}
    for number in range(count):
        files[f"docs/en/p{number}.md"] = f"# Page {number}\n\n```py\nx = {number}\n```\n"
        files[f"docs/ko/p{number}.md"] = (
            f"# 페이지 {number}\n\n```py\nx = {number + number % 3}\n```\n"
        )
        files[f"docs/ja/p{number}.md"] = f"# ページ {number}[[page-{number}]]\n\n<!-- {number}\n"
    write(root, files)


def json_report(capsys, *argv):
    _, out, err = run(capsys, "check", "--format", "json", *argv)
    assert err == ""
    return json.loads(out)


def test_parallel_run_reports_exactly_what_a_sequential_one_does(isolated, capsys):
    many_pages(isolated)
    assert json_report(capsys, "docs", "-j", "2") == json_report(capsys, "docs", "-j", "1")


def test_shards_together_report_what_one_run_reports(isolated, capsys):
    many_pages(isolated)
    whole = json_report(capsys, "docs", "-j", "1")
    parts = [json_report(capsys, "docs", "--shard", f"{i}/3") for i in (1, 2, 3)]
    assert all(part["summary"]["files"] for part in parts)  # every shard has work
    union = sorted(
        (f for part in parts for f in part["findings"]),
        key=lambda f: (f["path"], f["line"], f["column"], f["rule"], f["message"]),
    )
    assert union == whole["findings"]
    assert sum(part["summary"]["files"] for part in parts) == whole["summary"]["files"]


@pytest.mark.parametrize("shard", ["0/3", "4/3", "a/b", "3"])
def test_bad_shard_is_a_usage_error(isolated, capsys, shard):
    write(isolated, GOOD)
    code, _, err = run(capsys, "check", "docs/ko", "--shard", shard)
    assert code == 2 and "--shard takes I/N" in err


def test_codeclimate_report(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN})
    code, out, _ = run(capsys, "check", "docs/ko", "--format", "codeclimate")
    (issue,) = json.loads(out)
    assert code == 1
    assert issue["check_name"] == "DL006 unclosed-comment" and issue["severity"] == "major"
    assert issue["location"] == {"path": "docs/ko/b.md", "lines": {"begin": 5, "end": 5}}
    assert len(issue["fingerprint"]) == 32


@pytest.mark.slow
def test_the_projects_own_hooks_lint_the_demo(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff", "ruff-format", "doclint-demo"} <= set(hooks)
    assert hooks["doclint-demo"]["files"] == "^fixtures/demo/"
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "doclint-demo", "--all-files"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
