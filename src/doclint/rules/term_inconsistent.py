"""The same English term rendered in different ways across the pages checked together.

No termbase is needed: renderings are learned from the translations themselves —
from ``rendering(English term)`` (``전이 학습(transfer learning)``) and from the texts
of links whose target is a source link's target. When one English term has two or
more renderings (spacing included) across the pages of one run, one finding lists
every rendering with its count and one place where it stands, so the team can pick
one (and put it in a termbase). The finding stands where the least used rendering is.

This rule looks at a whole run: checking a tree finds inconsistencies across it,
checking explicit files only among those.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import regex

from doclint.document import inline_of
from doclint.finding import Problem
from doclint.languages import base, script_re
from doclint.page import Page
from doclint.rules._terms import glossed, line_at, links_by_target
from doclint.termmatch import WORD_RE, _singular

CODE = "DL504"
NAME = "term-inconsistent"
CATEGORY = "term"
SEVERITY = "warning"
NEEDS_SOURCE = False
OPTIONS = {"max-words": 4}

# An acronym or one capitalised name: ``SSG``, ``Cross-Origin Resource Sharing`` is not.
NAME_RE = regex.compile(r"^(?:[A-Z][A-Z0-9.-]+s?|[A-Z][a-z0-9]+)$")
CLAUSE_RE = regex.compile(r"[,;(:]")
# Languages written in their own script whose words change their endings with case.
INFLECTED = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "el", "hi", "ar", "fa", "he"})
LEADING_PUNCTUATION_RE = regex.compile(r"^[^\p{L}\p{N}]+")
TRAILING_GLOSS_RE = regex.compile(r"(?<!\s)\s*\([^()]*\)$")  # from a run's start: linear
# Korean sentence endings (…합니다, …하세요): a clause before a remark, not a term.
SENTENCE_END_RE = regex.compile(r"(?:다|요)$")
AUXILIARIES = frozenset(
    "않는 않은 않을 있는 있을 없는 없을 된 되는 될 하는 한 할 수 것 같은".split()  # noqa: SIM905
)
UNSPACED = frozenset({"zh", "cn", "ja", "yue", "th", "lo", "km", "my"})
NOT_TERMS = frozenset(
    """here this that these link page pages guide guides doc docs documentation tutorial
    example examples more details detail section see read click the a an our your it
    below above following previous next documentation reference""".split()  # noqa: SIM905
)


def _english_key(text: str) -> str:
    return " ".join(_singular(word.lower()) for word in WORD_RE.findall(text))


def collect(page: Page, options: dict) -> list[tuple]:
    """(term key, English as written, rendering, rendering with one more word, path,
    line) for each rendering seen on this page. Terms of the page's termbase are left
    to term-mismatch and term-spacing-variant."""
    script = script_re(page.language) if page.language else None
    if script is None:
        return []  # renderings are told from English by script
    known = page.terms.index if page.terms is not None and len(page.terms) else None
    language = base(page.language)
    # Words are counted back from a gloss; languages written without spaces have none.
    spaced = language not in UNSPACED

    def unknown(english: str) -> bool:
        return known is None or not known.find(english)

    seen = []
    path = page.translation.path
    for block in page.translation.blocks:
        for inline in inline_of(block):
            text = inline.prose
            for offset, english in glossed(inline) if spaced else ():
                words = WORD_RE.findall(english)
                if not 0 < len(words) <= options["max-words"] or "," in english:
                    continue
                if NAME_RE.match(english.strip()):
                    # ``(SSG)``, ``(CORS)``, ``(Uvicorn)``: an acronym spelt out or a name
                    # set beside a phrase — the words before it are no rendering of it
                    continue
                before = [LEADING_PUNCTUATION_RE.sub("", w) for w in text[:offset].split()]
                size = len(words)
                # ``사용되지 않는 (detached)``: an auxiliary takes the word before it along
                while size < len(before) and before[-size] in AUXILIARIES:
                    size += 1
                rendering = " ".join(before[-size:]).strip()
                wider = " ".join(before[-size - 1 :]).strip()
                readable = rendering and script.search(rendering) and rendering[-1].isalnum()
                if readable and not SENTENCE_END_RE.search(rendering) and unknown(english):
                    line = line_at(inline.line, text, offset)
                    key = f"{language}:{_english_key(english)}"
                    seen.append((key, english, rendering, wider, path, line))
    if page.source is None:
        return seen
    for pair in page.alignment.pairs:
        if pair.source is None or pair.translation is None:
            continue
        translated = links_by_target(pair.translation)
        for inline in inline_of(pair.source):
            for link in inline.links:
                other = translated.get(link.href)
                words = WORD_RE.findall(link.text)
                # in-page links point at terms' headings; other links' texts are phrases
                if other is None or not link.href.startswith("#"):
                    continue
                if not 0 < len(words) <= options["max-words"] or not unknown(link.text):
                    continue
                if all(word.lower() in NOT_TERMS for word in words):
                    continue  # [here](#…), [this section](#…): not a term
                rendering = TRAILING_GLOSS_RE.sub("", " ".join(other.text.split()))
                # a term's rendering is about as long as the term; a longer link text
                # is part of a sentence (``[설치가 잘 되었는지 확인](#check-installation)``)
                if (
                    rendering
                    and script.search(rendering)
                    and len(rendering.split()) <= len(words) + 1
                ):
                    key = f"{language}:{_english_key(link.text)}"
                    seen.append((key, link.text, rendering, rendering, path, other.line))
    return seen


def finish(observations: Iterable[list], options: dict) -> Iterator[tuple[str, Problem]]:
    by_term: dict[str, list] = defaultdict(list)
    for page_observations in observations:
        for key, english, rendering, wider, path, line in page_observations:
            by_term[key].append((english, rendering, wider, path, line))
    for key in sorted(by_term):
        # a "rendering" holding a clause break is words around a gloss, not a term
        seen = [s for s in by_term[key] if not CLAUSE_RE.search(s[1])]
        seen = _agree_on_bounds(seen)
        counts = Counter(rendering for _, rendering, _, _ in seen)
        # the forms of one word in an inflected language are one rendering
        if len({_stem(key, rendering) for rendering in counts}) < 2:
            continue
        first = {}
        for _, rendering, path, line in sorted(seen, key=lambda s: (s[2], s[3])):
            first.setdefault(rendering, (path, line))
        ranked = sorted(counts, key=lambda r: (-counts[r], first[r]))
        listing = ", ".join(f"{r!r} ×{counts[r]} ({first[r][0]}:{first[r][1]})" for r in ranked)
        english = Counter(e for e, _, _, _ in seen).most_common(1)[0][0]
        path, line = first[ranked[-1]]
        yield path, Problem(line, f"{english!r} is rendered {len(counts)} ways: {listing}")


def _stem(key: str, rendering: str) -> str:
    """``интернационализацию`` and ``интернационализации`` are one word in two cases."""
    if key.split(":", 1)[0] not in INFLECTED:
        return rendering
    return " ".join(word[:-2] if len(word) > 5 else word for word in rendering.split())


def _agree_on_bounds(seen: list) -> list[tuple[str, str, str, int]]:
    """Settle where each rendering starts. Renderings are read as the words before a
    gloss, as many as the English has, which may take a word too many (``위한 선형계층``
    for ``선형계층``) or too few (``지도 학습`` in ``자기 지도 학습``); where one word
    less or more makes a rendering another observation's (spacing aside), it is that."""
    compact = {"".join(rendering.split()) for _, rendering, _, _, _ in seen}
    settled = []
    for english, rendering, wider, path, line in seen:
        narrower = " ".join(rendering.split()[1:])
        if wider != rendering and "".join(wider.split()) in compact:
            rendering = wider
        elif narrower and "".join(narrower.split()) in compact - {"".join(rendering.split())}:
            rendering = narrower
        settled.append((english, rendering, path, line))
    return settled
