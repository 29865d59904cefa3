"""Configuration: ``[tool.doclint]`` in ``pyproject.toml`` or a ``.doclint.toml``.

The nearest of the two, searched upward from the working directory, is used
(``.doclint.toml`` first in each folder). Paths in it are relative to its folder.
Every key and value is checked; an error names the file and the key.
"""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import regex

from doclint import packs as packs_module
from doclint.dialects import names as dialect_names
from doclint.finding import SEVERITIES, Problem
from doclint.registry import Rule, find_rule, is_selector, resolve_selection, validate_options
from doclint.slug import STYLES
from doclint.textfile import relative

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

LAYOUTS = ("folder", "suffix", "docusaurus", "root")
KEYS = {
    "source": "the source-language folder",
    "source-language": "the source language tag (default en)",
    "dialect": "the docs framework's Markdown dialect (default: detected)",
    "layout": "folder, suffix, docusaurus or root (default: detected)",
    "slug": "heading id style (default: the dialect's)",
    "select": "rules to enable (code, prefix, name or category)",
    "extend-select": "rules to enable on top of select",
    "ignore": "rules to disable",
    "exclude": "glob patterns of paths to skip",
    "packs": "rule packs: built-in ids or YAML paths",
    "allow": "words and names never flagged as untranslated",
    "glossary": "the translated glossary page to take terms from; may contain {lang}",
    "termbases": "termbase files: YAML, CSV or TBX",
    "localized-urls": "URL templates with {lang} of the project's localized sites",
    "severity": "severity by rule selector",
    "rules": "options by rule name",
    "fail-on": "lowest severity that fails the run",
}


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and key."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'exclude'?)`` for a near miss, else an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def selector_names() -> list[str]:
    """Every selector a user may write: ALL, categories, codes and names."""
    from doclint.finding import CATEGORIES
    from doclint.registry import all_rules

    return ["ALL", *CATEGORIES, *(r.code for r in all_rules()), *(r.name for r in all_rules())]


