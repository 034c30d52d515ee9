"""Backups of an SQLite database: rotating automatic copies, explicit backup and restore.

Copies are always taken with SQLite's online backup API, never by copying a live file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import migrations
from unionoffice.storage.database import SQLITE_HEADER, Database

AUTOMATIC_PREFIX = "auto-"
KEEP_AUTOMATIC = 10


def backup(db: Database, target: Path) -> Path:
    """Write a consistent copy of the live database to ``target`` (temp name, then rename)."""
    if target.exists() and target.is_dir():
        target = target / f"unionoffice-{_stamp()}.sqlite"
    try:
        return db.backup(target)
    except (OSError, sqlite3.Error) as exc:
        raise DatabaseError(f"无法写入备份文件“{target}”：{exc}") from exc


def automatic_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """Take today's automatic backup unless there is one already; keep the newest few.

    Returns the new backup's path, or None when nothing was needed (or the database is not
    an SQLite file).
    """
    if db.path is None or not db.path.exists():
        return None
    now = now or dt.datetime.now()
    folder = db.backup_dir()
    today = f"{AUTOMATIC_PREFIX}{now:%Y%m%d}"
    if any(folder.glob(f"{today}-*.sqlite")):
        return None
    path = db.backup(folder / f"{today}-{now:%H%M%S}.sqlite")
    automatic = sorted(folder.glob(f"{AUTOMATIC_PREFIX}*.sqlite"))
    for old in automatic[:-KEEP_AUTOMATIC]:
        old.unlink(missing_ok=True)
    return path


def check_backup_file(path: Path) -> str:
    """Refuse a file that is not a sound UnionOffice database; return its schema revision."""
    if not path.is_file():
        raise DatabaseError(f"找不到备份文件“{path}”")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise DatabaseError(f"“{path}”不是数据库备份文件")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise DatabaseError(f"备份文件“{path}”已损坏（完整性检查未通过）")
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"“{path}”不是 UnionOffice 数据库备份：{exc}") from exc
    if row is None or not migrations.is_known(row[0]):
        raise DatabaseError(f"备份文件“{path}”来自更新版本的程序或不是 UnionOffice 数据库")
    return str(row[0])


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database at ``db_path`` by the backup ``source``.

    The backup is checked first; the current database is kept aside (its path is returned)
    and is untouched if anything fails. The restored copy is upgraded on the next open.
    """
    check_backup_file(source)
    aside = db_path.parent / "backups" / f"before-restore-{_stamp()}.sqlite"
    incoming = db_path.with_name(db_path.name + ".restoring")
    if db_path.exists():
        current = Database(db_path, upgrade=False)
        try:
            current.backup(aside)
        finally:
            current.dispose()
    try:
        source_connection = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        target_connection = sqlite3.connect(incoming)
        try:
            source_connection.backup(target_connection)
        finally:
            target_connection.close()
            source_connection.close()
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        incoming.replace(db_path)
    except (OSError, sqlite3.Error) as exc:
        incoming.unlink(missing_ok=True)
        raise DatabaseError(f"恢复失败，当前数据库未改动：{exc}") from exc
    return aside


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")
