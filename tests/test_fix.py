"""--fix, --fix-code and --diff: mend what is mechanical, never lose text."""

from __future__ import annotations

import shutil

from doclint.finding import Edit
from doclint.fixer import apply_edits

from .conftest import run_cli as run
from .conftest import write

SOURCE = """# Glossary

See [head](#head) and [attention mask](#attention-mask).

## attention mask

```python
# Build the mask
mask = tokenizer("Hello world")["attention_mask"]
print(mask)
```

## head
"""
TRANSLATION = """# 용어집[[glossary]]

[헤드](#head)와 [어텐션 마스크](#attention-mask)를 보세요.

## 어텐션 마스크

```py
# 마스크 만들기
mask = tokenizer("Hello world")["attn_mask"]
print(mask)
```

## 헤드
"""


def tree(root, translation=TRANSLATION, newline="\n", bom=False):
    data = ("\ufeff" if bom else "") + translation.replace("\n", newline)
    return write(root, {"docs/en/g.md": SOURCE, "docs/ko/g.md": data.encode("utf-8")})


def test_fix_adds_anchors_and_a_second_run_is_clean(isolated, capsys):
    tree(isolated)
    code, out, _ = run(capsys, "check", "docs/ko", "--fix", "--select", "anchor")
    assert code == 0, out
    text = (isolated / "docs/ko/g.md").read_text(encoding="utf-8")
    assert "## 어텐션 마스크[[attention-mask]]" in text and "## 헤드[[head]]" in text
    assert run(capsys, "check", "docs/ko", "--select", "anchor")[0] == 0
    before = (isolated / "docs/ko/g.md").read_bytes()
    run(capsys, "check", "docs/ko", "--fix", "--select", "anchor")
    assert (isolated / "docs/ko/g.md").read_bytes() == before  # idempotent


def test_fix_keeps_bom_and_crlf(isolated, capsys):
    tree(isolated, newline="\r\n", bom=True)
    run(capsys, "check", "docs/ko", "--fix")
    data = (isolated / "docs/ko/g.md").read_bytes()
    assert data.startswith("\ufeff".encode())
    assert data.count(b"\r\n") == TRANSLATION.count("\n") and b"\n" not in data.replace(
        b"\r\n", b""
    )
    assert b"[[attention-mask]]" in data


def test_nothing_to_fix_leaves_the_file_untouched(isolated, capsys):
    fixed = TRANSLATION.replace(
        "## 어텐션 마스크\n", "## 어텐션 마스크[[attention-mask]]\n"
    ).replace("## 헤드\n", "## 헤드[[head]]\n")
    tree(isolated, fixed)
    path = isolated / "docs/ko/g.md"
    stamp = path.stat().st_mtime_ns
    run(capsys, "check", "docs/ko", "--fix", "--select", "anchor")
    assert path.stat().st_mtime_ns == stamp


def test_code_is_only_rewritten_with_fix_code_and_keeps_translated_comments(isolated, capsys):
    tree(isolated)
    run(capsys, "check", "docs/ko", "--fix")
    assert "attn_mask" in (isolated / "docs/ko/g.md").read_text(encoding="utf-8")
    run(capsys, "check", "docs/ko", "--fix", "--fix-code")
    text = (isolated / "docs/ko/g.md").read_text(encoding="utf-8")
    assert 'mask = tokenizer("Hello world")["attention_mask"]' in text
    assert "# 마스크 만들기" in text  # the translated comment stays
    assert "```py\n" in text  # py and python are the same language: left alone
    assert run(capsys, "check", "docs/ko", "--select", "code")[0] == 0


def test_diff_prints_and_writes_nothing(isolated, capsys):
    tree(isolated)
    before = (isolated / "docs/ko/g.md").read_bytes()
    code, out, _ = run(capsys, "check", "docs/ko", "--diff")
    assert code == 1
    assert out.startswith("--- a/docs/ko/g.md\n+++ b/docs/ko/g.md\n")
    assert "+## 헤드[[head]]" in out
    assert (isolated / "docs/ko/g.md").read_bytes() == before
    tree(
        isolated,
        TRANSLATION.replace("## 어텐션 마스크\n", "## 어텐션 마스크[[attention-mask]]\n").replace(
            "## 헤드\n", "## 헤드[[head]]\n"
        ),
    )
    assert run(capsys, "check", "docs/ko", "--diff", "--select", "anchor") == (0, "", "")


def test_overlapping_and_duplicate_edits():
    text = "a\nb\nc"
    edits = [Edit(2, 2, ("B",)), Edit(2, 2, ("B",)), Edit(1, 2, ("x",)), Edit(9, 9, ("z",))]
    # the first edit in line order wins; the duplicate counts once; out of range is dropped
    assert apply_edits(text, edits) == "x\nc"
    assert apply_edits(text, [Edit(2, 2, ("B", "B2"))]) == "a\nB\nB2\nc"


def test_fixing_the_real_korean_glossary_touches_only_headings(
    corpus, tmp_path, capsys, monkeypatch
):
    for lang in ("en", "ko"):
        (tmp_path / lang).mkdir()
        shutil.copy(corpus / "transformers" / lang / "glossary.md", tmp_path / lang / "glossary.md")
    monkeypatch.chdir(tmp_path)
    original = (tmp_path / "ko/glossary.md").read_text(encoding="utf-8").split("\n")
    code, out, _ = run(capsys, "check", "--isolated", "ko", "--select", "anchor")
    assert code == 1 and "broken-anchor" in out
    run(capsys, "check", "--isolated", "ko", "--fix")
    assert run(capsys, "check", "--isolated", "ko", "--select", "anchor")[0] == 0
    fixed = (tmp_path / "ko/glossary.md").read_text(encoding="utf-8").split("\n")
    assert len(fixed) == len(original)
    changed = [(a, b) for a, b in zip(original, fixed) if a != b]
    assert changed and all(a.startswith("#") and b.startswith(a.rstrip()) for a, b in changed)
