"""Code as it is compared between a source page and its translation.

Translators may translate comments and nothing else in a code block. A block is
compared line by line after removing the comments of its language and trailing
space, and dropping the lines left blank. Strings are kept: a translated string
literal changes what the code does or prints. The language comes from the fence's
info string, whatever else a docs framework writes there. A diagram is compared by
its structure (see ``doclint.diagram``), a Markdown example by its markup (see
``doclint.markup``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from doclint.diagram import structure_lines
from doclint.markup import markup_lines
from doclint.pairing import is_language_tag

ALIASES = {
    "py": "python",
    "python3": "python",
    "py3": "python",
    "ipython": "python",
    "sage": "python",
    "js": "javascript",
    "jsx": "javascript",
    "mjs": "javascript",
    "cjs": "javascript",
    "node": "javascript",
    "ts": "typescript",
    "tsx": "typescript",
    "mts": "typescript",
    "cts": "typescript",
    "yml": "yaml",
    "sh": "bash",
    "shell": "bash",
    "zsh": "bash",
    "fish": "bash",
    "ksh": "bash",
    "shellscript": "bash",
    "shellsession": "console",
    "sh-session": "console",
    "terminal": "console",
    "ps1": "powershell",
    "pwsh": "powershell",
    "ps": "powershell",
    "bat": "batch",
    "cmd": "batch",
    "c++": "cpp",
    "cc": "cpp",
    "h": "c",
    "hpp": "cpp",
    "c#": "csharp",
    "cs": "csharp",
    "f#": "fsharp",
    "rs": "rust",
    "rb": "ruby",
    "kt": "kotlin",
    "kts": "kotlin",
    "golang": "go",
    "md": "markdown",
    "htm": "html",
    "xhtml": "html",
    "svg": "xml",
    "docker": "dockerfile",
    "containerfile": "dockerfile",
    "make": "makefile",
    "mk": "makefile",
    "tf": "hcl",
    "terraform": "hcl",
    "proto": "protobuf",
    "gql": "graphql",
    "env": "dotenv",
    "conf": "nginx",
    "jsonl": "json",
    "postgresql": "sql",
    "postgres": "sql",
    "psql": "sql",
    "mysql": "sql",
    "sqlite": "sql",
    "plsql": "sql",
    "tsql": "sql",
    "txt": "text",
    "plaintext": "text",
    "plain": "text",
    "none": "text",
    "output": "text",
}
HASH_ANYWHERE = {
    "python", "pycon", "r", "ruby", "perl", "toml", "dockerfile", "makefile", "ini", "nginx",
    "elixir", "graphql", "starlark", "properties", "dotenv", "gitignore", "julia", "tcl",
    "crystal", "nim", "coffeescript", "awk", "promql", "cmake", "hcl", "apache", "caddy",
}  # fmt: skip
HASH_AFTER_SPACE = {"bash", "console", "yaml", "powershell", "nix"}
SLASHES = {
    "javascript", "typescript", "java", "c", "cpp", "go", "rust", "kotlin", "swift", "scala",
    "json", "jsonc", "json5", "csharp", "fsharp", "php", "dart", "css", "scss", "less", "groovy",
    "gradle", "protobuf", "solidity", "zig", "objectivec", "hcl", "glsl", "wgsl", "hlsl",
    "cypher", "jsonnet", "prisma", "d", "v", "promql",
}  # fmt: skip
# Where ``//`` starts a line it can only be a note (FastAPI's terminal examples write
# their notes so); anywhere else it is part of an argument (``//host/share``).
SLASHES_AT_LINE_START = {"bash", "console", "powershell"}
DASHES = {"sql", "lua", "haskell", "elm", "ada", "vhdl", "purescript"}
SEMICOLONS = {"clojure", "lisp", "scheme", "elisp", "racket", "asm", "nasm", "ini"}
MARKUP = {"html", "xml", "svelte", "vue", "astro", "markdown", "mdx"}
# Languages whose indentation is not syntax: a re-indented line is the same code.
FREE_INDENTATION = (SLASHES - {"fsharp"}) | {
    "html", "xml", "svelte", "vue", "astro", "bash", "powershell", "sql", "lua", "ruby",
    "toml", "ini", "graphql", "dockerfile", "batch",
}  # fmt: skip
TRIPLE_QUOTES = {"python", "pycon"}
# Output, file trees and untagged blocks: only a trailing ``  # note`` or ``  // note``
# after something else on the line, or a line that is a ``//`` note, reads as a comment.
PLAIN = {"", "text", "diff", "ansi", "log"}
NOTE_RE = regex.compile(r"(?<=\S)[ \t]+(?:#|//)[ \t].*$|^[ \t]*//(?:[ \t].*)?$")
BATCH_NOTE_RE = regex.compile(r"^[ \t]*(?:@?rem(?:[ \t].*)?|::.*)$", regex.IGNORECASE)
# ``{.python}``, ``vue{3-5}``, ``ts:line-numbers``, ``js[vite.config.js]``: the language
# is the leading word of the info string.
INFO_WORD_RE = regex.compile(r"(?<![{.\s])[{.\s]*+([^\s{}:\[\]=\\\"',]+)")
LANG_ATTR_RE = regex.compile(r"""\blang=["']?([^"'\s}]+)""")


def canonical_language(info: str) -> str:
    """The language of an info string, with common aliases folded (``py`` → ``python``).

    Info strings carry more than the language in every docs framework
    (``python hl_lines="3"``, ``{.python}``, ``js [vite.config.js]``, ``vue{3-5}``,
    ``ts:line-numbers``, ``sh frame="none"``); the language is matched case-insensitively.
    Expressive Code's ``diff lang="js"`` is JavaScript with diff markers."""
    match = INFO_WORD_RE.match(info)
    word = match.group(1).lower() if match else ""
    if word == "diff":
        lang = LANG_ATTR_RE.search(info)
        if lang:
            word = lang.group(1).lower()
    return ALIASES.get(word, word)


@dataclass(frozen=True, slots=True)
class CodeLine:
    number: int  # 0-based line within the block's content
    raw: str
    code: str  # comments removed, trailing space removed


def strip_comments(content: str, language: str) -> list[str]:
    """Each line of ``content`` with its comments removed (strings kept)."""
    if language in MARKUP:
        return _strip_markup(content, language)
    if language in PLAIN or language == "mermaid":
        return [NOTE_RE.sub("", line) for line in content.split("\n")]
    if language == "batch":
        return ["" if BATCH_NOTE_RE.match(line) else line for line in content.split("\n")]
    return _strip_code(content, language)


def _strip_code(content: str, language: str) -> list[str]:
    hash_rule = (
        "anywhere"
        if language in HASH_ANYWHERE
        else "space"
        if language in HASH_AFTER_SPACE
        else None
    )
    slashes = language in SLASHES
    line_slashes = language in SLASHES_AT_LINE_START
    dashes = language in DASHES
    semicolons = language in SEMICOLONS
    markers = (
        (hash_rule is not None and "#" in content)
        or ((slashes or line_slashes) and "/" in content)
        or (dashes and "--" in content)
        or (semicolons and ";" in content)
    )
    if not markers:  # no comment can start anywhere: nothing to scan
        return content.split("\n")
    triple = language in TRIPLE_QUOTES
    backtick = language in ("javascript", "typescript", "bash", "go")
    out: list[str] = []
    current: list[str] = []
    quote = ""  # the open string's delimiter
    block_comment = False
    i = 0
    while i < len(content):
        # a run of characters that can neither start nor end anything is kept (or, in a
        # block comment, dropped) at once
        run = (
            _RUN_IN_COMMENT
            if block_comment
            else _RUN_IN_STRING[quote[0]]
            if quote
            else _RUN_IN_CODE
        ).match(content, i)
        if run is not None:
            if not block_comment:
                current.append(run.group())
            i = run.end()
            continue
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
        if line_slashes and content.startswith("//", i) and not "".join(current).strip():
            i = _line_end(content, i)
            continue
        if semicolons and char == ";" and (language != "ini" or not "".join(current).strip()):
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


# What ``_strip_code`` reads character by character: everything else it copies as is.
_RUN_IN_CODE = regex.compile(r"[^\n\"'`#/;\-]+")
_RUN_IN_STRING = {quote: regex.compile(rf"[^\n\\{quote}]+") for quote in "\"'`"}
_RUN_IN_COMMENT = regex.compile(r"[^\n*]+")


def _line_end(content: str, start: int) -> int:
    end = content.find("\n", start)
    return len(content) if end < 0 else end


def _strip_markup(content: str, language: str) -> list[str]:
    """Markup's own comments, and those of the code it embeds: ``<script>`` (and an Astro
    component's ``---`` script) is JavaScript, ``<style>`` CSS, a Markdown page's front
    matter YAML."""
    lines = _strip_markup_comments(content).split("\n")
    out: list[str] = []
    region: list[str] = []
    embedded = ""  # the language of the region being collected
    closer: regex.Pattern | None = None
    for number, line in enumerate(lines):
        if embedded:
            if closer is not None and closer.match(line):
                out.extend(_strip_code("\n".join(region), embedded))
                out.append(line)
                region, embedded, closer = [], "", None
            else:
                region.append(line)
            continue
        out.append(line)
        opener = _embedded_opener(line, language, first=number == 0)
        if opener is not None:
            embedded, closer = opener
    if embedded:
        out.extend(_strip_code("\n".join(region), embedded))
    return out


SCRIPT_OPEN_RE = regex.compile(r"^\s*<script\b[^>]*>\s*$", regex.IGNORECASE)
SCRIPT_CLOSE_RE = regex.compile(r"^\s*</script>", regex.IGNORECASE)
STYLE_OPEN_RE = regex.compile(r"^\s*<style\b[^>]*>\s*$", regex.IGNORECASE)
STYLE_CLOSE_RE = regex.compile(r"^\s*</style>", regex.IGNORECASE)
FRONT_MATTER_RE = regex.compile(r"^---\s*$")


def _embedded_opener(line: str, language: str, first: bool) -> tuple[str, regex.Pattern] | None:
    """The language and closing line of a code region that ``line`` opens, if any."""
    if first and FRONT_MATTER_RE.match(line):
        if language == "astro":
            return "typescript", FRONT_MATTER_RE
        if language in ("markdown", "mdx"):
            return "yaml", FRONT_MATTER_RE
    if language in ("markdown", "mdx", "xml"):
        return None
    if SCRIPT_OPEN_RE.match(line):
        return "typescript", SCRIPT_CLOSE_RE
    if STYLE_OPEN_RE.match(line):
        return "css", STYLE_CLOSE_RE
    return None


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


DIAGRAMS = {"mermaid"}
MARKDOWN_EXAMPLES = {"markdown", "mdx", "markdoc"}


def comparable_lines(content: str, language: str) -> list[str]:
    """Each line of ``content`` as it is compared: without comments; for a diagram,
    reduced to its structure and for a Markdown example to its markup (labels and
    prose are translated)."""
    if language in DIAGRAMS:
        return structure_lines(content)
    if language in MARKDOWN_EXAMPLES:
        return markup_lines(_strip_markup_comments(content), _example_code)
    return strip_comments(content, language)


def _example_code(content: str, info: str) -> list[str]:
    return [line.strip() for line in comparable_lines(content, canonical_language(info))]


# An untagged block whose commands are a shell's is read as shell, so its ``# notes``
# are comments; in any other untagged block a ``#`` line may be a Markdown heading.
SHELL_COMMAND_RE = regex.compile(
    r"^\s*(?:\$|>|npm|npx|pnpm|yarn|bun|bunx|deno|pip|pip3|uv|uvx|conda|git|cd|docker|"
    r"kubectl|helm|curl|wget|brew|apt|apt-get|sudo|export|python|python3|go|cargo|make)\s"
)


def _untagged_language(content: str) -> str:
    lines = [line for line in content.split("\n") if line.strip()]
    commands = [line for line in lines if not line.lstrip().startswith("#")]
    if commands and all(SHELL_COMMAND_RE.match(line) for line in commands):
        return "bash"
    return ""


def block_language(content: str, info: str) -> str:
    """The language a block's code is compared in: its info string's, or for an
    untagged block of shell commands, shell."""
    return canonical_language(info) or _untagged_language(content)


def code_lines(content: str, info: str) -> list[CodeLine]:
    """The lines that are compared: comments stripped, blank ones dropped."""
    return list(_code_lines(content, info))


# A source's code blocks are compared with each of its translations': strip them once.
@lru_cache(maxsize=1024)
def _code_lines(content: str, info: str) -> tuple[CodeLine, ...]:
    raw_lines = content.split("\n")
    language = block_language(content, info)
    stripped = [line.rstrip() for line in comparable_lines(content, language)]
    # A block shifted as a whole (every line one space in) is the same code, and so
    # is one indented otherwise where indentation means nothing.
    margin = min((len(line) - len(line.lstrip()) for line in stripped if line), default=0)
    free = language in FREE_INDENTATION
    if language in PLAIN:
        # output, file trees, text diagrams: their columns are laid out for the eye, and
        # a translation lays them out again around its own labels
        stripped = [COLUMN_GAP_RE.sub(" ", line) for line in stripped]
    return tuple(
        CodeLine(number, raw, code.lstrip() if free else code[margin:])
        for number, (raw, code) in enumerate(zip(raw_lines, stripped))
        if code.strip()
    )


COLUMN_GAP_RE = regex.compile(r"(?<=\S)[ \t]{2,}+(?=\S)")


# A string literal on one line: "…", '…' or `…`.
STRING_RE = regex.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\\n]|\\.)*`""")
# words, letters of any script, or one capitalised word, maybe exclaimed (``'Guide'``,
# ``'Sterne'``, ``'Highlighted!'``)
TEXT_RE = regex.compile(r"\s|[^\x00-\x7f]|^\p{Lu}\p{Ll}+[!?.…]*$")
NOT_TEXT_RE = regex.compile(r"://|^[./~]|^[\w.-]+/[\w./-]*$|^<[^>]*>$")  # URLs, paths
# A YAML value written without quotes (``title: Simple and minimal, always``).
YAML_VALUE_RE = regex.compile(
    r"^([ \t]*+(?:-[ \t]++)?[\w.-]++:[ \t]++)([^\s'\"{\[|>&*!#%@`][^#]*+)$"
)
# An output line's trailing remark in parentheses (``index.html  (accessible as /)``).
PLAIN_REMARK_RE = regex.compile(r"(?<=[ \t])[(（]([^()（）\n]*+)[)）][ \t]*+$")


