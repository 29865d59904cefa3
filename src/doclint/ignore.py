"""Which files a run leaves alone: what git ignores, and the ``exclude`` patterns.

Both use gitignore semantics through pathspec (``*`` does not cross ``/``, a pattern
with a ``/`` inside is anchored, ``dir/`` names a folder and everything in it, ``!``
re-includes). ``exclude`` patterns are relative to the configuration file's folder.

Inside a git repository, a folder walk skips what the repository's ``.gitignore``
files (at every level) and ``.git/info/exclude`` ignore — a built ``_build/`` is not
a translation. A file named on the command line is linted even if git ignores it,
as in ruff; ``exclude`` applies to it too. The user's global excludes file is not
read: a run must not depend on whose machine it is on.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from pathlib import Path
from typing import TYPE_CHECKING

from doclint.repository import git_root

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

    from doclint.config import Config


def _read_spec(path: Path) -> GitIgnoreSpec | None:
    """The patterns of one ignore file, or None where there is none."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec  # costly to import: only where there are patterns

    return GitIgnoreSpec.from_lines(lines)


def _decide(spec: GitIgnoreSpec | None, relative: str, verdict: bool | None) -> bool | None:
    if spec is None:
        return verdict
    result = spec.check_file(relative).include
    return verdict if result is None else result


class GitIgnore:
    """What the git repository around a path ignores; each ignore file is read once
    per instance (one run)."""

    def __init__(self) -> None:
        self._specs: dict[Path, GitIgnoreSpec | None] = {}

    def _spec(self, path: Path) -> GitIgnoreSpec | None:
        if path not in self._specs:
            self._specs[path] = _read_spec(path)
        return self._specs[path]

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        absolute = Path(os.path.abspath(path))
        root = git_root(absolute.parent)
        if root is None or absolute == root:
            return False
        inside = absolute.relative_to(root)
        # git does not look inside an ignored folder: nothing there can be re-included
        for depth in range(1, len(inside.parts)):
            if self._ignored(root, Path(*inside.parts[:depth]), True):
                return True
        return self._ignored(root, inside, is_dir)

    def _ignored(self, root: Path, inside: Path, is_dir: bool) -> bool:
        suffix = "/" if is_dir else ""
        verdict = _decide(
            self._spec(root / ".git" / "info" / "exclude"), inside.as_posix() + suffix, None
        )
        folder = root
        for depth in range(len(inside.parts)):
            relative = Path(*inside.parts[depth:]).as_posix() + suffix
            verdict = _decide(self._spec(folder / ".gitignore"), relative, verdict)
            folder = folder / inside.parts[depth]
        return bool(verdict)


class Exclude:
    """The configuration's ``exclude`` patterns, relative to its folder."""

    @classmethod
    def of(cls, config: Config) -> Exclude:
        """The ``exclude`` patterns, plus the Markdown term lists among the termbases
        (``docs/{lang}/llm-prompt.md``): they are instructions for translators, not
        translated pages, and have no source page to be compared with."""
        term_lists = tuple(
            glob.escape(os.path.abspath(config.base / name)).replace("{lang}", "*")
            for name in config.termbases
            if name.endswith((".md", ".markdown"))
        )
        return cls(config.exclude, config.base, term_lists)

    def __init__(self, patterns: tuple[str, ...], base: Path, files: tuple[str, ...] = ()) -> None:
        if patterns:
            from pathspec import GitIgnoreSpec

            self.spec = GitIgnoreSpec.from_lines(patterns)
        else:
            self.spec = None
        self.base = base.resolve()
        self.files = files  # absolute glob patterns of files that are never pages

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        absolute = Path(os.path.abspath(path))
        if not is_dir and any(fnmatch.fnmatchcase(str(absolute), f) for f in self.files):
            return True
        if self.spec is None:
            return False
        candidates = []
        for candidate in (absolute, absolute.resolve()):
            try:
                candidates.append(candidate.relative_to(self.base).as_posix())
            except ValueError:  # outside the configuration's folder
                continue
        suffix = "/" if is_dir else ""
        return any(self.spec.match_file(candidate + suffix) for candidate in candidates)
