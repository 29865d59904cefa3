"""Real documentation from ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

import json

import pytest

from doclint.cli import main
from doclint.config import Config
from doclint.runner import Runner


def run_json(capsys, *argv):
    code = main(["check", "--isolated", "--format", "json", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, json.loads(out), err


@pytest.mark.parametrize("tree", ["huggingface_hub/docs/source", "smolagents/docs/source"])
def test_whole_trees_run_without_errors(corpus, capsys, tree):
    code, report, err = run_json(capsys, str(corpus / tree))
    assert err == ""
    assert report["summary"]["files"] > 40
    assert code in (0, 1)


def test_real_defects_are_found(corpus, capsys):
    _, report, _ = run_json(
        capsys, str(corpus / "huggingface_hub/docs/source"), str(corpus / "smolagents/docs/source")
    )
    found = {(f["path"].split("corpus/")[1], f["line"], f["name"]) for f in report["findings"]}
    # a heading anchor with one opening bracket: `## enable_progress_bars[huggingface_hub…]]`
    assert (
        "huggingface_hub/docs/source/ko/package_reference/utilities.md",
        83,
        "malformed-anchor",
    ) in found
    # translations of pages that no longer exist in English
    assert (
        "huggingface_hub/docs/source/ko/package_reference/login.md",
        1,
        "no-source-file",
    ) in found
    # every hfoptions block balances, including those written without blank lines
    assert not any(name == "unbalanced-component" for _, _, name in found)


def test_korean_glossary_pairs_and_aligns(corpus):
    runner = Runner(Config())
    report = runner.run([str(corpus / "transformers/ko")])
    assert report.files == report.pairs == 1 and report.errors == []


def test_korean_pack_on_real_korean_pages(corpus, capsys):
    code = main(
        [
            "check",
            "--isolated",
            "--format",
            "json",
            "--select",
            "pack-pattern",
            str(corpus / "smolagents/docs/source/ko"),
        ]
    )
    assert code == 0  # pack-pattern is a warning
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] == []  # no pack without configuration
    from doclint import check_pair

    page = (corpus / "smolagents/docs/source/ko/guided_tour.md").read_text(encoding="utf-8")
    findings = check_pair(
        None, page, Config(packs=("ko",), select=("pack-pattern",)), language="ko"
    )
    # "…설명해주어야합니다 :" — a space before the colon
    assert [(f.line, f.message.split(":")[0]) for f in findings] == [
        (374, "ko-space-before-punctuation")
    ]