# Text between two tags of markup: ``<h1>Custom Layout!</h1>``, ``<p>Hi {name}</p>``
# (an expression in it is code and stays).
MARKUP_TEXT_RE = regex.compile(r"(?:(?<=>)|^)[^<>\n]++(?=<|$)")
EXPRESSION_RE = regex.compile(r"\{\{[^{}\n]*+\}\}|\{[^{}\n]*+\}")
# A markup line of text alone, outside any tag (``# Our Team`` in an HTML example).
MARKUP_TEXT_LINE_RE = regex.compile(r"^[^<>{}=;:()\[\]`'\"]+$")
LETTERS_RE = regex.compile(r"\p{L}{2}")
CODE_CHARS_RE = regex.compile(r"[(){};=\[\]'\"`]|=>")
# Two words of letters: prose, not an expression (``{{ 1 + 1 }}``, ``{ props.title }``).
WORDS_RE = regex.compile(r"(?<!\p{L})\p{L}{2,}+[ \t]++\p{L}{2}|[^\x00-\x7f]")
# A locale in code: a quoted tag (``'en'``, ``"zh-CN"``), a key at the start of a line
# (``zh: {``), a path segment (``/ko/``), a key's whole value written without quotes
# (``lang: en-US``). An example configured for the reader's locale names theirs where
# the source names its own.
LOCALE_RE = regex.compile(
    r"""(?<![\w\\])(?P<quote>['"`])(?P<quoted>[a-zA-Z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)(?P=quote)"""
    r"""|^(?P<prefix>[ \t]*+(?:-[ \t]++)?[\w.-]++:[ \t]++)"""
    r"""(?P<value>[a-zA-Z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)(?=[ \t]*+$)"""
    r"""|^(?P<indent>[ \t]*+)(?P<key>[a-zA-Z]{2,3}(?:-[A-Za-z0-9]{2,4})?)(?=[ \t]*+:(?!:))"""
    r"""|(?<![\w.@-])(?P<segment>[a-z]{2,3}(?:-[A-Za-z0-9]{2,4})?)(?=/)"""
)


