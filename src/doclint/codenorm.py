"""Code as it is compared between a source page and its translation.

Translators may translate comments and nothing else in a code block. A block is
compared line by line after removing the comments of its language and trailing
space, and dropping the lines left blank. Strings are kept: a translated string
literal changes what the code does or prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

ALIASES = {
    "py": "python",
    "python3": "python",
    "py3": "python",
    "ipython": "python",
    "js": "javascript",
    "jsx": "javascript",
    "ts": "typescript",
    "tsx": "typescript",
    "yml": "yaml",
    "sh": "bash",
    "shell": "bash",
    "zsh": "bash",
    "c++": "cpp",
    "rs": "rust",
    "rb": "ruby",
    "md": "markdown",
}
HASH_ANYWHERE = {"python", "pycon", "r", "ruby", "perl", "toml", "dockerfile", "makefile", "ini"}
HASH_AFTER_SPACE = {"bash", "console", "yaml", "cmake", "powershell"}
SLASHES = {
    "javascript", "typescript", "java", "c", "cpp", "go", "rust", "kotlin", "swift", "scala",
    "jsonc", "json5", "csharp", "cs", "php", "dart", "css", "scss", "less",
}  # fmt: skip
DASHES = {"sql", "lua", "haskell"}
MARKUP = {"html", "xml", "svelte", "vue", "markdown", "mdx"}
TRIPLE_QUOTES = {"python", "pycon"}


def canonical_language(info: str) -> str:
    """The language of an info string, with common aliases folded (``py`` → ``python``)."""
    word = info.split(maxsplit=1)[0].lower() if info.strip() else ""
    word = word.strip("{}.")
    return ALIASES.get(word, word)


@dataclass(frozen=True, slots=True)
class CodeLine:
    number: int  # 0-based line within the block's content
    raw: str
    code: str  # comments removed, trailing space removed


def strip_comments(content: str, language: str) -> list[str]:
    """Each line of ``content`` with its comments removed (strings kept)."""
    if language in MARKUP:
        return _strip_markup_comments(content).split("\n")
    hash_rule = (
        "anywhere"
        if language in HASH_ANYWHERE
        else "space"
        if language in HASH_AFTER_SPACE
        else None
    )
    slashes = language in SLASHES
    dashes = language in DASHES
    if hash_rule is None and not slashes and not dashes:
        return content.split("\n")
    triple = language in TRIPLE_QUOTES
    backtick = language in ("javascript", "typescript", "bash", "go")
    out: list[str] = []
    current: list[str] = []
    quote = ""  # the open string's delimiter
    block_comment = False
    i = 0
    while i < len(content):
        char = content[i]
        if char == "\n":
            out.append("".join(current))
            current = []
            if len(quote) == 1 and quote != "`":
                quote = ""  # one-line strings end with their line
            i += 1
            continue
        if block_comment:
            if content.startswith("*/", i):
                block_comment = False
                i += 2
            else:
                i += 1
            continue
        if quote:
            current.append(char)
            if char == "\\" and i + 1 < len(content) and content[i + 1] != "\n":
                current.append(content[i + 1])
                i += 2
                continue
            if content.startswith(quote, i):
                current.extend(quote[1:])
                i += len(quote)
                quote = ""
                continue
            i += 1
            continue
        if triple and content.startswith(('"""', "'''"), i):
            quote = content[i : i + 3]
            current.append(quote)
            i += 3
            continue
        if char in "\"'" or (backtick and char == "`"):
            quote = char
            current.append(char)
            i += 1
            continue
        at_word_start = i == 0 or content[i - 1] in " \t\n"
        if char == "#" and (hash_rule == "anywhere" or (hash_rule == "space" and at_word_start)):
            i = _line_end(content, i)
            continue
        if slashes and content.startswith("//", i) and not content.startswith("://", i - 1):
            i = _line_end(content, i)
            continue
        if slashes and content.startswith("/*", i):
            block_comment = True
            i += 2
            continue
        if dashes and content.startswith("--", i):
            i = _line_end(content, i)
            continue
        current.append(char)
        i += 1
    out.append("".join(current))
    return out


def _line_end(content: str, start: int) -> int:
    end = content.find("\n", start)
    return len(content) if end < 0 else end


def _strip_markup_comments(content: str) -> str:
    """Remove ``<!-- … -->``, keeping the line breaks inside so lines still count."""
    parts = []
    pos = 0
    while True:
        start = content.find("<!--", pos)
        if start < 0:
            parts.append(content[pos:])
            return "".join(parts)
        end = content.find("-->", start)
        end = len(content) if end < 0 else end + 3
        parts.append(content[pos:start])
        parts.append("\n" * content.count("\n", start, end))
        pos = end


def code_lines(content: str, info: str) -> list[CodeLine]:
    """The lines that are compared: comments stripped, blank ones dropped."""
    return list(_code_lines(content, info))


# A source's code blocks are compared with each of its translations': strip them once.
@lru_cache(maxsize=1024)
def _code_lines(content: str, info: str) -> tuple[CodeLine, ...]:
    raw_lines = content.split("\n")
    stripped = strip_comments(content, canonical_language(info))
    return tuple(
        CodeLine(number, raw, code.rstrip())
        for number, (raw, code) in enumerate(zip(raw_lines, stripped))
        if code.strip()
    )
