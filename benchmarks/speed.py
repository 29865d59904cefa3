"""Run-time ratios on the real documentation in ../shared/corpus, measured side by side.

    python benchmarks/speed.py [--repeat 5]

Each scenario is timed against a baseline in the same process, alternating runs so
that a noisy machine slows both alike; the ratio (scenario / baseline, best of the
repeats) is what is compared with its target:

- untranslated rules on vs off: at most 1.3x;
- a 10,000-entry termbase vs none: under 2x;
- two worker processes vs one: below 1.0x on a machine with two cores or more.

Exit code 1 when a ratio misses its target.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TREES = [CORPUS / "huggingface_hub/docs/source", CORPUS / "smolagents/docs/source"]


def timed(config, jobs: int = 1) -> float:
    from doclint.runner import Runner, Selection

    start = time.perf_counter()
    Runner(config).run([str(tree) for tree in TREES], selection=Selection(jobs=jobs))
    return time.perf_counter() - start


def big_termbase(size: int) -> str:
    """``size`` entries: real words of the docs recombined, so many of them match."""
    import random

    words = """model models token tokenizer dataset training inference pipeline cache file
    repository upload download space agent tool memory code execution server client
    attention mask layer embedding vector search query prompt batch device weight
    checkpoint config endpoint webhook commit branch revision""".split()  # noqa: SIM905
    chooser = random.Random(0)
    lines = ["terms:"]
    seen = set()
    while len(seen) < size:
        phrase = " ".join(chooser.sample(words, chooser.randint(1, 3)))
        if phrase not in seen:
            seen.add(phrase)
            lines.append(f"  - {{source: {phrase}, target: 용어{len(seen)}}}")
    return "\n".join(lines) + "\n"


def ratio(scenario, baseline, repeat: int) -> tuple[float, float, float]:
    scenario_times, baseline_times = [], []
    for _ in range(repeat):
        baseline_times.append(baseline())
        scenario_times.append(scenario())
    best_scenario, best_baseline = min(scenario_times), min(baseline_times)
    return best_scenario / best_baseline, best_scenario, best_baseline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    from doclint.config import Config

    everything = Config(select=("ALL",))
    without_untranslated = Config(select=("ALL",), ignore=("untranslated",))
    workspace = Path(tempfile.mkdtemp(prefix="doclint-bench-"))
    termbase = workspace / "terms.yml"
    termbase.write_text(big_termbase(10_000), encoding="utf-8")
    with_terms = Config(select=("ALL",), base=workspace, termbases=("terms.yml",))
    timed(everything)  # warm up: imports, langdetect's profiles, the parser
    scenarios = [
        (
            "untranslated rules on / off",
            1.3,
            lambda: timed(everything),
            lambda: timed(without_untranslated),
        ),
        ("10,000 terms / no termbase", 2.0, lambda: timed(with_terms), lambda: timed(everything)),
    ]
    if (os.cpu_count() or 1) >= 2:
        scenarios.append(
            ("--jobs 2 / --jobs 1", 1.0, lambda: timed(everything, 2), lambda: timed(everything, 1))
        )
    failed = False
    for name, target, scenario, baseline in scenarios:
        value, spent, base = ratio(scenario, baseline, args.repeat)
        verdict = "ok" if value <= target else "MISSED"
        failed |= value > target
        print(
            f"{name:32} {value:5.2f}x  (target <= {target}x; "
            f"{spent:.2f}s vs {base:.2f}s)  {verdict}"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
