"""Rule discovery and metadata.

A rule is a module with a declarative header::

    \"\"\"One-line summary.

    The rest of the docstring is the rule's documentation (``doclint rule NAME``).
    \"\"\"
    CODE = "DL101"
    NAME = "broken-anchor"
    CATEGORY = "anchor"
    SEVERITY = "error"
    OPTIONS = {"max-length": 80}   # option names and defaults; values are type-checked
    FIXABLE = False                # findings may carry edits that --fix applies
    FIX_OPT_IN = False             # the edits need --fix-code too (they rewrite code)
    ENABLED = True                 # on unless selected otherwise
    NEEDS_SOURCE = True            # skipped for a translation without a source page
    VERDICT = False                # judges the pair as a whole: when it reports, rules
                                   # that compare the pair are not run on it

    def check(page, options): ...  # yields doclint.finding.Problem

A rule over a whole run (``term-inconsistent``) defines ``collect(page, options)``,
returning what it saw on one page, and ``finish(observations, options)``, yielding
``(path, Problem)`` once every page was seen.

Built-in rules are found by walking ``doclint.rules`` and ``doclint.dialects.rules``
(rules a dialect owns, run only on its pages); third-party rules are modules
named by entry points in the group ``doclint.rules``. A module without ``check`` is
a rule whose findings the engine itself produces (``unused-suppression``).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType
from typing import Any

import regex

from doclint.finding import CATEGORIES, SEVERITIES

ENTRY_POINT_GROUP = "doclint.rules"
CODE_RE = regex.compile(r"^[A-Z]{2,4}\d{3}$")
NAME_RE = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RuleError(Exception):
    """A rule module whose header is not valid."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    doc: str
    options: Mapping[str, Any] = field(default_factory=dict)
    fixable: bool = False
    fix_opt_in: bool = False
    enabled: bool = True
    needs_source: bool = True
    verdict: bool = False
    check: Callable[..., Iterable] | None = None
    # Rules over a whole run: collect(page, options) -> observations of one page;
    # finish(all observations, options) -> (path, Problem) pairs.
    collect: Callable[..., Any] | None = None
    finish: Callable[..., Iterable] | None = None

    def matches(self, selector: str) -> int:
        """How specifically ``selector`` names this rule: 0 not at all, higher is more specific."""
        if selector == "ALL":
            return 1
        if selector == self.category:
            return 2
        if selector in (self.name, self.code):
            return 100
        if (
            selector.upper() == selector
            and self.code.startswith(selector)
            and selector[:2] == self.code[:2]
        ):
            return 2 + len(selector)
        return 0


def rule_from_module(module: ModuleType) -> Rule:
    where = module.__name__

    def header(name: str, default: Any = None, required: bool = True) -> Any:
        if not hasattr(module, name):
            if required:
                raise RuleError(f"rule module {where} has no {name}")
            return default
        return getattr(module, name)

    doc = (module.__doc__ or "").strip()
    if not doc:
        raise RuleError(f"rule module {where} has no docstring")
    rule = Rule(
        code=header("CODE"),
        name=header("NAME"),
        category=header("CATEGORY"),
        severity=header("SEVERITY"),
        summary=" ".join(doc.split("\n\n", 1)[0].split()),
        doc=doc,
        options=dict(header("OPTIONS", {}, required=False)),
        fixable=bool(header("FIXABLE", False, required=False)),
        fix_opt_in=bool(header("FIX_OPT_IN", False, required=False)),
        enabled=bool(header("ENABLED", True, required=False)),
        needs_source=bool(header("NEEDS_SOURCE", True, required=False)),
        verdict=bool(header("VERDICT", False, required=False)),
        check=header("check", None, required=False),
        collect=header("collect", None, required=False),
        finish=header("finish", None, required=False),
    )
    if not CODE_RE.match(str(rule.code)):
        raise RuleError(f"rule module {where}: CODE {rule.code!r} is not like 'DL101'")
    if not NAME_RE.match(str(rule.name)):
        raise RuleError(f"rule module {where}: NAME {rule.name!r} is not kebab-case")
    if rule.category not in CATEGORIES:
        raise RuleError(
            f"rule module {where}: CATEGORY {rule.category!r} is not one of {CATEGORIES}"
        )
    if rule.severity not in SEVERITIES:
        raise RuleError(
            f"rule module {where}: SEVERITY {rule.severity!r} is not one of {SEVERITIES}"
        )
    return rule


def _builtin_modules() -> list[ModuleType]:
    from doclint import rules
    from doclint.dialects import rules as dialect_rules

    return [
        importlib.import_module(f"{package.__name__}.{info.name}")
        for package in (rules, dialect_rules)
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]


def _plugin_modules() -> list[ModuleType]:
    from importlib.metadata import entry_points

    return [entry.load() for entry in entry_points(group=ENTRY_POINT_GROUP)]


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every rule, built-in and plugged in, ordered by code."""
    found = [rule_from_module(module) for module in (*_builtin_modules(), *_plugin_modules())]
    seen: dict[str, Rule] = {}
    for rule in found:
        for key in (rule.code, rule.name):
            if key in seen:
                raise RuleError(f"two rules are called {key!r}")
            seen[key] = rule
    return tuple(sorted(found, key=lambda rule: rule.code))


def find_rule(key: str) -> Rule | None:
    return next((rule for rule in all_rules() if key in (rule.code, rule.name)), None)


def is_selector(selector: str) -> bool:
    return any(rule.matches(selector) for rule in all_rules())


def resolve_selection(
    select: Iterable[str] | None, extend_select: Iterable[str], ignore: Iterable[str]
) -> list[Rule]:
    """The enabled rules, as ruff resolves them: the most specific selector wins,
    and at equal specificity ``ignore`` beats ``select``. Without ``select``, each
    rule's own ``ENABLED`` default stands where no selector names it."""
    chosen = []
    selecting = list(select) if select is not None else []
    selecting += list(extend_select)
    ignoring = list(ignore)
    for rule in all_rules():
        best_select = max((rule.matches(s) for s in selecting), default=0)
        best_ignore = max((rule.matches(s) for s in ignoring), default=0)
        if best_select == 0 and best_ignore == 0:
            on = rule.enabled if select is None else False
        else:
            on = best_select > best_ignore
        if on:
            chosen.append(rule)
    return chosen


def validate_options(rule: Rule, given: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Merge ``given`` over the rule's defaults; return the options and any errors
    (each naming the option), checked against the type of each default."""
    options = dict(rule.options)
    errors = []
    for key, value in given.items():
        if key not in rule.options:
            known = ", ".join(sorted(rule.options)) or "none"
            errors.append(f"unknown option {key!r} for rule {rule.name} (options: {known})")
            continue
        default = rule.options[key]
        if not _same_type(default, value):
            errors.append(
                f"option {key!r} of rule {rule.name} must be {_type_name(default)}, not {value!r}"
            )
            continue
        options[key] = value
    return options, errors


def _same_type(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if isinstance(default, list):
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    return isinstance(value, type(default))


def _type_name(default: Any) -> str:
    if isinstance(default, list):
        return "a list of strings"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}.get(
        type(default), type(default).__name__
    )
