"""Untranslated text: detection by script, by langdetect only where needed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from doclint import check_pair
from doclint.config import Config
from doclint.languages import script_re, sentences

from .conftest import write

ONLY = Config(select=("untranslated",))


def findings(source, translation, language, config=ONLY):
    return [(f.line, f.name) for f in check_pair(source, translation, config, language=language)]


def test_korean_file_never_loads_langdetect(tmp_path):
    """The pre-commit case: one Korean page, and langdetect's profiles stay unloaded."""
    write(
        tmp_path,
        {
            "docs/en/a.md": "# A\n\nAn English paragraph with several words in it.\n",
            "docs/ko/a.md": "# 가[[a]]\n\nAn English paragraph with several words in it.\n",
        },
    )
    code = (
        "import sys; from doclint.cli import main; "
        "status = main(['check', '--isolated', 'docs/ko/a.md']); "
        "assert 'langdetect' not in sys.modules, 'langdetect was imported'; "
        "sys.exit(status)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1, result.stderr
    assert "DL601" in result.stdout


def test_spanish_page_uses_langdetect_when_the_text_is_not_the_source():
    source = "# A\n\nThe model is downloaded once and cached for every later call.\n"
    translation = "# A\n\nThe model is downloaded once, then cached for every call after that.\n"
    assert findings(source, translation, "es") == [(3, "untranslated-block")]
    spanish = "# A\n\nEl modelo se descarga una vez y se guarda en caché para cada llamada.\n"
    assert findings(source, spanish, "es") == []


def test_allow_lists_hide_names():
    source = "# A\n\nUse Hugging Face Inference Endpoints today.\n"
    translation = "# A\n\n오늘 바로 사용하세요.\n\nHugging Face Inference Endpoints\n"
    assert findings(source, translation, "ko") == []
    names = "# A\n\n오늘 사용하세요.\n\nwith the help of Gradio Blocks\n"
    assert findings(source, names, "ko") == [(5, "untranslated-block")]
    config = Config(select=("untranslated",), allow=("with the help of Gradio Blocks",))
    assert findings(source, names, "ko", config) == []


def test_english_source_language_pages_are_not_checked():
    text = "# A\n\nAn English paragraph with several words in it.\n"
    assert findings(text, text, "en") == []


@pytest.mark.parametrize(
    ("language", "text", "own_script"),
    [
        ("ko", "안녕", True),
        ("ja", "こんにちは", True),
        ("zh-CN", "你好", True),
        ("ru", "привет", True),
        ("hi", "नमस्ते", True),
        ("es", "hola", False),
        ("de", "hallo", False),
    ],
)
def test_scripts(language, text, own_script):
    script = script_re(language)
    assert (script is not None) == own_script
    if script is not None:
        assert script.search(text)


def test_sentences_split_on_latin_and_cjk_punctuation():
    assert [s.strip() for _, s in sentences("하나입니다. Two here! 三つ目。Four")] == [
        "하나입니다.",
        "Two here!",
        "三つ目。",
        "Four",
    ]


def test_an_acronym_expanded_either_way_is_a_name():
    source = (
        "# A\n\nIntro text to translate for everyone.\n\n## B\n\nService provider interface (SPI)\n"
    )
    translation = "# 가\n\n모두를 위한 소개입니다.\n\n## 나\n\nService provider interface (SPI)\n"
    assert findings(source, translation, "ko") == []
    mistaken = translation.replace("(SPI)", "(API)")
    assert findings(source.replace("(SPI)", "(API)"), mistaken, "ko") == [(7, "untranslated-block")]


def test_a_link_is_a_name_only_where_its_address_spells_all_its_words():
    source = (
        "# A\n\n[Good first issue](https://example.com/issues?q=label:good+first+issue)\n\n"
        "[Good first issue](https://example.com/issues)\n"
    )
    translation = source.replace("# A", "# 가")
    assert findings(source, translation, "ko") == [(5, "untranslated-block")]
