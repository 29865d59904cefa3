"""doclint: a translation-quality linter for localized Markdown documentation."""

from doclint.api import check_pair, fix_pair

__all__ = ["check_pair", "fix_pair"]