SHELLS = {"bash", "console", "powershell"}
PROMPT_RE = regex.compile(r"^[ \t]*+(?:\$|>|PS[^>\n]*+>|[\w@.:~/-]*+[$#%][ \t])")
# A log line's tag (``[INFO]``, ``[my-plugin]``): output, never a command (the ``[``
# test command is followed by a space).
LOG_TAG_RE = regex.compile(r"^[ \t]*+\[[^\]\s][^\]\n]*+\][ \t]")


def output_lines(lines: list[str], language: str) -> list[bool]:
    """For each line of a block's code, whether it is output, not code: every line of
    output or text (an untagged block that is not commands); in a shell block with
    prompts, a line without one that continues no command; in any shell block, a log
    line (``[my-plugin] Starting…``)."""
    if language in PLAIN:
        return [True] * len(lines)
    if language not in SHELLS:
        return [False] * len(lines)
    prompted = any(PROMPT_RE.match(line) for line in lines)
    output: list[bool] = []
    continued = False
    for line in lines:
        command = not LOG_TAG_RE.match(line) and (
            not prompted or continued or PROMPT_RE.match(line) is not None
        )
        output.append(not command)
        continued = command and line.rstrip().endswith(("\\", "`", "^"))
    return output


def locales_masked(code: str) -> str:
    """``code`` with each locale written as a quoted tag, a leading key or a path
    segment replaced by ``‹lang›``."""

    def mask(match: regex.Match) -> str:
        tag = (
            match.group("quoted")
            or match.group("key")
            or match.group("segment")
            or match.group("value")
        )
        if not is_language_tag(tag.lower()):
            return match.group(0)
        # quoted or not: ``'zh-cn': {`` and ``en: {`` are one key
        return (match.group("indent") or match.group("prefix") or "") + "‹lang›"

    return LOCALE_RE.sub(mask, code)


