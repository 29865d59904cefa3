"""What rules report (Problem) and what doclint outputs (Finding)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
CATEGORIES = (
    "anchor",
    "link",
    "structure",
    "code",
    "component",
    "term",
    "untranslated",
    "number",
    "freshness",
    "syntax",
)


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace lines ``line``..``end_line`` (1-based, inclusive) of the translation."""

    line: int
    end_line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """A rule's report about the translated page, before the engine dresses it."""

    line: int
    message: str
    column: int = 1
    end_line: int | None = None
    source_line: int | None = None
    # Only rules whose checks come from data (pack patterns) declare a severity per problem.
    severity: str | None = None
    fix: tuple[Edit, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    rule: str  # code, e.g. DL101
    name: str  # kebab-case name
    category: str
    severity: str
    message: str
    source_path: str | None = None
    source_line: int | None = None
    # Hash of the flagged content; baselines match on it instead of the line number.
    fingerprint: str = ""
    fix: tuple[Edit, ...] = field(default=(), compare=False)
    # Source-comparison findings only: whether the source's changes since the base
    # explain it (the translation agrees with the base there), and that base's commit.
    drift: bool | None = field(default=None, compare=False)
    base_commit: str | None = field(default=None, compare=False)

    @property
    def sort_key(self) -> tuple:
        # by position; findings of one rule at one place keep the order the rule gave
        # (the order of the page), not the alphabetical order of their messages
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        found = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "source_path": self.source_path,
            "source_line": self.source_line,
        }
        if self.drift is not None:
            found["drift"] = self.drift
            found["base_commit"] = self.base_commit
        return found


def fingerprint(rule_name: str, flagged_lines: list[str]) -> str:
    """Stable across edits elsewhere in the file: only the flagged text counts."""
    content = "\n".join(" ".join(line.split()) for line in flagged_lines)
    return hashlib.sha256(f"{rule_name}\0{content}".encode()).hexdigest()[:16]
