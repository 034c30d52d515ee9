"""SQLite database files as wholes: sound copies, and checks that a file is a whole database.

A copy is taken with SQLite's online backup API (never a file copy of a live database),
written under a temporary name, switched to the rollback journal (so it opens read-only from
a USB stick or a read-only share), checked, and only then renamed into place. A copy of a
damaged database is refused rather than kept as if it were a backup.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from unionoffice.domain.errors import DatabaseError
from unionoffice.output_files import reason, replace_retrying
from unionoffice.storage import locations, migrations

SQLITE_HEADER = b"SQLite format 3\x00"
PARTIAL_SUFFIX = ".part"


@contextlib.contextmanager
def _connection(path: Path | str, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    if read_only:
        target = locations.sqlite_uri(Path(path).resolve(), mode="ro")
        connection = sqlite3.connect(target, uri=True)
    else:
        connection = sqlite3.connect(path)
    try:
        yield connection
    finally:
        connection.close()


def copy_database_file(source: Path, target: Path, *, check: bool = True) -> Path:
    """Write a consistent, checked copy of the SQLite database ``source`` to ``target``.

    Raises DatabaseError (and leaves nothing at ``target``) when the copy fails or the copied
    database does not pass SQLite's integrity check.
    """
    if not source.is_file():
        raise DatabaseError(f"找不到数据库文件“{source}”")
    partial = target.with_name(target.name + PARTIAL_SUFFIX)
    try:
        with _connection(source) as reading, _connection(partial) as writing:
            reading.backup(writing)
            writing.execute("PRAGMA journal_mode = DELETE")
        if check:
            problem = integrity_problem(partial)
            if problem is not None:
                raise DatabaseError(
                    f"数据库“{source}”已损坏（{problem}），没有生成备份。"
                    "请用最近一份完好的备份恢复（备份与恢复），或联系技术人员"
                )
        replace_retrying(partial, target)  # antivirus may hold the new file a moment
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法复制数据库“{source}”：{_reason(exc)}") from exc
    except OSError as exc:
        raise DatabaseError(f"无法写入“{target}”：{reason(exc)}") from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def integrity_problem(path: Path) -> str | None:
    """None when SQLite finds the file sound, else the first problem it names."""
    try:
        with _connection(path, read_only=True) as connection:
            rows = connection.execute("PRAGMA integrity_check(100)").fetchall()
    except sqlite3.Error as exc:
        return _reason(exc)
    if rows == [("ok",)]:
        return None
    problems = [line for row in rows for line in str(row[0]).splitlines() if " page " in line]
    count = f"{len(problems)}{'多' if len(rows) >= 100 else ''} 处" if problems else "多处"
    return f"完整性检查发现 {count}损坏"


def file_revision(path: Path) -> str:
    """The schema revision of a sound UnionOffice database file, or DatabaseError saying why not.

    Checks the header, SQLite's integrity check and the version table (exactly one row, a
    revision this program knows); a file at this program's revision must also have every
    table, column, index and trigger that revision has.
    """
    if not path.is_file():
        raise DatabaseError(f"找不到数据库文件“{path}”")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if header != SQLITE_HEADER:
        raise DatabaseError(f"“{path}”不是数据库文件")
    problem = integrity_problem(path)
    if problem is not None:
        raise DatabaseError(f"“{path}”已损坏（{problem}）")
    try:
        with _connection(path, read_only=True) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if migrations.VERSION_TABLE not in tables:
                raise DatabaseError(f"“{path}”不是 UnionOffice 数据库（没有架构版本记录）")
            versions = [
                row[0]
                for row in connection.execute(f"SELECT version_num FROM {migrations.VERSION_TABLE}")
            ]
    except sqlite3.Error as exc:
        raise DatabaseError(f"“{path}”不是 UnionOffice 数据库：{_reason(exc)}") from exc
    if len(versions) != 1:
        raise DatabaseError(
            f"“{path}”的架构版本记录有误（应为 1 条，实有 {len(versions)} 条），不能使用"
        )
    revision = str(versions[0])
    if not migrations.is_known(revision):
        raise DatabaseError(
            f"“{path}”来自更新版本的 UnionOffice（架构版本 {revision}），请先升级本程序"
        )
    if revision == migrations.head_revision():
        missing = schema_differences(path)
        if missing:
            raise DatabaseError(f"“{path}”的数据库结构不完整：{missing}")
    return revision


def upgrade_file(path: Path) -> None:
    """Bring a database file nobody else uses (a backup being restored) to this schema."""
    from sqlalchemy import create_engine, event

    engine = create_engine(URL.create("sqlite", database=str(path)))
    event.listen(
        engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA foreign_keys = ON"),
    )
    try:
        with engine.begin() as connection:
            if migrations.current_revision(connection) != migrations.head_revision():
                migrations.upgrade(connection)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"无法把“{path}”升级到本程序的版本：{_reason(exc)}") from exc
    finally:
        engine.dispose()


def schema_differences(path: Path) -> str:
    """What the database at ``path`` lacks of this program's schema, in words ('' if nothing).

    The reference is the schema the migrations build in an empty database, so tables,
    columns, indexes and the search triggers are all compared.
    """
    with _connection(path, read_only=True) as connection:
        found = _shape(connection)
    expected = _reference_shape()
    lacking: list[str] = []
    for (kind, name), columns in sorted(expected.items()):
        if (kind, name) not in found:
            lacking.append(f"缺少{_KIND_WORDS.get(kind, kind)} {name}")
            continue
        absent = sorted(set(columns) - set(found[(kind, name)]))
        if absent:
            lacking.append(f"表 {name} 缺少列 {'、'.join(absent)}")
    return "；".join(lacking[:8]) + ("……" if len(lacking) > 8 else "")


_KIND_WORDS = {"table": "表", "index": "索引", "trigger": "触发器"}


def _shape(connection: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, ...]]:
    shape: dict[tuple[str, str], tuple[str, ...]] = {}
    for kind, name in connection.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger')"
        " AND name NOT LIKE 'sqlite_%'"
    ).fetchall():
        columns: tuple[str, ...] = ()
        if kind == "table":
            quoted = name.replace('"', '""')
            columns = tuple(row[1] for row in connection.execute(f'PRAGMA table_info("{quoted}")'))
        shape[(kind, name)] = columns
    return shape


@cache
def _reference_shape() -> dict[tuple[str, str], tuple[str, ...]]:
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            migrations.upgrade(connection)
            raw = connection.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            return _shape(raw)
    finally:
        engine.dispose()


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "malformed" in text or "not a database" in text:
        return "文件已损坏或不是数据库"
    return text
