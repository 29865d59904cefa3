"""Comment removal per language: translated comments are not code changes."""

from __future__ import annotations

import pytest

from doclint.codenorm import canonical_language, code_lines, output_lines, strip_comments


@pytest.mark.parametrize(
    ("language", "content", "expected"),
    [
        (
            "python",
            'x = "# not a comment"  # 주석\n# 전체 주석\ny = 1',
            ['x = "# not a comment"  ', "", "y = 1"],
        ),
        (
            "python",
            '"""docstring # kept\n# kept too\n"""',
            ['"""docstring # kept', "# kept too", '"""'],
        ),
        (
            "bash",
            "echo $# ${#arr} # 주석\nurl=http://x#frag",
            ["echo $# ${#arr} ", "url=http://x#frag"],
        ),
        ("yaml", "name: demo  # 이름\nurl: http://x/#y", ["name: demo  ", "url: http://x/#y"]),
        ("javascript", 'a = "//x"; // 주석\n/* 여러\n줄 */ b()', ['a = "//x"; ', "", " b()"]),
        ("sql", "SELECT 1 -- 주석", ["SELECT 1 "]),
        ("html", "<p>x</p><!-- 주석\n둘 -->", ["<p>x</p>", ""]),
        ("", "# not a comment in an unknown language", ["# not a comment in an unknown language"]),
    ],
)
def test_strip_comments(language, content, expected):
    assert strip_comments(content, language) == expected


def test_aliases():
    assert canonical_language("py") == canonical_language("python3") == "python"
    assert canonical_language("sh") == canonical_language("shell") == "bash"
    assert canonical_language("ts title=x.ts") == "typescript"


def test_code_lines_drop_blank_and_comment_only_lines_and_keep_numbers():
    lines = code_lines("# 불러오기\nimport x   \n\nx.run()  # 실행\n", "python")
    assert [(line.number, line.code) for line in lines] == [(1, "import x"), (3, "x.run()")]


@pytest.mark.parametrize(
    ("info", "language"),
    [
        ("Python", "python"),
        ('python hl_lines="3"', "python"),
        ("{.python}", "python"),
        ("{.python .numberLines}", "python"),
        ('py title="x.py"', "python"),
        ("ts twoslash", "typescript"),
        ("console title=install", "console"),
        ("js [vite.config.js]", "javascript"),
        ("vue{3-5,12-15}", "vue"),
        ("ts:line-numbers {1}", "typescript"),
        ("md:line-numbers=2", "markdown"),
        ('sh frame="none"', "bash"),
        ('diff lang="js" {10-13}', "javascript"),
        ("diff", "diff"),
        ("JSON", "json"),
        ("TOML", "toml"),
        ("", ""),
    ],
)
def test_language_of_every_frameworks_info_string(info, language):
    assert canonical_language(info) == language


@pytest.mark.parametrize(
    ("language", "content", "expected"),
    [
        ("toml", 'name = "x#y"  # 이름', ['name = "x#y"  ']),
        ("json", '{"url": "https://x", // 주석\n"a": 1}', ['{"url": "https://x", ', '"a": 1}']),
        ("console", "// 디렉터리 만들기\n$ mkdir code  # 주석", ["", "$ mkdir code  "]),
        ("bash", "rsync a //host/share", ["rsync a //host/share"]),
        ("batch", "rem 추가\n:: 주석\nset X=1", ["", "", "set X=1"]),
        ("ini", "; 주석\nkey = a;b", ["", "key = a;b"]),
        ("text", "├─ docs   # 루트\n# Title\n// 주석", ["├─ docs", "# Title", ""]),
        (
            "vue",
            "<script setup>\n// 주석\nconst a = 1\n</script>\n<p>// kept</p>\n<!-- 주석 -->",
            ["<script setup>", "", "const a = 1", "</script>", "<p>// kept</p>", ""],
        ),
        (
            "astro",
            "---\n// 주석\nconst x = 1;\n---\n<style>\n/* 주석 */ a {}\n</style>",
            ["---", "", "const x = 1;", "---", "<style>", " a {}", "</style>"],
        ),
        (
            "markdown",
            "---\n# 주석\ntitle: x\n---\n# Heading",
            ["---", "", "title: x", "---", "# Heading"],
        ),
    ],
)
def test_strip_comments_of_more_languages(language, content, expected):
    assert strip_comments(content, language) == expected


def test_a_block_shifted_as_a_whole_is_the_same_code():
    source = code_lines("docs/\n├─ en/\n", "")
    shifted = code_lines(" docs/\n ├─ en/\n", "")
    assert [line.code for line in source] == [line.code for line in shifted]


def test_a_translated_string_stays_significant():
    source = code_lines('print("hello")  # greet\n', "python")
    translation = code_lines('print("안녕")  # 인사\n', "python")
    assert [line.code for line in source] != [line.code for line in translation]


MARKDOWN_EXAMPLE = """---
title: My page
template: splash
---
# Custom anchors {#my-anchor}

Text can be **bold**. You can [link to another page](/getting-started/).
Use `inline code`.

::: tip CUSTOM TITLE
A tip.
:::

{% aside type="caution" title="Watch out!" %}
A warning.
{% /aside %}

<Card title="Stars" icon="star">Content</Card>

```js
// say hi
console.log('hi')
```
"""


def test_a_markdown_example_is_compared_by_its_markup():
    translated = """---
title: Meine Seite
template: splash
---
# Eigene Anker {#my-anchor}

Text kann **fett** sein. Du kannst [auf eine andere Seite](/de/getting-started/)
verlinken. Nutze `inline code`.

::: tip EIGENER TITEL
Ein Tipp.
:::

{% aside type="caution" title="Aufgepasst!" %}
Eine Warnung.
{% /aside %}

<Card title="Sterne" icon="star">
  Inhalt
</Card>

```js
// sag hallo
console.log('hi')
```
"""
    assert [line.code for line in code_lines(translated, "md")] == [
        line.code for line in code_lines(MARKDOWN_EXAMPLE, "md")
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("{#my-anchor}", "{#mi-ancla}"),
        ("](/getting-started/)", "](/other/)"),
        ("`inline code`", "`código`"),
        ("::: tip", "::: consejo"),
        ('type="caution"', 'type="danger"'),
        ('icon="star"', 'icon="moon"'),
        ("console.log('hi')", "console.log('hola')"),
        ("template: splash", "plantilla: splash"),
    ],
)
def test_changed_markup_in_a_markdown_example_is_a_change(before, after):
    changed = MARKDOWN_EXAMPLE.replace(before, after)
    assert changed != MARKDOWN_EXAMPLE
    assert [line.code for line in code_lines(changed, "markdown")] != [
        line.code for line in code_lines(MARKDOWN_EXAMPLE, "markdown")
    ]


def test_an_untagged_block_of_shell_commands_has_shell_comments():
    source = code_lines("# .scss and .sass\nnpm install -D sass\n", "")
    translation = code_lines("# .scss 및 .sass\nnpm install -D sass\n", "")
    assert [line.code for line in source] == [line.code for line in translation]
    # elsewhere a ``#`` line may be a Markdown heading: it stays
    assert code_lines("# Title\nSome text\n", "")[0].code == "# Title"


def test_output_lines() -> None:
    assert output_lines(["a b", "c"], "text") == [True, True]
    assert output_lines(["npm run build"], "bash") == [False]
    assert output_lines(["[my-plugin] Starting…"], "bash") == [True]
    assert output_lines(["$ ls \\", "  -la", "file.txt"], "console") == [False, False, True]
    assert output_lines(["print('x')"], "python") == [False]
