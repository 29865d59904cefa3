"""Comment removal per language: translated comments are not code changes."""

from __future__ import annotations

import pytest

from doclint.codenorm import canonical_language, code_lines, strip_comments


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
