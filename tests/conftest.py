from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    """The shared corpus of real documentation; tests using it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture
def isolated(tmp_path, monkeypatch) -> Path:
    """A working directory with no doclint configuration above it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    return tmp_path


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


# A translated page with nothing wrong, and one with an unclosed comment (DL006, line 5).
GOOD = {"docs/en/a.md": "# A\n\nText.\n", "docs/ko/a.md": "# 가[[a]]\n\n텍스트.\n"}
BROKEN = {"docs/en/b.md": "# B\n\nNote.\n", "docs/ko/b.md": "# 나[[b]]\n\n참고.\n\n<!-- 메모\n"}


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    """doclint's exit code, standard output and standard error for ``argv``."""
    from doclint.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# A source page and its translation, for tests that build git histories.
SOURCE = """# Install

Install it with pip.

```bash
pip install lib
```

## Configure

Set `LIB_HOME`.
"""
TRANSLATION = """# 설치[[install]]

pip으로 설치하세요.

```bash
pip install lib
```

## 설정[[configure]]

`LIB_HOME`을 설정하세요.
"""


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture
def repo(isolated: Path) -> Path:
    git(isolated, "init", "-q", "-b", "main")
    git(isolated, "config", "user.email", "docs@example.com")
    git(isolated, "config", "user.name", "Docs")
    git(isolated, "config", "commit.gpgsign", "false")
    return isolated


def commit(repo: Path, files: dict[str, str], message: str) -> str:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")
