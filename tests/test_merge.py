"""Shards and workers: a run split any way reports what one run does."""

from __future__ import annotations

import json

import pytest

from .conftest import run_cli, write


def tree(count: int) -> dict[str, str]:
    """``count`` pairs with findings of several rules, and renderings over the run."""
    files = {}
    for index in range(count):
        rendering = "토크나이저" if index % 3 else "토큰화기"
        # as many pages write one spelling as the other: the message names the first seen
        english = "Tokenizer" if index % 2 else "tokenizer"
        files[f"docs/en/p{index}.md"] = (
            f"# Page {index}\n\nUse the tokenizer {index} times.\n\n"
            f"```py\nx = {index}\n```\n\n## Next\n\nSee [next](p{index + 1}.md#next).\n"
        )
        files[f"docs/ko/p{index}.md"] = (
            f"# 페이지 {index}[[page-{index}]]\n\n{rendering} ({english})를 사용합니다.\n\n"
            f"```py\nx = {index * 2}\n```\n\n## 다음\n\n[다음](p{index + 1}.md#next)을 보세요.\n"
        )
    return files


def report(capsys, *argv: str, fmt: str = "json") -> dict:
    code, out, err = run_cli(
        capsys, "check", "--no-cache", "--select", "ALL", "--format", fmt, *argv
    )
    assert code in (0, 1), err
    return json.loads(out)


def test_output_is_the_same_whatever_jobs(isolated, capsys):
    write(isolated, tree(24))
    one = report(capsys, "--jobs", "1", "docs/ko")
    assert {"term-inconsistent", "code-block-modified", "broken-relative-link"} <= set(
        one["summary"]["by_rule"]
    )
    assert report(capsys, "--jobs", "2", "docs/ko") == one
    assert report(capsys, "--jobs", "3", "docs/ko") == one


def test_output_is_the_same_whatever_jobs_on_real_docs(corpus, isolated, capsys):
    trees = [str(corpus / "smolagents/docs/source"), str(corpus / "transformers")]
    assert report(capsys, "--jobs", "2", *trees) == report(capsys, "--jobs", "1", *trees)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_merged_shards_report_what_one_run_does(isolated, capsys, fmt):
    write(isolated, tree(12))
    # rules over a whole run see one shard's pages in each shard
    ignore = ("--ignore", "term-inconsistent")
    whole = report(capsys, *ignore, "docs/ko", fmt=fmt)
    shards = []
    for index in (1, 2, 3):
        part = report(capsys, *ignore, "--shard", f"{index}/3", "docs/ko", fmt=fmt)
        path = isolated / f"shard{index}.{fmt}"
        path.write_text(json.dumps(part), encoding="utf-8")
        shards.append(str(path))
    code, out, err = run_cli(capsys, "merge", *shards)
    assert (code, err) == (0, "")
    assert json.loads(out) == whole
    # a finding in two reports (a shard given twice) is kept once
    code, out, _ = run_cli(capsys, "merge", *shards, shards[0])
    key = "findings" if fmt == "json" else "runs"
    assert json.loads(out)[key] == whole[key]


def test_merge_writes_to_a_file(isolated, capsys):
    write(isolated, tree(3))
    part = report(capsys, "docs/ko")
    (isolated / "a.json").write_text(json.dumps(part), encoding="utf-8")
    code, _, _ = run_cli(capsys, "merge", "a.json", "-o", "merged.json")
    assert code == 0
    assert json.loads((isolated / "merged.json").read_text(encoding="utf-8")) == part


def test_merge_sarif_remaps_rule_indexes(isolated, capsys):
    from doclint.merge import merge_sarif

    def log(rules: list[str], results: list[str]) -> dict:
        return {
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {"driver": {"name": "doclint", "rules": [{"id": r} for r in rules]}},
                    "results": [
                        {"ruleId": r, "ruleIndex": rules.index(r), "message": {"text": r}}
                        for r in results
                    ],
                }
            ],
        }

    merged = merge_sarif([log(["A", "B"], ["B"]), log(["C", "B"], ["C", "B"])])
    run = merged["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids == ["A", "B", "C"]
    assert all(ids[r["ruleIndex"]] == r["ruleId"] for r in run["results"])
    assert len(run["results"]) == 2  # the same B result twice is one


def test_merge_reports_bad_input_in_one_line(isolated, capsys):
    (isolated / "bad.json").write_text("{not json", encoding="utf-8")
    (isolated / "list.json").write_text("[]", encoding="utf-8")
    (isolated / "ok.json").write_text(
        json.dumps({"version": 1, "findings": [], "summary": {}}), encoding="utf-8"
    )
    (isolated / "log.sarif").write_text(json.dumps({"version": "2.1.0", "runs": []}))
    for argv, named in (
        (["bad.json"], "bad.json"),
        (["list.json"], "list.json"),
        (["missing.json"], "missing.json"),
        (["ok.json", "log.sarif"], "log.sarif"),
    ):
        code, out, err = run_cli(capsys, "merge", *argv)
        assert code == 2 and out == ""
        assert named in err and "Traceback" not in err and err.count("\n") == 1
