"""Findings of each rule over the real documentation in ../shared/corpus, for review.

    python benchmarks/precision.py                  # counts per rule and language
    python benchmarks/precision.py --sample 30      # plus 30 findings per rule, with context
    python benchmarks/precision.py --rule code-block-modified --sample 40

Samples are drawn with a fixed seed, so the same findings come back run after run;
docs/precision.md records what a reader judged them to be.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TREES = ("huggingface_hub/docs/source", "smolagents/docs/source", "transformers/ko")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=0, help="findings to show per rule")
    parser.add_argument("--rule", action="append", help="only these rules (names)")
    parser.add_argument("--select", default="ALL", help="rules to run (default ALL)")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2

    from doclint.config import Config
    from doclint.runner import Runner

    config = Config(select=tuple(args.select.split(",")))
    report = Runner(config).run([str(CORPUS / tree) for tree in TREES])
    findings = [f for f in report.findings if not args.rule or f.name in args.rule]
    counts = Counter(f.name for f in findings)
    languages = Counter((f.name, _language(f.path)) for f in findings)
    print(f"{report.files} pages, {report.pairs} with a source, {len(findings)} findings\n")
    print(f"{'rule':28} {'total':>6}  by language")
    for name, total in sorted(counts.items()):
        by_language = ", ".join(
            f"{lang} {n}" for (rule, lang), n in sorted(languages.items()) if rule == name
        )
        print(f"{name:28} {total:>6}  {by_language}")
    if args.sample:
        for name in sorted(counts):
            of_rule = [f for f in findings if f.name == name]
            chosen = random.Random(name).sample(of_rule, min(args.sample, len(of_rule)))
            print(f"\n## {name} ({len(chosen)} of {len(of_rule)})")
            for number, finding in enumerate(sorted(chosen, key=lambda f: f.sort_key), 1):
                print(f"{number:3}. {_short_path(finding.path)}:{finding.line} {finding.message}")
                print(f"     > {_line(finding.path, finding.line)}")
                if finding.source_path and finding.source_line:
                    print(f"     < {_line(finding.source_path, finding.source_line)}")
    return 0


def _language(path: str) -> str:
    from doclint.pairing import is_language_tag

    return next((part for part in Path(path).parts if is_language_tag(part)), "?")


def _short_path(path: str) -> str:
    return path.split("corpus/", 1)[-1]


def _line(path: str, line: int) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8").split("\n")[line - 1]
    except (OSError, IndexError):
        return ""
    return text.strip()[:160]


if __name__ == "__main__":
    sys.exit(main())
