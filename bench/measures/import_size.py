"""Import time against a notice's size: one .txt notice of 0.1, 1, 5 and 19 MB (just under the
importer's 20 MB limit), each into a new database. The floor is reading and decoding the same
file. A last row compares the cost per MB of the largest with that of the 1 MB file: import
must grow no faster than the size (target: ≤ 1.5 times)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from bench import texts
from bench.results import Result, Target, interleaved_ms

SIZES_MB = (0.1, 1.0, 5.0, 19.0)
QUICK_SIZES_MB = (0.1, 1.0, 5.0)
MAX_GROWTH = 1.5


def _notice_of(size_mb: float, folder: Path) -> Path:
    """A plan notice of about ``size_mb`` MB (UTF-8), its items realistic and all different."""
    rng = random.Random(int(size_mb * 1000))
    wanted = int(size_mb * 1024 * 1024)
    sample = texts.notice(rng, "青总办", 2021, 15, dt.date(2021, 3, 1), 100)
    per_item = len(texts.notice_text(sample).encode("utf-8")) / 100
    count = max(1, int(wanted / per_item))
    data = texts.notice(rng, "青总办", 2021, 15, dt.date(2021, 3, 1), count)
    path = folder / f"notice-{size_mb:g}MB.txt"
    text = texts.notice_text(data)
    path.write_text(text, encoding="utf-8")
    return path


def measure(work_dir: Path, runs: int, sizes: tuple[float, ...] = SIZES_MB) -> list[Result]:
    from unionoffice.importing.reading import read_document
    from unionoffice.importing.service import import_file
    from unionoffice.storage.database import Database

    folder = work_dir / "import-sizes"
    folder.mkdir(parents=True, exist_ok=True)
    results: list[Result] = []
    per_mb: dict[float, float] = {}
    for size in sizes:
        path = _notice_of(size, folder)
        megabytes = path.stat().st_size / 1024 / 1024
        counter = iter(range(1_000_000))
        outcome: list[str] = []

        def run(path: Path = path, counter=counter, outcome=outcome) -> None:  # type: ignore[no-untyped-def]
            db = Database(work_dir / f"size-{path.stem}-{next(counter)}.sqlite")
            try:
                result = import_file(db, path)
            finally:
                db.dispose()
            outcome.append(f"{result.status}{result.error or ''}")

        def floor(path: Path = path) -> None:
            read_document(path)

        size_runs = runs if size <= 1 else 1
        samples, floors = interleaved_ms(run, floor, size_runs, warmup=0)
        result = Result(
            f"import_size_{size:g}mb",
            f"Import of one {megabytes:.1f} MB notice (.txt)",
            "ms",
            samples,
            "read and decode only",
            floors,
            Target(text="reported"),
            note=f"{outcome[-1]}; {_median(samples) / megabytes:,.0f} ms per MB",
        )
        per_mb[size] = _median(samples) / megabytes
        results.append(result)
    growth = per_mb[sizes[-1]] / per_mb[1.0]
    results.append(
        Result(
            "import_size_growth",
            f"… cost per MB at {sizes[-1]:g} MB over cost per MB at 1 MB",
            "×",
            [growth],
            "",
            [],
            Target(limit=MAX_GROWTH),
            note="1.0 = import time grows exactly as the size",
        )
    )
    return results


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]
