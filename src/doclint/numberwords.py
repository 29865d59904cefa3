"""Small numbers as translations write them in words, by value.

Data only: ``numbers`` reads it to know that ``سه`` or ``двух`` states the source's
``3`` or ``2``. Han numerals (``零``, ``三``, ``兩``) are not listed: ``unicodedata``
knows their values. A word that is also a common word of its language with another
meaning is left out, since it would hide a changed or dropped number wherever it
occurs: "one" where it is the indefinite article (un, una, ein, um, bir, یک), Persian
``نه`` (nine, and "no"), German ``null`` (the value), Turkish ``on`` (ten).
Inflected forms are listed where a language declines its numerals (Russian
``двух``, ``трёх``; Ukrainian ``двох``). ``两`` is listed: ``unicodedata``
gives the simplified form no value.
"""

from __future__ import annotations

NUMBER_WORDS: dict[int, str] = {
    0: "영 zero cero zéro ноль нуля нуль صفر sıfır nol",
    1: "한 하나 첫 eins एक",
    2: (
        "두 둘 两 zwei deux dos due dois duas दो دو اثنان اثنين اثنتان اثنتين"
        " два две двух двум двумя дві двох двом двома dwa dwie dwóch iki dua"
    ),
    3: (
        "세 셋 drei trois tres tre três तीन سه ثلاثة ثلاث"
        " три трёх трех трём трем тремя трьох трьом трьома trzy trzech üç tiga"
    ),
    4: (
        "네 넷 vier quatre cuatro quattro quatro चार چهار أربعة أربع"
        " четыре четырёх четырех четырём четырем четырьмя чотири чотирьох cztery dört empat"
    ),
    5: "다섯 fünf cinq cinco cinque पांच पाँच پنج خمسة خمس пять пяти пятью п'ять п'яти pięć beş lima",
    6: "여섯 sechs six seis sei छह شش ستة шесть шести шестью шість sześć altı enam",
    7: "일곱 sieben sept siete sette sete सात هفت سبعة سبع семь семи семью сім siedem yedi tujuh",
    8: (
        "여덟 acht huit ocho otto oito आठ هشت ثمانية ثماني ثمان восемь восьми восемью вісім"
        " osiem sekiz delapan"
    ),
    9: "아홉 neun neuf nueve nove नौ تسعة تسع девять девяти дев'ять dziewięć dokuz sembilan",
    10: "열 zehn dix diez dieci dez दस ده عشرة عشر десять десяти dziesięć sepuluh",
}

# The indefinite article, or "one" where a language writes both alike: ``1 subfolder``
# becomes ``einem Unterordner``, ``un sous-dossier``. It stands for the source's 1 only
# where that 1 counts a thing and no other digit took its place.
ONE_AS_ARTICLE = (
    "un una uno une ein eine einem einen einer eines um uma een bir یک"
    " один одна одно одного одной одну одним jeden jedna jedno jednego satu"
)
