"""The library entry point: lint a translation against its source, from text."""

from __future__ import annotations

from doclint.bases import Candidate, PageHistory, resolve
from doclint.config import Config
from doclint.dialects import detect
from doclint.engine import finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.freshness import FROM_LAST_COMMIT
from doclint.parse import parse
from doclint.runner import FixMode, Runner
from doclint.site import Site
from doclint.textfile import decode
from doclint.trees import LanguageTree


def check_pair(
    source_text: str | None,
    translation_text: str,
    config: Config | None = None,
    *,
    language: str = "",
    path: str = "translation.md",
    source_path: str = "source.md",
    site: Site | None = None,
    base_text: str | None = None,
    base_commit: str = "base",
    tree: LanguageTree | None = None,
    drift: str = "fold",
) -> list[Finding]:
    """Findings for ``translation_text`` compared with ``source_text`` (None: no source page).

    Texts may carry a BOM or CRLF line ends; line numbers are those of the text given.
    ``site`` answers for the other pages of the docs (see ``doclint.site``); without it,
    links to other pages are not checked. ``base_text`` is the source as the translator
    last saw it (``base_commit`` names it in findings): with it, the page's freshness is
    judged and drift folded as ``drift`` says. ``tree`` is the run's view of the page's
    language folder, for rules over a whole tree.
    """
    config = config or Config()
    translation_text = decode(translation_text.encode("utf-8"), path).text
    if source_text is not None:
        source_text = decode(source_text.encode("utf-8"), source_path).text
    dialect = _dialect(config, source_text, translation_text)
    translation = parse(translation_text, path, dialect)
    source = parse(source_text, source_path, dialect) if source_text is not None else None
    runner = Runner(config, language=language or None)
    page = runner.page(translation, source, source_path, language, runner.terms_for(language), site)
    if base_text is not None:
        history = PageHistory(FROM_LAST_COMMIT, (Candidate(base_commit, base_text, None),))
        page.base, page.freshness = resolve(
            history,
            translation,
            source,
            lambda text: parse(text, source_path, dialect),
            page.slug_style,
        )
    page.tree = tree
    rules = runner.rules
    findings = run_rules(page, rules, path, source_path, drift)
    # rules over a whole run see a run of this one page
    observed = {code: [seen] for code, seen in observe(page, rules).items()}
    findings.extend(finish_run(rules, observed))
    return sorted(findings, key=lambda finding: finding.sort_key)


def fix_pair(
    source_text: str | None,
    translation_text: str,
    config: Config | None = None,
    *,
    language: str = "",
    code: bool = False,
    path: str = "translation.md",
) -> tuple[str, list[str]]:
    """``translation_text`` (``\n`` line ends, no BOM) with the fixes ``--fix`` would
    apply (``code``: ``--fix-code`` too), and one line per fix withheld and why.
    Only this page is known: links from other pages cannot be checked."""
    from doclint.safefix import fix_until_stable

    config = config or Config()
    dialect = _dialect(config, source_text, translation_text)
    source = parse(source_text, "source.md", dialect) if source_text is not None else None
    runner = Runner(config, language=language or None, fix=FixMode(code=code))
    terms = runner.terms_for(language)

    def lint(text: str, parsed=None):
        translation = parsed or parse(text, path, dialect)
        page = runner.page(translation, source, "source.md", language, terms)
        return page, run_rules(page, runner.rules, path, "source.md")

    linted = lint(translation_text)
    fixed, _, notes = fix_until_stable(
        translation_text,
        linted,
        lint,
        runner.may_fix,
        lambda text: parse(text, path, dialect),
        linted[0].slug_style,
    )
    return fixed, notes


def _dialect(config: Config, source_text: str | None, translation_text: str) -> str | None:
    """The configured dialect, or the one the two texts' syntax shows (None: the default)."""
    return config.dialect or detect.from_text((source_text or "") + "\n" + translation_text)
