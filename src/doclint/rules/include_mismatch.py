"""An include, snippet or import that differs from the source's.

Includes pull other files into the page: FastAPI's ``{* ../../docs_src/x.py hl[3] *}``,
pymdown's ``--8<-- "file.md"``, MDX ``import Tabs from '@theme/Tabs'``. They are not
prose: a translation keeps them exactly. A changed path shows another example (or
breaks the build), changed options highlight other lines, a dropped one loses the
example, and a dropped import breaks every component that needed it.

An import names the same module however the translation, which sits in another
folder, has to reach it: ``'../../components/x.astro'`` and ``'../../../components/x.astro'``,
``'!!raw-loader!/docs/a/raw.dart'`` and ``'./a/raw.dart'`` are one file; and
``{ A, }`` is ``{ A }``. The title a VitePress snippet shows (``<<< @/x.js [title]``)
may be translated, and a snippet may name the translation's own copy of a file, in a
folder named for its language (``<<< @/ru/components/x.vue`` for
``<<< @/components/x.vue``).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from doclint.document import Directive
from doclint.finding import Problem
from doclint.page import Page
from doclint.rules._directives import compare_directives

CODE = "DL308"
NAME = "include-mismatch"
CATEGORY = "code"
SEVERITY = "error"

NAMES = frozenset({"include", "import"})


IMPORT_RE = regex.compile(
    r"""^import\s+(?P<names>.*?)\s*(?:\bfrom\s*)?(?P<q>["'])(?P<module>[^"']*)(?P=q)"""
)
LABEL_RE = regex.compile(r"[ \t]+\[[^\]\n]*\][ \t]*$")
LOADER_RE = regex.compile(r"^(?:!*[\w-]+!)+")  # webpack loaders: ``!!raw-loader!``


def _text(directive: Directive) -> str:
    return directive.argument  # the whole statement, as the page writes it


def _key(directive: Directive, language: str = "") -> object:
    if directive.name != "import":
        # a snippet's title is shown to readers: ``<<< @/x.js#region [título]``
        argument = LABEL_RE.sub("", directive.argument)
        if language:
            # the translation's own copy of the file: ``<<< @/ru/components/x.vue``
            argument = regex.sub(
                rf"(?<=/){regex.escape(language)}/", "", argument, flags=regex.IGNORECASE
            )
        return argument
    match = IMPORT_RE.match(directive.argument)
    if match is None:
        return directive.argument
    names = regex.sub(r",(?=\s*})|\s+", "", match.group("names"))
    module = LOADER_RE.sub("", match.group("module"))
    parts = [part for part in module.split("/") if part not in ("", ".", "..")]
    return names, _Module(tuple(parts), module.startswith((".", "/")))


class _Module:
    """A module path; two relative (or site-absolute) ones are the same module when one
    ends with the other, folder by folder."""

    __slots__ = ("local", "parts")

    def __init__(self, parts: tuple[str, ...], local: bool) -> None:
        self.parts, self.local = parts, local

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Module):
            return NotImplemented
        if not (self.local and other.local):
            return self.parts == other.parts
        shorter, longer = sorted((self.parts, other.parts), key=len)
        return bool(shorter) and longer[len(longer) - len(shorter) :] == shorter

    __hash__ = None  # equality is not transitive enough to hash


def check(page: Page, options: dict) -> Iterator[Problem]:
    yield from compare_directives(page, NAMES, _text, lambda d: _key(d, page.language))
