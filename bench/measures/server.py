"""What the office's shared PostgreSQL server costs beside one PC's SQLite file.

The archive is copied to a new database on the server (as ``copy-to`` does, ANALYZE included);
then each service measure runs on the server with the same work on the SQLite file as its floor,
taken in turn: search as you type, 文号 allocation, and import of a folder of notice files (into
a new database on each side). The server's databases are dropped afterwards. ``server_url``
names a role allowed to create databases; on this machine the server runs locally, so the
figures hold no network time.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import statistics
import uuid
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench import texts
from bench.dataset import QUICK, generate
from bench.measures.search import keystrokes
from bench.results import Result, Target, interleaved_ms
from unionoffice.storage.copying import copy_database
from unionoffice.storage.database import Database
from unionoffice.storage.services.numbering import NumberingService
from unionoffice.storage.services.search import NoticeSearch

SERIES = "青总办"
NUMBERS_PER_RUN = 100
IMPORT_FILES = 200


@contextlib.contextmanager
def server_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server for the block's duration; its URL."""
    admin_url = make_url(server_url)
    name = f"uo_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextlib.contextmanager
def archive_on_server(db_path: Path, server_url: str) -> Iterator[str]:
    """The archive copied to a new database on the server, as ``copy-to`` does."""
    with server_database(server_url) as url:
        source, target = Database(db_path), Database(url)
        try:
            copy_database(source, target)
        finally:
            source.dispose()
            target.dispose()
        yield url


def measure(
    db_path: Path, work_dir: Path, runs: int, server_url: str, copy_url: str
) -> list[Result]:
    """Search and allocation on ``copy_url`` (the archive on the server, from
    ``archive_on_server``) beside ``db_path``; import into new databases of ``server_url``."""
    server, local = Database(copy_url), Database(db_path)
    try:
        results = [_search(server, local, runs), _allocation(server, local, runs)]
    finally:
        server.dispose()
        local.dispose()
    results.append(_import(work_dir, runs, server_url))
    return results


def _search(server: Database, local: Database, runs: int) -> Result:
    on_server, on_file = NoticeSearch(server), NoticeSearch(local)
    samples: list[float] = []
    floors: list[float] = []
    medians: dict[str, float] = {}
    for typed in keystrokes():
        if on_server.matching_ids(typed) != on_file.matching_ids(typed):
            raise AssertionError(f"the server and the file find different notices for {typed!r}")
        times, floor = interleaved_ms(
            lambda t=typed: on_server.matching_ids(t), lambda t=typed: on_file.matching_ids(t), runs
        )
        samples += times
        floors += floor
        medians[typed] = statistics.median(times)
    worst = max(medians, key=medians.__getitem__)
    return Result(
        "server_search_keystroke",
        "Search as you type, per keystroke, on the office's PostgreSQL server",
        "ms",
        samples,
        "the same searches on the SQLite file",
        floors,
        Target(text="reported"),
        note=f"{len(medians)} keystrokes; slowest “{worst}” {medians[worst]:.1f} ms",
    )


def _allocation(server: Database, local: Database, runs: int) -> Result:
    year = dt.date.today().year  # the same series and year on both sides
    on_server, on_file = NumberingService(server), NumberingService(local)

    def take(service: NumberingService) -> None:
        for _ in range(NUMBERS_PER_RUN):
            service.allocate(SERIES, year)

    samples, floors = interleaved_ms(lambda: take(on_server), lambda: take(on_file), runs)
    per_number = [t / NUMBERS_PER_RUN for t in samples]
    return Result(
        "server_allocation",
        "文号 allocation on the office's PostgreSQL server, one transaction per number",
        "ms",
        per_number,
        "the same on the SQLite file",
        [t / NUMBERS_PER_RUN for t in floors],
        Target(text="reported"),
        note=f"{1000 / statistics.median(per_number):,.0f} numbers/s, {NUMBERS_PER_RUN} a run",
    )


def _import(work_dir: Path, runs: int, server_url: str) -> Result:
    from unionoffice.importing.service import import_paths

    folder = work_dir / "server-import-files"
    folder.mkdir(parents=True, exist_ok=True)
    for index, data in enumerate(itertools.islice(generate(QUICK), IMPORT_FILES)):
        (folder / f"{index:04d}.txt").write_text(texts.notice_text(data), encoding="utf-8")
    counter = itertools.count()

    def into(url: str) -> None:
        db = Database(url)
        try:
            if not all(result.status == "created" for result in import_paths(db, [folder])):
                raise AssertionError("a notice of the benchmark was not imported")
        finally:
            db.dispose()

    samples: list[float] = []
    floors: list[float] = []
    for _ in range(runs):
        # a new database on each side every run, made and migrated before the clock starts
        with server_database(server_url) as url:
            file = str(work_dir / f"server-import-{next(counter)}.sqlite")
            for made in (url, file):
                Database(made).dispose()
            on_server, on_file = interleaved_ms(
                lambda u=url: into(u), lambda f=file: into(f), 1, warmup=0
            )
        samples += on_server
        floors += on_file
    return Result(
        "server_import",
        f"Import of {IMPORT_FILES:,} notice files (.txt) into the office's PostgreSQL server",
        "ms",
        samples,
        "the same into a new SQLite file",
        floors,
        Target(text="reported"),
        note="a new database each run on both sides, one transaction a file",
    )
