"""Opening a database: URL or file path, SQLite pragmas, sessions, schema upgrade on open."""

from __future__ import annotations

import getpass
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from unionoffice.domain.errors import DatabaseError
from unionoffice.output_files import expand_home
from unionoffice.storage import in_use, locations, migrations, search_texts, sqlite_files

# here too, where the rest of the program has always found them
from unionoffice.storage.locations import default_database_path
from unionoffice.storage.sqlite_files import SQLITE_HEADER

BUSY_TIMEOUT_MS = 30_000
CONNECT_TIMEOUT_S = 10
STATEMENT_TIMEOUT_MS = 60_000
DEAD_NETWORK_MS = 30_000
# SQLite connections kept open between uses. Each keeps its own page cache (2 MB) and prepared
# statements (a search's can be large), and the pool handed them out in turn, so every
# connection the window's overlapping reads ever needed stayed full: 4 of them, 18 MB, at the
# end of the bench's GUI session. Opening one more for a read that overlaps another takes
# half a millisecond.
KEPT_SQLITE_CONNECTIONS = 1
# Backends and their drivers this program is built and tested with.
SUPPORTED_BACKENDS = {"sqlite": ("pysqlite",), "postgresql": ("psycopg",)}


def database_url(db: str | Path | None) -> URL:
    """Turn ``--db`` (a file path, an SQLAlchemy URL or nothing) into an SQLAlchemy URL.

    Refuses, in Chinese, a URL this program cannot use (mysql://, a typo, a missing driver).
    """
    if db is None:
        return URL.create("sqlite", database=str(default_database_path()))
    text = str(db)
    if "://" not in text:
        if not text.strip():
            raise DatabaseError("数据库路径为空")
        return URL.create("sqlite", database=str(expand_home(text).resolve()))
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise DatabaseError(f"数据库地址“{_hide_password(text)}”写法有误") from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise DatabaseError(
            f"不支持“{backend}”数据库：只能用 SQLite 数据库文件（写文件路径）或 PostgreSQL "
            "服务器（postgresql+psycopg://用户名@服务器/数据库名）"
        )
    if url.drivername == backend and backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")  # SQLAlchemy would pick psycopg2
    driver = url.get_driver_name()
    if driver not in SUPPORTED_BACKENDS[backend]:
        raise DatabaseError(
            f"不支持数据库驱动“{driver}”：{backend} 请用 "
            + "、".join(f"{backend}+{name}" for name in SUPPORTED_BACKENDS[backend])
        )
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise DatabaseError(
                "本程序未安装 PostgreSQL 驱动（psycopg），无法连接服务器；"
                '请安装带服务器支持的版本（pip install "unionoffice[postgres]"）'
            ) from exc
    return url


def os_user() -> str:
    """The operating system's name for the person at this PC ('' when it has none)."""
    try:
        return getpass.getuser()[:100]
    except Exception:  # no user name in the environment nor the password database
        return ""


def _hide_password(text: str) -> str:
    return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", text)


def _check_sqlite_file(path: Path) -> None:
    """Refuse, with a message a clerk understands, a file that is not an SQLite database."""
    if path.is_dir():
        raise DatabaseError(f"“{path}”是一个文件夹，不是数据库文件")
    if path.exists() and not path.is_file():
        raise DatabaseError(f"“{path}”不是普通文件，不能用作数据库")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件“{path}”：{exc.strerror or exc}") from exc
    if header != SQLITE_HEADER:
        raise DatabaseError(
            f"“{path}”不是 UnionOffice 数据库文件（也不是 SQLite 数据库），未作任何修改"
        )


