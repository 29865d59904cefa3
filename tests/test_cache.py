"""The content cache: a warm run reports what a cold one does, and every input of a
pair's findings invalidates its entry."""

from __future__ import annotations

import json
import pickle
import threading

import pytest

from doclint import cache as cache_module
from doclint import runner as runner_module
from doclint.cache import FOLDER, ContentCache, Entry

from .conftest import run_cli, write

PAGES = {
    "docs/en/a.md": "# A\n\nUse the tokenizer.\n\nSee [B](b.md#usage).\n",
    "docs/ko/a.md": "# 가[[a]]\n\n토크나이저 (tokenizer)를 사용합니다.\n\n[B](b.md#usage)를 보세요.\n",
    "docs/en/b.md": "# B\n\n## Usage\n\nUse the tokenizer with 3 items.\n",
    "docs/ko/b.md": "# 나[[b]]\n\n## 사용법[[usage]]\n\n토큰화기 (tokenizer)를 3개 사용합니다.\n",
}


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The paths of the pages parsed during a test."""
    seen: list[str] = []
    real = runner_module.parse

    def counting(text, path="<text>", dialect=None):
        seen.append(path)
        return real(text, path, dialect)

    monkeypatch.setattr(runner_module, "parse", counting)
    return seen


def check(capsys, *extra: str) -> list[tuple]:
    code, out, err = run_cli(capsys, "check", "--format", "json", *extra, "docs/ko")
    assert code in (0, 1), err
    return [(f["path"], f["line"], f["name"]) for f in json.loads(out)["findings"]]


def cold(capsys, *extra: str) -> list[tuple]:
    return check(capsys, "--no-cache", *extra)


def test_a_warm_run_reports_what_a_cold_run_does_without_parsing(isolated, capsys, parses):
    write(isolated, PAGES)
    first = check(capsys, "--select", "ALL")
    assert ("docs/ko/b.md", 5, "term-inconsistent") in first  # over the whole run
    assert parses
    parses.clear()
    assert check(capsys, "--select", "ALL") == first == cold(capsys, "--select", "ALL")
    parses.clear()
    check(capsys, "--select", "ALL")
    assert parses == []  # every pair came from the cache
    assert (isolated / FOLDER / "CACHEDIR.TAG").is_file()


def test_no_cache_neither_reads_nor_writes(isolated, capsys):
    write(isolated, PAGES)
    cold(capsys)
    assert not (isolated / FOLDER).exists()


def test_an_edited_translation_is_linted_again(isolated, capsys, parses):
    write(isolated, PAGES)
    check(capsys)
    (isolated / "docs/ko/a.md").write_text(
        PAGES["docs/ko/a.md"].replace("#usage", "#nowhere"), encoding="utf-8"
    )
    parses.clear()
    after = check(capsys)
    assert ("docs/ko/a.md", 5, "broken-relative-link") in after
    assert "docs/en/b.md" not in parses  # the other pair still came from the cache
    assert after == cold(capsys)


def test_an_edited_source_invalidates_its_translations(isolated, capsys):
    write(isolated, PAGES)
    before = check(capsys)
    (isolated / "docs/en/b.md").write_text(
        PAGES["docs/en/b.md"].replace("3 items", "5 items"), encoding="utf-8"
    )
    after = check(capsys)
    assert after != before and after == cold(capsys)


def test_a_page_a_link_lands_on_invalidates_the_linking_page(isolated, capsys):
    write(isolated, PAGES)
    assert ("docs/ko/a.md", 5, "broken-relative-link") not in check(capsys)
    # a.md is unchanged, but the heading its link names is gone from b.md
    (isolated / "docs/ko/b.md").write_text(
        PAGES["docs/ko/b.md"].replace("[[usage]]", "[[use]]"), encoding="utf-8"
    )
    after = check(capsys)
    assert ("docs/ko/a.md", 5, "broken-relative-link") in after
    assert after == cold(capsys)


def test_a_link_landing_elsewhere_invalidates_the_linking_page(isolated, capsys):
    write(isolated, PAGES)
    check(capsys)
    (isolated / "docs/ko/b.md").unlink()  # the link now lands on the source page
    after = check(capsys)
    assert after == cold(capsys)
    (isolated / "docs/en/b.md").unlink()  # and now nowhere (as the source's link: no finding)
    after = check(capsys)
    assert after == cold(capsys)


def test_a_configuration_change_invalidates(isolated, capsys):
    write(isolated, PAGES)
    everything = check(capsys, "--select", "ALL")
    assert check(capsys, "--select", "number-mismatch") != everything
    # a rule's option changes what it observes on each page, not only its findings
    (isolated / ".doclint.toml").write_text(
        "[rules.term-inconsistent]\nmax-words = 0\n", encoding="utf-8"
    )
    after = check(capsys, "--select", "ALL", "--config", ".doclint.toml")
    assert ("docs/ko/b.md", 5, "term-inconsistent") not in after
    assert after == cold(capsys, "--select", "ALL", "--config", ".doclint.toml")


def test_a_severity_change_invalidates(isolated, capsys):
    write(isolated, PAGES)
    run_cli(capsys, "check", "--select", "ALL", "docs/ko")
    (isolated / ".doclint.toml").write_text(
        '[severity]\nterm-inconsistent = "error"\n', encoding="utf-8"
    )
    _, out, _ = run_cli(capsys, "check", "--format", "json", "--select", "ALL", "docs/ko")
    severities = {f["name"]: f["severity"] for f in json.loads(out)["findings"]}
    assert severities["term-inconsistent"] == "error"


def test_a_termbase_change_invalidates(isolated, capsys):
    write(isolated, PAGES)
    (isolated / "terms.yml").write_text(
        "terms:\n  - {source: tokenizer, target: 토크나이저}\n", encoding="utf-8"
    )
    (isolated / ".doclint.toml").write_text('termbases = ["terms.yml"]\n', encoding="utf-8")
    before = check(capsys, "--select", "term")
    assert ("docs/ko/b.md", 5, "term-mismatch") in before
    (isolated / "terms.yml").write_text(
        "terms:\n  - {source: tokenizer, target: 토큰화기}\n", encoding="utf-8"
    )
    after = check(capsys, "--select", "term")
    assert ("docs/ko/b.md", 5, "term-mismatch") not in after
    assert after == cold(capsys, "--select", "term")


def test_a_slug_style_change_invalidates(isolated, capsys):
    write(isolated, PAGES)
    assert check(capsys, "--slug", "github") == cold(capsys, "--slug", "github")
    assert check(capsys, "--slug", "doc-builder") == cold(capsys, "--slug", "doc-builder")


def test_an_upgrade_invalidates(isolated, capsys, parses, monkeypatch):
    write(isolated, PAGES)
    check(capsys)
    monkeypatch.setattr("doclint.cli.version", lambda: "99.0")
    parses.clear()
    check(capsys)
    assert "docs/ko/a.md" in parses


def test_a_change_to_doclints_code_invalidates(isolated, capsys, parses, monkeypatch):
    write(isolated, PAGES)
    check(capsys)
    monkeypatch.setattr(cache_module, "code_digest", lambda: "edited")
    parses.clear()
    check(capsys)
    assert "docs/ko/a.md" in parses


def test_the_runner_can_add_a_part_to_each_pairs_key(isolated, capsys, parses):
    from doclint.cache import run_key
    from doclint.config import Config
    from doclint.runner import Runner

    write(isolated, PAGES)

    def lint(revision: str) -> None:
        runner = Runner(Config())
        runner.cache = ContentCache(isolated / FOLDER, run_key(Config(), runner.rules, (), "1"))
        runner.pair_key = {"a": lambda pair: "r1", "b": lambda pair: "r2"}[revision]
        runner.run(["docs/ko"])

    lint("a")
    parses.clear()
    lint("a")
    assert parses == []
    lint("b")
    assert "docs/ko/a.md" in parses


def test_a_damaged_entry_is_a_miss(isolated, capsys):
    write(isolated, PAGES)
    first = check(capsys)
    for entry in (isolated / FOLDER).rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert check(capsys) == first


def test_runs_sharing_the_cache_never_read_half_an_entry(tmp_path):
    store = ContentCache(tmp_path, "run")
    entries = [Entry([], {"DL504": [("k", "x" * size)]}) for size in (10, 100_000)]
    failures = []

    def write_many(entry: Entry) -> None:
        for _ in range(30):
            store.store("k" * 64, entry)

    def read_many() -> None:
        for _ in range(60):
            found = store.load("k" * 64)
            if found is not None and found.observations not in [e.observations for e in entries]:
                failures.append(found)

    threads = [threading.Thread(target=write_many, args=(e,)) for e in entries]
    threads.append(threading.Thread(target=read_many))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert not list(tmp_path.rglob("*.tmp"))  # no temporary file left behind
    assert isinstance(pickle.loads((store._path("k" * 64)).read_bytes()), Entry)


def test_fix_neither_reads_nor_writes_the_cache(isolated, capsys):
    write(isolated, PAGES)
    run_cli(capsys, "check", "--fix", "docs/ko")
    assert not (isolated / FOLDER).exists()
