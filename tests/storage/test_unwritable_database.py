"""A database that cannot take writes (read-only file, full disk) gives a clear Chinese
message and keeps what it had. SQLite's query_only and max_page_count pragmas produce the
same errors as a read-only file and a full disk."""

import pytest
from sqlalchemy import event

from unionoffice.domain.errors import DatabaseError
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService, NumberingService


def _with_pragma(database: Database, pragma: str) -> None:
    database.engine.dispose()

    @event.listens_for(database.engine, "connect")
    def _set(dbapi_connection, _record):
        if pragma.startswith("PRAGMA max_page_count"):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_connection.execute(pragma)


def _big_notice() -> NoticeData:
    return NoticeData(
        title="很长的通知",
        body=[Block.paragraph("内容" * 2000) for _ in range(20)],
        activities=[ActivityData(title=f"活动{i}", text="说明" * 500) for i in range(50)],
    )


@pytest.fixture
def filled(db_path):
    database = Database(db_path)
    NumberingService(database).allocate("青总办", 2021)
    yield database
    database.dispose()


@pytest.mark.parametrize(
    ("pragma", "message"),
    [("PRAGMA query_only = ON", "只读"), ("PRAGMA max_page_count", "磁盘已满")],
)
def test_writes_are_refused_in_chinese_and_nothing_changes(filled, db_path, pragma, message):
    _with_pragma(filled, pragma)
    with pytest.raises(DatabaseError, match=message):
        NoticeService(filled).create(_big_notice())
    if "query_only" in pragma:  # a full disk may still take a small write into free pages
        with pytest.raises(DatabaseError, match=message):
            NumberingService(filled).allocate("青总办", 2021)
    # Reading still works, and the data is as it was.
    assert NoticeService(filled).list() == []
    assert len(NumberingService(filled).register("青总办", 2021).rows) == 1
    filled.dispose()
    reopened = Database(db_path)
    try:
        assert len(NumberingService(reopened).register("青总办", 2021).rows) == 1
    finally:
        reopened.dispose()
