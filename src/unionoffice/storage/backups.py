"""Backups of an SQLite database: rotating automatic copies, explicit backup and restore.

Copies are always taken with SQLite's online backup API, never by copying a live file, and
checked before they count as made (storage.sqlite_files).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from pathlib import Path

from unionoffice.domain.errors import DatabaseError
from unionoffice.output_files import checked_target, expand_home, reason, replace_retrying
from unionoffice.storage import in_use, sqlite_files
from unionoffice.storage.database import Database

AUTOMATIC_PREFIX = "auto-"
KEEP_AUTOMATIC = 10


def backup(db: Database, target: Path | str) -> Path:
    """Write a checked copy of the live database to ``target`` (temp name, then rename).

    A folder as ``target`` gets a dated file name inside it, and a new folder (on a USB
    stick, say) is made. The copy is refused when it would replace the database itself or a
    file that is not a regular file.
    """
    if not str(target).strip():
        checked_target("", error=DatabaseError)  # says that no name was given
    target = expand_home(target)
    with contextlib.suppress(OSError):  # a name too long to look up is named below
        if target.is_dir():
            target = target / f"unionoffice-{_stamp()}.sqlite"
        target.parent.mkdir(parents=True, exist_ok=True)
    target = checked_target(target, error=DatabaseError)
    if db.path is not None and _same_file_family(target, db.path):
        raise DatabaseError(f"备份文件不能是数据库文件本身（“{target}”），请另选位置")
    return db.backup(target)


def _same_file_family(candidate: Path, database_path: Path) -> bool:
    """Whether ``candidate`` is the database file or one of SQLite's files beside it."""
    resolved = expand_home(candidate).resolve()
    base = database_path.resolve()
    family = [base] + [base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal")]
    family.append(in_use.lock_path_for(base))
    return resolved in family or (
        resolved.exists() and any(f.exists() and resolved.samefile(f) for f in family)
    )


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
        # One held by antivirus or a backup program (Windows refuses) goes next time.
        with contextlib.suppress(PermissionError):
            old.unlink(missing_ok=True)
    return path


def check_backup_file(path: Path) -> str:
    """Refuse a file that is not a sound UnionOffice database; return its schema revision."""
    try:
        return sqlite_files.file_revision(path)
    except DatabaseError as exc:
        raise DatabaseError(f"不能用这个文件恢复：{exc}") from exc


def restore(db: Database, source: Path) -> Path:
    """Replace the SQLite database of ``db`` by the backup ``source``; where the old one went.

    Everything that can fail is done before the live database is touched: the backup is
    checked (integrity, schema revision, every table), copied beside the database and brought
    to this program's schema. Then, only if no other process has the database open, the
    current file is kept aside in backups/ and the checked copy takes its place. This
    process's other users of the database reopen the new file.
    """
    if db.path is None:
        raise DatabaseError("只能恢复到 SQLite 数据库文件；服务器数据库请用其自身的备份工具")
    live = db.path
    if source.exists() and _same_file_family(source, live):
        raise DatabaseError("不能用数据库文件本身来恢复它，请选择一份备份文件")
    check_backup_file(source)
    incoming = live.with_name(live.name + ".restoring")
    try:
        sqlite_files.copy_database_file(source, incoming)
        sqlite_files.upgrade_file(incoming)
        missing = sqlite_files.schema_differences(incoming)
        if missing:
            raise DatabaseError(f"备份“{source}”的数据库结构不完整：{missing}；未恢复")
        aside = db.backup_dir() / f"before-restore-{_stamp()}.sqlite"
        with in_use.exclusive_use(live, "恢复数据库"):
            if live.exists():
                _set_aside(live, aside)
            for suffix in ("-wal", "-shm"):
                Path(str(live) + suffix).unlink(missing_ok=True)
            replace_retrying(incoming, live)
    except OSError as exc:
        raise DatabaseError(f"恢复失败，当前数据库未改动：{reason(exc)}") from exc
    finally:
        incoming.unlink(missing_ok=True)
    return aside


def _set_aside(live: Path, aside: Path) -> None:
    """Keep the current database in backups/ before it is replaced, damaged or not."""
    aside.parent.mkdir(parents=True, exist_ok=True)
    try:
        sqlite_files.copy_database_file(live, aside, check=False)
    except DatabaseError:
        # Too damaged for SQLite to read through: keep its files exactly as they are.
        for suffix in ("", "-wal"):
            part = Path(str(live) + suffix)
            if part.exists():
                shutil.copy2(part, Path(str(aside) + suffix))


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")
