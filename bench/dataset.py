"""The benchmark's archive: ten years of notices with activity plans, built through the services.

Built once per data-set version and schema revision into the cache directory
(``$UNIONOFFICE_BENCH_CACHE`` or the user cache dir), then copied for each run so that runs
which write (numbering, import) never change the cached file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path

from bench import texts
from bench.progress import Progress
from unionoffice.domain.notice import NoticeData, NoticeStatus
from unionoffice.storage import migrations
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.organs import OrganService

# Change when the generated content changes, so a stale cached archive is rebuilt.
DATASET_VERSION = 1
FIRST_YEAR, LAST_YEAR = 2017, 2026
BATCH = 250  # notices per transaction while building
SEED = 20260511


@dataclass(frozen=True)
class DatasetSpec:
    """How big the archive is."""

    name: str
    notices: int
    activities: int

    @property
    def file_name(self) -> str:
        return (
            f"archive-v{DATASET_VERSION}-schema{migrations.head_revision()}-{schema_digest()}-"
            f"{self.notices}n-{self.activities}a.sqlite"
        )


def schema_digest() -> str:
    """A short hash of the migration scripts: an edited migration means a new archive."""
    digest = hashlib.sha256()
    for script in sorted((migrations.SCRIPT_LOCATION / "versions").glob("*.py")):
        digest.update(script.read_bytes())
    return digest.hexdigest()[:8]


LARGE = DatasetSpec("large", 10_000, 100_000)
QUICK = DatasetSpec("quick", 1_000, 10_000)


def cache_dir() -> Path:
    override = os.environ.get("UNIONOFFICE_BENCH_CACHE")
    return Path(override) if override else user_cache_path("unionoffice-bench", appauthor=False)


def ensure_dataset(spec: DatasetSpec, *, rebuild: bool = False) -> Path:
    """The cached archive for ``spec``, built first if it is missing (or ``rebuild``)."""
    path = cache_dir() / spec.file_name
    if path.exists() and not rebuild:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    build(partial, spec)
    _compact(partial)
    partial.replace(path)
    print(
        f"built {spec.name} archive ({spec.notices:,} notices, {spec.activities:,} activities) "
        f"in {time.perf_counter() - started:.0f} s: {path}",
        flush=True,
    )
    return path


def working_copy(source: Path, folder: Path, name: str = "archive.sqlite") -> Path:
    """A private copy of the cached archive for one measurement."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    for old in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        old.unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def build(path: Path, spec: DatasetSpec) -> None:
    """Fill a new database at ``path`` with ``spec``'s archive, through the services."""
    db = Database(path)
    try:
        OrganService(db).create_organ(
            texts.ORGAN,
            header_text="青海省总工会办公室文件",
            default_recipients=texts.RECIPIENTS,
            series_codes=texts.SERIES,
            departments=texts.DEPARTMENTS,
        )
        service = NoticeService(db)
        progress = Progress(spec.notices, "notices")
        batch: list[NoticeData] = []
        for data in generate(spec):
            batch.append(data)
            if len(batch) == BATCH:
                service.create_many(batch)
                progress.advance(len(batch))
                batch = []
        if batch:
            service.create_many(batch)
            progress.advance(len(batch))
        progress.done()
    finally:
        db.dispose()


def generate(spec: DatasetSpec) -> Iterator[NoticeData]:
    """The archive's notices, year by year, numbered in each series in date order."""
    rng = random.Random(SEED)
    years = list(range(FIRST_YEAR, LAST_YEAR + 1))
    counts = activity_counts(rng, spec.notices, spec.activities)
    per_year = [
        spec.notices // len(years) + (i < spec.notices % len(years)) for i in range(len(years))
    ]
    index = 0
    for year, notices in zip(years, per_year, strict=True):
        days = sorted(rng.randrange(0, 360) for _ in range(notices))
        numbers = dict.fromkeys(texts.SERIES, 0)
        for day in days:
            series = rng.choices(texts.SERIES, texts.SERIES_WEIGHTS)[0]
            draft = rng.random() < 0.02
            if not draft:
                numbers[series] += 1
            date = dt.date(year, 1, 1) + dt.timedelta(days=day)
            data = texts.notice(
                rng, series, year, None if draft else numbers[series], date, counts[index]
            )
            if not draft and rng.random() < 0.6:
                data.status = NoticeStatus.ISSUED
            index += 1
            yield data


def activity_counts(rng: random.Random, notices: int, activities: int) -> list[int]:
    """How many activities each notice has: a quarter have none, the rest a plan of 2-25."""
    counts = [0 if rng.random() < 0.25 else rng.randint(2, 25) for _ in range(notices)]
    planned = [i for i, c in enumerate(counts) if c] or list(range(notices))
    difference = activities - sum(counts)
    while difference:
        i = rng.choice(planned)
        step = 1 if difference > 0 else -1
        if counts[i] + step >= 1 or step > 0:
            counts[i] += step
            difference -= step
    return counts


def _compact(path: Path) -> None:
    """Fold the WAL into the file, so a plain file copy is the whole database.

    Nothing else (no ANALYZE, no index optimisation): the archive is what a clerk's program
    would have written.
    """
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
