"""The status page in a real browser: headless Chromium (skipped where absent)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import SOURCE, TRANSLATION, commit, run_cli

BROWSER = next(
    (b for b in ("chromium", "chromium-browser", "google-chrome") if shutil.which(b)), None
)
pytestmark = [
    pytest.mark.skipif(BROWSER is None, reason="no Chromium to render the page"),
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.slow,
]
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars")


def test_status_page_renders_chart_and_table(repo, capsys, tmp_path):
    commit(
        repo,
        {
            "docs/en/a.md": SOURCE,
            "docs/en/b.md": "# B\n\nb\n",
            "docs/en/c.md": SOURCE,
            "docs/ko/a.md": TRANSLATION,
            "docs/ko/c.md": TRANSLATION,
        },
        "Add",
    )
    commit(repo, {"docs/en/a.md": SOURCE + "\n## New\n\nText.\n"}, "Grow a")
    page = tmp_path / "status.html"
    code, _, err = run_cli(
        capsys, "status", "--isolated", "--format", "html", "-o", str(page), "docs/ko"
    )
    assert code == 0, err
    dom = subprocess.run(
        [BROWSER, *FLAGS, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    # one bar per status present, and a row per page: up to date, outdated, missing
    assert dom.count("<rect") == 3 and 'class="chart"' in dom
    assert dom.count("<tr>") == 1 + 3
    assert 'href="#changes-docs-ko-a-md"' in dom and 'id="changes-docs-ko-a-md"' in dom
    shot = tmp_path / "status.png"
    subprocess.run(
        [BROWSER, *FLAGS, "--window-size=900,500", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 5000