class Database:
    """One database, SQLite file or PostgreSQL server, and the sessions onto it.

    ``session()`` is for a unit of work that writes: on SQLite it takes the write lock at
    BEGIN (IMMEDIATE), so two processes allocating 文号 queue instead of failing halfway.
    ``read_session()`` only reads and never blocks writers, nor waits for them.

    An SQLite file is counted as in use by this process for the Database's lifetime
    (storage.in_use), so that nothing replaces it underneath; call ``dispose()`` when done.
    """

    def __init__(self, db: str | Path | None = None, *, upgrade: bool = True) -> None:
        self.url = database_url(db)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path: Path | None = None
        self.read_only = False
        # Who is working, for the register and the history: the OS user; the window sets the
        # name the clerk gives in 设置.
        self.clerk = os_user()
        # On a network drive: the rollback journal, not WAL, and a warning (storage.locations).
        self.on_network_drive = False
        self._identity: tuple[int, int] | None = None
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            self.path = Path(self.url.database)
            _check_sqlite_file(self.path)
            self.on_network_drive = locations.is_network_path(self.path)
            self.read_only = locations.in_read_only_folder(self.path)
            if not self.read_only:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise DatabaseError(
                        f"无法创建数据库所在的文件夹“{self.path.parent}”：{exc.strerror or exc}"
                    ) from exc
        self.engine = self._create_engine()
        self._writer = sessionmaker(self.engine, expire_on_commit=False)
        self._reader = sessionmaker(
            self.engine.execution_options(sqlite_begin="DEFERRED"), expire_on_commit=False
        )
        self._notes_stale_texts: bool | None = None  # asked of the database at first commit
        if self.is_sqlite:
            event.listen(self._writer, "before_commit", self._before_commit)
        if self.path is not None:
            in_use.join(self.path, self)
        try:
            if upgrade:
                self.upgrade()
        except BaseException:
            self.dispose()
            raise

    def _create_engine(self) -> Engine:
        if not self.is_sqlite:
            # A server that does not answer must not hold the window for ever: connecting
            # gives up after CONNECT_TIMEOUT_S, a statement after STATEMENT_TIMEOUT_MS, and a
            # connection whose server is gone from the network (a cable pulled, a PC switched
            # off) is found dead by TCP keepalives and tcp_user_timeout in about half a minute
            # instead of the system's default of many minutes (tcp_user_timeout and the probe
            # count are Linux's; Windows keeps the idle time and interval).
            return create_engine(
                self.url,
                pool_pre_ping=True,
                connect_args={
                    "connect_timeout": CONNECT_TIMEOUT_S,
                    "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
                    "keepalives": 1,
                    "keepalives_idle": 15,
                    "keepalives_interval": 5,
                    "keepalives_count": 3,
                    "tcp_user_timeout": DEAD_NETWORK_MS,
                },
            )
        if self.path is not None and self.read_only:
            engine = create_engine("sqlite://", creator=self._connect_read_only)
        else:
            # A file's pool keeps KEPT_SQLITE_CONNECTIONS between uses; reads that overlap get
            # one more each, closed when they end.
            kept = {"pool_size": KEPT_SQLITE_CONNECTIONS} if self.path is not None else {}
            engine = create_engine(
                self.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **kept
            )
        writable_file = self.path is not None and not self.read_only
        journal = "DELETE" if self.on_network_drive else "WAL"

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
            # Let SQLAlchemy's "begin" event issue BEGIN itself, so it can say IMMEDIATE.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if writable_file:
                cursor.execute(f"PRAGMA journal_mode = {journal}")
                cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection) -> None:  # type: ignore[no-untyped-def]
            mode = connection.get_execution_options().get("sqlite_begin", "IMMEDIATE")
            connection.exec_driver_sql(f"BEGIN {mode}")

        return engine

    def _connect_read_only(self) -> sqlite3.Connection:
        assert self.path is not None
        uri = locations.sqlite_uri(self.path, mode="ro")
        timeout = BUSY_TIMEOUT_MS / 1000
        try:
            connection = sqlite3.connect(uri, uri=True, timeout=timeout, check_same_thread=False)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError:
            # A WAL database whose -shm file cannot be made here: nothing can be writing to
            # it in this folder either, so read the file as it stands.
            immutable = locations.sqlite_uri(self.path, mode="ro", immutable="1")
            return sqlite3.connect(immutable, uri=True, timeout=timeout, check_same_thread=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A transaction that writes; committed on success, rolled back on any error."""
        with self._guard():
            self._check_same_file()
            with self._writer.begin() as session:
                yield session

    def _before_commit(self, session: Session) -> None:
        session.flush()  # the last changes first, so that their triggers have noted them
        connection = session.connection()
        if self._notes_stale_texts is None:
            self._notes_stale_texts = search_texts.has_stale_table(connection)
        if self._notes_stale_texts:
            search_texts.refresh_stale(connection)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A transaction that only reads."""
        with self._guard():
            self._check_same_file()
            with self._reader.begin() as session:
                yield session

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A transaction that only reads, without an ORM session: for a look-up made once a
        file by an import, where the session cost more than the query."""
        with self._guard():
            self._check_same_file()
            with self._reader_connection() as connection, connection.begin():
                yield connection

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            if isinstance(exc, IntegrityError):
                raise  # the services say which record clashes
            raise DatabaseError(explain_database_error(exc, self.describe())) from exc

    def _check_same_file(self) -> None:
        """Never read or write a file that is no longer the database (replaced underneath)."""
        if self.path is None:
            return
        try:
            status = self.path.stat()
        except FileNotFoundError:
            if self._identity is None:
                return  # a new database: SQLite creates the file on first use
            raise DatabaseError(
                f"数据库文件“{self.path}”已不存在（被移走或删除）。请重新打开数据库；"
                "这次的修改没有保存"
            ) from None
        identity = (status.st_dev, status.st_ino)
        if self._identity is None:
            self._identity = identity
        elif identity != self._identity:
            raise DatabaseError(
                f"数据库文件“{self.path}”已被替换（例如由其他程序从备份恢复）。"
                "请关闭后重新打开数据库；这次的修改没有保存"
            )

    def release_connections(self) -> None:
        """Close pooled connections (before this file is replaced); they reopen on next use."""
        self.engine.dispose()
        self._identity = None

    def describe(self) -> str:
        """Where the data lives, for messages (never shows a password)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    def location_warning(self) -> str | None:
        """What the clerk should know about where the file is (a network drive), if anything."""
        return locations.network_warning(self.describe()) if self.on_network_drive else None

    # -- schema ---------------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        with self._guard(), self._reader_connection() as connection:
            return migrations.current_revision(connection)

    @contextmanager
    def _reader_connection(self) -> Iterator[Connection]:
        """A connection whose transaction only reads (no write lock, not even at BEGIN)."""
        with self.engine.connect().execution_options(sqlite_begin="DEFERRED") as connection:
            yield connection

    def upgrade(self) -> bool:
        """Bring the schema to this program's version; back up an SQLite file first.

        Reading the revision takes no lock. Upgrading an SQLite file needs it alone: it is
        refused while another process has the database open. Returns True when anything
        was changed.
        """
        try:
            with self._guard(), self._reader_connection() as connection:
                current = migrations.current_revision(connection)
                has_tables = bool(inspect(connection).get_table_names())
        except SQLAlchemyError as exc:
            raise DatabaseError(explain_database_error(exc, self.describe())) from exc
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
        if self.read_only:
            raise DatabaseError(
                f"数据库“{self.describe()}”需要升级到本程序的版本，但它所在的文件夹不能写入"
            )
        if self.path is None:
            self._migrate()
            return True
        purpose = "升级数据库" if current is not None else "建立新数据库"
        with in_use.exclusive_use(self.path, purpose):
            if current is not None:
                self.backup(self.backup_dir() / f"before-upgrade-{current}-{_stamp()}.sqlite")
            self._migrate()
        return True

    def _migrate(self) -> None:
        try:
            with self._guard(), self.engine.begin() as connection:
                if not self.is_sqlite:
                    # A migration rewrites whole tables; it may take longer than a statement.
                    connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
                migrations.upgrade(connection)
                if not self.is_sqlite:
                    connection.exec_driver_sql("ANALYZE")  # the planner sees the new tables
        except DatabaseError as exc:
            raise DatabaseError(f"数据库升级失败，已回滚，数据库未改动：{exc}") from exc
        except SQLAlchemyError as exc:
            raise DatabaseError(f"数据库升级失败，已回滚：{_first_line(exc)}") from exc

    # -- backups --------------------------------------------------------------------------

    def backup_dir(self) -> Path:
        assert self.path is not None
        return self.path.parent / "backups"

    def backup(self, target: Path) -> Path:
        """A checked copy of the live SQLite database (online backup API, never a file copy).

        Refuses, leaving nothing behind, when the database is damaged.
        """
        if self.path is None:
            raise DatabaseError("只有 SQLite 数据库文件可以这样备份")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(
                f"无法创建备份文件夹“{target.parent}”：{exc.strerror or exc}"
            ) from exc
        return sqlite_files.copy_database_file(self.path, target)

    def dispose(self) -> None:
        """Close every connection and stop counting as a user of the database."""
        self.engine.dispose()
        if self.path is not None:
            in_use.leave(self.path, self)


def check_server(url: str) -> None:
    """Connect to the server ``url`` names and leave again, changing nothing (测试连接);
    DatabaseError with the reason as a clerk reads it when that fails."""
    from sqlalchemy.pool import NullPool

    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    try:
        engine = create_engine(
            parsed, poolclass=NullPool, connect_args={"connect_timeout": CONNECT_TIMEOUT_S}
        )
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        engine.dispose()
    except Exception as exc:
        raise DatabaseError(explain_database_error(exc, where)) from exc


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc)
    return text.splitlines()[0] if text else type(exc).__name__


