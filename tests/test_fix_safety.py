"""--fix never breaks a link, never loses a blank line or someone's edit, and writes
files safely."""

from __future__ import annotations

import os
import stat

import pytest

from doclint.finding import Edit
from doclint.parse import parse
from doclint.safefix import guard
from doclint.textfile import ChangedOnDisk, read_page, write_atomically

from .conftest import run_cli as run
from .conftest import write
from .fix_invariants import anchor_breakage, changed_lines

SOURCE = """# Title

- [Tools](#tools)

## Tools

Text.
"""
# The table of contents links to the translated heading's computed id.
TRANSLATION = """# 标题[[title]]

- [工具](#工具)
- [again][tools]

## 工具

文本。

[tools]: #工具
"""


def lint_json(capsys, *paths: str) -> list[dict]:
    import json

    _, out, _ = run(capsys, "check", *paths, "--format", "json")
    return json.loads(out)["findings"]


def test_fix_rewrites_the_in_page_links_to_an_id_it_replaces(isolated, capsys):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/zh/a.md": TRANSLATION})
    before = lint_json(capsys, "docs/zh")
    run(capsys, "check", "docs/zh", "--fix")
    text = (isolated / "docs/zh/a.md").read_text(encoding="utf-8")
    assert "## 工具[[tools]]" in text
    assert "- [工具](#tools)" in text and "[tools]: #tools" in text
    after = lint_json(capsys, "docs/zh")
    assert anchor_breakage(before, after) == []
    assert not [f for f in after if f["name"] in ("broken-anchor", "anchor-not-preserved")]


def test_fix_is_withheld_when_another_page_links_to_the_old_id(isolated, capsys):
    write(
        isolated,
        {
            "docs/en/a.md": SOURCE,
            "docs/zh/a.md": TRANSLATION,
            "docs/en/b.md": "# B\n\nSee [tools](a.md#tools).\n",
            "docs/zh/b.md": "# 乙[[b]]\n\n见 [工具](a.md#工具)。\n",
        },
    )
    original = (isolated / "docs/zh/a.md").read_bytes()
    before = lint_json(capsys, "docs/zh")
    _, _, err = run(capsys, "check", "docs/zh", "--fix")
    assert (
        "docs/zh/a.md:6: heading id #工具 not replaced by #tools: docs/zh/b.md:3 links to it" in err
    )
    assert (isolated / "docs/zh/a.md").read_bytes() == original
    assert anchor_breakage(before, lint_json(capsys, "docs/zh")) == []


def test_guard_keeps_fixes_that_change_no_id_and_ids_nothing_links_to():
    text = "# A\n\n## B\n\n[b](#b)\n"
    before = parse(text, "x.md")
    edits = [Edit(1, 1, ("# A[[a]]",))]  # #a: nothing links to it
    guarded = guard(text, before, edits, lambda t: parse(t, "x.md"), "doc-builder")
    assert guarded.text.startswith("# A[[a]]\n") and guarded.notes == []
    # a rename another page depends on is withheld, the rest still applies
    edits.append(Edit(3, 3, ("## B[[bee]]",)))
    guarded = guard(
        text, before, edits, lambda t: parse(t, "x.md"), "doc-builder", lambda f: ["y.md:1"]
    )
    assert guarded.text == "# A[[a]]\n\n## B\n\n[b](#b)\n"
    assert guarded.notes == ["x.md:3: heading id #b not replaced by #bee: y.md:1 links to it"]


def test_guard_withholds_a_rename_whose_link_it_cannot_find():
    # the destination wraps onto the next line, where no "](" marks it as one
    text = "## B\n\n[b](\n#b)\n"
    before = parse(text, "x.md")
    guarded = guard(
        text, before, [Edit(1, 1, ("## B[[bee]]",))], lambda t: parse(t, "x.md"), "doc-builder"
    )
    assert guarded.text == text
    assert guarded.notes == [
        "x.md:1: heading id #b not replaced by #bee: a link to it on this page could not be rewritten"
    ]


def test_fix_code_keeps_blank_lines_inside_the_code_block(isolated, capsys):
    source = "# A\n\n```py\nx = 1\n\ny = 2\n```\n"
    translation = "# 가[[a]]\n\n```py\nx = 3\n\n\ny = 2\n\n```\n"
    write(isolated, {"docs/en/a.md": source, "docs/ko/a.md": translation})
    run(capsys, "check", "docs/ko", "--fix", "--fix-code")
    fixed = (isolated / "docs/ko/a.md").read_text(encoding="utf-8")
    assert fixed == "# 가[[a]]\n\n```py\nx = 1\n\n\ny = 2\n\n```\n"
    assert changed_lines(translation, fixed) == [4]


