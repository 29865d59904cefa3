"""Numbers compared by value across scripts and spellings."""

from __future__ import annotations

import pytest

from doclint.numbers import numbers, value_set


def same(source: str, translation: str) -> bool:
    present = value_set(translation)
    return all(number.matches(present) for number in numbers(source))


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("1,000 GPUs", "1000개의 GPU"),
        ("175 billion parameters", "1,750억 개의 매개변수"),
        ("175 billion parameters", "1750億個のパラメータ"),
        ("175 billion parameters", "1750亿个参数"),
        ("10k steps", "1만 스텝"),
        ("170 million", "1억 7천만"),
        ("version v0.8.0", "버전 0.8.0"),
        ("in 2024", "2024年"),
        ("These 2 topics", "这两个主题"),
        ("2 ways", "두 가지 방법"),
        ("2 Themen", "zwei Themen"),
        ("the 1st step", "첫 단계"),
        ("24GB of memory", "24GB 메모리"),
        ("3.5 and 1,5", "3.5 und 1,5"),
        ("3 layout options", "سه گزینه طرح"),
        ("2 different sizes", "в двух различных размерах"),
        ("2 different sizes", "у двох різних розмірах"),
        ("ships 0kb JavaScript", "默认提供 零 JavaScript"),
        ("ships 0 kilobytes", "envía cero kilobytes"),
        ("in 3 steps", "in 參 steps"),  # a financial Han numeral: Unicode knows its value
        ("Sections 2,3 and 4", "Las secciones 2, 3 y 4"),
        ("5 files", "۵ فایل"),
    ],
)
def test_same_value(source, translation):
    assert same(source, translation)


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("batch size 32", "배치 크기 64"),
        ("version 2.0.1", "버전 2.0.0"),
        ("175 billion", "175억"),
        ("4 models", "모두 모델"),  # 모두 (all) holds 두 (two) but is no number
        ("9 steps", "نه مرحله"),  # نه is "no" as often as "nine"
        ("1 subfolder", "einem Unterordner"),  # the article, not a number
        ("1,000 files", "1 y 0 archivos"),  # a comma grouping thousands lists nothing
    ],
)
def test_different_value(source, translation):
    assert not same(source, translation)
