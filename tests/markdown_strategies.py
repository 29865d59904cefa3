"""Hypothesis strategies: Markdown pages built from the constructs doclint reads, and
translations derived from them by the edits translators (and accidents) make."""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = {
    "en": ["model", "attention", "mask", "the", "token", "install", "run", "Hub", "data"],
    "ko": ["모델", "어텐션", "마스크", "토큰", "설치", "실행", "데이터", "합니다", "를"],
    "ja": ["モデル", "アテンション", "トークン", "インストール", "実行", "データ", "です"],
    "zh": ["模型", "注意力", "掩码", "令牌", "安装", "运行", "数据", "的"],
}
LANGUAGES = ("ko", "ja", "zh")
IDS = ["intro", "install", "attention-mask", "tools", "工具", "설치", "step-1", "x"]
# Characters that end or open constructs, dropped into text by the mutations.
NOISE = ["[", "]", "[[", "]]", "(", ")", "#", "`", "```", "<Tip>", "</Tip>", "{#", "}", "|",
         "\n", "\n\n", ">", "-", "*", "<!--", "-->", ":::", "///", "!!! ", "$", "\\", "\t"]  # fmt: skip


def words(language: str, least: int = 1, most: int = 8) -> st.SearchStrategy[str]:
    joiner = "" if language in ("ja", "zh") else " "
    return st.lists(st.sampled_from(WORDS[language]), min_size=least, max_size=most).map(
        joiner.join
    )


def link(language: str) -> st.SearchStrategy[str]:
    target = st.one_of(
        st.sampled_from(IDS).map(lambda i: f"#{i}"),
        st.sampled_from(IDS).map(lambda i: f"other.md#{i}"),
        st.just("https://example.com/docs"),
        st.just("../../../../etc/passwd"),
    )
    return st.tuples(words(language, 1, 3), target).map(lambda t: f"[{t[0]}]({t[1]})")


def prose(language: str) -> st.SearchStrategy[str]:
    piece = st.one_of(words(language), link(language), st.just("`code`"), st.just("1,000"))
    return st.lists(piece, min_size=1, max_size=6).map(" ".join)


def heading(language: str) -> st.SearchStrategy[str]:
    explicit = st.one_of(
        st.just(""),
        st.sampled_from(IDS).map(lambda i: f"[[{i}]]"),
        st.sampled_from(IDS).map(lambda i: f" {{#{i}}}"),
        st.sampled_from(IDS).map(lambda i: f" {{ #{i} }}"),
    )
    return st.tuples(st.integers(1, 6), words(language, 1, 4), explicit).map(
        lambda t: "#" * t[0] + " " + t[1] + t[2]
    )


def fence(language: str) -> st.SearchStrategy[str]:
    line = st.sampled_from(
        ["x = 1", "", "# " + WORDS[language][0], "print(x)", "    return y", "  "]
    )
    return st.tuples(st.sampled_from(["py", "python", "bash", ""]), st.lists(line, max_size=6)).map(
        lambda t: "```" + t[0] + "\n" + "\n".join(t[1]) + "\n```"
    )


def admonition(language: str) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(0, 4), prose(language)).map(
        lambda t: [
            f'!!! note "{t[1][:10]}"\n\n    {t[1]}',
            f":::tip\n{t[1]}\n:::",
            f"/// tip\n{t[1]}\n///",
            f"> [!NOTE]\n> {t[1]}",
            f"<Tip warning={{true}}>\n\n{t[1]}\n\n</Tip>",
        ][t[0]]
    )


def table(language: str) -> st.SearchStrategy[str]:
    cell = words(language, 1, 2)
    return st.tuples(cell, cell, st.lists(st.tuples(cell, cell), max_size=3)).map(
        lambda t: (
            f"| {t[0]} | {t[1]} |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in t[2])
        )
    )


def bullet_list(language: str) -> st.SearchStrategy[str]:
    item = st.tuples(st.sampled_from(["- ", "1. ", "  - ", "* "]), prose(language))
    return st.lists(item, min_size=1, max_size=4).map(
        lambda items: "\n".join(a + b for a, b in items)
    )


def block(language: str) -> st.SearchStrategy[str]:
    return st.one_of(
        heading(language),
        prose(language),
        fence(language),
        admonition(language),
        table(language),
        bullet_list(language),
    )


def page(language: str = "en") -> st.SearchStrategy[str]:
    return st.lists(block(language), min_size=1, max_size=12).map(
        lambda blocks: "\n\n".join(blocks) + "\n"
    )


@st.composite
def translated(draw, source: str, language: str) -> str:
    """``source`` with its English words translated and random edits made: blocks
    dropped, repeated or swapped, ids added, noise inserted."""
    blocks = source.rstrip("\n").split("\n\n")
    out = []
    for text in blocks:
        action = draw(st.sampled_from(["keep", "translate", "translate", "drop", "twice"]))
        if action == "drop":
            continue
        if action != "keep":
            for word in WORDS["en"]:
                if word in text and draw(st.booleans()):
                    text = text.replace(word, draw(st.sampled_from(WORDS[language])))
        if text.startswith("#") and draw(st.booleans()):
            text += draw(st.sampled_from(IDS).map(lambda i: f"[[{i}]]"))
        out.append(text)
        if action == "twice":
            out.append(text)
    if len(out) > 1 and draw(st.booleans()):
        i = draw(st.integers(0, len(out) - 2))
        out[i], out[i + 1] = out[i + 1], out[i]
    text = "\n\n".join(out) + "\n"
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
    return text


@st.composite
def pairs(draw) -> tuple[str, str, str]:
    """(source, translation, language)."""
    language = draw(st.sampled_from(LANGUAGES))
    source = draw(page("en"))
    return source, draw(translated(source, language)), language
