"""Example values a translation put in its language, told from changed code."""

from __future__ import annotations

import pytest

from doclint.localvalues import Vocabulary, changed_words, localized_value

SPANISH = Vocabulary(translated=frozenset({"mi", "tu", "reinicio"}))


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [
        ("import('./lib-that-access-window')", "import('./lib-que-accede-a-window')", "es"),
        ("src: './src/assets/my-logo.svg',", "src: './src/assets/mi-logo.svg',", "es"),
        ("appId: 'YOUR_APP_ID',", "appId: 'DEINE_APP_ID',", "de"),
        ("@layer my-reset, starlight;", "@layer mi-reinicio, starlight;", "es"),
        ('"default": "<YOUR_ID>"', '"default": "<TU_ID>"', "es"),
        ("greet('world')", "greet('мир')", "ru"),
        ("link: '/stars/'", "link: '/étoiles/'", "fr"),
    ],
)
def test_a_localized_value_in_code(source: str, translation: str, language: str) -> None:
    assert localized_value(source, translation, language, SPANISH)


@pytest.mark.parametrize(
    ("source", "translation", "language"),
    [
        ("const tracer = trace.getTracer()", "const трассировщик = trace.getTracer()", "ru"),
        ("name: 'my_app'", "name: 'my_app_v2'", "es"),  # a suffix added
        ("run(1)", "run(2)", "es"),  # digits
        ("greet('world')", "greet('world!')", "es"),  # punctuation
        ("npm run build --force", "npm run build --forzar", "es"),  # a flag
        ("greet('foo')", "greet('bar')", "es"),  # English for English
        ("greet('world')", "greet('мир')", "es"),  # not the page's language
        ("greet('мир')", "greet('mundo')", "es"),  # the source's words are not English
        ("link: '/stars/'", "link: '/étoiles/'", ""),
    ],
)
def test_changed_code_is_no_localized_value(source: str, translation: str, language: str) -> None:
    assert not localized_value(source, translation, language, SPANISH)


def test_inline_code_is_one_value_unless_it_is_an_identifier() -> None:
    assert localized_value("my-theme/config", "mi-tema/config", "es", SPANISH, whole=True)
    assert localized_value("Ctrl+Space", "Ctrl+Espacio", "es", whole=True)  # langdetect reads it
    assert not localized_value("from_pretrained", "из_предобученной", "ru", whole=True)
    assert not localized_value("#other-things", "#outras-coisas", "pt", whole=True)


def test_a_word_the_source_page_uses_is_english() -> None:
    """A new word the source itself uses is another English value, not a translation."""
    vocabulary = Vocabulary(source=frozenset({"guide"}))
    assert not localized_value("kind: 'tutorial'", "kind: 'guide'", "fr", vocabulary)


def test_the_source_prose_tells_english_words() -> None:
    vocabulary = Vocabulary(source_prose=frozenset({"path"}))
    assert localized_value("example.com/path.html", "example.com/caminho.html", "pt", vocabulary)


def test_changed_words_are_those_of_the_changes_only() -> None:
    assert changed_words("a('./my-logo.svg')", "a('./mi-logo.svg')") == (["my"], ["mi"])
    assert changed_words("a = 1", "a = 2") is None


def test_a_word_with_letters_added_needs_the_page_to_use_it() -> None:
    english = Vocabulary(source_prose=frozenset({"config"}))
    assert not localized_value("config", "configx", "es", english, whole=True)
    portuguese = Vocabulary(translated=frozenset({"texto"}))
    assert localized_value("text", "texto", "pt", portuguese, whole=True)


def test_a_word_with_joiners_is_one_word() -> None:
    """Persian writes some words with a zero-width non-joiner inside."""
    assert localized_value("title: 'VitePress',", "title: 'ویت\u200cپرس',", "fa")


def test_an_anchor_of_an_example_is_its_own_value() -> None:
    assert localized_value("[end](#conclusion)", "[end](#conclusión)", "es")
    assert not localized_value("#conclusion", "#conclusión", "es", whole=True)


def test_a_yaml_value_without_quotes_is_a_value() -> None:
    assert changed_words("content: hello", "content: привет", language="yaml") == (
        ["hello"],
        ["привет"],
    )
    assert changed_words("content: hello", "content: привет") is None
