"""What git remembers of a docs tree, gathered once per run in a fixed number of processes.

One ``git log`` over the whole tree gives every commit that touched a page and what it
did to it (renames included); one ``git rev-list`` gives the commit graph, from which
ancestry is answered with one bitset per commit; page versions are read in one
``git cat-file --batch``. Nothing here starts a process per page: a thousand pages cost
the same four or five processes as ten.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from doclint.repository import git_root


class HistoryError(Exception):
    """Git could not answer; the message says why in one line."""


def run_git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """What ``git ARGS`` prints; HistoryError (one line) where it fails or is absent."""
    import subprocess  # only where a repository was found: a plain check never needs it

    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise HistoryError("git is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(message[-1] if message else f"git {args[0]} failed")
    return result.stdout


@dataclass(frozen=True, slots=True)
class Change:
    """What one commit did to one path: ``status`` is git's letter (A, M, D, R…);
    ``old_path`` is where a renamed file came from."""

    commit: str
    status: str
    path: str
    old_path: str | None = None


@dataclass(frozen=True, slots=True)
class Version:
    """A page as one commit left it: read it as ``{commit}:{path}``."""

    commit: str
    path: str

    @property
    def name(self) -> str:
        return f"{self.commit}:{self.path}"


@dataclass
class Repository:
    """A git working tree and the history of the pages under ``paths`` (repository-relative)."""

    top: Path
    shallow: frozenset[str] = frozenset()  # commits whose parents the clone lacks
    commits: dict[str, tuple[str, ...]] = field(default_factory=dict)  # commit -> parents
    order: dict[str, int] = field(default_factory=dict)  # topological position, oldest first
    bit: dict[str, int] = field(default_factory=dict)  # commits that touched a page: bit index
    changes: dict[str, list[Change]] = field(default_factory=dict)  # path -> newest first
    head: str | None = None
    _ancestry: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def at(cls, folder: Path) -> Repository:
        """The repository holding ``folder``; raises HistoryError outside one."""
        if git_root(folder.resolve()) is None:  # no process to learn there is none
            raise HistoryError(f"{folder}: not inside a git repository")
        try:
            top = run_git(["rev-parse", "--show-toplevel"], cwd=folder).decode().strip()
        except HistoryError as error:
            if "not installed" in str(error):
                raise
            raise HistoryError(f"{folder}: not inside a git repository") from None
        repository = cls(Path(top).resolve())
        shallow = run_git(["rev-parse", "--git-path", "shallow"], cwd=repository.top).decode()
        shallow_file = repository.top / shallow.strip()
        if shallow_file.is_file():
            repository.shallow = frozenset(shallow_file.read_text().split())
        return repository

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.top).as_posix()

    def load(self, folders: Iterable[Path]) -> None:
        """Read the commit graph and every change under ``folders`` (two processes)."""
        try:
            head = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], cwd=self.top)
        except HistoryError:
            return  # a repository without a commit: nothing is history yet
        self.head = head.decode().strip()
        graph = run_git(
            ["rev-list", "--topo-order", "--reverse", "--parents", "HEAD"], cwd=self.top
        )
        for position, line in enumerate(graph.decode().splitlines()):
            commit, *parents = line.split()
            self.commits[commit] = tuple(parents)
            self.order[commit] = position
        specs = sorted({self.relative(folder) or "." for folder in folders})
        log = run_git(
            ["log", "--topo-order", "--format=%x1e%H", "--name-status", "-M", "-z", "--", *specs],
            cwd=self.top,
        )
        for record in log.decode("utf-8", "replace").split("\x1e")[1:]:
            commit, _, rest = record.partition("\x00")
            fields = rest.lstrip("\n").split("\x00")
            index = 0
            while index < len(fields) and fields[index]:
                status = fields[index]
                if status[0] in "RC":
                    old, new = fields[index + 1], fields[index + 2]
                    index += 3
                    self.changes.setdefault(new, []).append(Change(commit, status[0], new, old))
                    if status[0] == "R":
                        self.changes.setdefault(old, []).append(Change(commit, "D", old))
                else:
                    path = fields[index + 1]
                    index += 2
                    self.changes.setdefault(path, []).append(Change(commit, status[0], path))
        # Bits only for the commits that touched a page: a big repository's other
        # commits share their parent's bitset instead of adding a bit of their own.
        touching = {change.commit for changes in self.changes.values() for change in changes}
        for index, commit in enumerate(sorted(touching, key=lambda c: self.order.get(c, -1))):
            self.bit[commit] = index

    def ancestors(self, commit: str) -> int:
        """A bitset of the page-touching commits among ``commit`` and its ancestors."""
        if not self._ancestry and self.commits:
            ancestry: dict[str, int] = {}
            for node in sorted(self.commits, key=self.order.__getitem__):
                parents = self.commits[node]
                bits = ancestry.get(parents[0], 0) if parents else 0
                for parent in parents[1:]:
                    bits |= ancestry.get(parent, 0)
                if node in self.bit:
                    bits |= 1 << self.bit[node]
                ancestry[node] = bits
            self._ancestry = ancestry
        return self._ancestry.get(commit, 0)

    def is_ancestor(self, ancestor: str, commit: str) -> bool:
        """``ancestor`` (a commit that touched a page) is ``commit`` or reachable from it."""
        index = self.bit.get(ancestor)
        return index is not None and bool(self.ancestors(commit) >> index & 1)

    def last_change(self, path: str) -> Change | None:
        """The newest commit that touched ``path`` (under the history git log shows)."""
        found = self.changes.get(path)
        return found[0] if found else None

    def versions(self, path: str) -> list[Change]:
        """Every change of the page now at ``path``, newest first, following renames back."""
        found: list[Change] = []
        current: str | None = path
        seen: set[str] = set()
        newest_position: int | None = None
        while current is not None and current not in seen:
            seen.add(current)
            following = None
            for change in self.changes.get(current, []):
                position = self.order.get(change.commit, -1)
                if newest_position is not None and position >= newest_position:
                    continue  # the rename itself, or a later page that reused the name
                if change.status == "D":
                    break  # an older page of that name was deleted: it is not this one
                found.append(change)
                if change.old_path is not None:
                    following = change.old_path
                    newest_position = position
                    break
                if change.status == "A":
                    break
            current = following
        return found

    def version_at(self, path: str, commit: str) -> Version | None:
        """The page now at ``path`` as it was in ``commit`` (None: it did not exist)."""
        for change in self.versions(path):
            if self.is_ancestor(change.commit, commit):
                return Version(change.commit, change.path)
        return None

    def commits_since(self, path: str, base: str) -> list[str]:
        """Commits on HEAD's history that changed the page at ``path`` and that ``base``
        does not contain, newest first."""
        if self.head is None:
            return []
        head, known = self.ancestors(self.head), self.ancestors(base)
        since = head & ~known
        return [
            change.commit
            for change in self.versions(path)
            if change.commit in self.bit and since >> self.bit[change.commit] & 1
        ]

    def resolve(self, names: Iterable[str]) -> dict[str, str | None]:
        """Full commit ids for commit names (abbreviated ids, refs); None where unknown.
        One ``git cat-file --batch-check``."""
        names = list(dict.fromkeys(names))
        if not names:
            return {}
        query = "".join(f"{name}^{{commit}}\n" for name in names).encode()
        answer = run_git(["cat-file", "--batch-check"], cwd=self.top, stdin=query).decode()
        resolved: dict[str, str | None] = {}
        for name, line in zip(names, answer.splitlines()):
            parts = line.split()
            resolved[name] = parts[0] if len(parts) == 3 and parts[1] == "commit" else None
        return resolved

    def read(self, versions: Iterable[Version]) -> dict[Version, bytes | None]:
        """The contents of page versions, in one ``git cat-file --batch``."""
        wanted = list(dict.fromkeys(versions))
        if not wanted:
            return {}
        query = "".join(f"{version.name}\n" for version in wanted).encode()
        output = run_git(["cat-file", "--batch"], cwd=self.top, stdin=query)
        contents: dict[Version, bytes | None] = {}
        offset = 0
        for version in wanted:
            end = output.index(b"\n", offset)
            header = output[offset:end].split()
            offset = end + 1
            if len(header) != 3 or header[1] != b"blob":
                contents[version] = None  # "missing": not in this clone, or not a file
                continue
            size = int(header[2])
            contents[version] = output[offset : offset + size]
            offset += size + 1
        return contents