def test_fix_keeps_permissions(isolated, capsys):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/zh/a.md": TRANSLATION})
    page = isolated / "docs/zh/a.md"
    page.chmod(0o640)
    run(capsys, "check", "docs/zh", "--fix")
    assert "[[tools]]" in page.read_text(encoding="utf-8")
    assert stat.S_IMODE(page.stat().st_mode) == 0o640


def test_writing_through_a_symlink_keeps_the_link(tmp_path):
    (tmp_path / "real.md").write_text("# old\n", encoding="utf-8")
    (tmp_path / "link.md").symlink_to(tmp_path / "real.md")
    write_atomically(tmp_path / "link.md", b"# new\n")
    assert (tmp_path / "link.md").is_symlink()
    assert (tmp_path / "real.md").read_bytes() == b"# new\n"


def test_writes_are_fsynced_before_the_rename(tmp_path, monkeypatch):
    calls = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd))[1])
    monkeypatch.setattr(os, "replace", lambda a, b: (calls.append("rename"), real_replace(a, b))[1])
    write_atomically(tmp_path / "out.txt", b"data")
    assert calls[:2] == ["fsync", "rename"]
    assert (tmp_path / "out.txt").read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# one\n", encoding="utf-8")
    page = read_page(path)
    path.write_text("# someone else's edit\n", encoding="utf-8")
    with pytest.raises(ChangedOnDisk):
        write_atomically(path, b"# fixed\n", page.digest)
    assert path.read_text(encoding="utf-8") == "# someone else's edit\n"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]


def test_fix_reports_a_page_edited_during_the_run(isolated, capsys, monkeypatch):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/zh/a.md": TRANSLATION})
    page = isolated / "docs/zh/a.md"
    import doclint.fixer

    real_encode = doclint.fixer.encode

    def edit_meanwhile(page_text, text):
        page.write_text(TRANSLATION + "\n新的段落。\n", encoding="utf-8")
        return real_encode(page_text, text)

    monkeypatch.setattr(doclint.fixer, "encode", edit_meanwhile)
    code, _, err = run(capsys, "check", "docs/zh", "--fix")
    assert code == 2
    assert "docs/zh/a.md: changed on disk while being fixed; not overwritten" in err
    assert page.read_text(encoding="utf-8").endswith("新的段落。\n")


@pytest.fixture
def umask_022():
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_created_files_get_the_umask_mode(isolated, capsys, umask_022):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/zh/a.md": TRANSLATION})
    write(isolated, {"docs/en/glossary.md": "# G\n\n## attention mask\n"})
    write(isolated, {"docs/zh/glossary.md": "# 术语[[g]]\n\n## 注意力掩码\n"})
    run(capsys, "check", "docs/zh", "--output", "report.txt")
    run(capsys, "check", "docs/zh", "--write-baseline", "baseline.json")
    run(capsys, "terms", "extract", "docs/zh/glossary.md", "-o", "terms.yml")
    for name in ("report.txt", "baseline.json", "terms.yml"):
        assert stat.S_IMODE((isolated / name).stat().st_mode) == 0o644, name


def test_a_file_that_cannot_be_written_is_one_line(isolated, capsys):
    write(isolated, {"docs/en/a.md": SOURCE, "docs/zh/a.md": TRANSLATION})
    code, _, err = run(capsys, "check", "docs/zh", "--write-baseline", "no/such/dir/b.json")
    assert code == 2 and err.startswith("doclint: no/such/dir/b.json: cannot write")


@pytest.mark.parametrize("syntax", ["{{ #{} }}", "{{#{}}}"])
def test_fix_never_gives_a_heading_a_second_id(isolated, capsys, syntax):
    heading = "## Tools " + syntax.format("tools")
    write(
        isolated,
        {
            "docs/en/a.md": f"# Title\n\n{heading}\n\n[t](#tools)\n",
            "docs/ko/a.md": "# 제목\n\n## 도구 " + syntax.format("tools") + "\n\n[도구](#tools)\n",
        },
    )
    run(capsys, "check", "docs/ko", "--fix")
    text = (isolated / "docs/ko/a.md").read_text(encoding="utf-8")
    assert "[[" not in text.split("\n")[2]
