"""Text that doclint quotes from pages and file names, made safe to print.

A page can hold anything, escape sequences included (``\\x1b]52;…`` rewrites the
clipboard, ``\\x1b[2J`` clears the screen), and a file name can too. Everything the
text output and standard error quote goes through ``printable``: control characters
and bidirectional overrides are shown as ``\\x1b``/``\\u202e`` escapes, not obeyed.
"""

from __future__ import annotations

import regex

# C0 controls but tab, DEL, C1 controls, and the bidi embeddings, overrides and isolates
# that reorder what a terminal shows.
_UNSAFE = regex.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escaped(match: regex.Match) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    return _UNSAFE.sub(_escaped, text)
