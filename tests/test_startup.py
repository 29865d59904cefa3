"""Checking one small page imports only what that page needs (pre-commit starts doclint
once per commit, so every import is paid each time)."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import GOOD, ROOT, write

# What a check of a small Markdown page with no configuration has no use for.
NEVER_FOR_A_SMALL_PAGE = {
    "yaml",  # no YAML termbase, pack or front matter
    "langdetect",  # no English-looking prose to tell apart
    "doclint.vcs",  # no --changed-since
    "subprocess",
    "multiprocessing",
    "concurrent.futures.process",  # one page: no worker pool
    "doclint.fixer",  # no --fix
    "doclint.merge",
    "doclint.reporters.json",  # only the text report is written
    "doclint.reporters.sarif",
    "doclint.reporters.github",
    "doclint.reporters.codeclimate",
    "doclint.reporters.html",
}

PROBE = """
import json, sys
from doclint.cli import main
main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def imported(cwd, *argv: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "PATH": ""},
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    return set(json.loads(result.stderr.strip().splitlines()[-1]))


def test_checking_a_small_page_imports_nothing_it_does_not_need(isolated):
    write(isolated, GOOD)
    modules = imported(isolated, "check", "--isolated", "docs/ko/a.md")
    assert "doclint.runner" in modules  # the probe saw the check
    assert modules & NEVER_FOR_A_SMALL_PAGE == set()


def test_what_a_run_needs_is_imported(isolated):
    write(isolated, GOOD)
    (isolated / "terms.yml").write_text("terms:\n  - {source: text, target: 텍스트}\n")
    (isolated / ".doclint.toml").write_text('termbases = ["terms.yml"]\n')
    modules = imported(isolated, "check", "--format", "json", "docs/ko/a.md")
    assert {"yaml", "doclint.reporters.json"} <= modules
