"""The library entry point: lint a translation against its source, from text."""

from __future__ import annotations

from doclint.config import Config
from doclint.engine import finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.parse import parse
from doclint.runner import FixMode, Runner
from doclint.safefix import fix_until_stable
from doclint.site import Site
from doclint.textfile import decode


def check_pair(
    source_text: str | None,
    translation_text: str,
    config: Config | None = None,
    *,
    language: str = "",
    path: str = "translation.md",
    source_path: str = "source.md",
    site: Site | None = None,
) -> list[Finding]:
    """Findings for ``translation_text`` compared with ``source_text`` (None: no source page).

    Texts may carry a BOM or CRLF line ends; line numbers are those of the text given.
    ``site`` answers for the other pages of the docs (see ``doclint.site``); without it,
    links to other pages are not checked.
    """
    config = config or Config()
    translation = parse(decode(translation_text.encode("utf-8"), path).text, path)
    source = (
        parse(decode(source_text.encode("utf-8"), source_path).text, source_path)
        if source_text is not None
        else None
    )
    runner = Runner(config, language=language or None)
    page = runner.page(translation, source, source_path, language, runner.terms_for(language), site)
    rules = runner.rules
    findings = run_rules(page, rules, path, source_path)
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
    config = config or Config()
    source = parse(source_text, "source.md") if source_text is not None else None
    runner = Runner(config, language=language or None, fix=FixMode(code=code))
    terms = runner.terms_for(language)

    def lint(text: str, parsed=None):
        page = runner.page(parsed or parse(text, path), source, "source.md", language, terms)
        return page, run_rules(page, runner.rules, path, "source.md")

    fixed, _, notes = fix_until_stable(
        translation_text,
        lint(translation_text),
        lint,
        runner.may_fix,
        lambda text: parse(text, path),
        config.slug,
    )
    return fixed, notes
