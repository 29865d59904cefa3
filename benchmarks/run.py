"""doclint's speed and memory, measured side by side with its peers in one run.

    python benchmarks/run.py [--repeat 3] [--markdownlint DIR] [--scale 1000,10000]
                             [--json results.json]

Every figure is a whole process, as users run it (interpreter start-up included), timed
``--repeat`` times; the median is reported. Peak memory is the child process's own peak
resident set (``wait4``). Measured:

1. doclint over every translation the shared corpus pairs (``../shared/corpus``), all
   rules on, cold (``--no-cache``) and with a warm cache;
2. the parse floor: one process parsing every source and translated page once with
   doclint's markdown-it-py parser, nothing else — the least a markdown-it-py tool does;
3. markdownlint-cli2 over the same translated files, when installed: ``npm install
   markdownlint-cli2`` in a scratch folder and pass it with ``--markdownlint DIR`` (or
   set ``MARKDOWNLINT_DIR``); skipped with a note otherwise;
4. one Korean page as a whole process, doclint against markdownlint-cli2;
5. scale: synthetic pairs (``benchmarks/synthetic.py``) at each ``--scale`` size:
   wall time, time per pair, peak memory.

It prints the ratios with their targets and writes every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
# The doc trees of the corpus, at the folder doclint is pointed at.
TREES = (
    "transformers",
    "huggingface_hub/docs/source",
    "smolagents/docs/source",
    "fastapi/docs",
    "vitepress/docs",
    "starlight/docs/src/content/docs",
    "opentelemetry.io/content",
    "riverpod/website",
)
ONE_PAGE = "huggingface_hub/docs/source/ko/guides/upload.md"
DOCLINT = [sys.executable, "-m", "doclint.cli", "check", "--isolated", "--select", "ALL"]
# Each page with its doc set's dialect, as doclint parses it: "dialect<TAB>path" lines.
PARSE_FLOOR = """
import sys
from pathlib import Path
from doclint.parse import build_parser
for line in Path(sys.argv[1]).read_text().splitlines():
    dialect, name = line.split("\\t")
    build_parser(dialect).parse(Path(name).read_text(encoding="utf-8"))
"""


def run(command: list[str], cwd: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds, peak resident MB and CPU seconds (its own and its workers') of one
    process."""
    # a file, not a pipe: a tool writing more than a pipe holds would wait for a reader
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors, env=_env()
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        error = errors.read().decode("utf-8", "replace")
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command[:6])}…: exit {process.returncode}\n{error[-2000:]}")
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["NO_COLOR"] = "1"
    return env


def timed(command: list[str], repeat: int, cwd: Path | None = None, before=None) -> dict:
    walls, peaks, cpus = [], [], []
    for _ in range(repeat):
        if before is not None:
            before()
        wall, peak, cpu = run(command, cwd)
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    return {
        "median_s": statistics.median(walls),
        "runs_s": [round(wall, 3) for wall in walls],
        "cpu_s": statistics.median(cpus),
        "peak_mb": max(peaks),
    }


def corpus_pages() -> tuple[list[str], dict[Path, str], dict[Path, str], list[str]]:
    """The trees doclint pairs, their translated pages and their source pages (each with
    the dialect doclint detects for it), and notes."""
    from doclint.config import Config
    from doclint.pairing import Pairing
    from doclint.runner import Runner

    runner = Runner(Config())
    trees, translations, sources, notes = [], {}, {}, []
    for tree in TREES:
        path = CORPUS / tree
        if not path.is_dir():
            continue
        pairing = Pairing(Config())
        pairs = pairing.pairs([str(path)])
        if not pairs:
            notes.append(f"{tree}: no translated page paired (layout not supported)")
            continue
        trees.append(str(path))
        for pair in pairs:
            text = pair.translation.read_text(encoding="utf-8")
            dialect = runner.dialect_for(pair, text)
            translations[pair.translation] = dialect
            if pair.source.is_file():
                sources.setdefault(pair.source, dialect)
    dialects = sorted(set(translations.values()))
    notes.append(f"dialects detected: {', '.join(dialects)}")
    return trees, translations, dict(sorted(sources.items())), notes


