"""Crash recovery: the editor's unsaved working copy of a notice, kept in a file until it is saved.

One JSON file a notice (``notice-<id>.json``), written atomically (temporary file, fsync,
rename, the rename tried again while antivirus or a search indexer holds the file), in a
``recovery`` folder beside the SQLite database or, for a server database, in the user data
directory under a name derived from the server's address. A successful save deletes the file;
a file found at start means the program ended with typing that never reached the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_json import NoticeJsonError, notice_from_json, notice_to_json
from unionoffice.output_files import replace_retrying
from unionoffice.storage.database import Database
from unionoffice.storage.locations import APP_NAME

log = logging.getLogger(__name__)

_FILE_RE = re.compile(r"^notice-(\d+)\.json$")


def recovery_dir(db: Database) -> Path:
    """Where the working copies of ``db``'s notices are kept."""
    if db.path is not None:
        return db.path.parent / "recovery"
    address = db.url._replace(password=None).render_as_string(hide_password=False)
    key = hashlib.sha256(address.encode("utf-8")).hexdigest()[:12]
    return user_data_path(APP_NAME, appauthor=False) / "recovery" / f"server-{key}"


@dataclass(frozen=True)
class RecoveryRecord:
    """An unsaved working copy found on disk."""

    notice_id: int
    notice: NoticeData
    written_at: dt.datetime
    path: Path


class RecoveryStore:
    """The recovery files of one database."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def for_database(cls, db: Database) -> RecoveryStore:
        return cls(recovery_dir(db))

    def path_for(self, notice_id: int) -> Path:
        return self.folder / f"notice-{notice_id}.json"

    def write(self, notice: NoticeData) -> Path:
        """Keep ``notice`` (which must have an id) as its notice's working copy."""
        if notice.id is None:
            raise ValueError("only a stored notice has a recovery file")
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path_for(notice.id)
        handle, temp_name = tempfile.mkstemp(prefix=".notice-", suffix=".tmp", dir=self.folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(notice_to_json(notice))
                stream.flush()
                os.fsync(stream.fileno())
            replace_retrying(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return target

    def discard(self, notice_id: int) -> None:
        """The working copy is saved (or not wanted): forget it."""
        self.path_for(notice_id).unlink(missing_ok=True)

    def pending(self) -> list[RecoveryRecord]:
        """Working copies left on disk, oldest first; unreadable files are set aside."""
        if not self.folder.is_dir():
            return []
        records = []
        for path in sorted(self.folder.iterdir()):
            match = _FILE_RE.match(path.name)
            if match is None:
                continue
            try:
                notice = notice_from_json(path.read_text(encoding="utf-8"))
                written = dt.datetime.fromtimestamp(path.stat().st_mtime)
            except (OSError, UnicodeDecodeError, NoticeJsonError) as exc:
                log.warning("unreadable recovery file %s: %s", path, exc)
                with contextlib.suppress(OSError):
                    path.replace(path.with_suffix(".damaged"))
                continue
            notice.id = int(match[1])
            records.append(RecoveryRecord(int(match[1]), notice, written, path))
        return sorted(records, key=lambda r: r.written_at)
