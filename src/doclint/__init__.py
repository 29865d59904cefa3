"""doclint: a translation-quality linter for localized Markdown documentation."""

from doclint.api import check_pair

__all__ = ["check_pair"]
