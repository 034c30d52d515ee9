"""份号, 密级和保密期限, 紧急程度 and 签发人 are kept (migration 0013); old databases gain them."""

import shutil
import sqlite3
from datetime import date

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_json import notice_from_json, notice_to_json
from unionoffice.storage import migrations
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService


def upward_notice() -> NoticeData:
    return NoticeData(
        title="青海省总工会关于2021年工作情况的报告",
        organ="青海省总工会",
        series_code="青工",
        year=2021,
        number=12,
        date=date(2021, 4, 6),
        copy_number="000123",
        secrecy="秘密",
        secrecy_term="1年",
        urgency="特急",
        issuer="张三 李四",
        attendees="王五、赵六",
        absentees="钱七",
        observers="各部室负责人",
    )


def test_marks_are_saved_and_read_back(db):
    notices = NoticeService(db)
    notice_id = notices.create(upward_notice())
    again = notices.get(notice_id)
    assert (again.copy_number, again.secrecy, again.secrecy_term, again.urgency, again.issuer) == (
        "000123",
        "秘密",
        "1年",
        "特急",
        "张三 李四",
    )
    assert (again.attendees, again.absentees, again.observers) == (
        "王五、赵六",
        "钱七",
        "各部室负责人",
    )
    again.issuer = ""
    again.urgency = "加急"
    notices.update(again)
    third = notices.get(notice_id)
    assert (third.issuer, third.urgency) == ("", "加急")


def test_marks_survive_the_json_copy():
    notice = upward_notice()
    assert notice_from_json(notice_to_json(notice)) == notice
    old = notice_to_json(NoticeData(title="旧通知")).replace('"issuer"', '"unknown"')
    assert notice_from_json(old).issuer == ""


def test_an_old_database_gains_empty_marks_and_keeps_its_triggers(tmp_path, test_data):
    path = tmp_path / "v6.sqlite"
    shutil.copy(test_data / "schema_0006.sqlite", path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision() == migrations.HEAD
        notices = NoticeService(database)
        first = notices.get(notices.list()[0].id)
        assert (first.copy_number, first.secrecy, first.urgency, first.issuer) == ("", "", "", "")
        first.issuer = "王五"
        notices.update(first)
        assert notices.get(first.id).issuer == "王五"
    finally:
        database.dispose()
    with sqlite3.connect(path) as connection:
        triggers = {
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'notices'"
            )
        }
    assert "change_log_notice_ai" in triggers


def test_0013_goes_down_and_up_again_keeping_the_notices(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import inspect

    database = Database(tmp_path / "down.sqlite")
    try:
        notice_id = NoticeService(database).create(upward_notice())
        with database.engine.begin() as connection:
            command.downgrade(migrations.alembic_config(connection), "0012")
            columns = {c["name"] for c in inspect(connection).get_columns("notices")}
            assert "issuer" not in columns and "attendees" not in columns
            command.upgrade(migrations.alembic_config(connection), "head")
        again = NoticeService(database).get(notice_id)
        assert again.title == upward_notice().title and again.issuer == ""
    finally:
        database.dispose()
