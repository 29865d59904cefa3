"""Mutation recall: inject one known defect into each translated page of the shared
corpus and count whether doclint reports a new finding near it.

    python benchmarks/mutations.py                 # every tree, every translated page
    python benchmarks/mutations.py --tree smolagents --show-misses 20
    python benchmarks/mutations.py --limit 40      # a fixed sample of 40 pages per tree
    python benchmarks/mutations.py --every-kind    # every kind a page allows, one at a time

For each page one defect is injected, chosen deterministically from the kinds the page
allows (the page's index picks where to start in ``KINDS``), so every kind gets its
share. A defect only touches content the source page also has (a code block, a URL, an
inline code span, a number, a heading id of the source), so that removing it is a
defect and not a translator's addition going away. Defects are located with plain line
scanning, not with doclint's parser, so a construct doclint does not understand is a
miss here, not a page skipped.

A defect is found when the mutated page has a finding that the original page did not
have (same rule and message, at the same line after the edit's shift) within two lines
of the edited lines. Each page is linted in its tree's dialect, as ``doclint check`` run
from the tree's root lints it; trees are reported one by one.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
NEAR = 2  # lines around the edit where a finding counts as finding it

# tree name, translated-page glob relative to the corpus, and how to find the source page
HF_TREES = ("huggingface_hub", "smolagents", "transformers")


@dataclass(frozen=True)
class Tree:
    name: str
    dialect: str
    pages: Callable[[Path], Iterator[tuple[Path, Path, str]]]  # (translation, source, lang)


def _folder(base: str, source: str = "en") -> Callable[[Path], Iterator[tuple[Path, Path, str]]]:
    """``base/<lang>/x.md`` ↔ ``base/<source>/x.md``."""

    def pages(corpus: Path) -> Iterator[tuple[Path, Path, str]]:
        root = corpus / base
        for language in sorted(p for p in root.iterdir() if p.is_dir() and p.name != source):
            for page in sorted(_markdown(language)):
                twin = root / source / page.relative_to(language)
                if twin.is_file():
                    yield page, twin, language.name

    return pages


def _fastapi(corpus: Path) -> Iterator[tuple[Path, Path, str]]:
    root = corpus / "fastapi/docs"
    for language in sorted(p for p in root.iterdir() if p.is_dir() and p.name != "en"):
        for page in sorted(_markdown(language / "docs")):
            twin = root / "en/docs" / page.relative_to(language / "docs")
            if twin.is_file():
                yield page, twin, language.name


def _starlight(corpus: Path) -> Iterator[tuple[Path, Path, str]]:
    root = corpus / "starlight/docs/src/content/docs"
    locales = sorted(
        p for p in root.iterdir() if p.is_dir() and regex.fullmatch(r"[a-z]{2}(-[a-z]{2})?", p.name)
    )
    for locale in locales:
        for page in sorted(_markdown(locale)):
            twin = root / page.relative_to(locale)
            if twin.is_file():
                yield page, twin, locale.name


def _riverpod(corpus: Path) -> Iterator[tuple[Path, Path, str]]:
    root = corpus / "riverpod/website"
    for language in sorted((root / "i18n").iterdir()):
        current = language / "docusaurus-plugin-content-docs/current"
        if not current.is_dir():
            continue
        for page in sorted(_markdown(current)):
            twin = root / "docs" / page.relative_to(current)
            if twin.is_file():
                yield page, twin, language.name


def _markdown(folder: Path) -> Iterator[Path]:
    for pattern in ("*.md", "*.mdx"):
        yield from folder.rglob(pattern)


TREES = (
    Tree("huggingface_hub", "doc-builder", _folder("huggingface_hub/docs/source")),
    Tree("smolagents", "doc-builder", _folder("smolagents/docs/source")),
    Tree("transformers", "doc-builder", _folder("transformers")),
    Tree("fastapi", "mkdocs", _fastapi),
    Tree("vitepress", "vitepress", _folder("vitepress/docs")),
    Tree("starlight", "starlight", _starlight),
    Tree("opentelemetry.io", "hugo", _folder("opentelemetry.io/content")),
    Tree("riverpod", "docusaurus", _riverpod),
)


# --- locating things in a page by plain line scanning ---------------------------------

FENCE_RE = regex.compile(r"^(\s*(?:>\s*)?)(`{3,}|~{3,})")
HEADING_ID_RE = regex.compile(r"^(#{1,6}\s.*?)\s*(\[\[([^\]\s]+)\]\]|\{\s*#([\w.:-]+)\s*\})\s*$")
URL_RE = regex.compile(r"\]\((https?://[^)\s]+)\)")
SPAN_RE = regex.compile(r"(?<!`)`([^`\n]{2,60})`(?!`)")
NUMBER_RE = regex.compile(r"(?<![\w.,:/#=@-])(\d{1,4})(?![\w.,:/%-]|\d)")
TAG_OPEN_RE = regex.compile(r"^\s*<([A-Z][\w.]*)(?=[\s>])[^>]*(?<!/)>\s*$")
FENCED_CONTAINER_RE = regex.compile(r"^\s*(:::+|///|!!!|\?\?\?)\s*\w")
CALLOUT_RE = regex.compile(r"^>\s*\[!\w+\]")
WORD_RE = regex.compile(r"[A-Za-z][a-z]+")


def code_fences(lines: list[str]) -> list[tuple[int, int]]:
    """(open, close) 0-based line indexes of each closed fenced code block."""
    blocks, open_at, marker = [], None, ""
    for index, line in enumerate(lines):
        match = FENCE_RE.match(line)
        if open_at is None and match:
            open_at, marker = index, match.group(2)
        elif (
            open_at is not None
            and match
            and match.group(2).startswith(marker)
            and not line[match.end() :].strip()
        ):
            blocks.append((open_at, index))
            open_at = None
    return blocks


def in_code(lines: list[str]) -> list[bool]:
    inside = [False] * len(lines)
    for start, end in code_fences(lines):
        for index in range(start, end + 1):
            inside[index] = True
    return inside


def prose_lines(lines: list[str]) -> Iterator[int]:
    """Lines of running text: not code, headings, tags, tables, comments or front matter."""
    inside = in_code(lines)
    front = 0
    if lines and lines[0].strip() == "---":
        front = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
    comment = False
    tag = False  # inside a tag spread over lines: its properties are not prose
    # MDX reads a paragraph that starts with ``import``/``export`` as JavaScript, up to
    # a blank line outside braces
    esm, braces = False, 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if esm or (stripped.startswith(("import ", "export ")) and not inside[index]):
            braces = max(0, braces + line.count("{") - line.count("}"))
            esm = bool(stripped) or braces > 0
            continue
        if "<!--" in stripped and "-->" not in stripped:
            comment = True
        if comment:
            comment = "-->" not in stripped
            continue
        if tag:
            tag = not stripped.endswith(">")
            continue
        if regex.match(r"<[A-Za-z]", stripped) and not stripped.endswith(">"):
            tag = True
            continue
        if index < front or inside[index] or not stripped:
            continue
        if stripped.startswith(
            ("#", "<", "|", "{", "[[", "!", ":::", "///", "{{", "import ", "export ")
        ):
            continue
        if line.startswith("    ") and not stripped.startswith(("-", "*", "1")):
            continue  # indented code or a continuation we cannot tell apart
        yield index


def code_spans_outside(line: str) -> list[tuple[int, int]]:
    return [match.span() for match in SPAN_RE.finditer(line)]


def masked(line: str) -> str:
    """The line with code spans, links' targets, HTML tags, braces and footnote markers
    blanked out."""
    for pattern in (
        r"`[^`]*`",
        r"\]\([^)]*\)",
        r"<[^>]*>",
        r"\{[^}]*\}",
        r"https?://\S+",
        r"\[\^[^\]]*\]",  # a footnote marker
    ):
        line = regex.sub(pattern, lambda m: " " * len(m.group(0)), line)
    return line


# --- defects ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mutation:
    kind: str
    text: str  # the mutated page
    start: int  # 1-based first line of the edit in the mutated page
    end: int  # 1-based last line (== start - 1 when lines were only removed)
    removed: int  # lines removed at ``start`` (for mapping old findings)
    added: int  # lines added at ``start``
    note: str


def _normal(text: str) -> str:
    return " ".join(text.split())


def drop_code_block(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    normal_source = _normal(source)
    candidates = [
        (s, e)
        for s, e in code_fences(lines)
        if e - s > 1 and _normal("\n".join(lines[s + 1 : e])) in normal_source
    ]
    if not candidates:
        return None
    s, e = rng.choice(candidates)
    # drop the blank line after it too, so no double blank is left
    e2 = e + 1 if e + 1 < len(lines) and not lines[e + 1].strip() else e
    kept = lines[:s] + lines[e2 + 1 :]
    return Mutation("drop-code-block", "\n".join(kept), s + 1, s, e2 - s + 1, 0, lines[s + 1][:60])


def edit_code_block(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    normal_source = _normal(source)
    candidates = []
    for s, e in code_fences(lines):
        if _normal("\n".join(lines[s + 1 : e])) not in normal_source:
            continue
        for index in range(s + 1, e):
            code = lines[index].split("#", 1)[0]
            if regex.search(r"[A-Za-z_]\w{3,}", code):
                candidates.append(index)
    if not candidates:
        return None
    index = rng.choice(candidates)
    match = rng.choice(list(regex.finditer(r"[A-Za-z_]\w{3,}", lines[index].split("#", 1)[0])))
    changed = list(lines)
    changed[index] = lines[index][: match.end()] + "_v2" + lines[index][match.end() :]
    return Mutation(
        "edit-code-block", "\n".join(changed), index + 1, index + 1, 1, 1, match.group(0)
    )


def _as_often(marker: str, translation: str, source: str, kind_only: bool = False) -> bool:
    """Whether the source has the marker at least as often as the translation: dropping
    one then removes something the source has, not a translator's addition."""
    if kind_only:  # ``::: tip 제목``: the kind, not the translated title
        marker = " ".join(marker.split()[:1]) if " " in marker else marker
    return 0 < translation.count(marker) <= source.count(marker)


