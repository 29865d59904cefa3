"""Localized versions of a URL compare equal to it; other URLs do not."""

from __future__ import annotations

import pytest

from doclint.urls import unlocalised

TEMPLATES = ("https://docs.example.com/docs-{lang}/", "https://{lang}.example.net/")


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("https://react.dev/learn", "https://ko.react.dev/learn/"),
        ("https://vuejs.org/guide/", "https://ja.vuejs.org/guide/"),
        ("https://docs.python.org/3/library/", "https://docs.python.org/ko/3/library/"),
        ("https://learn.microsoft.com/en-us/windows", "https://learn.microsoft.com/ko-kr/windows"),
        ("https://example.com/en_US/a", "https://example.com/ko_KR/a"),
        ("https://example.com/docs/en/a", "https://example.com/docs/ko/a"),
        ("https://example.com/p?lang=en&a=1", "https://example.com/p?lang=ko&a=1"),
        ("https://support.google.com/x", "https://support.google.com/x?hl=ko"),
        ("https://fastapi.tiangolo.com/tutorial/", "https://fastapi.tiangolo.com/ko/tutorial/"),
        ("https://docs.example.com/docs-en/a", "https://docs.example.com/docs-ko/a"),
        ("https://example.net/a", "https://jp.example.net/a"),
        ("https://www.example.org/a/", "https://example.org/a"),
    ],
)
def test_a_localized_url_is_the_same_target(source, translation):
    assert unlocalised(source, TEMPLATES) == unlocalised(translation, TEMPLATES)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("https://react.dev/learn", "https://react.dev/reference"),
        ("https://example.com/p?page=1", "https://example.com/p?page=2"),
        ("https://id.me/x", "https://me/x"),
        ("https://docs.example.com/docs-en/a", "https://docs.example.com/docs-en/b"),
        ("https://github.com/example/project", "https://github.com/example/fork"),
    ],
)
def test_another_url_is_another_target(source, translation):
    assert unlocalised(source, TEMPLATES) != unlocalised(translation, TEMPLATES)


def test_without_a_template_a_site_specific_code_is_not_a_language():
    assert unlocalised("https://docs.example.com/docs-en/a") != unlocalised(
        "https://docs.example.com/docs-ko/a"
    )


def test_a_localized_url_may_have_its_own_fragment():
    from doclint.urls import any_fragment, target_keys

    source = any_fragment(unlocalised("https://docs.astro.build/en/guides/pages/#routing"))
    assert source in target_keys("https://docs.astro.build/ko/guides/pages/#파일")
    assert source not in target_keys("https://docs.astro.build/guides/pages/#x")
    assert source not in target_keys("https://docs.astro.build/guides/pages/")


def test_a_path_on_the_same_site_loses_its_language_too():
    assert unlocalised("/ko/guide/") == unlocalised("/guide") == "/guide"
    assert unlocalised("images/ko/x.png") == unlocalised("images/en/x.png")
    assert unlocalised("mailto:team@example.org") == "mailto:team@example.org"


@pytest.mark.parametrize(
    ("url", "language"),
    [
        ("https://fr.wikipedia.org/wiki/Androm%C3%A8de", "fr"),
        ("https://developer.mozilla.org/en-US/docs/Web/HTML", "en-us"),
        ("https://docs.astro.build/pt-br/guides/", "pt-br"),
        ("https://support.google.com/x?hl=ko", "ko"),
        ("https://docs.example.com/docs-ko/a", "ko"),
        ("https://vite.dev/guide/", None),
        ("https://id.me/login", None),
        ("../guide/intro.md", None),
    ],
)
def test_the_language_a_url_names(url, language):
    from doclint.urls import language_of

    assert language_of(url, TEMPLATES) == language


def test_regional_variants_are_one_language():
    from doclint.urls import same_language

    assert same_language("pt-br", "pt")
    assert same_language("zh_CN", "zh-tw")
    assert not same_language("en-us", "fr")
