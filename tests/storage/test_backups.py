import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from unionoffice.domain.errors import ConflictError, DatabaseError
from unionoffice.storage import backups
from unionoffice.storage.copying import copy_database
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services import NoticeService, NumberingService


def test_automatic_backups_once_a_day_and_rotated(sqlite_db):
    first = backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, 1, 9, 0))
    assert first is not None and first.exists()
    assert backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, 1, 17, 0)) is None
    for day in range(2, 2 + backups.KEEP_AUTOMATIC + 3):
        backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, day, 9, 0))
    kept = sorted(sqlite_db.backup_dir().glob("auto-*.sqlite"))
    assert len(kept) == backups.KEEP_AUTOMATIC
    assert kept[-1].name.startswith("auto-20210414")


def test_an_old_backup_held_by_another_program_is_removed_next_time(sqlite_db, monkeypatch):
    for day in range(1, 1 + backups.KEEP_AUTOMATIC):
        backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, day, 9, 0))
    oldest = sorted(sqlite_db.backup_dir().glob("auto-*.sqlite"))[0]
    real_unlink = Path.unlink

    def held(path, missing_ok=False):  # Windows: a file another program has open
        if path == oldest:
            raise PermissionError(13, "being used by another process", str(path))
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", held)
    made = backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, 20, 9, 0))
    assert made is not None and made.exists() and oldest.exists()
    monkeypatch.undo()
    backups.automatic_backup(sqlite_db, now=dt.datetime(2021, 4, 21, 9, 0))
    kept = sorted(sqlite_db.backup_dir().glob("auto-*.sqlite"))
    assert len(kept) == backups.KEEP_AUTOMATIC and oldest not in kept


def test_restore_brings_back_the_backup_and_keeps_the_current_aside(sqlite_db, db_path, tmp_path):
    numbering = NumberingService(sqlite_db)
    numbering.allocate("青总办", 2021)
    saved = backups.backup(sqlite_db, tmp_path / "saved.sqlite")
    numbering.allocate("青总办", 2021)
    aside = backups.restore(sqlite_db, saved)
    # This process's own Database reads the restored file, and so does a new one.
    assert len(numbering.register("青总办", 2021).rows) == 1
    assert str(numbering.allocate("青总办", 2021).doc_number) == "青总办〔2021〕2号"
    restored = Database(db_path)
    try:
        assert len(NumberingService(restored).register("青总办", 2021).rows) == 2
    finally:
        restored.dispose()
    with sqlite3.connect(aside) as connection:
        assert connection.execute("SELECT count(*) FROM register_entries").fetchone() == (2,)


@pytest.mark.parametrize(
    "content", [b"", b"PK\x03\x04 a zip file", b"SQLite format 3\x00" + b"\x00" * 200]
)
def test_restore_refuses_a_bad_file_and_changes_nothing(sqlite_db, db_path, tmp_path, content):
    NumberingService(sqlite_db).allocate("青总办", 2021)
    sqlite_db.release_connections()
    before = db_path.read_bytes()
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(content)
    with pytest.raises(DatabaseError, match="不能用这个文件恢复"):
        backups.restore(sqlite_db, bad)
    assert db_path.read_bytes() == before


def test_copy_to_another_database_keeps_everything(tmp_path, db):
    source = Database(tmp_path / "single-pc.sqlite")
    try:
        fill_demo(source, 2021)
        counts = copy_database(source, db)
        assert counts["notices"] == 9
        before = NoticeService(source).get(2)
        after = NoticeService(db).get(2)
        assert after.title == before.title and after.activities == before.activities
        # Numbering continues where the copied register left off, ids keep counting.
        assert str(NumberingService(db).allocate("青总办", 2021).doc_number) == "青总办〔2021〕5号"
        copy_of_first = NoticeService(source).get(1)
        copy_of_first.number = None
        assert NoticeService(db).create(copy_of_first) == 10
        with pytest.raises(ConflictError, match="已有数据"):
            copy_database(source, db)
    finally:
        source.dispose()