def markdownlint_binary(given: str | None) -> Path | None:
    folder = given or os.environ.get("MARKDOWNLINT_DIR")
    if not folder:
        return None
    binary = Path(folder) / "node_modules" / ".bin" / "markdownlint-cli2"
    return binary if binary.exists() else None


def ratio(value: float, base: float, target: float) -> dict:
    measured = value / base if base else float("inf")
    return {"ratio": round(measured, 3), "target": target, "met": measured <= target}


def corpus_figures(args, scratch: Path, markdownlint: Path | None, results: dict) -> None:
    trees, translations, sources, notes = corpus_pages()
    results["corpus"] = {
        "trees": [str(Path(tree).relative_to(CORPUS)) for tree in trees],
        "translated_pages": len(translations),
        "source_pages": len(sources),
        "notes": notes,
    }
    listing = scratch / "pages.txt"
    pages = {**translations, **sources}
    listing.write_text(
        "\n".join(f"{dialect}\t{page}" for page, dialect in pages.items()), encoding="utf-8"
    )
    workdir = scratch / "work"
    workdir.mkdir()
    cache = workdir / ".doclint_cache"

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    cold = timed([*DOCLINT, *jobs, *trees], args.repeat, workdir, clear)
    cold_one_job = timed([*DOCLINT, "--jobs", "1", "--no-cache", *trees], args.repeat, workdir)
    run([*DOCLINT, *jobs, *trees], workdir)  # fills the cache
    warm = timed([*DOCLINT, *jobs, *trees], args.repeat, workdir)
    floor = timed([sys.executable, "-c", PARSE_FLOOR, str(listing)], args.repeat)
    results["doclint_cold"] = cold
    results["doclint_cold_jobs1"] = cold_one_job
    results["doclint_warm"] = warm
    results["parse_floor"] = floor
    # CPU time is what a busy machine disturbs least; wall time is what users wait
    results["ratios"] = {
        "cold / parse floor": ratio(cold["median_s"], floor["median_s"], 1.5),
        "cold CPU / parse floor CPU": ratio(cold["cpu_s"], floor["cpu_s"], 1.5),
        "cold --jobs 1 / parse floor": ratio(cold_one_job["median_s"], floor["median_s"], 1.5),
        "warm / cold": ratio(warm["median_s"], cold["median_s"], 0.15),
    }
    page = CORPUS / ONE_PAGE
    one = timed([*DOCLINT, "--no-cache", str(page)], args.repeat, workdir)
    results["one_page_doclint"] = one
    if markdownlint is None:
        results["markdownlint"] = "skipped: pass --markdownlint DIR (npm install markdownlint-cli2)"
        return
    version = subprocess.run(
        [str(markdownlint), "--help"], capture_output=True, text=True, check=False
    ).stdout.splitlines()[:1]
    results["markdownlint_version"] = version[0] if version else "?"
    peer = timed([str(markdownlint), *map(str, translations)], args.repeat, workdir)
    peer_one = timed([str(markdownlint), str(page)], args.repeat, workdir)
    results["markdownlint"] = peer
    results["one_page_markdownlint"] = peer_one
    results["ratios"]["cold / markdownlint-cli2"] = ratio(cold["median_s"], peer["median_s"], 0.5)
    results["ratios"]["cold CPU / markdownlint-cli2 CPU"] = ratio(cold["cpu_s"], peer["cpu_s"], 0.5)
    results["ratios"]["one page / markdownlint-cli2"] = ratio(
        one["median_s"], peer_one["median_s"], 0.5
    )


def _nothing(_: object) -> None:
    return None


