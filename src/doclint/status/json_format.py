"""One entry per page and totals per language; no timestamps."""

from __future__ import annotations

import json

from doclint.status import Status

VERSION = 1


def render(status: Status) -> str:
    document = {
        "version": VERSION,
        "since": status.since,
        "pages": [page.to_dict() for language in status.languages for page in language.pages],
        "languages": {
            language.language: {"pages": language.totals, "findings": language.findings}
            for language in status.languages
        },
        "notes": status.notes,
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
