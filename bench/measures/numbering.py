"""文号 allocation throughput on the archive: one transaction per number, as clerks take them.

The floor does the same work in plain sqlite3 on the same file and pragmas: BEGIN IMMEDIATE,
the highest number of the series and year, one INSERT into the register, COMMIT.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from bench.results import Result, Target
from unionoffice.storage.database import BUSY_TIMEOUT_MS, Database
from unionoffice.storage.services.numbering import NumberingService

SERIES = "青总办"
PER_RUN = 200


def _service_run(db: Database, year: int) -> float:
    service = NumberingService(db)
    started = time.perf_counter()
    for _ in range(PER_RUN):
        service.allocate(SERIES, year)
    return (time.perf_counter() - started) * 1000 / PER_RUN


def _floor_run(connection: sqlite3.Connection, series_id: int, year: int) -> float:
    started = time.perf_counter()
    for _ in range(PER_RUN):
        connection.execute("BEGIN IMMEDIATE")
        highest = connection.execute(
            "SELECT max(number) FROM register_entries WHERE series_id = ? AND year = ?",
            (series_id, year),
        ).fetchone()[0]
        connection.execute(
            "INSERT INTO register_entries (series_id, year, number, title, manual, voided, "
            "void_reason, allocated_at) VALUES (?, ?, ?, '', 0, 0, '', ?)",
            (series_id, year, (highest or 0) + 1, dt.datetime.now(dt.UTC).isoformat()),
        )
        connection.execute("COMMIT")
    return (time.perf_counter() - started) * 1000 / PER_RUN


def measure(db_path: Path, runs: int) -> list[Result]:
    db = Database(db_path)
    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
    samples: list[float] = []
    floor: list[float] = []
    try:
        series_id = connection.execute(
            "SELECT id FROM doc_number_series WHERE code = ?", (SERIES,)
        ).fetchone()[0]
        # The service in the archive's latest year (hundreds of numbers already there), the
        # floor in a year of its own so both append to a series and year of their own.
        service_year = connection.execute(
            "SELECT max(year) FROM register_entries WHERE series_id = ?", (series_id,)
        ).fetchone()[0]
        for _ in range(runs):
            samples.append(_service_run(db, service_year))
            floor.append(_floor_run(connection, series_id, service_year + 1))
    finally:
        connection.close()
        db.dispose()
    result = Result(
        "allocation",
        "文号 allocation, one transaction per number",
        "ms",
        samples,
        "raw sqlite3, same statements",
        floor,
        Target(text="throughput reported"),
    )
    value = result.value or 1.0
    result.note = f"{1000 / value:,.0f} numbers/s; {PER_RUN} numbers a run in a busy series"
    return [result]
