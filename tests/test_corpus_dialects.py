"""Each shared tree, checked from its root with no flags, is read in its own dialect and
every translated page whose source exists is paired with it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from doclint.config import Config
from doclint.dialects.detect import from_repository
from doclint.pairing import Pairing

# tree, what `doclint check` is given, dialect, and the truth: (translated folder glob
# root, source folder) pairs as the upstream projects lay them out
TREES = [
    ("fastapi", "docs", "mkdocs", [("docs/{lang}/docs", "docs/en/docs", ("ko", "es"))]),
    ("vitepress", "docs", "vitepress",
     [("docs/{lang}", "docs/en", ("es", "fa", "ja", "ko", "pt", "ru", "zh"))]),
    ("starlight", "docs/src/content/docs", "starlight",
     [("docs/src/content/docs/{lang}", "docs/src/content/docs",
       ("da", "de", "es", "fa", "fr", "hi", "id", "it", "ja", "ko", "pt-br", "pt-pt", "ru",
        "tr", "uk", "zh-cn"))]),
    ("opentelemetry.io", "content", "hugo", [("content/{lang}", "content/en", ("es", "fr", "pt"))]),
    ("riverpod", "website", "docusaurus",
     [("website/i18n/{lang}/docusaurus-plugin-content-docs/current", "website/docs",
       ("de", "fr", "ja")),
      ("website/i18n/{lang}/docusaurus-plugin-content-blog", "website/blog", ("de",))]),
    ("huggingface_hub", "docs/source", "doc-builder",
     [("docs/source/{lang}", "docs/source/en", ("cn", "de", "fr", "hi", "ko", "or", "ta"))]),
    ("smolagents", "docs/source", "doc-builder",
     [("docs/source/{lang}", "docs/source/en", ("es", "hi", "ko", "zh"))]),
]  # fmt: skip


def _pages(folder: Path) -> set[Path]:
    found = set()
    for parent, _, files in os.walk(folder):
        found.update(Path(parent) / f for f in files if f.endswith((".md", ".mdx")))
    return found


@pytest.mark.parametrize(("tree", "given", "dialect", "layout"), TREES, ids=[t[0] for t in TREES])
def test_tree_pairs_every_translated_page_in_its_dialect(
    corpus, monkeypatch, tree, given, dialect, layout
):
    root = corpus / tree
    monkeypatch.chdir(root)
    pairs = Pairing(Config(base=root)).pairs([given])
    expected = {}
    for translated, source, languages in layout:
        for language in languages:
            folder = root / translated.format(lang=language)
            for page in _pages(folder):
                inside = page.relative_to(folder)
                # the source page by slug: ``x.md`` translates ``x.md`` or ``x.mdx``
                for candidate in (inside, inside.with_suffix(".md"), inside.with_suffix(".mdx")):
                    if (root / source / candidate).is_file():
                        expected[page.resolve()] = (root / source / candidate).resolve()
                        break
    got = {
        pair.translation.resolve(): pair.source.resolve() for pair in pairs if pair.source.is_file()
    }
    assert got == expected
    for pair in pairs:
        found = from_repository(pair.translation.resolve().parent)
        detected = found.dialect if found else "doc-builder"  # HF's own folders hold no marker
        assert detected == dialect, pair.translation
