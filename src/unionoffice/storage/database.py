"""Opening a database: URL or file path, SQLite pragmas, sessions, schema upgrade on open."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from unionoffice.domain.errors import DatabaseError
from unionoffice.storage import migrations

APP_NAME = "UnionOffice"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


def default_database_path() -> Path:
    """The clerk's own database in the user data directory (created on first use)."""
    return user_data_path(APP_NAME, appauthor=False) / "unionoffice.sqlite"


def database_url(db: str | Path | None) -> str:
    """Turn ``--db`` (a file path, an SQLAlchemy URL or nothing) into an SQLAlchemy URL."""
    if db is None:
        return f"sqlite:///{default_database_path()}"
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _check_sqlite_file(path: Path) -> None:
    """Refuse, with a message a clerk understands, a file that is not an SQLite database."""
    if path.is_dir():
        raise DatabaseError(f"“{path}”是一个文件夹，不是数据库文件")
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"“{path}”不是 UnionOffice 数据库文件（也不是 SQLite 数据库），未作任何修改"
        )


class Database:
    """One database, SQLite file or PostgreSQL server, and the sessions onto it.

    ``session()`` is for a unit of work that writes: on SQLite it takes the write lock at
    BEGIN (IMMEDIATE), so two processes allocating 文号 queue instead of failing halfway.
    ``read_session()`` only reads and never blocks writers.
    """

    def __init__(self, db: str | Path | None = None, *, upgrade: bool = True) -> None:
        self.url = make_url(database_url(db))
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path: Path | None = None
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            self.path = Path(self.url.database)
            _check_sqlite_file(self.path)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseError(
                    f"无法创建数据库所在的文件夹“{self.path.parent}”：{exc}"
                ) from exc
        self.engine = self._create_engine()
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False
        )
        if upgrade:
            self.upgrade()

    def _create_engine(self) -> Engine:
        if not self.is_sqlite:
            return create_engine(self.url, pool_pre_ping=True)
        engine = create_engine(self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            # Let SQLAlchemy's "begin" event issue BEGIN itself, so it can say IMMEDIATE.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if self.path is not None:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
            mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction that writes; committed on success, rolled back on any error."""
        with self._guard(), self._writer.begin() as session:
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A transaction that only reads."""
        with self._guard(), self._reader.begin() as session:
            yield session

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as exc:
            raise DatabaseError(_explain_operational_error(exc, self.describe())) from exc

    def describe(self) -> str:
        """Where the data lives, for messages (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    # -- schema ---------------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        with self.engine.connect() as connection:
            return migrations.current_revision(connection)

    def upgrade(self) -> bool:
        """Bring the schema to this program's version; back up an SQLite file first.

        Returns True when anything was changed.
        """
        try:
            with self.engine.connect() as connection:
                current = migrations.current_revision(connection)
                has_tables = bool(inspect(connection).get_table_names())
        except SQLAlchemyError as exc:
            raise DatabaseError(f"无法打开数据库“{self.describe()}”：{_first_line(exc)}") from exc
        head = migrations.head_revision()
        if current == head:
            return False
        if current is not None and not migrations.is_known(current):
            raise DatabaseError(
                f"数据库“{self.describe()}”由更新版本的 UnionOffice 创建（架构版本 {current}），"
                "请升级本程序后再打开；数据库未作任何修改"
            )
        if current is None and has_tables:
            raise DatabaseError(
                f"“{self.describe()}”中已有其他程序的数据表，不是 UnionOffice 数据库"
            )
        if current is not None and self.path is not None:
            self.backup(self.backup_dir() / f"before-upgrade-{current}-{_stamp()}.sqlite")
        try:
            with self.engine.begin() as connection:
                migrations.upgrade(connection)
        except SQLAlchemyError as exc:
            raise DatabaseError(f"数据库升级失败，已回滚：{_first_line(exc)}") from exc
        return True

    # -- backups --------------------------------------------------------------------------

    def backup_dir(self) -> Path:
        assert self.path is not None
        return self.path.parent / "backups"

    def backup(self, target: Path) -> Path:
        """Copy a live SQLite database with SQLite's online backup API (never a file copy)."""
        if self.path is None:
            raise DatabaseError("只有 SQLite 数据库文件可以这样备份")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        source = sqlite3.connect(self.path)
        try:
            destination = sqlite3.connect(partial)
            try:
                source.backup(destination)
            finally:
                destination.close()
        finally:
            source.close()
        partial.replace(target)
        return target

    def dispose(self) -> None:
        self.engine.dispose()


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc) or exc).splitlines()[0]


def _explain_operational_error(exc: OperationalError, where: str) -> str:
    text = _first_line(exc)
    if "readonly" in text or "read-only" in text:
        return f"数据库“{where}”是只读的，无法保存修改"
    if "locked" in text or "busy" in text:
        return f"数据库“{where}”正被其他程序占用，请稍后再试"
    if "disk" in text and "full" in text:
        return f"磁盘已满，无法写入数据库“{where}”；修改未保存"
    return f"数据库“{where}”出错：{text}"
