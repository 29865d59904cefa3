"""The library entry point: lint a translation against its source, from text."""

from __future__ import annotations

from doclint.config import Config
from doclint.dialects import detect
from doclint.engine import finish_run, observe, run_rules
from doclint.finding import Finding
from doclint.parse import parse
from doclint.runner import Runner
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
    translation_text = decode(translation_text.encode("utf-8"), path).text
    if source_text is not None:
        source_text = decode(source_text.encode("utf-8"), source_path).text
    dialect = config.dialect or detect.from_text((source_text or "") + "\n" + translation_text)
    translation = parse(translation_text, path, dialect)
    source = parse(source_text, source_path, dialect) if source_text is not None else None
    runner = Runner(config, language=language or None)
    page = runner.page(translation, source, source_path, language, runner.terms_for(language), site)
    rules = runner.rules
    findings = run_rules(page, rules, path, source_path)
    # rules over a whole run see a run of this one page
    observed = {code: [seen] for code, seen in observe(page, rules).items()}
    findings.extend(finish_run(rules, observed))
    return sorted(findings, key=lambda finding: finding.sort_key)
