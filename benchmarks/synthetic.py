"""Synthetic documentation: N source/translation pairs with the structure of real doc sets.

    python benchmarks/synthetic.py DIR N

Each English page has headings with explicit ids, prose with inline code, numbers and
links into other pages, fenced code, a table, an ``<hfoptions>`` component and a list;
its Korean translation keeps most of it, translates the prose (English terms left in
the Korean text) and carries the kinds of defect translators make, so every rule has
work. Seeded: the same N gives the same files.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

TERMS = ["tokenizer", "pipeline", "checkpoint", "dataset", "inference", "Hub", "cache"]
KOREAN = [
    "모델을",
    "불러옵니다",
    "데이터를",
    "설정합니다",
    "사용하면",
    "다음과",
    "같이",
    "실행합니다",
]
ENGLISH = ["load", "the", "model", "with", "a", "configured", "run", "and", "then", "save"]


def _sentence(rng: random.Random, korean: bool, index: int) -> str:
    words = rng.sample(KOREAN if korean else ENGLISH, 5)
    term = rng.choice(TERMS)
    words.insert(2, term if korean else term.lower())
    text = " ".join(words)
    return (
        f"{text} `load_{index}()` {index * 7}개"
        if korean
        else f"{text} `load_{index}()` {index * 7}"
    )


def _code(index: int) -> str:
    return (
        "```python\n"
        f"from library import Model{index}\n\n"
        f'model = Model{index}.from_pretrained("org/model-{index}")  # load it\n'
        f"outputs = model(batch_size={index % 64 + 1})\n"
        "```"
    )


def page_pair(index: int, count: int, rng: random.Random) -> tuple[str, str]:
    """The English page ``index`` of ``count`` and its Korean translation."""
    other = rng.randrange(count)
    source: list[str] = [f"# Page {index}", "", _sentence(rng, False, index), ""]
    translation: list[str] = [
        f"# 페이지 {index}[[page-{index}]]",
        "",
        _sentence(rng, True, index),
        "",
    ]
    for section in range(rng.randint(3, 6)):
        anchor = f"section-{index}-{section}"
        source += [f"## Section {section} of {index}[[{anchor}]]", ""]
        # a dropped anchor now and then: anchor-not-preserved
        kept = f"[[{anchor}]]" if rng.random() > 0.1 else ""
        translation += [f"## {section}번째 절{kept}", ""]
        for _ in range(rng.randint(1, 3)):
            link = f"[see](./page_{other}#section-{other}-0)"
            source += [_sentence(rng, False, index) + f" {link}.", ""]
            translation += [_sentence(rng, True, index) + f" {link}.", ""]
        code = _code(index + section)
        source += [code, ""]
        if rng.random() > 0.05:  # a missing code block now and then
            changed = code.replace("# load it", "# 불러오기") if rng.random() < 0.3 else code
            translation += [changed, ""]
        if section == 1:
            table = ["| name | value |", "| --- | --- |"] + [
                f"| `opt_{k}` | {k * 3} |" for k in range(rng.randint(2, 5))
            ]
            source += [*table, ""]
            translation += [*table, ""]
        if section == 2:
            component = [
                "<hfoptions id='usage'>",
                '<hfoption id="pytorch">',
                "",
                _sentence(rng, False, index),
                "",
                "</hfoption>",
                "</hfoptions>",
            ]
            source += [*component, ""]
            translation += [c if "hf" in c else _sentence(rng, True, index) for c in component]
            translation.append("")
        source += [f"- item {k} with `{TERMS[k % len(TERMS)]}`" for k in range(3)] + [""]
        translation += [f"- 항목 {k}: `{TERMS[k % len(TERMS)]}`" for k in range(3)] + [""]
        if rng.random() < 0.05:  # an untranslated paragraph
            translation += [_sentence(rng, False, index) + " left in English for now.", ""]
    return "\n".join(source), "\n".join(translation)


def generate(root: Path, count: int, seed: int = 0) -> Path:
    """``count`` pairs under ``root/docs/source/{en,ko}``; returns the Korean folder."""
    rng = random.Random(seed)
    english, korean = root / "docs/source/en", root / "docs/source/ko"
    english.mkdir(parents=True, exist_ok=True)
    korean.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source, translation = page_pair(index, count, rng)
        (english / f"page_{index}.md").write_text(source, encoding="utf-8")
        (korean / f"page_{index}.md").write_text(translation, encoding="utf-8")
    return korean


if __name__ == "__main__":
    print(generate(Path(sys.argv[1]), int(sys.argv[2])))
