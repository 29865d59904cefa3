"""A release people can pin: one version, a changelog, a hook snippet that works as
copied, and a hook that sees every file of a run at once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.metadata import version as installed_version

import pytest
import yaml

from doclint import REPOSITORY_URL, __version__
from doclint.cli import main

from .conftest import BROKEN, GOOD, ROOT, write
from .test_integrations import init_repo, readme_snippet

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_the_version_comes_from_one_place(capsys):
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"]
    assert pyproject["project"]["dynamic"] == ["version"]
    assert pyproject["tool"]["hatch"]["version"]["path"] == "src/doclint/__init__.py"
    assert installed_version("doclint") == __version__
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"doclint {__version__}\n"


def test_the_changelog_describes_the_current_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[?(\d+\.\d+\.\d+[^\]\s]*)\]?", changelog, re.MULTILINE)
    assert releases and releases[0] == __version__
    section = changelog.split(f"## [{__version__}]", 1)[1].split("\n## ", 1)[0]
    assert len(section.strip().splitlines()) >= 3  # it says what the version brings


def test_the_readme_snippet_pins_the_release_tag_of_the_repository():
    snippet = yaml.safe_load(readme_snippet())
    (repo,) = snippet["repos"]
    assert repo["repo"] == REPOSITORY_URL
    assert repo["rev"] == f"v{__version__}"
    assert [hook["id"] for hook in repo["hooks"]] == ["doclint"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pre-commit autoupdate" in readme


def test_every_place_names_the_same_repository():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["urls"]["Repository"] == REPOSITORY_URL
    for example in (
        "examples/github-actions/doclint.yml",
        "examples/gitlab-ci/doclint.gitlab-ci.yml",
    ):
        text = (ROOT / example).read_text(encoding="utf-8")
        assert f"{REPOSITORY_URL}@v{__version__}" in text


def test_the_hook_runs_serially():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["require_serial"] is True


# --- through pre-commit itself ------------------------------------------------------------


@pytest.fixture(scope="module")
def head() -> str:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("the project is not a git checkout")
    return result.stdout.strip()


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(site, head, home, *args):
    """``pre-commit try-repo`` of this repository at the current commit, in ``site``."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(ROOT),
            "doclint",
            "--ref",
            head,
            *args,
        ],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


@pytest.mark.slow
def test_try_repo_passes_a_good_translation_and_fails_a_bad_one(tmp_path, head, pre_commit_home):
    site = write(tmp_path / "site", {**GOOD, **BROKEN})
    init_repo(site)
    good = try_repo(site, head, pre_commit_home, "--files", "docs/en/a.md", "docs/ko/a.md")
    assert good.returncode == 0, good.stdout + good.stderr
    bad = try_repo(site, head, pre_commit_home, "--files", "docs/ko/a.md", "docs/ko/b.md")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "docs/ko/b.md:5:1: DL006 [unclosed-comment]" in bad.stdout


@pytest.mark.slow
def test_run_wide_rules_see_every_file_once_through_pre_commit(tmp_path, head, pre_commit_home):
    """Without require_serial, pre-commit splits --all-files into one batch per CPU:
    several summaries, and term-inconsistent comparing pages of one batch only."""
    pages = {}
    for number in range(20):
        pages[f"docs/en/p{number:02}.md"] = f"# P{number}\n\nText about transfer learning.\n"
        pages[f"docs/ko/p{number:02}.md"] = f"# 쪽 {number}[[p{number}]]\n\n텍스트.\n"
    pages["docs/ko/p00.md"] = "# 쪽[[p0]]\n\n전이 학습(transfer learning)에 관한 글.\n"
    pages["docs/ko/p19.md"] = "# 쪽[[p19]]\n\n전이학습(transfer learning)에 관한 글.\n"
    site = write(tmp_path / "site", {**GOOD, **BROKEN, **pages})
    init_repo(site)
    result = try_repo(site, head, pre_commit_home, "--all-files", "--verbose")
    assert result.returncode == 1, result.stdout + result.stderr
    summaries = [line for line in result.stdout.splitlines() if line.startswith("Found ")]
    assert summaries == ["Found 2 findings (1 error, 1 warning) in 22 pages."]
    assert result.stdout.count("DL504 [term-inconsistent]") == 1
    assert result.stdout.count("DL006 [unclosed-comment]") == 1
