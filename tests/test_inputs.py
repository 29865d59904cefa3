"""Hostile and broken inputs: each gives findings or a one-line error, never a
traceback, a hang or a file read from outside the checked tree."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from doclint import check_pair
from doclint.config import Config

from .conftest import run_cli as run
from .conftest import write

ALL = Config(select=("ALL",))


def lint(capsys, *argv: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, "check", "--format", "json", *argv)
    assert "Traceback" not in err
    return code, json.loads(out), err


@pytest.mark.slow
def test_a_20_mb_page(isolated, capsys):
    line = 'print("안녕하세요", value_1, value_2)  # 인사\n'
    body = "# 제목[[title]]\n\n```py\n" + line * (20_000_000 // len(line.encode())) + "```\n"
    body += "\n문단과 [링크](#title).\n" * 200
    write(isolated, {"docs/en/big.md": "# Title\n\n```py\nprint(1)\n```\n", "docs/ko/big.md": body})
    assert (isolated / "docs/ko/big.md").stat().st_size > 20_000_000
    code, report, err = lint(capsys, "docs/ko")
    assert code == 1 and err == ""
    assert report["summary"]["pairs"] == 1


@pytest.mark.parametrize(
    "page",
    [
        "> " * 10_000 + "깊은 인용\n",
        # on one line, as indenting each level would make the page quadratic in size
        "- " * 10_000 + "항목\n",
        "1. " * 10_000 + "항목\n",
        "- > " * 5_000 + "항목\n",
        "<Tip>\n" * 10_000 + "내용\n",
        "[" * 10_000 + "x" + "](#y)" * 10_000 + "\n",
    ],
    ids=["blockquotes", "bullets", "ordered", "mixed", "components", "brackets"],
)
def test_ten_thousand_levels_of_nesting(page):
    findings = check_pair("# Title\n\nText.\n", page, ALL, language="ko")
    assert all(finding.line >= 1 for finding in findings)


@pytest.mark.parametrize("slug", ["doc-builder", "github"])
def test_thousands_of_identical_headings(isolated, capsys, slug):
    source = "# Title\n\n" + "## Same\n\nText.\n\n" * 3000
    translation = "# 제목[[title]]\n\n[처음](#same)\n\n" + "## 같은 제목\n\n텍스트.\n\n" * 3000
    write(isolated, {"docs/en/a.md": source, "docs/ko/a.md": translation})
    code, report, _ = lint(capsys, "docs/ko", "--slug", slug, "--select", "anchor")
    assert code == 1 and report["findings"]
    run(capsys, "check", "docs/ko", "--slug", slug, "--select", "anchor", "--fix")
    fixed = (isolated / "docs/ko/a.md").read_bytes()
    run(capsys, "check", "docs/ko", "--slug", slug, "--select", "anchor", "--fix")
    assert (isolated / "docs/ko/a.md").read_bytes() == fixed  # idempotent at scale


def test_a_link_with_a_100000_character_fragment(isolated, capsys):
    fragment = "가" * 50_000 + "a" * 50_000
    page = f"# 제목[[t]]\n\n[안](#{fragment}) and [밖](b.md#{fragment})\n"
    write(isolated, {"docs/en/a.md": "# T\n", "docs/ko/a.md": page, "docs/ko/b.md": "# 비[[b]]\n"})
    write(isolated, {"docs/en/b.md": "# B\n"})
    _, report, _ = lint(capsys, "docs/ko/a.md", "--select", "anchor,link")
    names = sorted(finding["name"] for finding in report["findings"])
    assert names == ["broken-anchor", "broken-relative-link"]


def test_symlinks_loops_and_links_out_of_the_tree(isolated, capsys):
    write(isolated, {"docs/en/a.md": "# A\n", "docs/ko/a.md": "# 가[[a]]\n"})
    write(isolated, {"secret/private.md": "# 비밀 secret\n", "docs/en/private.md": "# P\n"})
    ko = isolated / "docs/ko"
    (ko / "loop.md").symlink_to(ko / "loop.md")
    (ko / "sub").symlink_to(ko)  # a folder loop
    (ko / "private.md").symlink_to(isolated / "secret/private.md")
    (ko / "outside").symlink_to(isolated / "secret", target_is_directory=True)
    code, report, err = lint(capsys, "docs/ko")
    assert code == 2
    paths = {finding["path"] for finding in report["findings"]}
    assert paths <= {"docs/ko/a.md"}  # nothing read through a link out of the tree
    assert "docs/ko/private.md: symbolic link out of the checked tree: not followed" in err
    assert "docs/ko/loop.md: symbolic link that leads nowhere (a loop?)" in err
    assert report["summary"]["files"] == 1


def test_relative_links_never_leave_the_repository(isolated, capsys):
    (isolated / ".git").mkdir()
    repo_outside = isolated.parent / f"{isolated.name}-outside.md"
    repo_outside.write_text("# Outside\n", encoding="utf-8")
    page = (
        "# 가[[a]]\n\n[passwd](../../../../../../../../etc/passwd) "
        f"[옆](../../../{repo_outside.name}#outside)\n"
    )
    write(isolated, {"docs/en/a.md": "# A\n", "docs/ko/a.md": page})
    _, report, _ = lint(capsys, "docs/ko", "--select", "link")
    messages = [finding["message"] for finding in report["findings"]]
    assert len(messages) == 2
    assert all("leads out of the repository" in message for message in messages)
    repo_outside.unlink()


def test_an_unreadable_file(isolated, capsys, monkeypatch):
    write(isolated, {"docs/en/a.md": "# A\n", "docs/ko/a.md": "# 가[[a]]\n"})
    write(isolated, {"docs/en/b.md": "# B\n", "docs/ko/b.md": "# 나[[b]]\n"})
    locked = isolated / "docs/ko/a.md"
    locked.chmod(0)
    if os.access(locked, os.R_OK):
        # Running as root, permissions do not stop reads: make the read fail as a
        # denied one would, so the same handling is exercised.
        real = Path.read_bytes

        def denied(path: Path) -> bytes:
            if path.resolve() == locked.resolve():
                raise PermissionError(13, "Permission denied")
            return real(path)

        monkeypatch.setattr(Path, "read_bytes", denied)
    code, report, err = lint(capsys, "docs/ko")
    locked.chmod(0o644)
    assert code == 2
    assert err.strip() == "doclint: docs/ko/a.md: permission denied"
    assert report["summary"]["files"] == 1  # b.md still checked


def test_a_source_that_is_a_directory(isolated, capsys):
    write(isolated, {"docs/en/a.md/index.md": "# A\n", "docs/ko/a.md": "# 가[[a]]\n"})
    write(isolated, {"docs/en/b.md": "# B\n", "docs/ko/b.md": "# 나[[b]]\n"})
    code, report, err = lint(capsys, "docs/ko")
    assert code == 2
    assert "docs/en/a.md: is a directory, expected a Markdown file (source of docs/ko/a.md)" in err
    assert report["summary"]["files"] == 1


def test_a_pack_with_yaml_1_1_booleans_is_refused_with_file_line_and_key(isolated, capsys):
    write(
        isolated,
        {
            "pack.yml": "id: team\nlanguage: no\npatterns: []\n",
            "pack2.yml": "id: team\npatterns:\n  - id: p\n    regex: 'x'\n    message: yes\n",
            ".doclint.toml": 'packs = ["pack.yml"]\n',
            "docs/en/a.md": "# A\n",
            "docs/ko/a.md": "# 가[[a]]\n",
        },
    )
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2
    assert "pack.yml:2: key 'language' must be a non-empty string, not false" in err
    assert "quote the value" in err and "Traceback" not in err
    (isolated / ".doclint.toml").write_text('packs = ["pack2.yml"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "docs/ko")
    assert (
        code == 2
        and "pack2.yml:5: patterns[0]: key 'message' must be a non-empty string, not true" in err
    )


def test_a_termbase_with_wrong_types_is_refused_with_file_line_and_key(isolated, capsys):
    write(
        isolated,
        {
            "terms.yml": "language: no\nterms:\n  - source: model\n    target: 모델\n",
            "terms2.yml": "terms:\n  - source: model\n    target: 모델\n  - source: on\n    target: 켜기\n",
            ".doclint.toml": 'termbases = ["terms.yml"]\n',
            "docs/en/a.md": "# A\n",
            "docs/ko/a.md": "# 가[[a]]\n",
        },
    )
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2 and "terms.yml:1: key 'language' must be a string, not false" in err
    (isolated / ".doclint.toml").write_text('termbases = ["terms2.yml"]\n', encoding="utf-8")
    code, _, err = run(capsys, "check", "docs/ko")
    assert code == 2 and "terms2.yml:4: terms[1]: key 'source' must be a non-empty string" in err


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("source-language = false\n", "source-language"),
        ('packs = "ko"\n', "packs"),
        ('[rules.pack-pattern]\ntimeout = "long"\n', "rules.pack-pattern"),
        ("select = [1]\n", "select"),
    ],
)
def test_a_config_with_wrong_types_names_file_and_key(isolated, capsys, toml, key):
    write(isolated, {".doclint.toml": toml, "docs/en/a.md": "# A\n", "docs/ko/a.md": "# 가\n"})
    code, out, err = run(capsys, "check", "docs/ko")
    assert code == 2 and out == ""
    assert err.startswith("doclint: ") and ".doclint.toml" in err and repr(key)[1:-1] in err
    assert err.count("\n") == 1


def test_a_pattern_that_backtracks_is_stopped_and_reported(isolated):
    (isolated / "slow.yml").write_text(
        "id: slow\npatterns:\n  - id: slow-pattern\n    regex: '(a|aa)+$'\n    message: m\n",
        encoding="utf-8",
    )
    config = Config(
        base=isolated,
        packs=("slow.yml",),
        select=("pack-pattern",),
        rules={"pack-pattern": {"timeout": 0.2}},
    )
    findings = check_pair(None, "# 제목\n\n" + "a" * 40 + "!\n", config, language="ko")
    assert [(f.line, f.message.split(":")[0]) for f in findings] == [(3, "slow-pattern")]
    assert "was stopped" in findings[0].message
