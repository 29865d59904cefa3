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
from doclint.yamlfile import safe_load

SCOPES = ("prose", "headings", "code")
PACK_KEYS = {"id", "language", "description", "allow", "terms", "patterns"}
PATTERN_KEYS = {"id", "regex", "message", "severity", "scope"}


class PackError(Exception):
    """A pack that cannot be used; the message names the file and key."""


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
        data = safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise PackError(f"{where}: cannot read: {error}") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        at = f" (line {mark.line + 1})" if mark else ""
        raise PackError(f"{where}: not valid YAML{at}") from None
    if not isinstance(data, dict):
        raise PackError(f"{where}: a pack is a mapping with at least 'id'")
    _check_keys(data, PACK_KEYS, where)
    pack_id = _string(data, "id", where, required=True)
    return Pack(
        id=pack_id,
        language=_string(data, "language", where),
        path=where,
        description=_string(data, "description", where),
        allow=tuple(_string_list(data, "allow", where)),
        terms=tuple(
            _term(entry, f"{where}: terms[{i}]", where)
            for i, entry in enumerate(_list(data, "terms", where))
        ),
        patterns=tuple(
            _pattern(entry, f"{where}: patterns[{i}]")
            for i, entry in enumerate(_list(data, "patterns", where))
        ),
    )


def _check_keys(data: dict, allowed: set[str], where: str) -> None:
    for key in data:
        if key not in allowed:
            raise PackError(
                f"{where}: unknown key {key!r} (expected one of {', '.join(sorted(allowed))})"
            )


def _string(data: dict, key: str, where: str, required: bool = False) -> str:
    value = data.get(key)
    if value is None:
        if required:
            raise PackError(f"{where}: missing key {key!r}")
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise PackError(f"{where}: key {key!r} must be a non-empty string")
    return value


def _list(data: dict, key: str, where: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise PackError(f"{where}: key {key!r} must be a list")
    return value


def _string_list(data: dict, key: str, where: str) -> list[str]:
    values = _list(data, key, where)
    if not all(isinstance(value, str) for value in values):
        raise PackError(f"{where}: key {key!r} must be a list of strings")
    return values


def _bool(data: dict, key: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise PackError(f"{where}: key {key!r} must be true or false")
    return value


def _term(entry: Any, where: str, origin: str) -> Term:
    try:
        return term_from_mapping(entry, where, origin)
    except TermbaseError as error:
        raise PackError(str(error)) from None


def _pattern(entry: Any, where: str) -> Pattern:
    if not isinstance(entry, dict):
        raise PackError(f"{where}: a pattern is a mapping with 'id', 'regex' and 'message'")
    _check_keys(entry, PATTERN_KEYS, where)
    source = _string(entry, "regex", where, required=True)
    try:
        compiled = regex.compile(source)
    except regex.error as error:
        raise PackError(f"{where}: key 'regex' does not compile: {error}") from None
    severity = _string(entry, "severity", where) or "warning"
    if severity not in SEVERITIES:
        raise PackError(f"{where}: key 'severity' must be one of {', '.join(SEVERITIES)}")
    scope = _string(entry, "scope", where) or "prose"
    if scope not in SCOPES:
        raise PackError(f"{where}: key 'scope' must be one of {', '.join(SCOPES)}")
    return Pattern(
        id=_string(entry, "id", where, required=True),
        regex=compiled,
        message=_string(entry, "message", where, required=True),
        severity=severity,
        scope=scope,
    )
