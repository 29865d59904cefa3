"""The repository a run happens in: the folder paths in reports and baselines are
relative to, wherever doclint is started from.

Code scanning places a SARIF result by its path from the repository root, and a
baseline written at the root must still match when doclint runs from ``docs/``. The
root is the nearest folder holding ``.git`` (a folder, or a file in a worktree or
submodule); outside a repository, the configuration file's folder, else the working
directory.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=64)
def _git_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def link_boundary(*folders: Path) -> Path:
    """The folder links may lead into: the git work tree holding ``folders[0]``, else the
    folder all of ``folders`` share."""
    return _git_root(folders[0].resolve()) or Path(
        os.path.commonpath([folder.resolve() for folder in folders])
    )


def git_root(start: Path | None = None) -> Path | None:
    """The top of the git repository around ``start`` (default: the working
    directory), or None outside one. Found without running git, so it works where
    git is not installed."""
    return _git_root((start or Path.cwd()).resolve())


def repository_root(start: Path | None = None, fallback: Path | None = None) -> Path:
    """The folder report and baseline paths are relative to: the git root around
    ``start``, else ``fallback`` (the configuration's folder), else ``start``."""
    start = (start or Path.cwd()).resolve()
    return _git_root(start) or (fallback.resolve() if fallback else start)


def from_root(path: str | Path, root: Path) -> str | None:
    """``path`` (relative to the working directory, or absolute) from ``root``, with
    forward slashes; None when it lies outside ``root``."""
    absolute = Path(os.path.abspath(path))
    for candidate in (absolute, absolute.resolve()):  # the root itself is resolved
        try:
            return candidate.relative_to(root).as_posix()
        except ValueError:
            continue
    return None
