"""Opening the clerk's database at start-up while the window is already on screen.

Importing SQLAlchemy, opening (and if need be upgrading) the database and reading the notice
list of a ten-year archive take longer than Python and Qt need to show the window. So the
window is built empty and filled in two steps off the UI thread:

1. the notice list, read straight from an SQLite file with the sqlite3 module
   (storage.quick_list) and grouped: the tree shows it, the clerk can read it, type a search
   and ask for a notice;
2. once the loop is idle again (the tree painted), the database is opened with SQLAlchemy,
   its schema checked, the calendar's month read: a WindowSnapshot that ``attach`` shows,
   the tree kept as it is. A search typed or a notice asked for meanwhile is done then.

A server, a new or older database skips step 1: the window waits for step 2, as it did.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractEventDispatcher, QEvent, QObject, QTimer

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.tree.tree_nodes import Node, NoticeCatalogue
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.storage import locations

if TYPE_CHECKING:
    from unionoffice.gui.calendar.calendar_view import MonthRows
    from unionoffice.gui.dialogs.connection_dialog import ConnectionAnswer
    from unionoffice.gui.window.main_window import MainWindow
    from unionoffice.storage.database import Database
    from unionoffice.storage.quick_list import QuickList

# Started at the window's first paint; this long without one (a minimised start), at once.
START_WITHOUT_PAINT_MS = 500


@dataclass(frozen=True)
class WindowSnapshot:
    """What the main window shows first, read from the database on a worker thread."""

    catalogue: NoticeCatalogue  # the notice list, its labels and groups made
    tree: Node  # the notices grouped by year and series, unfiltered
    department_names: list[str]
    calendar_month: MonthRows  # the activities of the month the calendar opens on
    feed_start: int = 0  # the change feed's newest row: other clerks' changes after it


@dataclass(frozen=True)
class ListedNotices:
    """Step 1: the notice list read before the database is open, grouped for the tree."""

    listed: QuickList
    catalogue: NoticeCatalogue
    tree: Node


def list_notices(db_argument: str | None) -> ListedNotices | None:
    """Step 1 (on a worker thread): the notice list of an SQLite file at this program's
    schema, grouped; None when the file cannot be read so (the full open says why)."""
    from unionoffice.storage.quick_list import read_notice_list

    listed = read_notice_list(db_argument)
    if listed is None:
        return None
    catalogue = NoticeCatalogue(listed.summaries)
    return ListedNotices(listed, catalogue, catalogue.build())


def read_snapshot(db: Database, listed: ListedNotices | None = None) -> WindowSnapshot:
    """Read and group what the window shows first (touches no widget: runs on a worker
    thread); the notice list of ``listed`` when it was read from this very file."""
    from unionoffice.gui.calendar.calendar_view import read_first_month
    from unionoffice.storage.services.activities import ActivityQueryService
    from unionoffice.storage.services.change_feed import ChangeFeed
    from unionoffice.storage.services.notices import NoticeService

    if listed is not None and listed.listed.path == db.path:
        # the tree shows it already; the changes made since are read from its feed row on
        catalogue, tree, feed_start = listed.catalogue, listed.tree, listed.listed.feed_start
    else:
        feed_start = ChangeFeed(db).latest()  # before the list: a change meanwhile is reread
        catalogue = NoticeCatalogue(NoticeService(db).list())
        tree = catalogue.build()
    activities = ActivityQueryService(db)
    return WindowSnapshot(
        catalogue=catalogue,
        tree=tree,
        department_names=activities.department_names(),
        calendar_month=read_first_month(activities),
        feed_start=feed_start,
    )


def open_and_read(
    db_argument: str | None, *, listed: ListedNotices | None = None
) -> tuple[Database, WindowSnapshot]:
    """Open the database (``--db``, the remembered one or the default) and read its snapshot
    (with the notice list of ``listed``, step 1's, when there is one).

    Raises what Database raises (UnionOfficeError in Chinese for what a clerk can fix); the
    database is closed again when reading fails.
    """
    from unionoffice.storage import credentials
    from unionoffice.storage.database import Database

    db = Database(credentials.with_stored_password(db_argument))
    try:
        snapshot = read_snapshot(db, listed)
    except BaseException:
        db.dispose()
        raise
    _import_window_modules()
    return db, snapshot


def _import_window_modules() -> None:
    """Import here, off the UI thread, the modules ``MainWindow.attach`` needs.

    Importing creates no widget, so it is safe on a worker thread; done here, the UI thread
    only builds the views.
    """
    import importlib

    for name in WINDOW_MODULES:
        importlib.import_module(name)


WINDOW_MODULES = (
    "unionoffice.gui.activities.activity_view",
    "unionoffice.gui.activities.activity_model",
    "unionoffice.gui.calendar.calendar_view",
    "unionoffice.gui.editor.notice_editor",
    "unionoffice.gui.editor.recovery",
    "unionoffice.storage.recovery",
    "unionoffice.storage.services.organs",
)


NETWORK_FILE_CHOICES = ("复制到本机后打开", "连接数据库服务器…", "退出")


def local_copy_of(path: Path) -> Path:
    """Where a database from a network drive is copied on this PC: beside the default
    database, under its own name (with the time when that name is taken)."""
    folder = locations.default_database_path().parent
    target = folder / f"{path.stem}（本机副本）.sqlite"
    if target.exists():
        target = folder / f"{path.stem}（本机副本 {dt.datetime.now():%Y%m%d-%H%M%S}）.sqlite"
    return target


class DatabaseOpening(QObject):
    """Opens the database for a window that is already shown, then attaches it.

    ``on_open(db)`` runs on the UI thread between opening and attaching (the first-run wizard);
    it returns True when it wrote to the database, so the snapshot is read again. When the
    database cannot be opened the clerk is told why; a database remembered from last time
    falls back to the default one (``on_fallback``), any other failure closes the window
    with ``exit_code`` 1.
    """

    def __init__(
        self,
        window: MainWindow,
        db_argument: str | None,
        *,
        remembered: bool = False,
        on_open: Callable[[Database], bool] | None = None,
        on_attached: Callable[[Database], None] | None = None,
        on_fallback: Callable[[], None] | None = None,
        on_reconnect: Callable[[str, bool], None] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._db_argument = db_argument
        self._remembered = remembered
        self._on_open = on_open
        self._on_attached = on_attached
        self._on_fallback = on_fallback
        self._on_reconnect = on_reconnect
        self.exit_code = 0
        self.task: BackgroundTask | None = None
        self._fallback_start = QTimer(self)
        self._fallback_start.setSingleShot(True)
        self._fallback_start.setInterval(START_WITHOUT_PAINT_MS)
        self._fallback_start.timeout.connect(self._start)

    def start_after_first_paint(self) -> None:
        """Open once the window has been painted: the clerk sees it before the work begins."""
        self._window.installEventFilter(self)
        self._fallback_start.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # after this paint has finished
        return False

    def _start(self) -> None:
        self._fallback_start.stop()
        self._window.removeEventFilter(self)
        if self.task is not None or not self._window.isVisible():
            return  # started already, or the window was closed first
        if self._refused_on_network_drive():
            return
        argument = self._db_argument
        self.task = BackgroundTask(
            self._window,
            "正在读取公文…",
            lambda _context: list_notices(argument),
            on_done=self._listed,
            on_failed=lambda _error: self._open(None),  # the full open finds it again
            cancellable=False,
            show_progress=False,
        ).start()

    def _listed(self, listed: ListedNotices | None) -> None:
        """Step 1 done: show the notices, then open the database once the loop is idle."""
        if not self._window.isVisible():
            return  # closed meanwhile
        if listed is None:
            self._open(None)
            return
        self._window.show_notices(listed.catalogue, listed.tree)
        dispatcher = QAbstractEventDispatcher.instance()
        if dispatcher is None:  # pragma: no cover - a running loop has one
            self._open(listed)
            return

        def when_idle() -> None:
            dispatcher.aboutToBlock.disconnect(when_idle)
            # started from the loop, not from inside its idle signal
            QTimer.singleShot(0, lambda: self._open(listed))

        dispatcher.aboutToBlock.connect(when_idle)

    def _open(self, listed: ListedNotices | None) -> None:
        """Step 2: open the database with SQLAlchemy and read the rest of the snapshot."""
        if not self._window.isVisible():
            return  # closed before it started: nothing was opened
        argument = self._db_argument

        def work(context: TaskContext) -> tuple[Database, WindowSnapshot] | None:
            db, snapshot = open_and_read(argument, listed=listed)
            if context.cancelled():  # the window was closed meanwhile: nobody will use it
                db.dispose()
                return None
            return db, snapshot

        self.task = BackgroundTask(
            self._window,
            "正在打开数据库…",
            work,
            on_done=self._opened,
            on_failed=self._failed,
            cancellable=False,
            show_progress=False,
        ).start()

    def _opened(self, result: Any) -> None:
        if result is None:
            return
        db, snapshot = result
        if not self._window.isVisible():  # closed while the database was opening
            db.dispose()
            return
        try:
            if self._on_open is not None and self._on_open(db):
                snapshot = None  # the wizard wrote to it: read again
            self._window.attach(db, snapshot)
        except UnionOfficeError as exc:
            db.dispose()
            self._give_up(f"无法读取数据库中的公文。\n\n{exc}")
            return
        if self._on_attached is not None:
            self._on_attached(db)

    def _failed(self, error: BaseException) -> None:
        if self._ask_for_server(error):
            return
        if not self._window.is_attached():  # not this database's notices any more
            empty = NoticeCatalogue([])
            self._window.show_notices(empty, empty.build(), shown=False)
        reason = f"。\n\n{error}" if isinstance(error, UnionOfficeError) else f"：{error}"
        if self._remembered and self._on_fallback is not None:
            messages.show_error(
                self._window, f"无法打开上次使用的数据库，改为打开默认数据库{reason}"
            )
            self._on_fallback()
            return
        self._give_up(f"无法打开数据库{reason}")

    def _ask_for_server(self, error: BaseException) -> bool:
        """A server that could not be opened: the clerk may correct its address or password,
        open the PC's own database, or quit (连接数据库服务器). False for anything else."""
        from unionoffice.gui.dialogs import connection_dialog
        from unionoffice.storage.credentials import with_stored_password

        argument = self._db_argument
        if (
            self._on_reconnect is None
            or not connection_dialog.is_server(argument)
            or not isinstance(error, UnionOfficeError)
        ):
            return False
        self._follow(
            connection_dialog.ask_connection(
                with_stored_password(argument) or "", str(error), self._window
            )
        )
        return True

    def _follow(self, answer: ConnectionAnswer) -> None:
        """连接数据库服务器's answer: that server, the PC's own database, or quit."""
        from unionoffice.gui.dialogs.connection_dialog import Choice

        if answer.choice is Choice.CONNECT and self._on_reconnect is not None:
            self._on_reconnect(answer.url, answer.remember)
        elif answer.choice is Choice.LOCAL and self._on_fallback is not None:
            self._on_fallback()
        else:
            self.exit_code = 1
            self._window.close()

    def _refused_on_network_drive(self) -> bool:
        """A database file on a network share is not opened (locations.network_refusal): the
        clerk copies it to this PC and works on the copy, connects to the office's server,
        or quits. False when the database is not such a file."""
        from unionoffice.storage.quick_list import sqlite_file_of

        path = sqlite_file_of(self._db_argument)
        if path is None or not locations.is_network_path(path):
            return False
        choice = messages.choose(
            self._window, locations.network_refusal(str(path)), NETWORK_FILE_CHOICES, default=0
        )
        if choice == 0 and self._on_reconnect is not None:
            self._copy_to_this_pc(path)
        elif choice == 1 and self._on_reconnect is not None:
            self._ask_for_server_instead(path)
        else:
            self.exit_code = 1
            self._window.close()
        return True

    def _copy_to_this_pc(self, path: Path) -> None:
        from unionoffice.storage.sqlite_files import copy_database_file

        target = local_copy_of(path)

        def copy(_context: TaskContext) -> Path:
            target.parent.mkdir(parents=True, exist_ok=True)  # a first start on this PC
            return copy_database_file(path, target)

        self.task = BackgroundTask(
            self._window,
            "正在把数据库复制到本机…",
            copy,
            on_done=lambda copied: self._open_copy(path, copied),
            on_failed=lambda error: self._give_up(f"无法把数据库复制到本机：{error}"),
            cancellable=False,
        ).start()

    def _open_copy(self, path: Path, copied: Path) -> None:
        messages.show_info(
            self._window,
            f"已把数据库复制到本机：{copied}\n\n网络驱动器上的“{path}”没有改动。"
            "以后打开的是本机的这一份；几台电脑要共用数据时，请改用单位的数据库服务器。",
        )
        assert self._on_reconnect is not None
        self._on_reconnect(str(copied), False)  # remembered as the database from now on

    def _ask_for_server_instead(self, path: Path) -> None:
        from unionoffice.gui.dialogs import connection_dialog

        self._follow(
            connection_dialog.ask_connection(
                "", f"数据库文件“{path}”在网络驱动器上，请填写单位数据库服务器的地址", self._window
            )
        )

    def _give_up(self, text: str) -> None:
        messages.show_error(self._window, text)
        self.exit_code = 1
        self._window.close()
