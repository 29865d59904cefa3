"""--fix on a copy of each real documentation tree keeps every invariant."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest

from doclint.cli import main
from doclint.parse import parse

from .fix_invariants import anchor_breakage, changed_lines, heading_or_named, same_outside_fixes

# (tree in the corpus, what to check inside it)
TREES = [
    ("transformers", "ko"),
    ("huggingface_hub", "docs/source"),
    ("smolagents", "docs/source"),
    ("fastapi", "docs"),
    ("vitepress", "docs"),
    ("opentelemetry.io", "content"),
    ("starlight", "docs/src/content/docs"),
    ("riverpod", "website"),
]
SECOND_ID = re.compile(r"\{[^{}]*#[^{}]*\}\s*\[\[[^\[\]]*\]\]\s*$")


def check(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--select", "anchor,link", "--jobs", "2", *argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def findings(capsys, path: Path) -> list[dict]:
    _, out, _ = check(capsys, str(path), "--format", "json")
    return json.loads(out)["findings"]


def snapshot(root: Path) -> dict[Path, tuple[bytes, int]]:
    return {
        path: (path.read_bytes(), stat.S_IMODE(path.stat().st_mode))
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def fence_lines(text: str) -> set[int]:
    """The opening (its language) and inside lines of fenced code blocks, as doclint reads
    them (inside components too)."""
    lines: set[int] = set()
    for block in parse(text).code_blocks:
        if block.fenced:
            lines.update(range(block.line, block.end_line))
    return lines


def fence_blank_lines(text: str) -> list[int]:
    """How many blank lines each fenced code block holds, in page order."""
    return [
        sum(1 for line in block.content.split("\n")[:-1] if not line.strip())
        for block in parse(text).code_blocks
        if block.fenced
    ]


def link_lines(text: str) -> set[int]:
    """Lines holding an in-page link destination, which a heading fix may rewrite."""
    return {
        number
        for number, line in enumerate(text.split("\n"), 1)
        if re.search(r"(\]\(\s*<?|\]:\s*<?|href\s*=\s*[\"']?)#", line)
    }


def layout_of(raw: bytes) -> tuple[bool, bytes, bool]:
    newline = b"\r\n" if b"\r\n" in raw else b"\n"
    return raw.startswith(b"\xef\xbb\xbf"), newline, raw.endswith(b"\n")


@pytest.mark.slow
@pytest.mark.parametrize(("tree", "inside"), TREES, ids=[tree for tree, _ in TREES])
def test_fix_keeps_the_invariants_on_real_trees(
    corpus, tmp_path, monkeypatch, capsys, tree, inside
):
    shutil.copytree(corpus / tree, tmp_path / tree, symlinks=True)
    monkeypatch.chdir(tmp_path)
    target = Path(tree) / inside
    before_findings = findings(capsys, target)
    before = snapshot(tmp_path)

    # the report of a --fix run is the lint of the fixed pages
    _, out, _ = check(capsys, str(target), "--fix", "--format", "json")
    after_findings = json.loads(out)["findings"]
    fixed = snapshot(tmp_path)

    # never break a link that resolved
    assert anchor_breakage(before_findings, after_findings) == []
    changed = [path for path in before if fixed[path] != before[path]]
    assert set(fixed) == set(before)  # nothing created or removed
    second_ids = 0
    for path in changed:
        (old_raw, old_mode), (new_raw, new_mode) = before[path], fixed[path]
        assert new_mode == old_mode, path
        assert layout_of(new_raw) == layout_of(old_raw), path
        old = old_raw.decode("utf-8-sig").replace("\r\n", "\n")
        new = new_raw.decode("utf-8-sig").replace("\r\n", "\n")
        lines = changed_lines(old, new)
        # only headings, and links to a heading whose id changed, change
        assert heading_or_named(old, lines, link_lines(old)) == [], path
        assert len(old.split("\n")) == len(new.split("\n")), path
        assert same_outside_fixes(old, new), path
        second_ids += sum(1 for line in new.split("\n") if SECOND_ID.search(line))

    # idempotent: a second --fix changes nothing (only the fixed pages can change)
    if changed:
        check(capsys, *(str(path.relative_to(tmp_path)) for path in changed), "--fix")
        assert snapshot(tmp_path) == fixed
    # the dialect's own id syntax, never a second id on a heading that has one
    assert second_ids == 0
    print(f"{tree}: {len(changed)} pages fixed")


@pytest.mark.slow
def test_fix_code_keeps_blank_lines_and_touches_only_code(corpus, tmp_path, monkeypatch, capsys):
    shutil.copytree(corpus / "smolagents", tmp_path / "smolagents", symlinks=True)
    monkeypatch.chdir(tmp_path)
    target = "smolagents/docs/source"
    before = snapshot(tmp_path)
    main(["check", "--isolated", target, "--select", "code,anchor", "--fix", "--fix-code"])
    capsys.readouterr()
    fixed = snapshot(tmp_path)
    changed = [path for path in before if fixed[path] != before[path]]
    assert changed
    for path in changed:
        old = before[path][0].decode("utf-8-sig")
        new = fixed[path][0].decode("utf-8-sig")
        lines = changed_lines(old, new)
        assert heading_or_named(old, lines, fence_lines(old) | link_lines(old)) == [], path
        old_blanks, new_blanks = fence_blank_lines(old), fence_blank_lines(new)
        assert len(old_blanks) == len(new_blanks), path
        assert all(n >= o for o, n in zip(old_blanks, new_blanks)), path
    main(["check", "--isolated", target, "--select", "code,anchor", "--fix", "--fix-code"])
    capsys.readouterr()
    assert snapshot(tmp_path) == fixed
