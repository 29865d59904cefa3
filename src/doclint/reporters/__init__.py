"""Output formats, one module each: ``render(report, context) -> str``.

A reporter only formats: the findings it gets are already selected, suppressed and
sorted.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from doclint.registry import Rule
from doclint.runner import Report


@dataclass(frozen=True)
class Context:
    rules: tuple[Rule, ...]  # every rule, for formats that describe them (SARIF)
    color: bool = False
    version: str = ""


def renderer(name: str) -> Callable[[Report, Context], Iterable[str]] | None:
    """What writes format ``name``, in parts where its module can (``render_parts``),
    importing no other format's module."""
    if name.isidentifier() and name in {info.name for info in pkgutil.iter_modules(__path__)}:
        module = importlib.import_module(f"{__name__}.{name}")
        if getattr(module, "FORMAT", name) == name:
            return getattr(module, "render_parts", module.render)
    render = formats().get(name)
    return render


def formats() -> dict[str, Callable[[Report, Context], str]]:
    found = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        found[getattr(module, "FORMAT", info.name)] = module.render
    return dict(sorted(found.items()))