# What PostgreSQL's client says when it cannot get in, and what a clerk can do about it.
_CONNECTION_PROBLEMS = (
    ("password authentication failed", "用户名或密码不对"),
    ("no password supplied", "需要密码，但没有给出（请在“设置 → 数据库”中填写）"),
    ("does not exist", "服务器上没有这个数据库或用户"),
    ("could not translate host name", "找不到这台服务器（名称或地址有误）"),
    ("failed to resolve host", "找不到这台服务器（名称或地址有误）"),
    ("name or service not known", "找不到这台服务器（名称或地址有误）"),
    ("connection refused", "服务器拒绝连接（服务未启动，或端口不对）"),
    ("timeout", "服务器长时间没有应答（网络不通或服务器忙）"),
    ("timed out", "服务器长时间没有应答（网络不通或服务器忙）"),
    ("no route to host", "网络不通，到不了这台服务器"),
    ("network is unreachable", "网络不通，到不了这台服务器"),
    ("server closed the connection", "服务器中断了连接"),
    ("too many clients", "服务器的连接数已满，请稍后再试"),
    (
        "no pg_hba.conf entry",
        "服务器不接受这台电脑的连接（请管理员在服务器的 pg_hba.conf 中允许本机的地址）",
    ),
    ("ssl negotiation", "对方不是数据库服务器，或连接被网络设备拦截（请检查地址和端口）"),
)