def drop_component(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    inside = in_code(lines)
    translation = "\n".join(lines)
    candidates = []
    for index, line in enumerate(lines):
        if inside[index]:
            continue
        tag = TAG_OPEN_RE.match(line)
        if tag and _as_often(f"<{tag.group(1)}", translation, source):
            close = f"</{tag.group(1)}>"
            end = next((j for j in range(index, len(lines)) if close in lines[j]), None)
            if end is not None and end - index < 40:
                candidates.append((index, end))
        elif CALLOUT_RE.match(line) and _as_often(
            CALLOUT_RE.match(line).group(0), translation, source
        ):
            end = index
            while end + 1 < len(lines) and lines[end + 1].startswith(">"):
                end += 1
            candidates.append((index, end))
        elif FENCED_CONTAINER_RE.match(line) and _as_often(line.strip(), translation, source, True):
            marker = FENCED_CONTAINER_RE.match(line).group(1)
            closer = marker if marker in (":::", "///") or marker.startswith(":") else None
            if closer is None:
                continue
            end = next(
                (j for j in range(index + 1, len(lines)) if lines[j].strip() == closer), None
            )
            if end is not None and end - index < 40:
                candidates.append((index, end))
    if not candidates:
        return None
    s, e = rng.choice(candidates)
    e2 = e + 1 if e + 1 < len(lines) and not lines[e + 1].strip() else e
    kept = lines[:s] + lines[e2 + 1 :]
    return Mutation(
        "drop-component", "\n".join(kept), s + 1, s, e2 - s + 1, 0, lines[s].strip()[:60]
    )


def drop_heading_id(
    lines: list[str], source: str, rng: random.Random, source_ids: set[str]
) -> Mutation | None:
    inside = in_code(lines)
    candidates = []
    for index, line in enumerate(lines):
        match = HEADING_ID_RE.match(line)
        if match and not inside[index]:
            anchor = match.group(3) or match.group(4)
            title = match.group(1).lstrip("#").strip()
            # a heading kept in English whose own id is the anchor loses nothing
            if anchor in source_ids and anchor not in own_ids(title):
                candidates.append((index, match))
    if not candidates:
        return None
    index, match = rng.choice(candidates)
    changed = list(lines)
    changed[index] = match.group(1)
    return Mutation(
        "drop-heading-id", "\n".join(changed), index + 1, index + 1, 1, 1, match.group(2)
    )


def own_ids(title: str) -> set[str]:
    """The ids a heading's text gives without an explicit anchor."""
    from doclint.slug import doc_builder_slug, github_slug

    text = regex.sub(r"[`*_]", "", title) if "`" in title else title
    return {doc_builder_slug([text]), doc_builder_slug([title]), github_slug(text)}


def _prose_pick(lines, source, rng, pattern, group=0, mask=True):
    candidates = []
    for index in prose_lines(lines):
        text = masked(lines[index]) if mask else lines[index]
        for match in pattern.finditer(text):
            if match.group(group) in source:
                candidates.append((index, match))
    return rng.choice(candidates) if candidates else None


def change_url(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    picked = _prose_pick(lines, source, rng, URL_RE, 1, mask=False)
    if picked is None:
        return None
    index, match = picked
    url = match.group(1)
    changed_url = url.rstrip("/") + "-old"
    changed = list(lines)
    changed[index] = lines[index][: match.start(1)] + changed_url + lines[index][match.end(1) :]
    return Mutation("change-url", "\n".join(changed), index + 1, index + 1, 1, 1, url)


def change_inline_code(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    candidates = []
    for index in prose_lines(lines):
        for match in SPAN_RE.finditer(lines[index]):
            if f"`{match.group(1)}`" in source and regex.search(r"[A-Za-z]{3}", match.group(1)):
                candidates.append((index, match))
    if not candidates:
        return None
    index, match = rng.choice(candidates)
    span = match.group(1)
    word = list(regex.finditer(r"[A-Za-z]{3,}", span))[-1]
    new = span[: word.end()] + "x" + span[word.end() :]
    changed = list(lines)
    changed[index] = lines[index][: match.start(1)] + new + lines[index][match.end(1) :]
    return Mutation("change-inline-code", "\n".join(changed), index + 1, index + 1, 1, 1, span)


def change_number(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    source_lines = source.split("\n")
    # numbers the source's prose writes as numbers (not "two", not ``OAuth2``)
    source_numbers = {
        match.group(1)
        for index in prose_lines(source_lines)
        for match in NUMBER_RE.finditer(masked(source_lines[index]))
    }
    picked = _prose_pick(lines, source_numbers, rng, NUMBER_RE, 1)
    if picked is None:
        return None
    index, match = picked
    number = match.group(1)
    new = str(int(number) + 7)
    changed = list(lines)
    changed[index] = lines[index][: match.start(1)] + new + lines[index][match.end(1) :]
    return Mutation("change-number", "\n".join(changed), index + 1, index + 1, 1, 1, number)


def _english_sentences(source: str) -> list[str]:
    """Plain English sentences of the source's prose, eight words or more."""
    lines = source.split("\n")
    found = []
    for index in prose_lines(lines):
        line = lines[index].strip()
        if regex.search(r"[`\[\]<>*_|{}]|https?:", line):
            continue
        for sentence in regex.split(r"(?<=[.!?])\s+", line):
            if len(WORD_RE.findall(sentence)) >= 8 and sentence.endswith("."):
                found.append(sentence)
    return found


def _paragraph_ends(lines: list[str]) -> list[int]:
    """Prose lines that end a paragraph (a blank line follows), not list items."""
    prose = set(prose_lines(lines))
    return [
        index
        for index in sorted(prose)
        if (index + 1 == len(lines) or not lines[index + 1].strip())
        and not regex.match(r"\s*([-*+]|\d+\.)\s", lines[index])
        and not lines[index].lstrip().startswith(">")
    ]


def add_english_paragraph(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    sentences = _english_sentences(source)
    ends = _paragraph_ends(lines)
    if not sentences or not ends:
        return None
    paragraph = " ".join(rng.sample(sentences, min(2, len(sentences))))
    index = rng.choice(ends)
    changed = [*lines[: index + 1], "", paragraph, *lines[index + 1 :]]
    return Mutation(
        "add-english-paragraph", "\n".join(changed), index + 3, index + 3, 0, 2, paragraph[:60]
    )


def add_english_sentence(lines: list[str], source: str, rng: random.Random) -> Mutation | None:
    sentences = _english_sentences(source)
    ends = [i for i in _paragraph_ends(lines) if regex.search(r"[.!?。！？।]\s*$", lines[i])]
    if not sentences or not ends:
        return None
    sentence = rng.choice(sentences)
    index = rng.choice(ends)
    changed = list(lines)
    changed[index] = lines[index].rstrip() + " " + sentence
    return Mutation(
        "add-english-sentence", "\n".join(changed), index + 1, index + 1, 1, 1, sentence[:60]
    )


KINDS = (
    "drop-code-block",
    "edit-code-block",
    "drop-component",
    "drop-heading-id",
    "change-url",
    "change-inline-code",
    "change-number",
    "add-english-paragraph",
    "add-english-sentence",
)


def source_ids(source_text: str) -> set[str]:
    """Ids of the source page's headings, computed the way doc-builder and GitHub do,
    plus the explicit ones it writes."""
    from doclint.parse import parse
    from doclint.slug import heading_ids

    document = parse(source_text, "source.md")
    ids = set(heading_ids(document.headings, "doc-builder"))
    ids.update(heading_ids(document.headings, "github"))
    ids.update(regex.findall(r"\{\s*#([\w.:-]+)\s*\}", source_text))
    return ids


def mutate(translation: str, source: str, kind: str, rng: random.Random) -> Mutation | None:
    lines = translation.split("\n")
    if kind == "drop-heading-id":
        return drop_heading_id(lines, source, rng, source_ids(source))
    return {
        "drop-code-block": drop_code_block,
        "edit-code-block": edit_code_block,
        "drop-component": drop_component,
        "change-url": change_url,
        "change-inline-code": change_inline_code,
        "change-number": change_number,
        "add-english-paragraph": add_english_paragraph,
        "add-english-sentence": add_english_sentence,
    }[kind](lines, source, rng)


# --- measuring -------------------------------------------------------------------------


@dataclass
class Outcome:
    tree: str
    page: str
    kind: str
    found: bool
    note: str
    line: int
    new: list[str]


def _lint(source: str, translation: str, language: str, dialect: str) -> list:
    """As ``doclint check`` lints the page in its tree: in the tree's dialect."""
    from doclint import check_pair
    from doclint.config import Config

    config = Config(select=("ALL",), dialect=dialect)
    return check_pair(source, translation, config, language=language)


def detected(before: list, after: list, mutation: Mutation) -> tuple[bool, list[str]]:
    """Whether ``after`` has a finding ``before`` did not, near the edit."""

    def shifted(line: int) -> int | None:
        if line < mutation.start:
            return line
        if line < mutation.start + mutation.removed:
            return None  # on a removed or rewritten line: it may well be gone
        return line - mutation.removed + mutation.added

    old = Counter((f.name, shifted(f.line), f.message) for f in before)
    new = []
    for finding in after:
        key = (finding.name, finding.line, finding.message)
        if old[key]:
            old[key] -= 1
            continue
        if mutation.start - NEAR <= finding.line <= max(mutation.end, mutation.start) + NEAR:
            new.append(f"{finding.line} {finding.name}: {finding.message[:100]}")
    return bool(new), new


def run(
    trees: tuple[Tree, ...] = TREES,
    limit: int | None = None,
    corpus: Path = CORPUS,
    every_kind: bool = False,
) -> list[Outcome]:
    """One defect per page (or, with ``every_kind``, one of each kind the page allows)."""
    outcomes = []
    for tree in trees:
        pages = list(tree.pages(corpus))
        if limit:
            pages = random.Random(tree.name).sample(pages, min(limit, len(pages)))
        for number, (page, source_path, language) in enumerate(sorted(pages)):
            try:
                translation = page.read_text(encoding="utf-8")
                source = source_path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if not translation.strip():
                continue
            rng = random.Random(str(page.relative_to(corpus)))
            chosen = []
            for step in range(len(KINDS)):
                kind = KINDS[(number + step) % len(KINDS)]
                mutation = mutate(translation, source, kind, rng)
                if mutation is not None:
                    chosen.append((kind, mutation))
                    if not every_kind:
                        break
            if not chosen:
                continue
            before = _lint(source, translation, language, tree.dialect)
            for kind, mutation in chosen:
                after = _lint(source, mutation.text, language, tree.dialect)
                found, new = detected(before, after, mutation)
                outcomes.append(
                    Outcome(
                        tree.name,
                        str(page.relative_to(corpus)),
                        kind,
                        found,
                        mutation.note,
                        mutation.start,
                        new,
                    )
                )
    return outcomes


def recall(outcomes: list[Outcome]) -> float:
    return sum(o.found for o in outcomes) / len(outcomes) if outcomes else 1.0


def table(outcomes: list[Outcome]) -> str:
    rows = ["| tree | dialect | pages | found | recall |", "| --- | --- | ---: | ---: | ---: |"]
    dialect = {tree.name: tree.dialect for tree in TREES}
    for name in dict.fromkeys(o.tree for o in outcomes):
        of_tree = [o for o in outcomes if o.tree == name]
        found = sum(o.found for o in of_tree)
        rows.append(
            f"| {name} | {dialect[name]} | {len(of_tree)} | {found} | {recall(of_tree):.1%} |"
        )
    rows += ["", "| defect | HF pages | HF recall | other pages | other recall |"]
    rows.append("| --- | ---: | ---: | ---: | ---: |")
    for kind in KINDS:
        hf = [o for o in outcomes if o.kind == kind and o.tree in HF_TREES]
        other = [o for o in outcomes if o.kind == kind and o.tree not in HF_TREES]
        rows.append(
            f"| {kind} | {len(hf)} | {recall(hf):.1%} | {len(other)} | {recall(other):.1%} |"
        )
    hf = [o for o in outcomes if o.tree in HF_TREES]
    other = [o for o in outcomes if o.tree not in HF_TREES]
    rows.append(f"| **all** | {len(hf)} | {recall(hf):.1%} | {len(other)} | {recall(other):.1%} |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", help="only these trees")
    parser.add_argument("--limit", type=int, help="pages per tree (a fixed sample)")
    parser.add_argument("--show-misses", type=int, default=0, help="misses to list per kind")
    parser.add_argument("--kind", action="append", help="only list misses of these kinds")
    parser.add_argument(
        "--every-kind", action="store_true", help="inject each kind a page allows, one at a time"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    trees = tuple(t for t in TREES if not args.tree or t.name in args.tree)
    outcomes = run(trees, args.limit, every_kind=args.every_kind)
    print(table(outcomes))
    if args.show_misses:
        for kind in KINDS:
            if args.kind and kind not in args.kind:
                continue
            misses = [o for o in outcomes if o.kind == kind and not o.found]
            if misses:
                print(f"\n## missed {kind} ({len(misses)})")
            for miss in misses[: args.show_misses]:
                print(f"  {miss.page}:{miss.line}  {miss.note!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
