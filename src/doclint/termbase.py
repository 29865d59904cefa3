"""Termbases: approved renderings of source terms, from YAML, CSV, TBX and glossary pages.

A YAML termbase (and a pack's ``terms:``) lists entries::

    language: ko
    terms:
      - source: causal language modeling
        target: 인과적 언어 모델링
        variants: [인과 언어 모델링]      # known wrong renderings
        forbidden: []                   # renderings never to use, anywhere
        abbreviation: CLM
        keep-english: false             # the English term may stand as is
        case-sensitive: false
        inflect: false                  # also match -ed/-ing forms (plurals always match)
        note: the Korean team's choice

CSV: the glossary layout Weblate and Crowdin export, one column per language named by
its tag (``en``, ``ko``, ``Term [ko]``). TBX (ISO 30042): ``conceptEntry``/``langSec``
(or TBX 2008's ``termEntry``/``langSet``, as Weblate and translate-toolkit write it);
a term marked deprecated or superseded is a variant (see tbx.py). Markdown term lists
(FastAPI's ``llm-prompt.md``): see termlist.py.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from doclint.yamlfile import line_of, safe_load, type_hint

TERM_KEYS = {
    "source", "target", "variants", "forbidden", "abbreviation", "keep-english",
    "case-sensitive", "inflect", "note",
}  # fmt: skip
CSV_LANGUAGE_RE = regex.compile(r"^(?:[\w ]*\[)?([A-Za-z]{2,3}(?:[-_][A-Za-z]{2,4})?)\]?$")
TRAILING_PARENS_RE = regex.compile(r"(?<!\s)\s*\(([^()]*)\)\s*$")  # from a run's start: linear


class TermbaseError(Exception):
    """A termbase that cannot be used; the message names the file and the entry."""

    def __init__(self, message: str, key: str | None = None) -> None:
        super().__init__(message)
        self.key = key  # the entry's key at fault, to name its line


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    target: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    abbreviation: str = ""
    keep_english: bool = False
    case_sensitive: bool = False
    inflect: bool = False
    note: str = ""
    origin: str = ""  # the file it came from

    @property
    def key(self) -> str:
        return normal_term(self.source)


def normal_term(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass
class Termbase:
    terms: dict[str, Term] = field(default_factory=dict)  # by normalised source term
    warnings: list[str] = field(default_factory=list)
    _index: Any = field(default=None, repr=False, compare=False)
    _warned: set[str] = field(default_factory=set, repr=False, compare=False)

    @property
    def index(self):
        """The word index of every term (built once, on first use)."""
        if self._index is None:
            from doclint.termmatch import TermIndex

            self._index = TermIndex(self.terms.values())
        return self._index

    def add(self, terms: Iterable[Term]) -> None:
        """Merge ``terms``; a second, different rendering of a term is reported once."""
        for term in terms:
            known = self.terms.get(term.key)
            if known is None:
                self.terms[term.key] = term
                self._index = None
            elif known.target != term.target and term.key not in self._warned:
                self._warned.add(term.key)
                self.warnings.append(
                    f"termbase conflict: {term.source!r} is {known.target!r} in {known.origin} "
                    f"and {term.target!r} in {term.origin}; using {known.origin}"
                )

    def __len__(self) -> int:
        return len(self.terms)


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        wrong = next((item for item in value if not isinstance(item, str)), value)
        hint = type_hint(wrong) if isinstance(value, list) else ""
        raise TermbaseError(f"{where}: key {key!r} must be a list of strings{hint}", key)
    return tuple(value)


def term_from_mapping(entry: Any, where: str, origin: str) -> Term:
    """One YAML entry, checked key by key."""
    if not isinstance(entry, dict):
        raise TermbaseError(f"{where}: a term is a mapping with 'source' and 'target'")
    for key in entry:
        if key not in TERM_KEYS:
            raise TermbaseError(
                f"{where}: unknown key {key!r} (expected one of {', '.join(sorted(TERM_KEYS))})",
                str(key),
            )
    for key in ("source", "target"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise TermbaseError(
                f"{where}: missing key {key!r}"
                if key not in entry
                else f"{where}: key {key!r} must be a non-empty string{type_hint(entry[key])}",
                key,
            )
    flags = {}
    for key in ("keep-english", "case-sensitive", "inflect"):
        value = entry.get(key, False)
        if not isinstance(value, bool):
            raise TermbaseError(f"{where}: key {key!r} must be true or false", key)
        flags[key.replace("-", "_")] = value
    for key in ("abbreviation", "note"):
        if not isinstance(entry.get(key, ""), str):
            raise TermbaseError(
                f"{where}: key {key!r} must be a string{type_hint(entry[key])}", key
            )
    return Term(
        source=entry["source"].strip(),
        target=entry["target"].strip(),
        variants=_strings(entry.get("variants"), "variants", where),
        forbidden=_strings(entry.get("forbidden"), "forbidden", where),
        abbreviation=entry.get("abbreviation", ""),
        note=entry.get("note", ""),
        origin=origin,
        **flags,
    )


def language_matches(tag: str, language: str) -> bool:
    tag, language = tag.lower().replace("_", "-"), language.lower().replace("_", "-")
    return tag == language or tag.split("-")[0] == language.split("-")[0]


def load_file(path: Path, language: str) -> list[Term]:
    """The entries of a termbase file for ``language`` (by extension: yml/yaml, csv, tbx)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise TermbaseError(f"{path}: cannot read: {error}") from None
    suffix = path.suffix.lower()
    if suffix in (".yml", ".yaml"):
        return _load_yaml(text, str(path), language)
    if suffix == ".csv":
        return _load_csv(text, str(path), language)
    if suffix in (".tbx", ".xml"):
        from doclint.tbx import read_tbx

        return read_tbx(text, str(path), language)
    if suffix in (".md", ".markdown"):
        from doclint.termlist import read_term_list

        return read_term_list(text, str(path))
    raise TermbaseError(f"{path}: unknown termbase format (use .yml, .csv, .tbx or .md)")


