"""YAML reading, with libyaml's C parser where PyYAML was built with it (ten times faster
on a large termbase)."""

from __future__ import annotations

from typing import Any


def safe_load(text: str) -> Any:
    """``yaml.safe_load``; raises ``yaml.YAMLError``."""
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def line_of(text: str, keys: tuple[str | int, ...]) -> int | None:
    """1-based line of the entry at ``keys`` (mapping keys and list indexes) in a YAML
    text, or of the deepest part of them that exists; None for text that is not YAML.
    Only used to point an error at its line, so the text is read again only then."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == key), None)
            if found is None:
                return line
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def type_hint(value: Any) -> str:
    """What to tell a user whose string YAML read as something else."""
    if isinstance(value, bool):
        return (
            f", not {str(value).lower()} (YAML reads unquoted yes/no/on/off as true/false: "
            "quote the value)"
        )
    return f", not {value!r}" if value is not None else ""
