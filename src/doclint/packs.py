"""Declarative rule packs: YAML files with terms, allowed words and regex patterns.

A pack looks like::

    id: ko
    language: ko
    description: Korean documentation conventions
    allow: [Hugging Face, PyTorch]          # never flagged as untranslated
    terms:                                   # approved renderings of source terms
      - source: attention mask
        target: 어텐션 마스크
        variants: [주의 마스크]
    patterns:                                # the simplest pluggable rule
      - id: ko-space-before-period
        regex: '\\p{Hangul} +\\.'
        message: no space before a full stop
        severity: warning                    # error | warning | info
        scope: prose                         # prose | headings | code

Built-in packs live in the top-level ``rules/`` folder of the project and ship in the
wheel as ``doclint/builtin_packs``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex

from doclint.finding import SEVERITIES
from doclint.termbase import Term, TermbaseError, term_from_mapping
from doclint.yamlfile import line_of, safe_load, type_hint

SCOPES = ("prose", "headings", "code")
PACK_KEYS = {"id", "language", "description", "allow", "terms", "patterns"}
PATTERN_KEYS = {"id", "regex", "message", "severity", "scope"}


class PackError(Exception):
    """A pack that cannot be used; the message names the file and key."""

    def __init__(self, message: str, keys: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.keys = keys  # where in the file, to name its line


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    regex: regex.Pattern
    message: str
    severity: str = "warning"
    scope: str = "prose"


@dataclass(frozen=True, slots=True)
class Pack:
    id: str
    language: str
    path: str
    description: str = ""
    allow: tuple[str, ...] = ()
    terms: tuple[Term, ...] = ()
    patterns: tuple[Pattern, ...] = ()


def builtin_dir() -> Path:
    """``doclint/builtin_packs`` in an installed wheel, the project's ``rules/`` in a checkout."""
    shipped = Path(str(resources.files("doclint"))) / "builtin_packs"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parents[2] / "rules"


def builtin_packs() -> dict[str, Path]:
    folder = builtin_dir()
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.yml"))}


def resolve(reference: str, base: Path) -> Path:
    """A pack named by built-in id (``ko``) or by path relative to ``base``."""
    if reference in builtin_packs() and not reference.endswith((".yml", ".yaml")):
        return builtin_packs()[reference]
    path = base / reference
    if not path.is_file():
        known = ", ".join(builtin_packs()) or "none"
        raise PackError(f"pack {reference!r} is neither a built-in pack ({known}) nor a file")
    return path


@lru_cache(maxsize=64)
def load(path: Path) -> Pack:
    import yaml

    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = safe_load(text)
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{where}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        raise PackError(f"{where}: not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}: a pack is a mapping with at least 'id'")
    try:
        return _pack(data, where)
    except PackError as error:
        line = line_of(text, error.keys) if error.keys else None
        if line is None:
            raise
        raise PackError(str(error).replace(f"{where}:", f"{where}:{line}:", 1)) from None


def _pack(data: dict, where: str) -> Pack:
    _check_keys(data, PACK_KEYS, where)
    pack_id = _string(data, "id", where, required=True)
    return Pack(
        id=pack_id,
        language=_string(data, "language", where),
        path=where,
        description=_string(data, "description", where),
        allow=tuple(_string_list(data, "allow", where)),
        terms=tuple(
            _term(entry, f"{where}: terms[{i}]", where, i)
            for i, entry in enumerate(_list(data, "terms", where))
        ),
        patterns=tuple(
            _pattern(entry, f"{where}: patterns[{i}]", ("patterns", i))
            for i, entry in enumerate(_list(data, "patterns", where))
        ),
    )


def _check_keys(data: dict, allowed: set[str], where: str, at: tuple = ()) -> None:
    for key in data:
        if key not in allowed:
            raise PackError(
                f"{where}: unknown key {key!r} (expected one of {', '.join(sorted(allowed))})",
                (*at, key),
            )


def _string(data: dict, key: str, where: str, required: bool = False, at: tuple = ()) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise PackError(f"{where}: missing key {key!r}", at)
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise PackError(
            f"{where}: key {key!r} must be a non-empty string{type_hint(value)}", (*at, key)
        )
    return value


def _list(data: dict, key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise PackError(f"{where}: key {key!r} must be a list", (key,))
    return value


def _string_list(data: dict, key: str, where: str) -> list[str]:
    values = _list(data, key, where)
    for index, value in enumerate(values):
        if not isinstance(value, str):
            raise PackError(
                f"{where}: key {key!r} must be a list of strings{type_hint(value)}", (key, index)
            )
    return values


def _bool(data: dict, key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise PackError(f"{where}: key {key!r} must be true or false")
    return value


def _term(entry: Any, where: str, origin: str, index: int) -> Term:
    try:
        return term_from_mapping(entry, where, origin)
    except TermbaseError as error:
        keys = ("terms", index, error.key) if error.key else ("terms", index)
        raise PackError(str(error), keys) from None


def _pattern(entry: Any, where: str, at: tuple) -> Pattern:
    if not isinstance(entry, dict):
        raise PackError(f"{where}: a pattern is a mapping with 'id', 'regex' and 'message'", at)
    _check_keys(entry, PATTERN_KEYS, where, at)
    source = _string(entry, "regex", where, required=True, at=at)
    try:
        compiled = regex.compile(source)
    except regex.error as error:
        raise PackError(f"{where}: key 'regex' does not compile: {error}", (*at, "regex")) from None
    severity = _string(entry, "severity", where, at=at) or "warning"
    if severity not in SEVERITIES:
        raise PackError(
            f"{where}: key 'severity' must be one of {', '.join(SEVERITIES)}", (*at, "severity")
        )
    scope = _string(entry, "scope", where, at=at) or "prose"
    if scope not in SCOPES:
        raise PackError(f"{where}: key 'scope' must be one of {', '.join(SCOPES)}", (*at, "scope"))
    return Pattern(
        id=_string(entry, "id", where, required=True, at=at),
        regex=compiled,
        message=_string(entry, "message", where, required=True, at=at),
        severity=severity,
        scope=scope,
    )
