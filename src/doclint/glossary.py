"""Each language's termbase, assembled from the enabled packs, the termbase files and
the translated glossary page of the configuration — read once per run and language."""

from __future__ import annotations

import glob
from collections.abc import Callable
from pathlib import Path

from doclint import dialects
from doclint.align import align
from doclint.config import Config, config_error
from doclint.document import Document
from doclint.packs import Pack
from doclint.pairing import EXTENSIONS, Pairing
from doclint.termbase import Term, Termbase, TermbaseError, extract_glossary, load_file, with_origin
from doclint.textfile import relative


def glossary_terms(
    path: Path, config: Config, load: Callable[[Path], Document | None], language: str | None = None
) -> list[Term]:
    """The entries a translated glossary page defines, from its aligned headings."""
    pairing = Pairing(config, language)
    pairs = pairing.pairs([str(path)])
    if pairing.errors:
        raise TermbaseError(str(pairing.errors[0]))
    if not pairs:
        raise TermbaseError(f"{path}: not a translated page")
    translation, source = load(pairs[0].translation), load(pairs[0].source)
    if translation is None:
        raise TermbaseError(f"{path}: cannot read the glossary page")
    if source is None:
        raise TermbaseError(f"{path}: its source page {pairs[0].source} does not exist")
    slug = config.slug or dialects.get(translation.dialect).slug
    return extract_glossary(source, translation, align(source, translation, slug))


def extract_terms(
    path: Path, config: Config, language: str | None = None
) -> tuple[list[Term], str]:
    """The entries ``doclint terms extract`` prints, and their language: a translated
    glossary page whose source page exists gives the terms of its aligned headings;
    any other file (a term list such as llm-prompt.md, a YAML, CSV or TBX termbase)
    is read as it is. Raises TermbaseError."""
    from doclint.parse import parse
    from doclint.textfile import InputError, read_page

    def load(page: Path) -> Document | None:
        try:
            return parse(read_page(page).text, str(page)) if page.is_file() else None
        except InputError as error:
            raise TermbaseError(str(error)) from None

    pairs = Pairing(config).pairs([str(path)])
    language = language or (pairs[0].language if pairs else "")
    if path.suffix in EXTENSIONS and pairs and pairs[0].source.is_file():
        return glossary_terms(path, config, load, language), language
    terms = load_file(path, language)
    if not terms:
        raise TermbaseError(f"{path}: no term entries found")
    return terms, language


LANG = "{lang}"


def check_paths(config: Config) -> None:
    """Raise ConfigError for a ``glossary`` or ``termbases`` path that names no file:
    a typo there would otherwise silently check nothing. A path with ``{lang}`` may
    be missing for some languages, not for all."""
    named = [("glossary", config.glossary)] if config.glossary else []
    named += [("termbases", name) for name in config.termbases]
    for key, name in named:
        path = config.base / name
        if LANG in name:
            pattern = glob.escape(str(path)).replace(LANG, "*")
            if not any(Path(found).is_file() for found in glob.glob(pattern)):
                raise config_error(config, f"key {key!r}: no file matches {name!r}")
        elif not path.is_file():
            raise config_error(config, f"key {key!r}: {relative(path)} not found")


class Termbases:
    def __init__(
        self, config: Config, packs: tuple[Pack, ...], load: Callable[[Path], Document | None]
    ) -> None:
        check_paths(config)  # a typo in a path is an error before any page is read
        self.config = config
        self.packs = packs
        self.load = load
        self._by_language: dict[str, Termbase] = {}

    def configured(self) -> bool:
        return bool(
            self.config.glossary or self.config.termbases or any(p.terms for p in self.packs)
        )

    def for_language(self, language: str) -> Termbase:
        """Raises TermbaseError (naming the file) for a termbase that cannot be read."""
        if language not in self._by_language:
            termbase = Termbase()
            base = language.split("-")[0].lower()
            for pack in self.packs:
                if not pack.language or pack.language.lower() == base:
                    termbase.add(with_origin(pack.terms, pack.path))
            for name in self.config.termbases:
                path = relative(self.config.base / name.replace(LANG, language))
                if LANG in name and not path.is_file():
                    continue  # no term list for this language
                termbase.add(load_file(path, language))
            if self.config.glossary:
                path = self.config.base / self.config.glossary.replace(LANG, language)
                if path.is_file():  # no glossary for this language: no terms from it
                    termbase.add(glossary_terms(path, self.config, self.load, language))
            self._by_language[language] = termbase
        return self._by_language[language]
