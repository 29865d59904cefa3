"""Pages on disk: reading them with one clear error per unreadable file, never a
traceback, and writing files atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


class InputError(Exception):
    """A file that could not be read as a Markdown page; str() is one line naming it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class PageText:
    """A page's text with ``\\n`` line ends and no BOM, and how the file wrote them."""

    text: str
    newline: str = "\n"
    bom: bool = False
    digest: str = ""  # of the bytes read, to tell whether the file changed since


class ChangedOnDisk(OSError):
    """The file is no longer what was read: writing would lose someone's edit."""


def decode(raw: bytes, path: str) -> PageText:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})"
        ) from None
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    if newline != "\n":
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise InputError(path, "contains NUL bytes: not a text file")
    return PageText(text, newline, bom, hashlib.sha256(raw).hexdigest())


def read_page(path: Path, shown: str | None = None) -> PageText:
    shown = shown or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except IsADirectoryError:
        raise InputError(shown, "is a directory, expected a Markdown file") from None
    except PermissionError:
        raise InputError(shown, "permission denied") from None
    except OSError as error:
        raise InputError(shown, f"cannot read: {error.strerror or error}") from None
    return decode(raw, shown)


def relative(path: Path) -> Path:
    """``path`` relative to the working directory where it can be, as users write paths."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path.resolve()


def display_path(path: Path, absolute: bool = False) -> str:
    """How output names a file: relative to the working directory with forward slashes,
    or absolute when asked."""
    return (path.resolve() if absolute else relative(path)).as_posix()


def new_file_mode() -> int:
    """The mode ``open()`` would give a new file: 0o666 less the umask (0o644 under 022)."""
    # The umask can only be read by setting it; it is put back at once.
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(
    path: Path, data: bytes | Iterable[bytes], expected_digest: str | None = None
) -> None:
    """Write to a temporary file beside ``path``, flush it to disk, then rename it over
    ``path``, so a crash leaves the old file or the new one, never half of one; ``data``
    may come in parts, so that a large report is never held whole.

    An existing file keeps its permission bits; a new one gets the umask's. With
    ``expected_digest`` (``PageText.digest``), a file whose bytes changed since they were
    read is left alone and ``ChangedOnDisk`` raised.
    """
    if path.is_symlink():
        path = path.resolve()  # write through the link, keep the link
    mode = path.stat().st_mode & 0o7777 if path.exists() else new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                stream.writelines(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if expected_digest is not None and _digest(path) != expected_digest:
            raise ChangedOnDisk(f"{path} changed on disk since it was read; not overwritten")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every platform can open a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
