"""Freshness from real git history: temporary repositories built here, and the
history bundles of the shared corpus (skipped where git or the corpus is absent)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import SOURCE, TRANSLATION, commit, git, run_cli, write

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def status(capsys, *paths: str) -> dict:
    code, out, err = run_cli(capsys, "status", "--isolated", "--format", "json", *paths)
    assert code == 0, err
    return {page["path"]: page for page in json.loads(out)["pages"]}


def check(capsys, *argv: str) -> list[dict]:
    _, out, err = run_cli(capsys, "check", "--isolated", "--format", "json", *argv)
    assert "Traceback" not in err
    return json.loads(out)["findings"]


def test_source_edited_after_the_translation(repo, capsys):
    base = commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add a")
    edited = SOURCE.replace("pip install lib", "pip install 'lib>=2'") + "\n## Remove\n\nGo.\n"
    commit(repo, {"docs/en/a.md": edited}, "Change a")
    page = status(capsys, "docs/ko")["docs/ko/a.md"]
    assert page["status"] == "outdated" and page["commits_behind"] == 1
    assert page["base_commit"] == base and page["base_reason"] == "last commit"
    assert "+ ## Remove" in page["changed_sections"]
    assert "~ # Install" in page["changed_sections"]
    # by default the changed code block and the new section are folded into one finding
    folded = check(capsys, "docs/ko")
    assert [f["name"] for f in folded] == ["outdated-translation"]
    assert "folds 2 findings" in folded[0]["message"] and base[:12] in folded[0]["message"]
    shown = check(capsys, "docs/ko", "--drift", "show")
    drifted = {f["name"]: f for f in shown if f.get("drift")}
    assert set(drifted) == {"code-block-modified", "missing-section"}
    assert all(f["base_commit"] == base for f in drifted.values())
    only = check(capsys, "docs/ko", "--drift", "only")
    assert {f["name"] for f in only} == {"code-block-modified", "missing-section"}


def test_translators_own_defect_is_not_drift(repo, capsys):
    broken = TRANSLATION.replace("pip install lib", "pip install lob")
    commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": broken}, "Add a")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## More\n\nText.\n"}, "Grow a")
    findings = check(capsys, "docs/ko")
    names = {f["name"]: f for f in findings}
    assert names["code-block-modified"]["drift"] is False
    assert "missing-section" not in names  # folded: the base had no such section


def test_formatting_only_source_edit_does_not_outdate(repo, capsys):
    commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add a")
    rewrapped = SOURCE.replace("Install it with pip.", "Install it\nwith   pip.  ")
    commit(repo, {"docs/en/a.md": rewrapped.replace("\n## ", "\n\n\n## ")}, "Rewrap")
    page = status(capsys, "docs/ko")["docs/ko/a.md"]
    assert page["status"] == "up-to-date" and page["commits_behind"] == 1
    assert check(capsys, "docs/ko") == []


def test_rename_of_the_source_is_followed(repo, capsys):
    base = commit(repo, {"docs/en/old.md": SOURCE, "docs/ko/new.md": TRANSLATION}, "Add")
    git(repo, "mv", "docs/en/old.md", "docs/en/new.md")
    git(repo, "commit", "-q", "-m", "Rename")
    commit(repo, {"docs/en/new.md": SOURCE + "\n## Extra\n\nMore.\n"}, "Extend")
    page = status(capsys, "docs/ko")["docs/ko/new.md"]
    assert page["status"] == "outdated" and page["commits_behind"] == 2
    assert page["base_commit"] == base and page["changed_sections"] == ["+ ## Extra"]


def test_translation_committed_with_its_source_is_up_to_date(repo, capsys):
    commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add")
    changed = SOURCE + "\n## New\n\nText.\n"
    translated = TRANSLATION + "\n## 새 절[[new]]\n\n글.\n"
    commit(repo, {"docs/en/a.md": changed, "docs/ko/a.md": translated}, "Both")
    assert status(capsys, "docs/ko")["docs/ko/a.md"]["status"] == "up-to-date"


def test_merge_commit_brings_a_source_change(repo, capsys):
    commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add")
    git(repo, "checkout", "-q", "-b", "translate")
    translated = commit(repo, {"docs/ko/a.md": TRANSLATION + "\n추가.\n"}, "Polish ko")
    git(repo, "checkout", "-q", "main")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## Later\n\nText.\n"}, "Extend en")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge translate", "translate")
    page = status(capsys, "docs/ko")["docs/ko/a.md"]
    # the translation's last commit never saw the English change made beside it
    assert page["status"] == "outdated" and page["base_commit"] == translated
    assert page["commits_behind"] == 1 and page["changed_sections"] == ["+ ## Later"]


def test_front_matter_names_the_base(repo, capsys):
    first = commit(repo, {"docs/en/a.md": SOURCE}, "Add en")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## Two\n\nText.\n"}, "Grow en")
    named = f"---\ndefault_lang_commit: {first[:10]}\n---\n\n" + TRANSLATION
    commit(repo, {"docs/ko/a.md": named}, "Add ko")
    page = status(capsys, "docs/ko")["docs/ko/a.md"]
    assert page["status"] == "outdated" and page["base_commit"] == first
    assert page["base_reason"] == "front matter" and page["commits_behind"] == 1


def test_late_merged_translation_matches_an_older_source(repo, capsys):
    old = commit(repo, {"docs/en/a.md": SOURCE}, "Add en")
    grown = SOURCE.replace("pip install lib", "pip install lib[all]")
    grown += "\n## Two\n\n```py\nimport lib\n```\n\n## Three\n\n```py\nlib.run()\n```\n"
    commit(repo, {"docs/en/a.md": grown}, "Grow en")
    commit(repo, {"docs/ko/a.md": TRANSLATION}, "Add ko, written against the old page")
    page = status(capsys, "docs/ko")["docs/ko/a.md"]
    assert page["status"] == "outdated" and page["base_reason"] == "best match"
    assert page["base_commit"] == old and page["commits_behind"] == 1


def test_uncommitted_translation_edits_keep_their_base(repo, capsys):
    base = commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## B\n\nb\n"}, "Grow")
    write(repo, {"docs/ko/a.md": TRANSLATION + "\n수정.\n"})
    git(repo, "add", "docs/ko/a.md")  # staged, as pre-commit sees it
    findings = check(capsys, "docs/ko/a.md", "--drift", "show")
    drift = [f for f in findings if f.get("drift")]
    assert drift and drift[0]["base_commit"] == base


def test_changed_since_keeps_the_base(repo, capsys):
    commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add")
    tag = git(repo, "rev-parse", "HEAD")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## B\n\nb\n"}, "Grow")
    findings = check(capsys, "docs/ko", "--changed-since", tag)
    assert [f["name"] for f in findings] == ["outdated-translation"]
    for since, expected in ((tag, ["docs/ko/a.md"]), ("HEAD", [])):
        _, out, _ = run_cli(
            capsys, "status", "--isolated", "--format", "json", "--since", since, "docs/ko"
        )
        assert [page["path"] for page in json.loads(out)["pages"]] == expected


def test_shallow_clone_says_so_once_and_compares_with_current(repo, capsys, tmp_path):
    commit(
        repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION, "docs/ko/b.md": "# 나\n"}, "Add"
    )
    commit(repo, {"docs/en/a.md": SOURCE + "\n## B\n\nb\n", "docs/en/b.md": "# B\n"}, "Grow")
    clone = tmp_path / "shallow"
    git(repo, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    code, out, err = run_cli(
        capsys, "status", "--isolated", "--format", "json", str(clone / "docs/ko")
    )
    assert code == 0 and err.count("shallow clone") == 1
    pages = json.loads(out)["pages"]
    assert {p["status"] for p in pages} == {"up-to-date"}


def test_outside_a_repository_says_so_and_never_fails(isolated, capsys):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION})
    code, out, err = run_cli(capsys, "status", "--isolated", "docs/ko")
    assert code == 0 and "not inside a git repository" in err and "up-to-date" in out
    code, _, err = run_cli(capsys, "check", "--isolated", "--drift", "show", "docs/ko")
    assert code == 0 and err.count("not inside a git repository") == 1


def test_status_formats(repo, capsys):
    commit(
        repo,
        {"docs/en/a.md": SOURCE, "docs/en/b.md": "# B\n\nb\n", "docs/ko/a.md": TRANSLATION},
        "Add",
    )
    commit(repo, {"docs/en/a.md": SOURCE + "\n## C\n\nc\n"}, "Grow")
    _, text, _ = run_cli(capsys, "status", "--isolated", "docs/ko")
    assert "outdated" in text and "missing" in text and "docs/ko/b.md" in text
    _, markdown, _ = run_cli(capsys, "status", "--isolated", "--format", "markdown", "docs/ko")
    assert "- [ ] `docs/ko/a.md` — 1 commit behind: + ## C" in markdown
    _, page, _ = run_cli(capsys, "status", "--isolated", "--format", "html", "docs/ko")
    assert "<svg" in page and "<table" in page and 'href="#changes-' in page
    assert "<script" not in page and "http" not in page.replace("http://www.w3.org", "")


def test_a_thousand_pages_take_few_git_processes(repo, capsys, monkeypatch):
    files = {f"docs/en/p{i}.md": SOURCE for i in range(300)}
    files |= {f"docs/ko/p{i}.md": TRANSLATION for i in range(300)}
    commit(repo, files, "Add")
    commit(repo, {f"docs/en/p{i}.md": SOURCE + "\n## N\n\nn\n" for i in range(0, 300, 3)}, "Grow")
    calls = []
    real = subprocess.run

    def counting(args, *rest, **kwargs):
        if args and args[0] == "git":
            calls.append(args)
        return real(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    pages = status(capsys, "docs/ko")
    assert sum(p["status"] == "outdated" for p in pages.values()) == 100
    assert len(calls) <= 8


# -- the corpus' real histories -------------------------------------------------------


@pytest.fixture(params=["huggingface_hub", "smolagents"])
def history(request, corpus, tmp_path_factory) -> Path:
    bundle = corpus / "history" / f"{request.param}-docs.bundle"
    if not bundle.is_file():
        pytest.skip(f"{bundle} not found")
    clone = tmp_path_factory.mktemp("history") / request.param
    subprocess.run(["git", "clone", "-q", str(bundle), str(clone)], check=True)
    return clone


def _truth(clone: Path, translation: str, source: str) -> tuple[str, int]:
    """Plain git: the translation's last commit, and the source commits since it (renames
    followed) when the source text changed since then beyond whitespace and comments."""
    last = git(clone, "log", "-1", "--format=%H", "--", translation)
    behind = git(clone, "log", "--follow", "--format=%H", f"{last}..HEAD", "--", source)
    commits = len(behind.split()) if behind else 0
    old_path = source
    renamed = git(
        clone, "log", "--follow", "--name-only", "--format=", f"{last}..HEAD", "--", source
    ).split()
    if renamed:
        old_path = renamed[-1]
    try:
        before = git(clone, "show", f"{last}:{old_path}")
    except subprocess.CalledProcessError:
        return last, -1
    now = (clone / source).read_text(encoding="utf-8")
    return last, commits if _readable(before) != _readable(now) else 0


def _readable(text: str) -> str:
    """What a reader sees, roughly: no HTML comments, whitespace runs as one space."""
    return " ".join(re.sub(r"<!--.*?-->", " ", text, flags=re.S).split())


@pytest.mark.slow
def test_status_agrees_with_git_on_every_page(history, capsys, monkeypatch):
    monkeypatch.chdir(history)
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, err = run_cli(capsys, "status", "--isolated", "--format", "json", "docs/source")
    assert code == 0, err
    pages = [p for p in json.loads(out)["pages"] if p["status"] in ("outdated", "up-to-date")]
    assert len(pages) > 30
    for page in pages:
        last, changed = _truth(history, page["path"], page["source_path"])
        if page["base_reason"] == "best match":
            # an older source version the translation matches better: it is one the
            # translation's last commit contains, so the page can only be behind
            subprocess.run(
                ["git", "merge-base", "--is-ancestor", page["base_commit"], last],
                cwd=history,
                check=True,
            )
            assert page["status"] == "outdated", page["path"]
            continue
        assert page["base_commit"] == last, page["path"]
        expected = "outdated" if changed > 0 else "up-to-date"
        assert page["status"] == expected, (page["path"], changed)
        if expected == "outdated":
            assert page["commits_behind"] == changed, page["path"]


def test_sarif_carries_drift_and_base(repo, capsys):
    base = commit(repo, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION}, "Add a")
    commit(repo, {"docs/en/a.md": SOURCE + "\n## Remove\n\nGo.\n"}, "Grow a")
    _, out, _ = run_cli(
        capsys, "check", "--isolated", "--format", "sarif", "--drift", "show", "docs/ko"
    )
    results = json.loads(out)["runs"][0]["results"]
    drifted = [r for r in results if r["properties"].get("drift")]
    assert drifted and all(r["properties"]["base_commit"] == base for r in drifted)
    outdated = next(r for r in results if r["ruleId"] == "DL801")
    assert "drift" not in outdated["properties"]


def test_missing_pages_are_reported_for_folders_only(isolated, capsys):
    write(
        isolated,
        {
            "docs/en/a.md": SOURCE,
            "docs/en/b.md": "# B\n\nb\n",
            "docs/ko/a.md": TRANSLATION,
            "docs/ko/old.md": "# 옛\n",
        },
    )
    folder = check(capsys, "docs/ko")
    assert [(f["path"], f["name"]) for f in folder if f["category"] == "freshness"] == [
        ("docs/ko/b.md", "missing-translation")
    ]
    assert not [f for f in check(capsys, "docs/ko/a.md") if f["category"] == "freshness"]
    _, out, _ = run_cli(capsys, "status", "--isolated", "--format", "json", "docs/ko")
    statuses = {p["path"]: p["status"] for p in json.loads(out)["pages"]}
    assert statuses == {
        "docs/ko/a.md": "up-to-date",
        "docs/ko/b.md": "missing",
        "docs/ko/old.md": "no-source",
    }


def test_status_draws_progress_on_a_terminal_only(isolated, capsys, monkeypatch):
    import doclint.progress

    write(isolated, {"docs/en/a.md": SOURCE, "docs/ko/a.md": TRANSLATION})
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    started: list[int] = []
    original = doclint.progress.TerminalProgress.start

    def start(self, total: int) -> None:  # the bar shows only after a delay: count starts
        started.append(total)
        original(self, total)

    monkeypatch.setattr(doclint.progress.TerminalProgress, "start", start)
    run_cli(capsys, "status", "--isolated", "docs/ko")
    assert started == [1]
    run_cli(capsys, "status", "--isolated", "--format", "json", "docs/ko")
    assert started == [1]


def test_shards_report_a_missing_page_once(isolated, capsys):
    pages = {f"docs/en/p{i}.md": SOURCE for i in range(12)}
    pages |= {f"docs/ko/p{i}.md": TRANSLATION for i in range(10)}
    write(isolated, pages)
    whole = [f for f in check(capsys, "docs/ko") if f["name"] == "missing-translation"]
    parts = [
        f
        for shard in ("1/3", "2/3", "3/3")
        for f in check(capsys, "docs/ko", "--shard", shard)
        if f["name"] == "missing-translation"
    ]
    assert len(whole) == 2 and sorted(map(str, parts)) == sorted(map(str, whole))


def test_versions_follow_renames_but_not_a_reused_name(repo):
    from doclint.history import Repository

    old = commit(repo, {"docs/en/a.md": "# Old page\n\nold\n"}, "Add an old a")
    git(repo, "rm", "-q", "docs/en/a.md")
    git(repo, "commit", "-q", "-m", "Remove it")
    added = commit(repo, {"docs/en/b.md": SOURCE}, "Add b")
    git(repo, "mv", "docs/en/b.md", "docs/en/a.md")
    git(repo, "commit", "-q", "-m", "Rename b to a")
    renamed = git(repo, "rev-parse", "HEAD")
    history = Repository.at(repo)
    history.load([repo / "docs"])
    chain = [(change.commit, change.path) for change in history.versions("docs/en/a.md")]
    assert chain == [(renamed, "docs/en/a.md"), (added, "docs/en/b.md")]
    assert history.version_at("docs/en/a.md", old) is None
    assert history.commits_since("docs/en/a.md", added) == [renamed]


def test_an_invalid_toctree_is_named_not_compared(isolated, capsys):
    write(
        isolated,
        {
            "docs/en/a.md": SOURCE,
            "docs/ko/a.md": TRANSLATION,
            "docs/en/_toctree.yml": "- local: a\n",
            "docs/ko/_toctree.yml": "- [local: a\n",
        },
    )
    found = [f for f in check(capsys, "docs/ko") if f["name"] == "toctree-mismatch"]
    assert [(f["path"], f["line"]) for f in found] == [("docs/ko/_toctree.yml", 1)]
    assert "docs/ko/_toctree.yml is not valid YAML (line 2)" in found[0]["message"]
