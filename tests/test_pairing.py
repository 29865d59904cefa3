"""Which source page each translated page is paired with."""

from __future__ import annotations

from pathlib import Path

from doclint.config import Config
from doclint.pairing import Pairing, is_language_tag, normalise_tag

from .conftest import write


def pairs_of(paths, config=None, language=None):
    pairing = Pairing(config or Config(), language)
    found = pairing.pairs([str(p) for p in paths])
    return [
        (p.translation.as_posix(), p.source.resolve(), p.language) for p in found
    ], pairing.errors


def test_folder_layout_pairs_with_the_en_sibling(isolated):
    write(
        isolated,
        {
            "docs/source/en/a.md": "# A\n",
            "docs/source/en/sub/b.md": "# B\n",
            "docs/source/ko/a.md": "# 가\n",
            "docs/source/ko/sub/b.md": "# 나\n",
        },
    )
    found, errors = pairs_of([Path("docs/source/ko")])
    assert errors == []
    assert found == [
        ("docs/source/ko/a.md", (isolated / "docs/source/en/a.md").resolve(), "ko"),
        ("docs/source/ko/sub/b.md", (isolated / "docs/source/en/sub/b.md").resolve(), "ko"),
    ]


def test_region_tags_and_mdx(isolated):
    write(isolated, {"chapters/en/1.mdx": "# One\n", "chapters/zh-CN/1.mdx": "# 一\n"})
    found, _ = pairs_of([Path("chapters/zh-CN/1.mdx")])
    assert found == [("chapters/zh-CN/1.mdx", (isolated / "chapters/en/1.mdx").resolve(), "zh-CN")]


def test_a_tree_root_expands_to_every_language_but_the_source(isolated):
    write(
        isolated,
        {
            "docs/en/a.md": "# A\n",
            "docs/ko/a.md": "# 가\n",
            "docs/ja/a.md": "# あ\n",
            "docs/ko/only.md": "# 만\n",
        },
    )
    found, _ = pairs_of([Path("docs")])
    assert [(t, lang) for t, _, lang in found] == [
        ("docs/ja/a.md", "ja"),
        ("docs/ko/a.md", "ko"),
        ("docs/ko/only.md", "ko"),
    ]


def test_explicit_files_and_source_pages_passed_by_pre_commit(isolated):
    write(isolated, {"docs/en/a.md": "# A\n", "docs/ko/a.md": "# 가\n"})
    found, errors = pairs_of([Path("docs/en/a.md"), Path("docs/ko/a.md")])
    assert [t for t, _, _ in found] == ["docs/ko/a.md"] and errors == []


def test_non_language_segments_are_skipped_on_the_way_up(isolated):
    write(isolated, {"docs/en/api/x.md": "# X\n", "docs/ko/api/x.md": "# 엑스\n"})
    found, _ = pairs_of([Path("docs/ko/api/x.md")])
    assert found == [("docs/ko/api/x.md", (isolated / "docs/en/api/x.md").resolve(), "ko")]


def test_explicit_source_folder(isolated):
    write(isolated, {"english/guide.md": "# G\n", "translations/ko/guide.md": "# 가이드\n"})
    config = Config(source=isolated / "english")
    found, _ = pairs_of([Path("translations/ko")], config)
    assert found == [("translations/ko/guide.md", (isolated / "english/guide.md").resolve(), "ko")]


def test_explicit_source_with_no_language_folder_uses_the_given_folder_and_lang(isolated):
    write(isolated, {"src/guide.md": "# G\n", "out/guide.md": "# 가이드\n"})
    found, _ = pairs_of([Path("out")], Config(source=isolated / "src"), language="ko")
    assert found == [("out/guide.md", (isolated / "src/guide.md").resolve(), "ko")]


def test_suffix_layout(isolated):
    write(
        isolated,
        {
            "docs/index.md": "# I\n",
            "docs/index.ko.md": "# 색인\n",
            "docs/guide/setup.md": "# S\n",
            "docs/guide/setup.pt-BR.md": "# Config\n",
            "docs/notes.v2.md": "# not a translation\n",
        },
    )
    found, _ = pairs_of([Path("docs")], Config(layout="suffix"))
    assert found == [
        ("docs/guide/setup.pt-BR.md", (isolated / "docs/guide/setup.md").resolve(), "pt-BR"),
        ("docs/index.ko.md", (isolated / "docs/index.md").resolve(), "ko"),
    ]


def test_missing_source_page_is_still_a_pair(isolated):
    write(isolated, {"docs/en/a.md": "# A\n", "docs/ko/gone.md": "# 사라짐\n"})
    found, _ = pairs_of([Path("docs/ko")])
    assert found[0][1] == (isolated / "docs/en/gone.md").resolve()


def test_unpairable_inputs_are_errors_naming_the_path(isolated):
    write(isolated, {"README.md": "# Readme\n", "empty/.keep": ""})
    _, errors = pairs_of([Path("README.md"), Path("missing.md"), Path("empty")])
    messages = [str(e) for e in errors]
    assert messages[0].startswith("README.md: cannot tell which page it translates")
    assert messages[1] == "missing.md: no such file or directory"
    assert messages[2] == "empty: no translated Markdown pages found"


def test_exclude_globs(isolated):
    write(
        isolated,
        {
            "docs/en/a.md": "# A\n",
            "docs/ko/a.md": "# 가\n",
            "docs/en/internal/b.md": "# B\n",
            "docs/ko/internal/b.md": "# 나\n",
        },
    )
    config = Config(base=isolated, exclude=("docs/ko/internal/*",))
    found, _ = pairs_of([Path("docs/ko")], config)
    assert [t for t, _, _ in found] == ["docs/ko/a.md"]


def test_language_tags():
    assert is_language_tag("ko") and is_language_tag("zh-CN") and is_language_tag("pt_BR")
    assert is_language_tag("cn")
    assert not is_language_tag("api") and not is_language_tag("src")
    assert normalise_tag("zh_cn") == "zh-CN" and normalise_tag("zh-hant") == "zh-Hant"
