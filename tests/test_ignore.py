"""Files git ignores are not linted; exclude patterns have gitignore semantics."""

from __future__ import annotations

from pathlib import Path

from doclint.config import Config
from doclint.ignore import Exclude, GitIgnore
from doclint.pairing import Pairing

from .conftest import BROKEN, GOOD, write
from .conftest import run_cli as run

BUILT = {
    "docs/en/_build/out.md": "# Out\n",
    "docs/ko/_build/out.md": "# 출력\n\n<!-- 깨짐\n",
    "docs/ko/draft.tmp.md": "# 초안\n\n<!-- 깨짐\n",
    "docs/en/draft.tmp.md": "# Draft\n",
    "docs/ko/keep/keep.tmp.md": "# 유지[[keep]]\n",
    "docs/en/keep/keep.tmp.md": "# Keep\n",
}


def translations(paths, config=None) -> list[str]:
    pairing = Pairing(config or Config())
    return [pair.translation.as_posix() for pair in pairing.pairs(paths)]


def test_a_folder_walk_skips_what_git_ignores(isolated, capsys):
    write(
        isolated,
        {
            **GOOD,
            **BUILT,
            ".gitignore": "_build/\n*.tmp.md\n",
            "docs/ko/keep/.gitignore": "!keep.tmp.md\n",
        },
    )
    (isolated / ".git" / "info").mkdir(parents=True)
    assert translations(["docs/ko"]) == ["docs/ko/a.md", "docs/ko/keep/keep.tmp.md"]
    code, out, _ = run(capsys, "check")
    assert code == 0 and out.startswith("No findings in 2 pages")
    # .git/info/exclude counts too
    (isolated / ".git" / "info" / "exclude").write_text("keep/\n")
    assert translations(["docs/ko"]) == ["docs/ko/a.md"]


def test_outside_a_repository_nothing_is_git_ignored(isolated):
    write(isolated, {**GOOD, **BUILT, ".gitignore": "_build/\n"})
    assert "docs/ko/_build/out.md" in translations(["docs/ko"])


def test_a_file_named_on_the_command_line_is_linted_even_if_ignored(isolated, capsys):
    write(isolated, {**GOOD, **BROKEN, ".gitignore": "b.md\n"})
    (isolated / ".git").mkdir()
    assert translations(["docs/ko"]) == ["docs/ko/a.md"]
    code, out, _ = run(capsys, "check", "docs/ko/b.md")
    assert code == 1 and "DL006" in out


def test_ignored_folders_cannot_re_include_files(isolated):
    write(isolated, {**GOOD, **BUILT, ".gitignore": "docs/ko/_build/\n!docs/ko/_build/out.md\n"})
    (isolated / ".git").mkdir()
    assert GitIgnore().ignored(Path("docs/ko/_build/out.md"))
    assert not GitIgnore().ignored(Path("docs/ko/a.md"))


def test_exclude_star_does_not_cross_a_slash(tmp_path):
    exclude = Exclude(("docs/*/internal/*", "*.draft.md", "/top.md"), tmp_path)
    assert exclude.excluded(tmp_path / "docs/ko/internal/x.md")
    assert exclude.excluded(tmp_path / "docs/ko/internal/deep/x.md")  # the folder matched
    assert not exclude.excluded(tmp_path / "docs/ko/a/internal/x.md")  # '*' is one segment
    assert exclude.excluded(tmp_path / "docs/ko/any/where/x.draft.md")  # no '/': any depth
    assert exclude.excluded(tmp_path / "top.md")
    assert not exclude.excluded(tmp_path / "docs/top.md")  # anchored by the leading '/'
    assert not exclude.excluded(Path("/elsewhere/docs/ko/internal/x.md"))


def test_exclude_patterns_are_relative_to_the_configuration(isolated, capsys, monkeypatch):
    write(
        isolated,
        {
            **GOOD,
            **BROKEN,
            "pyproject.toml": "[tool.doclint]\nexclude = ['docs/ko/b.md']\n",
        },
    )
    monkeypatch.chdir(isolated / "docs")
    code, out, _ = run(capsys, "check", "ko")
    assert code == 0 and out.startswith("No findings in 1 page")
