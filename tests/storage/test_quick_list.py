"""The notice list read with sqlite3 at start-up is NoticeService.list's, or nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from unionoffice.domain.notice import NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.quick_list import read_notice_list, sqlite_file_of
from unionoffice.storage.services import NoticeService
from unionoffice.storage.services.change_feed import ChangeFeed


@pytest.fixture
def archive(db_path: Path) -> Path:
    """Demo notices, a draft without year or series, a notice in the 回收站."""
    db = Database(db_path)
    try:
        ids = fill_demo(db, 2021) + fill_demo(db, 2022)
        service = NoticeService(db)
        service.create(NoticeData(title="没有年份的草稿", year=None, series_code=None))
        service.delete(ids[0])
    finally:
        db.dispose()
    return db_path


def test_the_list_is_what_the_notice_service_lists(archive: Path) -> None:
    listed = read_notice_list(str(archive))
    assert listed is not None
    db = Database(archive)
    try:
        assert listed.summaries == NoticeService(db).list()
        assert listed.feed_start == ChangeFeed(db).latest()
    finally:
        db.dispose()
    assert any(s.doc_number is None and s.year is None for s in listed.summaries)
    assert any(s.activity_count > 0 for s in listed.summaries)
    assert listed.path == archive.resolve()


def test_what_it_does_not_read_is_left_to_the_full_open(tmp_path: Path, archive: Path) -> None:
    assert read_notice_list(str(tmp_path / "missing.sqlite")) is None
    assert not (tmp_path / "missing.sqlite").exists()  # and made no file
    (tmp_path / "words.sqlite").write_text("不是数据库", encoding="utf-8")
    assert read_notice_list(str(tmp_path / "words.sqlite")) is None
    assert read_notice_list(str(tmp_path)) is None  # a folder
    assert read_notice_list(f"sqlite:///{archive}") is None  # URLs: the full open
    assert read_notice_list("postgresql+psycopg://u@host/db") is None
    empty = tmp_path / "empty.sqlite"
    Database(empty).dispose()  # a new office: the first-run wizard comes first
    assert read_notice_list(str(empty)) is None


def test_another_schema_revision_is_left_to_the_upgrade(archive: Path) -> None:
    with sqlite3.connect(archive) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '0013'")
    connection.close()
    assert read_notice_list(str(archive)) is None


def test_the_default_database_and_paths(tmp_path: Path) -> None:
    default = sqlite_file_of(None)
    assert default is not None and default.name == "unionoffice.sqlite"
    assert sqlite_file_of(str(tmp_path / "a.sqlite")) == (tmp_path / "a.sqlite").resolve()
    assert sqlite_file_of("sqlite:///x.sqlite") is None


def test_reading_the_list_imports_no_sqlalchemy() -> None:
    probe = (
        "import sys, unionoffice.storage.quick_list\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
