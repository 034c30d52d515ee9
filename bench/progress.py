"""A progress bar on stderr: redrawn in place on a terminal, a line per tenth otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    """Counts work done out of ``total`` and shows rate and time left."""

    def __init__(self, total: int, unit: str, stream: TextIO | None = None) -> None:
        self.total = max(1, total)
        self.unit = unit
        self.done_count = 0
        self.stream = stream or sys.stderr
        self.started = time.perf_counter()
        self._tty = self.stream.isatty()
        self._last_tenth = -1

    def advance(self, step: int = 1) -> None:
        self.done_count = min(self.total, self.done_count + step)
        tenth = self.done_count * 10 // self.total
        if self._tty:
            self.stream.write("\r" + self._line())
            self.stream.flush()
        elif tenth != self._last_tenth:
            self.stream.write(self._line() + "\n")
            self.stream.flush()
        self._last_tenth = tenth

    def done(self) -> None:
        if self._tty:
            self.stream.write("\r" + self._line() + "\n")
            self.stream.flush()

    def _line(self) -> str:
        elapsed = time.perf_counter() - self.started
        fraction = self.done_count / self.total
        filled = int(WIDTH * fraction)
        rate = self.done_count / elapsed if elapsed > 0 else 0.0
        left = (self.total - self.done_count) / rate if rate > 0 else 0.0
        bar = "█" * filled + "·" * (WIDTH - filled)
        return (
            f"[{bar}] {fraction:4.0%} {self.done_count:,}/{self.total:,} {self.unit} "
            f"{elapsed:5.0f} s, {left:4.0f} s left"
        )
