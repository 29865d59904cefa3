"""Progress of a run on standard error: pages done of the total, and the time taken.

Shown only on a terminal and only once a run has taken more than ``DELAY`` seconds,
so quick runs, pipes, CI logs and the machine formats never see it. tqdm draws it:
small, pure Python, widely used, and its ``delay`` does exactly the "only if slow".
"""

from __future__ import annotations

import sys
from typing import Any, Protocol, TextIO

DELAY = 1.0  # seconds before the bar first appears


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, count: int = 1) -> None: ...
    def close(self) -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self, count: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


class TerminalProgress:
    def __init__(self, stream: TextIO, delay: float = DELAY) -> None:
        self.stream = stream
        self.delay = delay
        self._bar: Any = None

    def start(self, total: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(
            total=total,
            file=self.stream,
            delay=self.delay,
            unit="page",
            leave=False,  # the summary line says what the run did
            dynamic_ncols=True,
            bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} pages [{elapsed}]",
            desc="doclint",
        )

    def advance(self, count: int = 1) -> None:
        if self._bar is not None:
            self._bar.update(count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_for(enabled: bool, stream: TextIO | None = None) -> Progress:
    """A progress bar on ``stream`` (standard error) when ``enabled`` and it is a
    terminal; otherwise one that shows nothing."""
    stream = stream or sys.stderr
    isatty = getattr(stream, "isatty", None)
    if enabled and isatty is not None and isatty():
        return TerminalProgress(stream)
    return NoProgress()
