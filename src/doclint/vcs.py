"""What git says changed: for ``--changed-since REV`` (the pull-request mode)."""

from __future__ import annotations

from pathlib import Path

from doclint.history import HistoryError, run_git


class VcsError(Exception):
    """Git could not answer; the message says why in one line."""


def _git(*args: str, cwd: Path) -> str:
    try:
        return run_git(list(args), cwd).decode("utf-8", "replace")
    except HistoryError as error:
        raise VcsError(str(error)) from None


def changed_since(revision: str, cwd: Path | None = None) -> set[Path]:
    """Files changed between ``revision`` and the working tree (committed, staged,
    unstaged or new and untracked), as absolute resolved paths."""
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git("rev-parse", "--show-toplevel", cwd=cwd).strip())
    except VcsError:
        raise VcsError(f"{cwd}: not inside a git repository") from None
    try:
        _git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", cwd=top)
    except VcsError:
        raise VcsError(f"unknown git revision {revision!r}") from None
    names = _git("diff", "--name-only", "-z", revision, "--", cwd=top).split("\0")
    names += _git("ls-files", "--others", "--exclude-standard", "-z", cwd=top).split("\0")
    return {(top / name).resolve() for name in names if name}
