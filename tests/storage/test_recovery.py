"""Recovery files: the editor's unsaved working copy, one file a notice, written atomically."""

from __future__ import annotations

import datetime as dt
import os

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.recovery import RecoveryStore, recovery_dir


def _copy(notice_id: int, title: str = "关于……的通知") -> NoticeData:
    return NoticeData(
        title=title,
        body=[Block.paragraph("正文")],
        date=dt.date(2021, 4, 1),
        activities=[ActivityData(title="活动", deadline="4月份")],
        id=notice_id,
        version=2,
    )


def test_write_list_and_discard(tmp_path) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    assert store.pending() == []
    store.write(_copy(3, "第一稿"))
    store.write(_copy(3, "第二稿"))  # the newer copy replaces the older
    store.write(_copy(5))
    os.utime(store.path_for(5), (1_000_000, 1_000_000))  # older than notice 3's copy
    records = store.pending()
    assert [r.notice_id for r in records] == [5, 3]
    assert records[1].notice == _copy(3, "第二稿")
    assert sorted(p.name for p in store.folder.iterdir()) == ["notice-3.json", "notice-5.json"]
    store.discard(3)
    store.discard(99)  # nothing there: no error
    assert [r.notice_id for r in store.pending()] == [5]


def test_unreadable_files_are_set_aside(tmp_path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_copy(1))
    (tmp_path / "notice-2.json").write_text("{半个文件", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not ours", encoding="utf-8")
    assert [r.notice_id for r in store.pending()] == [1]
    assert (tmp_path / "notice-2.damaged").exists()
    assert (tmp_path / "notes.txt").exists()


def test_a_failed_write_keeps_the_previous_copy(tmp_path, monkeypatch) -> None:
    store = RecoveryStore(tmp_path)
    store.write(_copy(1, "好的一份"))

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    try:
        store.write(_copy(1, "写了一半"))
    except OSError:
        pass
    else:
        raise AssertionError("the write should have failed")
    assert [r.notice.title for r in store.pending()] == ["好的一份"]
    assert [p.name for p in tmp_path.iterdir()] == ["notice-1.json"]  # no temp file left


def test_recovery_folder_is_beside_an_sqlite_file(tmp_path) -> None:
    db = Database(tmp_path / "office.sqlite")
    try:
        assert recovery_dir(db) == tmp_path / "recovery"
    finally:
        db.dispose()


def test_a_server_database_gets_its_own_folder_without_the_password() -> None:
    class _Server:
        path = None

        def __init__(self, url: str) -> None:
            from sqlalchemy.engine import make_url

            self.url = make_url(url)

    first = recovery_dir(_Server("postgresql+psycopg://clerk:secret@db.office/uo"))  # type: ignore[arg-type]
    same = recovery_dir(_Server("postgresql+psycopg://clerk:other@db.office/uo"))  # type: ignore[arg-type]
    other = recovery_dir(_Server("postgresql+psycopg://clerk@db.office/archive"))  # type: ignore[arg-type]
    assert first == same != other
    assert "secret" not in str(first)
