import shutil
import sqlite3

import pytest
from sqlalchemy import inspect, text

from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import migrations
from unionoffice.storage.database import Database, database_url
from unionoffice.storage.services import NoticeService, NumberingService


def test_urls_and_paths(tmp_path):
    url = database_url("postgresql+psycopg://u:p@host/db")
    assert url.render_as_string(hide_password=False) == "postgresql+psycopg://u:p@host/db"
    plain = database_url("postgresql://u@host/db")
    assert plain.drivername == "postgresql+psycopg"  # not SQLAlchemy's psycopg2
    for name in ("a.sqlite", "50% #1 ? 办公室.sqlite"):
        path_url = database_url(tmp_path / name)
        assert path_url.get_backend_name() == "sqlite"
        assert path_url.database == str(tmp_path / name)
    assert database_url(None).database.endswith("unionoffice.sqlite")


def test_new_database_is_created_at_head(db):
    assert db.schema_revision() == migrations.head_revision()
    with db.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
    assert {"notices", "activities", "register_entries", "doc_number_series"} <= tables


def test_new_sqlite_file_has_its_pragmas(sqlite_db, db_path):
    db = sqlite_db
    assert db_path.exists()
    assert db.schema_revision() == migrations.head_revision()
    with db.read_session() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_an_sqlite_file_keeps_one_connection_between_uses(sqlite_db):
    """Each open connection keeps its own page cache and prepared statements: reads that
    overlapped leave one connection open, not one each."""
    with sqlite_db.read_session() as first, sqlite_db.read_session() as second:
        assert first.execute(text("SELECT 1")).scalar() == second.execute(text("SELECT 1")).scalar()
    assert sqlite_db.engine.pool.checkedin() == 1


def test_parent_folders_are_created(tmp_path):
    database = Database(tmp_path / "a" / "b" / "office.sqlite")
    assert (tmp_path / "a" / "b" / "office.sqlite").exists()
    database.dispose()


def test_first_released_schema_upgrades_and_keeps_its_data(tmp_path, test_data):
    path = tmp_path / "old.sqlite"
    shutil.copy(test_data / "schema_0001.sqlite", path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision()
        notices = NoticeService(database).list()
        assert len(notices) == 8
        register = NumberingService(database).register("青总办", 2021)
        assert [r.state for r in register.rows][-1] == "作废"
        assert sum(s.activity_count for s in notices) == 63
    finally:
        database.dispose()


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这是一份备忘录，不是数据库", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="不是"):
        Database(path)
    assert path.read_bytes() == before


def test_a_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseError, match="其他程序"):
        Database(path)


def test_a_database_from_a_newer_program_is_refused_unchanged(tmp_path, db_path):
    Database(db_path).dispose()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseError, match="更新版本"):
        Database(db_path)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == ("9999",)


def test_online_backup_is_a_working_database(sqlite_db, tmp_path):
    NumberingService(sqlite_db).allocate("青总办", 2021)
    target = sqlite_db.backup(tmp_path / "backups" / "copy.sqlite")
    with sqlite3.connect(target) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM register_entries").fetchone() == (1,)


def test_head_constant_is_the_head_of_the_scripts():
    assert migrations.head_revision() == migrations.scripts_head()


def test_upgrade_from_0001_indexes_the_old_notices_for_search(tmp_path, test_data):
    from unionoffice.storage.services.search import NoticeSearch, has_search_index

    path = tmp_path / "old.sqlite"
    shutil.copy(test_data / "schema_0001.sqlite", path)
    database = Database(path)
    try:
        with database.read_session() as session:
            assert has_search_index(session)
        indexed, scanned = NoticeSearch(database), NoticeSearch(database, use_index=False)
        words = ("职工书屋", "宣教部", "金秋助学", "劳动竞赛", "全年", "书屋", "职", "全", "教部")
        for word in words:
            assert indexed.matching_ids(word) == scanned.matching_ids(word), word
        assert indexed.matching_ids("书屋")  # old notices are in notice_search_texts (0005)
        assert indexed.matching_ids("教部")  # with their department names (0006)
        assert indexed.matching_ids("职工书屋")
    finally:
        database.dispose()


def test_second_released_schema_opens_as_it_is(tmp_path, test_data):
    from unionoffice.storage.services.search import NoticeSearch

    path = tmp_path / "v2.sqlite"
    shutil.copy(test_data / "schema_0002.sqlite", path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision()
        notices = NoticeService(database).list()
        assert len(notices) == 8
        assert sum(s.activity_count for s in notices) == 63
        assert NoticeSearch(database).matching_ids("职工书屋")
    finally:
        database.dispose()


def test_sixth_schema_upgrades_and_its_search_texts_follow_edits(tmp_path, test_data):
    """0006 → 0007: the joined search texts are kept and now follow edits at commit."""
    from unionoffice.storage.services.search import NoticeSearch

    path = tmp_path / "v6.sqlite"
    shutil.copy(test_data / "schema_0006.sqlite", path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision()
        search = NoticeSearch(database)
        found = search.matching_ids("宣教")
        assert found
        notices = NoticeService(database)
        first = notices.get(min(found))
        first.title = "关于举办职工篮球赛的通知"
        notices.update(first)
        assert search.matching_ids("篮球") == {first.id}  # a short word: the joined text
        with database.read_session() as session:
            stale = session.execute(text("SELECT count(*) FROM notice_search_stale")).scalar()
        assert stale == 0
    finally:
        database.dispose()


@pytest.mark.parametrize(
    ("driver_says", "clerk_reads"),
    [
        (
            'connection failed: connection to server at "10.0.0.9", port 5432 failed: FATAL:  '
            'no pg_hba.conf entry for host "10.0.0.5", user "office", database "union"',
            "服务器不接受这台电脑的连接",
        ),
        (
            'connection failed: connection to server at "10.0.0.9", port 80 failed: '
            "received invalid response to SSL negotiation: H",
            "对方不是数据库服务器",
        ),
        (
            'connection failed: connection to server at "10.0.0.9", port 5432 failed: '
            "timeout expired",
            "服务器长时间没有应答",
        ),
    ],
)
def test_a_server_refusing_this_pc_is_explained_in_chinese(driver_says, clerk_reads) -> None:
    """What an office's server says when it will not let a PC in, as a clerk reads it: no raw
    English in the message."""
    from unionoffice.storage.database import explain_database_error

    said = explain_database_error(RuntimeError(driver_says), "postgresql://10.0.0.9/union")
    assert clerk_reads in said
    assert "FATAL" not in said and "failed" not in said
