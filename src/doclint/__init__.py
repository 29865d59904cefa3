"""doclint: a translation-quality linter for localized Markdown documentation."""

# The one place the version is set: the package metadata, the CLI's --version, the
# SARIF driver and the README's pinned hook revision all follow it.
__version__ = "0.1.0"
# Where the project lives: the pre-commit hook repository and the rule reference
# that SARIF's helpUri points at. pyproject.toml, the README and the CI examples
# name the same URL (a test keeps them in step).
REPOSITORY_URL = "https://github.com/OWNER/doclint"

from doclint.api import check_pair, fix_pair  # noqa: E402

__all__ = ["__version__", "check_pair", "fix_pair"]