def explain_database_error(exc: BaseException, where: str) -> str:
    """A driver's error as a clerk reads it."""
    text = _first_line(exc)
    lowered = text.lower()
    if "connection" in lowered or "password" in lowered or "host" in lowered:
        for clue, meaning in _CONNECTION_PROBLEMS:
            if clue in lowered:
                return (
                    f"无法连接数据库服务器“{where}”：{meaning}。请检查服务器地址、端口、"
                    "用户名和密码，或改用本机数据库文件"
                )
    if "readonly" in lowered or "read-only" in lowered:
        return f"数据库“{where}”是只读的，无法保存修改"
    if "locked" in lowered or "busy" in lowered:
        return f"数据库“{where}”正被其他程序占用，请稍后再试"
    if ("disk" in lowered and "full" in lowered) or "no space" in lowered:
        return f"磁盘已满，无法写入数据库“{where}”；修改未保存"
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return (
            f"数据库文件“{where}”已损坏，无法读写。请用最近一份完好的备份恢复"
            "（备份与恢复），损坏的文件请保留给技术人员"
        )
    if "unable to open" in lowered:
        return f"无法打开数据库文件“{where}”：文件夹不存在或没有读写权限"
    missing = re.search(r"no such (table|column): (\S+)", text)
    if missing:
        what = "表" if missing[1] == "table" else "列"
        return (
            f"数据库“{where}”的结构不完整（缺少{what} {missing[2]}），可能被其他程序改动过；"
            "请用备份恢复"
        )
    if "too large" in lowered or "overflow" in lowered:
        return f"数值超出数据库能保存的范围：{text}"
    return f"数据库“{where}”出错：{text}"