def key_line(path: Path, key: str) -> int | None:
    """The line of ``path`` where ``key`` (``rules.x.y`` dotted) is set, found by
    reading the file as text (tomllib keeps no positions); None if not found."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    name = regex.escape(key.rsplit(".", 1)[-1])
    assignment = regex.compile(rf"""^\s*(?:["']?{name}["']?)\s*=""")
    header = regex.compile(rf"""^\s*\[[^\]]*["'.\s]{name}["']?\s*\]""")
    quoted = regex.compile(rf"""^\s*["']{name}["']\s*,?\s*$""")  # an item of a list
    for number, line in enumerate(lines, 1):
        if assignment.match(line) or header.match(line):
            return number
    return next((n for n, line in enumerate(lines, 1) if quoted.match(line)), None)


KEY_IN_ERROR_RE = regex.compile(r"^: (?:unknown )?key '([^']+)'(?:.*?no rule matches '([^']+)')?")


def located(error: ConfigError, path: Path) -> ConfigError:
    """``error`` with the line of the key it names (or of the selector no rule
    matches) after the file name: ``pyproject.toml:12: unknown key 'exlude'``."""
    where, message = str(relative(path)), str(error)
    match = KEY_IN_ERROR_RE.match(message[len(where) :]) if message.startswith(where) else None
    if match is None:
        return error
    line = key_line(path, match.group(1))
    if match.group(2) and match.group(1) == "severity":
        line = key_line(path, match.group(2)) or line
    return ConfigError(f"{where}:{line}{message[len(where) :]}") if line else error


def config_error(config: Config, message: str) -> ConfigError:
    """An error about ``config``'s file (with the line of the key the message
    names), or about the command line."""
    error = ConfigError(f"{config.where}: {message}")
    return located(error, config.path) if config.path else error


@dataclass(frozen=True)
class EnabledRule:
    rule: Rule
    severity: str
    options: dict[str, Any]
    configured: bool = False  # the severity was set in the configuration

    def severity_for(self, problem: Problem) -> str:
        """A severity set in the configuration beats the one a problem carries (a pack
        pattern's, a finding a rule grades by what it knows), which beats the rule's."""
        if problem.severity and not self.configured:
            return problem.severity
        return self.severity


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    base: Path = field(default_factory=Path.cwd)  # folder relative paths are resolved from
    source: Path | None = None
    source_language: str = "en"
    dialect: str | None = None  # None: detected per doc set
    layout: str | None = None  # None: detected per page
    slug: str | None = None  # None: the dialect's
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    glossary: str | None = None
    termbases: tuple[str, ...] = ()
    localized_urls: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"

    @property
    def where(self) -> str:
        return str(relative(self.path)) if self.path else "command line"

    def with_overrides(self, **changes: Any) -> Config:
        changes = {key: value for key, value in changes.items() if value is not None}
        updated = replace(self, **changes)
        updated.validate()
        return updated

    def validate(self) -> None:
        where = self.where
        if self.layout is not None and self.layout not in LAYOUTS:
            raise ConfigError(f"{where}: key 'layout' must be one of {', '.join(LAYOUTS)}")
        if self.dialect is not None and self.dialect not in dialect_names():
            raise ConfigError(f"{where}: key 'dialect' must be one of {', '.join(dialect_names())}")
        if self.slug is not None and self.slug not in STYLES:
            raise ConfigError(f"{where}: key 'slug' must be one of {', '.join(STYLES)}")
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"{where}: key 'fail-on' must be one of {', '.join(SEVERITIES)}")
        from doclint.urls import template_problem  # urls needs pairing, which needs us

        for template in self.localized_urls:
            problem = template_problem(template)
            if problem:
                raise ConfigError(f"{where}: key 'localized-urls': {problem}")
        for key in ("select", "extend-select", "ignore"):
            for selector in getattr(self, key.replace("-", "_")) or ():
                if not is_selector(selector):
                    raise ConfigError(
                        f"{where}: key {key!r}: no rule matches {selector!r}"
                        + did_you_mean(selector, selector_names())
                    )
        for selector, severity in self.severity.items():
            if not is_selector(selector):
                raise ConfigError(
                    f"{where}: key 'severity': no rule matches {selector!r}"
                    + did_you_mean(selector, selector_names())
                )
            if severity not in SEVERITIES:
                raise ConfigError(
                    f"{where}: key 'severity.{selector}' must be one of {', '.join(SEVERITIES)}"
                )
        for name, options in self.rules.items():
            rule = find_rule(name)
            if rule is None:
                raise ConfigError(
                    f"{where}: key 'rules.{name}': no such rule"
                    + did_you_mean(name, selector_names())
                )
            options = {key: value for key, value in options.items() if key != "severity"}
            _, errors = validate_options(rule, options)
            if errors:
                raise ConfigError(f"{where}: key 'rules.{name}': {errors[0]}")
            severity = self.rules[name].get("severity")
            if severity is not None and severity not in SEVERITIES:
                raise ConfigError(
                    f"{where}: key 'rules.{name}.severity' must be one of {', '.join(SEVERITIES)}"
                )

    def enabled_rules(self) -> list[EnabledRule]:
        enabled = []
        for rule in resolve_selection(self.select, self.extend_select, self.ignore):
            given = self._rule_table(rule)
            options, _ = validate_options(rule, {k: v for k, v in given.items() if k != "severity"})
            severity, configured = self._severity(rule)
            enabled.append(EnabledRule(rule, severity, options, configured))
        return enabled

    def severity_of(self, rule: Rule) -> str:
        return self._severity(rule)[0]

    def _severity(self, rule: Rule) -> tuple[str, bool]:
        """The rule's severity, and whether the configuration set it."""
        given = self._rule_table(rule).get("severity")
        if given:
            return given, True
        best = max(
            ((rule.matches(selector), severity) for selector, severity in self.severity.items()),
            default=(0, rule.severity),
        )
        return (best[1], True) if best[0] else (rule.severity, False)

    def _rule_table(self, rule: Rule) -> dict[str, Any]:
        return self.rules.get(rule.name) or self.rules.get(rule.code) or {}

    def load_packs(self) -> tuple[packs_module.Pack, ...]:
        loaded = []
        for reference in self.packs:
            try:
                loaded.append(packs_module.load(packs_module.resolve(reference, self.base)))
            except packs_module.PackError as error:
                raise ConfigError(f"{self.where}: key 'packs': {error}") from None
        return tuple(loaded)


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``.doclint.toml``, or ``pyproject.toml`` with ``[tool.doclint]``."""
    for folder in (start, *start.parents):
        dedicated = folder / ".doclint.toml"
        if dedicated.is_file():
            return dedicated, _read_toml(dedicated)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("doclint")
            if table is not None:
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{relative(path)}: cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{relative(path)}: not valid TOML: {error}") from None


def load(explicit: Path | None = None, start: Path | None = None) -> Config:
    """The configuration in force: ``explicit`` if given, else the nearest file, else defaults."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        table = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            table = table.get("tool", {}).get("doclint", {})
        found: tuple[Path, dict[str, Any]] | None = (explicit, table)
    else:
        found = find_config_file((start or Path.cwd()).resolve())
    if found is None:
        return Config()
    path, table = found
    try:
        config = from_table(table, path)
        config.validate()
    except ConfigError as error:
        raise located(error, path) from None
    return config


def from_table(table: dict[str, Any], path: Path) -> Config:
    where = str(relative(path))
    for key in table:
        if key not in KEYS:
            hint = did_you_mean(key, KEYS) or f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f"{where}: unknown key {key!r}{hint}")

    def string(key: str) -> str | None:
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{where}: key {key!r} must be a string, not {value!r}")
        return value

    def strings(key: str) -> tuple[str, ...] | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise ConfigError(f"{where}: key {key!r} must be a list of strings")
        return tuple(value)

    def mapping(key: str) -> dict[str, Any]:
        value = table.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: key {key!r} must be a table")
        return value

    rules = mapping("rules")
    for name, options in rules.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: key 'rules.{name}' must be a table of options")
    base = path.parent
    source = string("source")
    return Config(
        path=path,
        base=base,
        source=(base / source) if source else None,
        source_language=string("source-language") or "en",
        dialect=string("dialect"),
        layout=string("layout"),
        slug=string("slug"),
        select=strings("select"),
        extend_select=strings("extend-select") or (),
        ignore=strings("ignore") or (),
        exclude=strings("exclude") or (),
        packs=strings("packs") or (),
        allow=strings("allow") or (),
        glossary=string("glossary"),
        termbases=strings("termbases") or (),
        localized_urls=strings("localized-urls") or (),
        severity=mapping("severity"),
        rules=rules,
        fail_on=string("fail-on") or "error",
    )