@lru_cache(maxsize=16)
def _yaml_data(text: str) -> Any:
    """Parsed once per run, however many languages read the file."""
    import yaml

    try:
        return safe_load(text)
    except yaml.YAMLError:
        return _INVALID


_INVALID = object()


def _load_yaml(text: str, where: str, language: str) -> list[Term]:
    data = _yaml_data(text)
    if data is _INVALID:
        raise TermbaseError(f"{where}: not valid YAML")
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise TermbaseError(f"{where}: a YAML termbase is a mapping with a 'terms' list")
    file_language = data.get("language")
    if file_language is not None and not isinstance(file_language, str):
        line = line_of(text, ("language",))
        raise TermbaseError(
            f"{where}:{line}: key 'language' must be a string{type_hint(file_language)}"
        )
    if file_language and not language_matches(str(file_language), language):
        return []
    terms = []
    for index, entry in enumerate(data["terms"]):
        try:
            terms.append(term_from_mapping(entry, f"{where}: terms[{index}]", where))
        except TermbaseError as error:
            keys = ("terms", index, error.key) if error.key else ("terms", index)
            line = line_of(text, keys)
            if line is None:
                raise
            raise TermbaseError(str(error).replace(f"{where}:", f"{where}:{line}:", 1)) from None
    return terms


def _load_csv(text: str, where: str, language: str) -> list[Term]:
    import csv

    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [cell.strip() for cell in rows[0]]
    tags = {i: m.group(1) for i, cell in enumerate(header) if (m := CSV_LANGUAGE_RE.match(cell))}
    source = next((i for i, tag in tags.items() if language_matches(tag, "en")), None)
    target = next((i for i, tag in tags.items() if language_matches(tag, language)), None)
    if source is None:
        raise TermbaseError(f"{where}: no source-language column (a header such as 'en')")
    if target is None:
        return []
    notes = next(
        (
            i
            for i, cell in enumerate(header)
            if cell.lower() in ("note", "notes", "description", "explanation")
        ),
        None,
    )
    terms = []
    for number, row in enumerate(rows[1:], 2):
        if len(row) <= max(source, target) or not row[source].strip() or not row[target].strip():
            continue
        note = row[notes].strip() if notes is not None and notes < len(row) else ""
        terms.append(
            Term(row[source].strip(), row[target].strip(), note=note, origin=f"{where}:{number}")
        )
    return terms


def extract_glossary(source, translation, alignment) -> list[Term]:
    """Term entries of a translated glossary page: each aligned pair of term headings
    (not the page title, not one-letter section headings) gives the English term, its
    abbreviation in parentheses if any, and the rendering before its own parentheses."""
    from doclint.document import Heading

    terms = []
    for pair in alignment.pairs:
        src, dst = pair.source, pair.translation
        if not (isinstance(src, Heading) and isinstance(dst, Heading)) or src.level < 2:
            continue
        english = " ".join(src.inline.text.split())
        if len(english) <= 1:
            continue
        abbreviation = ""
        match = TRAILING_PARENS_RE.search(english)
        inside = match.group(1) if match else ""
        if (
            inside
            and " " not in inside
            and (sum(c.isupper() for c in inside) >= 2 or any(c.isdigit() for c in inside))
        ):
            abbreviation, english = match.group(1), english[: match.start()].strip()
        rendering = " ".join(dst.inline.text.split())
        match = TRAILING_PARENS_RE.search(rendering)
        if match:
            rendering = rendering[: match.start()].strip()
        elif "(" in rendering:  # 연결 시간분류(connectionist temporal classification, CTC)
            rendering = rendering.split("(", 1)[0].strip()
        if not rendering:
            continue
        keep = normal_term(rendering) == normal_term(english)
        terms.append(
            Term(
                english,
                rendering,
                abbreviation=abbreviation,
                keep_english=keep,
                origin=translation.path,
            )
        )
    return terms


def with_origin(terms: Iterable[Term], origin: str) -> list[Term]:
    return [replace(term, origin=origin) for term in terms]


def to_yaml(terms: Iterable[Term], language: str) -> str:
    import yaml

    entries = []
    for term in terms:
        entry: dict[str, Any] = {"source": term.source, "target": term.target}
        if term.abbreviation:
            entry["abbreviation"] = term.abbreviation
        if term.variants:
            entry["variants"] = list(term.variants)
        if term.forbidden:
            entry["forbidden"] = list(term.forbidden)
        if term.keep_english:
            entry["keep-english"] = True
        if term.note:
            entry["note"] = term.note
        entries.append(entry)
    return yaml.safe_dump(
        {"language": language, "terms": entries}, allow_unicode=True, sort_keys=False, width=100
    )


def to_csv(terms: Iterable[Term], language: str) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["en", language, "note"])
    for term in terms:
        note = f"abbreviation: {term.abbreviation}" if term.abbreviation else term.note
        writer.writerow([term.source, term.target, note])
    return out.getvalue()
