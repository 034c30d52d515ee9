"""One benchmark figure: samples, the floor measured beside it, the target, and the verdict."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Target:
    """What the figure must reach: an absolute limit, a ratio to the floor, or both.

    ``higher_is_better`` turns the limit into a minimum (throughput).
    """

    limit: float | None = None
    ratio: float | None = None
    higher_is_better: bool = False
    text: str = ""

    def describe(self, unit: str) -> str:
        if self.text:
            return self.text
        parts = []
        if self.limit is not None:
            sign = "≥" if self.higher_is_better else "≤"
            parts.append(f"{sign} {self.limit:g} {unit}")
        if self.ratio is not None:
            parts.append(f"≤ {self.ratio:g}× floor")
        return ", ".join(parts) or "reported"


@dataclass
class Result:
    """One row of the table. ``samples`` and ``floor_samples`` are in ``unit``."""

    key: str
    label: str
    unit: str
    samples: list[float] = field(default_factory=list)
    floor_label: str = ""
    floor_samples: list[float] = field(default_factory=list)
    target: Target = field(default_factory=Target)
    note: str = ""
    skipped: str = ""  # why the figure could not be taken (a module missing …)

    @property
    def value(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def floor(self) -> float | None:
        return statistics.median(self.floor_samples) if self.floor_samples else None

    @property
    def ratio(self) -> float | None:
        value, floor = self.value, self.floor
        if value is None or not floor:
            return None
        return value / floor

    @property
    def met(self) -> bool | None:
        """Whether every part of the target holds; None when there is nothing to judge."""
        value = self.value
        if value is None or (self.target.limit is None and self.target.ratio is None):
            return None
        ok = True
        if self.target.limit is not None:
            if self.target.higher_is_better:
                ok = ok and value >= self.target.limit
            else:
                ok = ok and value <= self.target.limit
        if self.target.ratio is not None and self.ratio is not None:
            ok = ok and self.ratio <= self.target.ratio
        return ok

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            value=self.value,
            floor=self.floor,
            ratio=self.ratio,
            met=self.met,
            target_text=self.target.describe(self.unit),
        )
        return data


def sample_ms(work: Callable[[], object], runs: int, warmup: int = 1) -> list[float]:
    """``runs`` timings of ``work`` in milliseconds, after ``warmup`` untimed calls."""
    for _ in range(warmup):
        work()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def interleaved_ms(
    work: Callable[[], object], floor: Callable[[], object], runs: int, warmup: int = 1
) -> tuple[list[float], list[float]]:
    """Timings of ``work`` and of its ``floor``, taken in turn so both see the same machine."""
    for _ in range(warmup):
        work()
        floor()
    samples: list[float] = []
    floor_samples: list[float] = []
    for _ in range(runs):
        for target, call in ((samples, work), (floor_samples, floor)):
            started = time.perf_counter()
            call()
            target.append((time.perf_counter() - started) * 1000)
    return samples, floor_samples
