"""Dialects: heading ids read and written in each framework's syntax, detection, layouts."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint import check_pair
from doclint.config import Config
from doclint.dialects import dialects, get
from doclint.dialects.detect import detect
from doclint.fixer import apply_edits
from doclint.pairing import Pairing
from doclint.parse import parse

from .conftest import write

SOURCE = "# Guide\n\nSee [setup](#setup).\n\n## Setup\n\nText.\n"


@pytest.mark.parametrize(
    ("dialect", "heading"),
    [
        ("doc-builder", "## 설정[[setup]]"),
        ("mkdocs", "## 설정 { #setup }"),
        ("docusaurus", "## 설정 {#setup}"),
        ("vitepress", "## 설정 {#setup}"),
        ("hugo", "## 설정 {#setup}"),
    ],
)
def test_fix_writes_the_dialects_own_id_syntax(dialect, heading):
    translation = "# 안내\n\n[설정](#setup)을 보세요.\n\n## 설정\n\n텍스트.\n"
    config = Config(dialect=dialect)
    findings = check_pair(SOURCE, translation, config, language="ko")
    edits = [edit for finding in findings for edit in finding.fix]
    fixed = apply_edits(translation, edits)
    assert fixed.splitlines()[4] == heading
    assert parse(fixed, dialect=dialect).headings[1].anchor == "setup"
    again = check_pair(SOURCE, fixed, config, language="ko")
    assert not [f for f in again if f.name in ("broken-anchor", "anchor-not-preserved")]


@pytest.mark.parametrize("dialect", ["mkdocs", "docusaurus", "vitepress", "hugo"])
def test_fix_replaces_a_wrong_id_and_never_writes_a_second_one(dialect):
    translation = "# 안내\n\n[설정](#setup)을 보세요.\n\n## 설정 {#settings} ##\n\n텍스트.\n"
    findings = check_pair(SOURCE, translation, Config(dialect=dialect), language="ko")
    fixed = apply_edits(translation, [e for f in findings for e in f.fix])
    line = fixed.splitlines()[4]
    assert line.count("#setup") == 1 and "settings" not in line and line.endswith("##")


@pytest.mark.parametrize("dialect", ["gfm", "starlight"])
def test_dialects_without_id_syntax_write_nothing(dialect):
    translation = "# 안내\n\n[설정](#setup)을 보세요.\n\n## 설정[[setup]]\n\n텍스트.\n"
    findings = check_pair(SOURCE, translation, Config(dialect=dialect), language="ko")
    # ``[[setup]]`` is literal text here: it is no id, so the link is broken
    assert [f.name for f in findings] == ["broken-anchor"]
    assert not any(f.fix for f in findings)
    assert "keep it with" not in findings[0].message


def test_attribute_list_id_joins_an_existing_attribute_list():
    assert get("mkdocs").write_heading_id("설정 { .lead }", "setup") == "설정 { #setup .lead }"


@pytest.mark.parametrize(
    ("dialect", "heading", "anchor", "text"),
    [
        ("mkdocs", "## Title { #my-id .cls }", "my-id", "Title"),
        ("mkdocs", "## Title {: #my-id }", "my-id", "Title"),
        ("docusaurus", "## Title {/* #my-id */}", "my-id", "Title"),
        ("docusaurus", "## Title {#my-id}", "my-id", "Title"),
        ("hugo", "## Title {#my-id}", "my-id", "Title"),
        ("doc-builder", "## Title {#my-id}", None, "Title {#my-id}"),
        ("gfm", "## Title[[my-id]]", None, "Title[[my-id]]"),
    ],
)
def test_heading_ids_are_read_only_in_their_dialect(dialect, heading, anchor, text):
    parsed = parse(heading + "\n", dialect=dialect).headings[0]
    assert parsed.anchor == anchor
    assert parsed.inline.text == text


def test_every_dialect_builds_and_parses_every_construct():
    text = (
        "# T {#t}\n\n/// tip | 팁\n\nx\n\n///\n\n:::note[제목]\ny\n:::\n\n!!! note\n    z\n\n"
        "{{< note >}}\nw\n{{< /note >}}\n\nimport A from 'a'\n\n{/* c */}\n\n<Tabs\n  a={[1]}\n>\n"
    )
    for name in dialects():
        document = parse(text, dialect=name)
        assert document.dialect == name and document.blocks


def test_admonitions_and_shortcodes_are_components():
    mkdocs = parse('/// tip | 팁\n\nx\n\n///\n\n!!! warning "주의"\n    y\n', dialect="mkdocs")
    tags = [(c.name, c.role, c.title) for c in mkdocs.components]
    assert tags == [("tip", "open", "팁"), ("tip", "close", ""), ("warning", "open", "주의"),
                    ("warning", "close", "")]  # fmt: skip
    hugo = parse('{{% alert title="참고" %}}\nx\n{{% /alert %}}\n{{< figure src="a.png" >}}\n',
                 dialect="hugo")  # fmt: skip
    assert [(c.name, c.role) for c in hugo.components] == [
        ("alert", "open"),
        ("alert", "close"),
        ("figure", "self"),
    ]


def test_markup_is_never_prose():
    cases = {
        "hugo": "버전 {{< param version >}} 입니다.",
        "docusaurus": "값은 {props.value} 입니다.",
        "mkdocs": "문단 { .annotate } {% raw %}",
        "doc-builder": "{#if fw === 'pt'}",
    }
    for dialect, text in cases.items():
        prose = parse(text + "\n", dialect=dialect).blocks[0].inline.prose
        assert not any(char.isascii() and char.isalpha() for char in prose), (dialect, prose)


def test_mdx_comments_suppress():
    source = "# A {#a}\n\n:::tip\nx\n:::\n"
    translation = "# 가 {#a}\n\n{/* doclint-disable-next-line callout-keyword-translated */}\n:::팁\n엑스\n:::\n"
    findings = check_pair(source, translation, Config(dialect="docusaurus"), language="ko")
    assert findings == []


@pytest.mark.parametrize(
    ("files", "page", "dialect"),
    [
        ({"docs/source/en/_toctree.yml": "", "docs/source/ko/a.md": "# 가\n"},
         "docs/source/ko/a.md", "doc-builder"),
        ({"docs/en/mkdocs.yml": "", "docs/ko/docs/a.md": "# 가\n"}, "docs/ko/docs/a.md", "mkdocs"),
        ({"site/docusaurus.config.js": "", "site/i18n/ko/x/a.md": "# 가\n"},
         "site/i18n/ko/x/a.md", "docusaurus"),
        ({"docs/.vitepress/config.ts": "", "docs/ko/a.md": "# 가\n"}, "docs/ko/a.md", "vitepress"),
        ({"hugo.yaml": "", "content/ko/a.md": "# 가\n"}, "content/ko/a.md", "hugo"),
        ({"astro.config.mjs": "import starlight from '@astrojs/starlight'",
          "src/content/docs/ko/a.md": "# 가\n"}, "src/content/docs/ko/a.md", "starlight"),
        ({"astro.config.mjs": "export default {}", "src/ko/a.md": "# 가 { #a }\n"},
         "src/ko/a.md", "mkdocs"),
        ({"docs/ko/a.md": "# 가\n"}, "docs/ko/a.md", "doc-builder"),
    ],
)  # fmt: skip
def test_detection_from_markers_then_syntax(tmp_path, files, page, dialect):
    write(tmp_path, files)
    path = tmp_path / page
    assert detect(path, path.read_text(encoding="utf-8")).dialect == dialect


def _pairs(root: Path, paths: list[str], **config) -> list[tuple[str, str, str]]:
    pairing = Pairing(Config(base=root, **config))
    found = pairing.pairs([str(root / path) for path in paths])
    return [
        (
            pair.translation.resolve().relative_to(root).as_posix(),
            pair.source.relative_to(root).as_posix(),
            pair.layout,
        )
        for pair in found
    ]


def test_docusaurus_layout(tmp_path):
    write(
        tmp_path,
        {
            "docs/intro.mdx": "# Intro\n",
            "blog/2024-01-01-hello.md": "# Hello\n",
            "versioned_docs/version-1.0/intro.md": "# Intro\n",
            "i18n/fr/docusaurus-plugin-content-docs/current/intro.mdx": "# Intro\n",
            "i18n/fr/docusaurus-plugin-content-docs/version-1.0/intro.md": "# Intro\n",
            "i18n/fr/docusaurus-plugin-content-blog/2024-01-01-hello.md": "# Bonjour\n",
        },
    )
    root = tmp_path.resolve()
    assert _pairs(root, ["."]) == [
        ("i18n/fr/docusaurus-plugin-content-blog/2024-01-01-hello.md",
         "blog/2024-01-01-hello.md", "docusaurus"),
        ("i18n/fr/docusaurus-plugin-content-docs/current/intro.mdx", "docs/intro.mdx",
         "docusaurus"),
        ("i18n/fr/docusaurus-plugin-content-docs/version-1.0/intro.md",
         "versioned_docs/version-1.0/intro.md", "docusaurus"),
    ]  # fmt: skip


def test_root_layout_never_takes_language_folders_for_sources(tmp_path):
    write(
        tmp_path,
        {
            "docs/index.md": "# Home\n",
            "docs/guide/start.md": "# Start\n",
            "docs/ja/index.md": "# ホーム\n",
            "docs/ja/guide/start.md": "# 開始\n",
            "docs/zh-cn/guide/start.md": "# 开始\n",
        },
    )
    root = tmp_path.resolve()
    assert _pairs(root, ["docs"]) == [
        ("docs/ja/guide/start.md", "docs/guide/start.md", "root"),
        ("docs/ja/index.md", "docs/index.md", "root"),
        ("docs/zh-cn/guide/start.md", "docs/guide/start.md", "root"),
    ]
    assert _pairs(root, ["docs/ja/index.md"], layout="root") == [
        ("docs/ja/index.md", "docs/index.md", "root")
    ]


def test_folder_layouts_of_fastapi_and_hugo_still_pair(tmp_path):
    write(
        tmp_path,
        {
            "docs/en/docs/a.md": "# A\n",
            "docs/ko/docs/a.md": "# 가\n",
            "content/en/b.md": "# B\n",
            "content/es/b.md": "# Be\n",
        },
    )
    root = tmp_path.resolve()
    assert _pairs(root, ["docs", "content"]) == [
        ("content/es/b.md", "content/en/b.md", "folder"),
        ("docs/ko/docs/a.md", "docs/en/docs/a.md", "folder"),
    ]


def test_with_translations_finds_them_in_every_layout(tmp_path):
    write(
        tmp_path,
        {
            "site/docs/intro.mdx": "# Intro\n",
            "site/i18n/fr/docusaurus-plugin-content-docs/current/intro.mdx": "# Intro\n",
            "star/index.md": "# Home\n",
            "star/guide.md": "# Guide\n",
            "star/ja/guide.md": "# ガイド\n",
            "hf/en/a.md": "# A\n",
            "hf/ko/a.md": "# 가\n",
            "sfx/page.md": "# P\n",
            "sfx/page.ko.md": "# 피\n",
        },
    )
    root = tmp_path.resolve()
    pairing = Pairing(Config(base=root), with_translations=True)
    given = ["site/docs/intro.mdx", "star/guide.md", "hf/en/a.md", "sfx/page.md"]
    found = pairing.pairs([str(root / path) for path in given])
    assert sorted(pair.translation.resolve().relative_to(root).as_posix() for pair in found) == [
        "hf/ko/a.md",
        "sfx/page.ko.md",
        "site/i18n/fr/docusaurus-plugin-content-docs/current/intro.mdx",
        "star/ja/guide.md",
    ]


def test_mkdocs_tabs_are_components_with_their_label_as_title():
    document = parse('=== "Python"\n\n    ```py\n    x = 1\n    ```\n\nAfter.\n', dialect="mkdocs")
    assert [(b.kind, b.line) for b in document.blocks] == [
        ("component", 1),
        ("code", 3),
        ("component", 5),
        ("paragraph", 7),
    ]
    assert document.components[0].title == "Python"
    assert document.code_blocks[0].content == "x = 1\n"


def test_files_beside_an_mkdocs_docs_dir_are_not_pages(tmp_path):
    write(
        tmp_path,
        {
            "docs/en/mkdocs.yml": "site_name: x\n",
            "docs/en/docs/a.md": "# A\n",
            "docs/ko/docs/a.md": "# 가\n",
            "docs/ko/llm-prompt.md": "Translate to Korean.\n",
            "other/en/mkdocs.yml": "docs_dir: pages\n",
            "other/en/pages/b.md": "# B\n",
            "other/ko/pages/b.md": "# 비\n",
            "other/ko/notes.md": "# 메모\n",
        },
    )
    root = tmp_path.resolve()
    assert _pairs(root, ["docs", "other"]) == [
        ("docs/ko/docs/a.md", "docs/en/docs/a.md", "folder"),
        ("other/ko/pages/b.md", "other/en/pages/b.md", "folder"),
    ]
    assert _pairs(root, ["docs/ko/llm-prompt.md"]) == []


@pytest.mark.parametrize(
    ("dialect", "path", "partial"),
    [
        ("hugo", "docs/languages/_includes/exporters/setup.md", True),
        ("hugo", "docs/languages/_index.md", False),
        ("hugo", "docs/languages/python/exporters.md", False),
        ("docusaurus", "guides/_shared-intro.mdx", True),
        ("docusaurus", "guides/intro.mdx", False),
        ("gfm", "docs/_includes/setup.md", False),
    ],
)
def test_a_dialect_knows_the_partials_pages_include(dialect, path, partial):
    from doclint import dialects

    assert dialects.get(dialect).is_partial(path) is partial


def test_a_partial_links_to_the_ids_of_the_page_including_it():
    from doclint import check_pair
    from doclint.config import Config

    source = "## Setup {#setup}\n\nSee the [dependencies](#dependencies).\n"
    translation = "## Configuração {#setup}\n\nVeja as [dependências](#otlp-dependencies).\n"
    config = Config(dialect="hugo")

    def broken(path: str) -> list[int]:
        findings = check_pair(source, translation, config, language="pt", path=path)
        return [f.line for f in findings if f.name == "broken-anchor"]

    assert broken("content/pt/docs/_includes/setup.md") == []
    assert broken("content/pt/docs/setup.md") == [3]
