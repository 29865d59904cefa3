"""The findings that remain once drift is folded, on a real history, for review.

    python benchmarks/drift_sample.py [--bundle huggingface_hub] [--sample 30]

Clones ``../shared/corpus/history/<bundle>-docs.bundle`` to a temporary folder, runs
``doclint check docs/source`` there with drift folded (the default), counts what is
left, and prints a fixed-seed sample of the findings that are not freshness findings,
each with its translated line and its source line. docs/precision.md records what a
reader judged them to be.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HISTORY = ROOT.parent / "shared" / "corpus" / "history"


def run(clone: Path, drift: str) -> list[dict]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "doclint",
            "check",
            "--isolated",
            "--format",
            "json",
            "--drift",
            drift,
            "docs/source",
        ],
        cwd=clone,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout)["findings"]


def line(clone: Path, path: str | None, number: int | None) -> str:
    if not path or not number:
        return ""
    lines = (clone / path).read_text(encoding="utf-8").split("\n")
    return lines[number - 1].strip()[:140] if number <= len(lines) else ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", default="huggingface_hub")
    parser.add_argument("--sample", type=int, default=30)
    args = parser.parse_args()
    bundle = HISTORY / f"{args.bundle}-docs.bundle"
    if not bundle.is_file() or shutil.which("git") is None:
        print(f"needs git and {bundle}", file=sys.stderr)
        return 2
    workspace = Path(tempfile.mkdtemp(prefix="doclint-drift-"))
    clone = workspace / args.bundle
    subprocess.run(["git", "clone", "-q", str(bundle), str(clone)], check=True)
    shown = run(clone, "show")
    folded = run(clone, "fold")
    drift = sum(1 for finding in shown if finding.get("drift"))
    remaining = [f for f in folded if f["category"] != "freshness"]
    print(f"with --drift show: {len(shown)} findings, {drift} of them drift")
    print(f"folded (default): {len(folded)} findings, {len(remaining)} not about freshness")
    for name, count in Counter(f["name"] for f in remaining).most_common():
        print(f"  {count:5}  {name}")
    chosen = random.Random(0).sample(remaining, min(args.sample, len(remaining)))
    for finding in sorted(chosen, key=lambda f: (f["path"], f["line"])):
        print(f"\n{finding['path']}:{finding['line']} {finding['name']}: {finding['message']}")
        print(f"    translation: {line(clone, finding['path'], finding['line'])}")
        source = line(clone, finding["source_path"], finding["source_line"])
        if source:
            print(f"    source:      {source}")
    shutil.rmtree(workspace, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