def parallel_overhead(results: dict) -> None:
    """What --jobs pays before any page is checked: sending the runner to a worker and
    starting the workers."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    from doclint.config import Config
    from doclint.runner import Runner

    runner = Runner(Config(select=("ALL",)))
    start = time.perf_counter()
    payload = pickle.dumps(runner)
    pickled = time.perf_counter() - start
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_nothing, [payload, payload]))
    results["parallel_overhead"] = {
        "runner_pickle_bytes": len(payload),
        "runner_pickle_ms": round(pickled * 1000, 2),
        "two_workers_start_and_stop_ms": round((time.perf_counter() - start) * 1000, 1),
    }


def scale_figures(args, scratch: Path, results: dict) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    figures = {}
    for size in args.scale:
        folder = scratch / f"synthetic-{size}"
        korean = generate(folder, size)
        command = [*DOCLINT, "--no-cache", "--jobs", "1", "--format", "json", "-o"]
        figure = timed([*command, str(folder / "report.json"), str(korean)], args.scale_repeat)
        figure["per_pair_ms"] = round(figure["median_s"] / size * 1000, 3)
        figure["per_pair_cpu_ms"] = round(figure["cpu_s"] / size * 1000, 3)
        figures[str(size)] = figure
        shutil.rmtree(folder)
    results["scale"] = figures
    if len(args.scale) >= 2:
        small, large = figures[str(args.scale[0])], figures[str(args.scale[-1])]
        results["ratios"]["per pair, largest / smallest"] = ratio(
            large["per_pair_ms"], small["per_pair_ms"], 1.2
        )
        results["ratios"]["per pair CPU, largest / smallest"] = ratio(
            large["per_pair_cpu_ms"], small["per_pair_cpu_ms"], 1.2
        )
        results["ratios"]["peak MB at largest / 300 MB"] = ratio(large["peak_mb"], 300, 1.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--markdownlint", metavar="DIR", help="folder markdownlint-cli2 is in")
    parser.add_argument("--jobs", type=int, help="doclint --jobs (default: its own default)")
    parser.add_argument(
        "--scale",
        type=lambda text: [int(n) for n in text.split(",") if n],
        default=[1000, 10000],
        help="synthetic sizes, comma-separated ('' to skip)",
    )
    parser.add_argument("--scale-repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, default=Path("benchmark-results.json"))
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    markdownlint = markdownlint_binary(args.markdownlint)
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
        "python": platform.python_version(),
        "command": " ".join(sys.argv),
        "repeat": args.repeat,
        # a shared machine's other work disturbs wall times most: note how busy it was
        "load_average_start": [round(load, 2) for load in os.getloadavg()],
    }
    with tempfile.TemporaryDirectory(prefix="doclint-bench-") as scratch:
        corpus_figures(args, Path(scratch), markdownlint, results)
        parallel_overhead(results)
        if args.scale:
            scale_figures(args, Path(scratch), results)
    results["load_average_end"] = [round(load, 2) for load in os.getloadavg()]
    print_results(results)
    args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.json}")
    return 0


def print_results(results: dict) -> None:
    corpus = results["corpus"]
    print(f"{results['machine']}, Python {results['python']}")
    print(f"load average: {results['load_average_start']} → {results['load_average_end']}")
    print(f"corpus: {corpus['translated_pages']} translated, {corpus['source_pages']} source pages")
    for note in corpus["notes"]:
        print(f"  note: {note}")
    for name in (
        "doclint_cold",
        "doclint_cold_jobs1",
        "doclint_warm",
        "parse_floor",
        "markdownlint",
        "one_page_doclint",
        "one_page_markdownlint",
    ):
        figure = results.get(name)
        if isinstance(figure, dict):
            print(
                f"{name:24} {figure['median_s']:8.3f} s  cpu {figure['cpu_s']:7.2f} s"
                f"  peak {figure['peak_mb']:7.1f} MB"
            )
        elif figure:
            print(f"{name:24} {figure}")
    print("parallel overhead:", results["parallel_overhead"])
    for size, figure in results.get("scale", {}).items():
        print(
            f"scale {size:>18} {figure['median_s']:8.2f} s  {figure['per_pair_ms']:.2f} ms/pair"
            f"  cpu {figure['per_pair_cpu_ms']:.2f} ms/pair  peak {figure['peak_mb']:.1f} MB"
        )
    for name, value in results["ratios"].items():
        verdict = "met" if value["met"] else "MISSED"
        print(f"{name:32} {value['ratio']:6.2f}x  (target <= {value['target']})  {verdict}")


if __name__ == "__main__":
    sys.exit(main())
