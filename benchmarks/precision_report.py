"""Precision per dialect, tree and rule, from findings read by bilingual reviewers.

Runs ``doclint check`` on every tree of the shared corpus as a new user would (from the
tree's root, no flags but ``--isolated --no-cache``), and matches each finding with the
verdicts recorded in ``docs/precision/verdicts.tsv`` (tree, rule, path, line, verdict —
REAL, DRIFT or FALSE — cause, message). A finding no reviewer read is counted as such.
Prints one Markdown table per tree (the one in ``docs/precision.md``)::

    python benchmarks/precision_report.py
    python benchmarks/precision_report.py --unread 30 > to-read.json   # what to read next
    python benchmarks/precision_report.py --verdicts mine.tsv --record  # keep new readings
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
VERDICTS = ROOT / "docs" / "precision" / "verdicts.tsv"
# tree, what is checked from its root, the dialect doclint detects there
TREES = [
    ("fastapi", "docs", "mkdocs"),
    ("vitepress", "docs", "vitepress"),
    ("starlight", "docs/src/content/docs", "starlight"),
    ("riverpod", "website", "docusaurus"),
    ("opentelemetry.io", "content", "hugo"),
    ("huggingface_hub", "docs/source", "doc-builder"),
    ("smolagents", "docs/source", "doc-builder"),
    ("transformers", "ko", "doc-builder"),
]
# Listed by `status`, not read as findings: a source page no one has translated yet.
NOT_READ = {"missing-translation"}


def findings(tree: str, target: str) -> list[dict]:
    command = [sys.executable, "-m", "doclint", "check", target, "--isolated", "--no-cache"]
    result = subprocess.run(
        [*command, "--format", "json"], cwd=CORPUS / tree, capture_output=True, text=True
    )
    return [f for f in json.loads(result.stdout)["findings"] if f["name"] not in NOT_READ]


COLUMNS = ("tree", "rule", "path", "line", "verdict", "cause", "message")


def verdict_rows(*extra: Path) -> dict[tuple[str, str, str, int], dict]:
    """The recorded verdicts' rows; a finding read again in a later file keeps its later
    verdict."""
    rows = {}
    for path in (VERDICTS, *extra):
        with path.open(encoding="utf-8") as handle:
            rows.update(
                ((row["tree"], row["rule"], row["path"], int(row["line"])), row)
                for row in csv.DictReader(handle, delimiter="\t")
            )
    return rows


def verdicts(*extra: Path) -> dict[tuple[str, str, str, int], str]:
    return {key: row["verdict"] for key, row in verdict_rows(*extra).items()}


def record(*extra: Path) -> None:
    """Write the verdicts of ``extra`` into the recorded ones, sorted."""
    rows = verdict_rows(*extra)
    with VERDICTS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows[key] for key in sorted(rows))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unread", type=int, metavar="N", help="list up to N unread per rule")
    parser.add_argument(
        "--verdicts",
        type=Path,
        action="append",
        default=[],
        metavar="TSV",
        help="also read these verdicts (same columns), over the recorded ones",
    )
    parser.add_argument("--tree", action="append", help="only this tree (repeatable)")
    parser.add_argument(
        "--record",
        action="store_true",
        help=f"write the --verdicts files into {VERDICTS.relative_to(ROOT)} and stop",
    )
    args = parser.parse_args(argv)
    if args.record:
        record(*args.verdicts)
        return 0
    if not CORPUS.is_dir():
        print(f"shared corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    read = verdicts(*args.verdicts)
    to_read = []
    per_tree: dict[str, Counter] = defaultdict(Counter)
    per_rule: dict[str, Counter] = defaultdict(Counter)
    for tree, target, dialect in TREES:
        if args.tree and tree not in args.tree:
            continue
        by_rule: dict[str, Counter] = defaultdict(Counter)
        unread: dict[str, list[dict]] = defaultdict(list)
        for finding in findings(tree, target):
            verdict = read.get((tree, finding["name"], finding["path"], finding["line"]))
            by_rule[finding["name"]][verdict or "unread"] += 1
            by_rule[finding["name"]]["findings"] += 1
            if verdict is None:
                unread[finding["name"]].append({"tree": tree, **finding})
        if args.unread:
            for rule, left in unread.items():
                random.Random(11).shuffle(left)
                done = sum(by_rule[rule][v] for v in ("REAL", "DRIFT", "FALSE"))
                to_read += left[: max(0, min(args.unread, by_rule[rule]["findings"]) - done)]
            continue
        print(f"\n### {tree} ({dialect}): `doclint check {target}`\n")
        _table("rule", sorted(by_rule.items()))
        for rule, count in by_rule.items():
            judged = count["REAL"] + count["DRIFT"] + count["FALSE"]
            if judged:  # what the read share says of all the rule's findings
                count = count + Counter(
                    weighted=count["findings"] * (count["REAL"] + count["DRIFT"]) / judged,
                    weighed=count["findings"],
                )
            per_tree[f"{tree} ({dialect})"].update(count)
            per_rule[rule].update(count)
    if args.unread:
        json.dump(to_read, sys.stdout, ensure_ascii=False, indent=1)
        return 0
    print("\n### Every tree\n")
    _table("tree (dialect)", list(per_tree.items()), weighted=True)
    print("\n### Every rule, over the trees\n")
    _table("rule", sorted(per_rule.items()))
    return 0


def _table(first: str, rows: list[tuple[str, Counter]], weighted: bool = False) -> None:
    """One row per rule or tree; ``weighted`` adds the share of all findings that each
    rule's read share stands for (a rule read 30 times in 300 weighs its 300)."""
    extra = " of all findings |" if weighted else ""
    print(f"| {first} | findings | read | real | drift | false | real or drift |{extra}")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |" + (" ---: |" if weighted else ""))
    for name, count in rows:
        judged = count["REAL"] + count["DRIFT"] + count["FALSE"]
        share = f"{(count['REAL'] + count['DRIFT']) / judged:.0%}" if judged else "—"
        line = (
            f"| {name} | {count['findings']} | {judged} | {count['REAL']} | "
            f"{count['DRIFT']} | {count['FALSE']} | {share} |"
        )
        if weighted:
            line += f" {count['weighted'] / count['weighed']:.0%} |" if count["weighed"] else " — |"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
