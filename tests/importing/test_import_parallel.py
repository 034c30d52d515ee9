"""A folder imported by worker processes parsing ahead of the one storing: the same database
and report as one file after another, whole notices only when cancelled, and a file that
fails in a worker reported as any other."""

from __future__ import annotations

import logging
import multiprocessing
import shutil
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, text
from tests.importing import parser_with_a_bug

from unionoffice.importing import import_paths, parallel
from unionoffice.importing.service import ImportResult
from unionoffice.storage.database import Database

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "data" / "samples"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The corpus (.txt and .pdf), the fixtures and samples, one notice twice, broken files."""
    root = tmp_path / "公文"
    root.mkdir()
    for path in sorted((HERE / "corpus").iterdir()):
        if path.suffix in (".txt", ".pdf"):
            shutil.copy(path, root / path.name)
    for path in [*sorted((HERE / "fixtures").glob("*.txt")), *sorted(SAMPLES.glob("*.txt"))]:
        shutil.copy(path, root / path.name)
    shutil.copy(SAMPLES / "qinghai-2021-15.txt", root / "zz-again.txt")
    (root / "empty.txt").write_text("\n\n", encoding="utf-8")
    (root / "broken.docx").write_bytes(b"PK\x03\x04 broken")
    return root


def _import(
    path: Path, folder: Path, **options: object
) -> tuple[list[ImportResult], dict[str, list[tuple[object, ...]]]]:
    db = Database(path)
    try:
        results = import_paths(db, [folder], **options)  # type: ignore[arg-type]
        return results, _contents(db)
    finally:
        db.dispose()


def _contents(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, without the times rows were written."""
    tables: dict[str, list[tuple[object, ...]]] = {}
    with db.engine.connect() as connection:
        inspector = inspect(connection)
        for table in inspector.get_table_names():
            if table == "alembic_version" or table.endswith(("_fts", "_data", "_idx")):
                continue
            names = (c["name"] for c in inspector.get_columns(table))
            columns = [name for name in names if not name.endswith("_at")]
            listed = ", ".join(f'"{c}"' for c in columns)
            rows = connection.execute(text(f'SELECT {listed} FROM "{table}" ORDER BY {listed}'))
            tables[table] = [tuple(row) for row in rows]
    return tables


def _serial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "worker_count", lambda files: 0)


class _CountingPool(ProcessPoolExecutor):
    """The workers' pool, counting the files given to it."""

    submitted = 0

    def submit(self, *args: Any, **kwargs: Any) -> Future[Any]:
        _CountingPool.submitted += 1
        return super().submit(*args, **kwargs)


def _two_workers(monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    # Two workers even on a machine with one core: the pool is what is under test.
    monkeypatch.setattr(parallel, "worker_count", lambda files: 2)
    monkeypatch.setattr(parallel, "ProcessPoolExecutor", _CountingPool)
    _CountingPool.submitted = 0
    caplog.set_level(logging.WARNING, logger=parallel.__name__)


def _parsed_by_workers(caplog: pytest.LogCaptureFixture) -> bool:
    """Whether the pool got files and gave every one back (nothing parsed here instead)."""
    fell_back = [r for r in caplog.records if r.name == parallel.__name__]
    return _CountingPool.submitted > 0 and not fell_back


def test_a_parallel_import_gives_the_database_and_report_of_a_serial_one(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _serial(monkeypatch)
    serial, serial_rows = _import(tmp_path / "serial.sqlite", folder)
    _two_workers(monkeypatch, caplog)
    parallel_results, parallel_rows = _import(tmp_path / "parallel.sqlite", folder)

    assert _parsed_by_workers(caplog)
    assert parallel_results == serial
    assert parallel_rows == serial_rows
    statuses = [r.status for r in serial]
    assert statuses.count("created") >= 35
    assert statuses.count("failed") == 2  # the empty and the broken file
    again = next(r for r in serial if r.path.name == "zz-again.txt")
    assert again.status == "skipped" and again.duplicate_of is not None
    assert len(serial_rows["notices"]) == statuses.count("created")


def test_a_cancelled_import_keeps_whole_notices_only(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    _serial(monkeypatch)
    whole, whole_rows = _import(tmp_path / "whole.sqlite", folder)
    _two_workers(monkeypatch, caplog)
    done: list[int] = []

    def progress(count: int, _total: int, _result: ImportResult) -> None:
        done.append(count)

    cut, cut_rows = _import(
        tmp_path / "cut.sqlite", folder, progress=progress, cancelled=lambda: len(done) >= 12
    )

    assert _parsed_by_workers(caplog)
    assert cut == whole[: len(cut)] and len(done) == 12
    created = sum(r.status == "created" for r in cut)
    assert 0 < created < sum(r.status == "created" for r in whole)
    # The notices stored are those of the files before the cancel, each with all its rows:
    # every row of the cut database is a row of the whole one.
    assert len(cut_rows["notices"]) == created
    for table, rows in cut_rows.items():
        assert set(rows) <= set(whole_rows[table]), table
    # The workers go once the import has stopped (the pool's own thread reaps them: wait for
    # that rather than join them from here as well).
    give_up = time.monotonic() + 60
    while multiprocessing.active_children() and time.monotonic() < give_up:
        time.sleep(0.05)
    assert not multiprocessing.active_children()


def test_a_file_that_fails_in_a_worker_is_reported_and_the_others_import(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    shutil.copy(SAMPLES / "qinghai-2020-31.txt", folder / "bug.txt")
    monkeypatch.setattr(parallel, "prepare_all", parser_with_a_bug.prepare_all)
    monkeypatch.setattr(parallel, "prepare_file", parser_with_a_bug.prepare_file)
    _serial(monkeypatch)
    serial, serial_rows = _import(tmp_path / "serial.sqlite", folder)
    _two_workers(monkeypatch, caplog)
    results, rows = _import(tmp_path / "parallel.sqlite", folder)

    assert _parsed_by_workers(caplog)
    bug = next(r for r in results if r.path.name == "bug.txt")
    assert bug.status == "failed"
    assert bug.error == "无法解析该文件（程序内部错误 KeyError）"
    assert results == serial and rows == serial_rows
    assert sum(r.status == "created" for r in results) >= 35


def test_a_few_files_are_parsed_without_workers() -> None:
    assert parallel.worker_count(parallel.PARALLEL_FROM - 1) == 0
