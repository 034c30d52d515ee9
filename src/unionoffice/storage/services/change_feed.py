"""Other clerks' changes, as they happen: the change_log rows after the last one read.

Every write leaves rows in change_log (migration 0010, by triggers, so a command, another
window or another PC on the office server all count). A window asks every few seconds for the
rows after the last one it saw and turns them into a Changes for its views, with the notices'
new versions so that an open editor can tell another clerk's save from its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select

from unionoffice.domain.changes import Changes
from unionoffice.storage.database import Database
from unionoffice.storage.models import ChangeLogEntry

KEEP_DAYS = 7
MAX_ROWS = 5_000  # more rows than this since the last read: read everything again


@dataclass(frozen=True)
class FeedUpdate:
    """What changed since ``since``: up to row ``last``; a notice's highest new version."""

    last: int
    changes: Changes
    versions: dict[int, int] = field(default_factory=dict)


class ChangeFeed:
    """Reads change_log for one window."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def latest(self) -> int:
        """The newest row now: a window starts reading after it."""
        with self.db.read_session() as session:
            return session.scalar(select(func.max(ChangeLogEntry.id))) or 0

    def since(self, last: int) -> FeedUpdate:
        """The changes in the rows after ``last``."""
        with self.db.read_session() as session:
            rows = session.execute(
                select(
                    ChangeLogEntry.id,
                    ChangeLogEntry.notice_id,
                    ChangeLogEntry.version,
                    ChangeLogEntry.kind,
                    ChangeLogEntry.detail,
                )
                .where(ChangeLogEntry.id > last)
                .order_by(ChangeLogEntry.id)
                .limit(MAX_ROWS + 1)
            ).all()
        if not rows:
            return FeedUpdate(last, Changes())
        if len(rows) > MAX_ROWS:  # an import of an archive: reading it all is simpler
            newest = self.latest()
            return FeedUpdate(newest, Changes.all())
        return _gathered(rows)

    def prune(self, now: dt.datetime | None = None) -> int:
        """Forget rows older than KEEP_DAYS; how many went."""
        cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=KEEP_DAYS)
        with self.db.session() as session:
            result = session.execute(
                delete(ChangeLogEntry).where(ChangeLogEntry.changed_at < cutoff)
            )
            return int(getattr(result, "rowcount", 0) or 0)


def _gathered(rows: Sequence[Any]) -> FeedUpdate:  # rows of (id, notice, version, kind, detail)
    notices: set[int] = set()
    removed: set[int] = set()
    numbers: set[tuple[str, int]] = set()
    versions: dict[int, int] = {}
    lists = {"departments": False, "organs": False, "calendar_days": False}
    for _row_id, notice_id, version, kind, detail in rows:
        if kind == "notice" and notice_id is not None:
            notices.add(notice_id)
            removed.discard(notice_id)
            if version is not None:
                versions[notice_id] = max(version, versions.get(notice_id, 0))
        elif kind == "removed" and notice_id is not None:
            removed.add(notice_id)
            notices.discard(notice_id)
        elif kind == "numbers":
            code, _, year = str(detail).rpartition(":")
            if code and year.isdigit():
                numbers.add((code, int(year)))
        elif kind in lists:
            lists[kind] = True
    changes = Changes(
        notices=frozenset(notices),
        activities=frozenset(notices),  # a save of a notice may have changed its plan
        removed=frozenset(removed),
        numbers=frozenset(numbers),
        departments=lists["departments"],
        organs=lists["organs"],
        calendar_days=lists["calendar_days"],
    )
    return FeedUpdate(rows[-1][0], changes, versions)
