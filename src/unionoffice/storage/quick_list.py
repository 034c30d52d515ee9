"""The notice list read straight from an SQLite file, before SQLAlchemy is imported.

Importing SQLAlchemy and the services takes several times longer than Python and Qt need to
show the window, so at start-up the tree is filled from this read and the database is opened
(and its schema checked) behind it. Only for a local SQLite file at this program's schema
revision with notices in it; anything else (a new or older database, a server, a network
drive, a file that cannot be read so) returns None and the window waits for the full open,
which says what is wrong. Reads only, in one transaction, and closes the file again.

The query is NoticeService.list's, unfiltered: tests/storage/test_quick_list.py keeps them
equal.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unionoffice.domain.doc_number import format_doc_number
from unionoffice.domain.notice import NoticeStatus
from unionoffice.domain.notice_summary import NoticeSummary
from unionoffice.output_files import expand_home
from unionoffice.storage import locations
from unionoffice.storage.migrations import HEAD, VERSION_TABLE

# Activities are counted apart and joined in Python: SQLite joins the counting subquery
# row by row, several times slower than the two reads.
_NOTICES = """
    SELECT n.id, n.year, n.number, n.title, n.status, n.doc_date, n.folder, s.code, o.name
    FROM notices AS n
    LEFT OUTER JOIN doc_number_series AS s ON n.series_id = s.id
    LEFT OUTER JOIN organs AS o ON n.organ_id = o.id
    WHERE n.deleted_at IS NULL
    ORDER BY n.year IS NULL, n.year DESC, n.series_id IS NULL, n.series_id,
             n.number IS NULL, n.number DESC, n.id
"""
_COUNTS = "SELECT notice_id, count(*) FROM activities GROUP BY notice_id"
SQLITE_HEADER = b"SQLite format 3\x00"  # sqlite_files' too, which imports SQLAlchemy
_STATUSES = {str(status): status for status in NoticeStatus}


@dataclass(frozen=True)
class QuickList:
    """The notices the tree shows, and the change feed's newest row when they were read."""

    path: Path
    summaries: list[NoticeSummary]
    feed_start: int


def sqlite_file_of(argument: str | None) -> Path | None:
    """The SQLite file ``--db`` names (None: the default one), or None for a URL."""
    if argument is None:
        return locations.default_database_path()
    if "://" in argument or not argument.strip():
        return None  # a server or an SQLite URL: the full open reads those
    return expand_home(argument).resolve()


def read_notice_list(argument: str | None) -> QuickList | None:
    """The notice list of the SQLite file ``argument`` names, when it can be read this way."""
    path = sqlite_file_of(argument)
    if path is None or not _plain_sqlite_file(path) or locations.is_network_path(path):
        return None
    try:
        connection = sqlite3.connect(
            locations.sqlite_uri(path, mode="ro"), uri=True, timeout=1.0, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one snapshot: the feed's row and the list agree
        revision = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
        if revision != [(HEAD,)]:
            return None  # new, older or newer: the full open upgrades or refuses it
        feed_start = connection.execute("SELECT max(id) FROM change_log").fetchone()[0] or 0
        counts = dict(connection.execute(_COUNTS).fetchall())
        shared: dict[object, Any] = {}
        days: dict[str, dt.date] = {}
        summaries = [_summary(row, counts, shared, days) for row in connection.execute(_NOTICES)]
        connection.execute("COMMIT")
    except (sqlite3.Error, ValueError, KeyError):
        return None  # whatever it is, the full open finds it again and says so
    finally:
        connection.close()
    if not summaries:
        return None  # perhaps a new office: the first-run wizard comes before the tree
    return QuickList(path, summaries, feed_start)


def _plain_sqlite_file(path: Path) -> bool:
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _summary(
    row: tuple,  # type: ignore[type-arg]
    counts: dict[int, int],
    shared: dict[object, Any],
    days: dict[str, dt.date],
) -> NoticeSummary:
    """``shared``: one object for each value the notices repeat (series, organ, folder, year),
    where the driver gives each row its own copy; ``days``: the dates read, by their text."""
    notice_id, year, number, title, status, date, folder, series_code, organ = row
    year, folder = shared.setdefault(year, year), shared.setdefault(folder, folder)
    series_code, organ = (
        shared.setdefault(series_code, series_code),
        shared.setdefault(organ, organ),
    )
    day = None
    if date:
        day = days.get(date)
        if day is None:
            day = days[date] = dt.date.fromisoformat(date)
    doc_number = None
    if series_code is not None and year is not None and number is not None:
        doc_number = format_doc_number(series_code, year, number)
    # By position, in the fields' order: for 10,000 notices keywords cost a third more.
    # test_quick_list compares every field with NoticeService.list's.
    return NoticeSummary(
        notice_id,
        doc_number,
        series_code,
        year,
        title,
        _STATUSES.get(status) or NoticeStatus(status),
        day,
        organ,
        folder,
        counts.get(notice_id, 0),
        False,  # deleted
        number,
    )
