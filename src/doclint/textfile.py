"""Pages on disk: reading them with one clear error per unreadable file, never a
traceback, and writing files atomically."""

from __future__ import annotations

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
    if not text.strip():
        raise InputError(path, "file is empty")
    return PageText(text, newline, bom)


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


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``; ``data``
    may come in parts, so that a large report is never held whole."""
    mode = path.stat().st_mode & 0o7777 if path.exists() else None
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if isinstance(data, bytes):
                stream.write(data)
            else:
                stream.writelines(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
