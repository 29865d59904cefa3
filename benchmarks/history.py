"""What git history costs ``doclint status`` on a thousand pages, measured side by side.

    python benchmarks/history.py [--pages 1000] [--repeat 3]

Builds a repository of ``--pages`` translated pages (the Korean pages of the
huggingface_hub docs in ../shared/corpus and their English sources, repeated in
numbered folders) with twenty later commits that change a third of the sources, then
times ``status`` there against ``status`` on the same files outside any repository
(no history to read). Target: at most 1.5x; the seconds are printed too. (That the
number of git processes does not grow with the pages is a test, not a timing.)

Exit code 1 when the ratio misses its target.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "huggingface_hub" / "docs" / "source"
TARGET = 1.5


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def build(workspace: Path, pages: int) -> Path:
    pairs = [
        (path.relative_to(CORPUS / "ko"), path)
        for path in sorted((CORPUS / "ko").rglob("*.md"))
        if (CORPUS / "en" / path.relative_to(CORPUS / "ko")).is_file()
    ]
    repo = workspace / "repo"
    for index in range(pages):
        inside, translation = pairs[index % len(pairs)]
        name = Path(f"part{index // len(pairs)}") / inside
        for language, text in (("ko", translation), ("en", CORPUS / "en" / inside)):
            target = repo / "docs" / language / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(text, target)
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "add", "-A")
    git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "Add")
    sources = sorted((repo / "docs" / "en").rglob("*.md"))
    chooser = random.Random(0)
    for number in range(20):
        for source in chooser.sample(sources, len(sources) // 60):
            with source.open("a", encoding="utf-8") as stream:
                stream.write(f"\n## Added in change {number}\n\nNew text.\n")
        git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qam", f"C{number}")
    return repo


def timed(folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "doclint",
            "status",
            "--isolated",
            "-j1",
            "--format",
            "json",
            str(folder / "docs" / "ko"),
        ],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir() or shutil.which("git") is None:
        print(f"needs git and the corpus at {CORPUS}", file=sys.stderr)
        return 2
    workspace = Path(tempfile.mkdtemp(prefix="doclint-history-"))
    repo = build(workspace, args.pages)
    plain = workspace / "plain"
    shutil.copytree(repo / "docs", plain / "docs")
    with_history, without = [], []
    for _ in range(args.repeat):
        without.append(timed(plain))
        with_history.append(timed(repo))
    value = min(with_history) / min(without)
    verdict = "ok" if value <= TARGET else "MISSED"
    print(
        f"status on {args.pages} pages, history / none  {value:5.2f}x  (target <= {TARGET}x; "
        f"{min(with_history):.2f}s vs {min(without):.2f}s)  {verdict}"
    )
    shutil.rmtree(workspace, ignore_errors=True)
    return 1 if value > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
