"""Pages are untrusted: what doclint prints of them cannot drive a terminal or a CI
runner, and nothing in a page is evaluated, imported or fetched."""

from __future__ import annotations

import ast
import json
from pathlib import Path
from urllib.parse import quote

import doclint
from doclint.terminal import printable

from .conftest import run_cli as run
from .conftest import write

SRC = Path(doclint.__file__).parent
HOSTILE = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\u202egnp.exe"


def hostile_tree(root: Path) -> None:
    write(
        root,
        {
            "docs/en/a.md": "# A\n\nSee [x](#x).\n",
            # a broken link whose (percent-encoded) fragment carries escape sequences,
            # a line break and a workflow command; messages quote the decoded fragment
            "docs/ko/a.md": f"# 가[[a]]\n\n[x](#{quote(HOSTILE)}%0A::error::pwned)\n",
        },
    )


def test_text_output_shows_control_characters_escaped(isolated, capsys):
    hostile_tree(isolated)
    _, out, err = run(capsys, "check", "docs/ko", "--select", "anchor")
    assert "broken-anchor" in out
    for character in ("\x1b", "\x07", "\u202e"):
        assert character not in out and character not in err
    assert "\\x1b]52" in out


def test_github_annotations_cannot_start_a_command(isolated, capsys):
    hostile_tree(isolated)
    _, out, _ = run(capsys, "check", "docs/ko", "--select", "anchor", "--format", "github")
    lines = out.splitlines()
    # one annotation, on one line: the page's line break cannot start a second command
    assert len(lines) == 1 and lines[0].startswith("::error file=docs/ko/a.md,")
    assert "%0A::error::pwned" in lines[0]
    assert "\x1b" not in out and "\\x1b]52" in out


def test_json_and_sarif_keep_the_text_exactly(isolated, capsys):
    hostile_tree(isolated)
    _, out, _ = run(capsys, "check", "docs/ko", "--select", "anchor", "--format", "json")
    assert "\x1b" not in out  # JSON escapes control characters, and keeps them
    assert HOSTILE in json.loads(out)["findings"][0]["message"]
    _, out, _ = run(capsys, "check", "docs/ko", "--select", "anchor", "--format", "sarif")
    assert "\x1b" not in out
    assert HOSTILE in json.loads(out)["runs"][0]["results"][0]["message"]["text"]


def test_printable_escapes_controls_and_bidi_overrides():
    assert printable("a\x1b[31mb\tc\u202ed\x9b") == "a\\x1b[31mb\tc\\u202ed\\x9b"
    assert printable("한국어 text") == "한국어 text"


def _calls(tree: ast.AST) -> list[str]:
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name):
                names.append(function.id)
            elif isinstance(function, ast.Attribute):
                names.append(function.attr)
    return names


def test_no_eval_no_unsafe_yaml_no_network_in_the_code():
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        calls = _calls(ast.parse(text))
        assert not {"eval", "exec", "__import__", "unsafe_load", "full_load"} & set(calls), path
        for module in ("urllib.request", "http.client", "requests", "socket", "httpx"):
            assert f"import {module}" not in text and f"from {module}" not in text, path
        # every YAML load goes through the safe loader
        if "yaml.load(" in text:
            assert "SafeLoader" in text, path


def test_imports_only_come_from_the_package_and_entry_points():
    """``import_module`` is called with doclint's own modules (rule and reporter
    discovery) or an installed entry point, never with a name from a page or config."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module":
                argument = ast.unparse(node.args[0])
                assert "__name__" in argument or "__path__" in argument or "doclint" in argument, (
                    path,
                    argument,
                )