def _reads_as_text(value: str) -> bool:
    value = value.strip()
    return bool(TEXT_RE.search(value)) and not NOT_TEXT_RE.search(value)


def _between_tags(match: regex.Match) -> str:
    text = match.group(0)
    return _text_run(text) or text


def _text_run(text: str) -> str:
    """``…`` and the expressions of a run of markup text that reads as text, else ``""``:
    code (``a > b) {``, ``x => x.name)``) is no text."""
    words = EXPRESSION_RE.sub(" ", text)
    if CODE_CHARS_RE.search(words) or not LETTERS_RE.search(words):
        return ""
    if not TEXT_RE.search(words.strip()):
        return ""
    return "…" + "…".join(EXPRESSION_RE.findall(text))


def text_strings_masked(code: str, markup: bool = False, language: str = "") -> str:
    """``code`` with each string literal that reads as text replaced by ``"…"``; in
    ``markup`` (HTML, Vue, Svelte…) each text between tags that reads as text; in YAML
    each unquoted value that reads as text; in output a trailing remark in words."""

    def mask(match: regex.Match) -> str:
        return '"…"' if _reads_as_text(match.group(0)[1:-1]) else match.group(0)

    if markup and ">" in code:
        code = MARKUP_TEXT_RE.sub(_between_tags, code)
    elif markup and MARKUP_TEXT_LINE_RE.match(code) and LETTERS_RE.search(code):
        return "…"
    elif markup and "{" in code and WORDS_RE.search(EXPRESSION_RE.sub(" ", code)):
        # text around an interpolation: ``The count is: {{ count }}``
        return _text_run(code.strip()) or code
    elif language == "yaml":
        value = YAML_VALUE_RE.match(code)
        if value and _reads_as_text(value.group(2)):
            return value.group(1) + '"…"'
    elif language in PLAIN and WORDS_RE.search(code):
        code = PLAIN_REMARK_RE.sub(
            lambda m: "(…)" if WORDS_RE.search(m.group(1)) else m.group(0), code
        )
    return STRING_RE.sub(mask, code) if ('"' in code or "'" in code or "`" in code) else code
