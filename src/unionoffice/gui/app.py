"""Start-up: the Qt application, the database, the main window; errors shown in Chinese."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING, NoReturn

from PySide6.QtCore import QLocale, QThreadPool, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from unionoffice import __version__
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages, office_pc
from unionoffice.gui.assets import app_icon
from unionoffice.gui.background_reads import read_pool
from unionoffice.gui.qt_texts import install_qt_translations
from unionoffice.gui.settings import Settings
from unionoffice.gui.window.database_opener import DatabaseOpening
from unionoffice.gui.window.startup_report import report_startup_if_asked
from unionoffice.gui.workers import BackgroundTask

if TYPE_CHECKING:  # the storage layer is imported by the worker that opens the database
    from unionoffice.gui.window.main_window import MainWindow
    from unionoffice.storage.database import Database

log = logging.getLogger(__name__)

APP_NAME = "工会公文助手"
STUCK_WORKER_WAIT_MS = 3_000  # at exit, for database work still on its way
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Sans"]


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's names, Chinese Qt texts and a CJK UI font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _fewer_malloc_arenas()  # before Qt and the read pool start their threads
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("UnionOffice")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("UnionOffice")
    app.setApplicationVersion(__version__)
    _set_icon(app)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_qt_translations(app)
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSize(10)
    app.setFont(font)
    return app


# glibc's mallopt parameter for the most arenas malloc makes (malloc.h's M_ARENA_MAX).
_M_ARENA_MAX = -8
MALLOC_ARENAS = 2


def _fewer_malloc_arenas() -> None:
    """On Linux (glibc) malloc gives threads that allocate at once arenas of their own, up to
    eight per core, and each arena keeps what it once held: the window's read threads kept
    the SQLite pages and statements they had read with, 10 to 13 MB more at the end of the
    bench's GUI session. Two arenas serve the few threads the window runs; Windows' heap and
    macOS's malloc have no such arenas, so only glibc is told. MALLOC_ARENA_MAX, when set,
    is left to glibc."""
    if not sys.platform.startswith("linux") or "MALLOC_ARENA_MAX" in os.environ:
        return
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # a libc without mallopt: nothing to tell
        return
    mallopt(_M_ARENA_MAX, MALLOC_ARENAS)


def _set_icon(app: QApplication) -> None:
    """The application icon on every window and in the taskbar."""
    app.setWindowIcon(app_icon())
    # Linux desktops match the window to resources/unionoffice.desktop (and its icon) by name.
    app.setDesktopFileName("unionoffice")
    if sys.platform == "win32":
        # Run as python.exe, the taskbar would group the window under Python's icon; its own
        # application id gives it the window icon (the bundle's .exe carries the .ico anyway).
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID("UnionOffice.UnionOffice")


# Set (to anything but 0) to open a new, empty database without the first-run wizard: for
# tests and scripts that open an empty database on purpose. UNIONOFFICE_QUIT_AFTER_MS alone
# does not skip the wizard, it cancels it after that delay, so a forgotten variable never
# leaves a start waiting for a clerk who is not there.
NO_FIRST_RUN = "UNIONOFFICE_NO_FIRST_RUN"


def offer_first_run(db: Database, parent: QWidget | None = None) -> bool:
    """On a new, empty database, the first-run wizard before the window shows it; whether
    the wizard wrote to the database.

    取消 leaves the database empty, so the wizard is offered again at the next start: 设置
    has no page for the 发文机关标志, default texts and departments, and a clerk who cancels
    is most likely looking around first. Once anything is written (an import, a number
    taken) the database is no longer new and the wizard stays away.
    """
    if os.environ.get(NO_FIRST_RUN, "") not in ("", "0"):
        return False
    from unionoffice.storage.services.office_setup import is_new_database

    try:
        if not is_new_database(db):  # one query: this runs at every start
            return False
    except UnionOfficeError:
        return False  # the main window says what is wrong with the database
    from unionoffice.gui.dialogs.first_run import run_first_run  # only a new database needs it

    quit_after = os.environ.get("UNIONOFFICE_QUIT_AFTER_MS")
    close_after_ms = int(quit_after) if quit_after else None
    return bool(run_first_run(db, parent=parent, close_after_ms=close_after_ms))


def run_gui(db_argument: str | None = None, *, settings: Settings | None = None) -> int:
    """Show the main window, open the database behind it, run until it closes; exit status.

    The window is on screen before the database is open: a worker thread imports the storage
    layer, opens (and if need be upgrades) the database and reads the notice list, then the
    window is filled (database_opener.py). A second window of the same user is refused.
    """
    app = make_application()
    with office_pc.single_window() as allowed:
        return _run_window(app, db_argument, settings) if allowed else 1


def _run_window(app: QApplication, db_argument: str | None, settings: Settings | None) -> int:
    settings = settings or Settings()
    remembered = False
    if db_argument is None:  # the database chosen in 设置 last time, if any
        db_argument = settings.last_database or None
        remembered = db_argument is not None
    from unionoffice.gui.window.main_window import MainWindow

    window = MainWindow(None, settings)
    report_startup_if_asked(window)
    openings: list[DatabaseOpening] = []

    def open_database_of_window(argument: str | None, remembered: bool) -> None:
        opening = DatabaseOpening(
            window,
            argument,
            remembered=remembered,
            on_open=lambda db: offer_first_run(db, parent=window),
            on_attached=_after_attach,
            on_fallback=fall_back_to_default,
            on_reconnect=reconnect,
        )
        openings.append(opening)
        opening.start_after_first_paint()

    def reconnect(url: str, remember_password: bool) -> None:
        """Open another database and remember it: the server whose fields the clerk corrected
        (the password in the keyring only if asked), or the copy on this PC of a file on a
        network drive."""
        from unionoffice.storage import credentials

        if "://" in url:
            safe, password = credentials.split_password(url)
            if remember_password and password:
                credentials.remember_password(safe, password)
        else:
            safe = url
        settings.last_database = safe
        open_database_of_window(url, False)
        window.update()

    def fall_back_to_default() -> None:
        settings.last_database = ""
        open_database_of_window(None, False)
        window.update()

    open_database_of_window(db_argument, remembered)
    window.show()
    quit_after = os.environ.get("UNIONOFFICE_QUIT_AFTER_MS")
    if quit_after:  # smoke tests of the packaged program: open, settle, close
        # counted from when the database is shown, so a slow opening (or the first-run
        # wizard, which cancels itself after the same delay) is never cut short
        window.attached.connect(lambda: QTimer.singleShot(int(quit_after), window.close))
    status = max(int(app.exec()), openings[-1].exit_code)
    pools = (QThreadPool.globalInstance(), read_pool())
    if not all(pool.waitForDone(STUCK_WORKER_WAIT_MS) for pool in pools):
        _leave_stuck_workers(status)
    if window.is_attached():
        window.db.dispose()
    return status


def _leave_stuck_workers(status: int) -> NoReturn:
    """Quit although a worker still waits on a database that does not answer (a paused
    server, a dead network): Python would wait for its thread for ever. Nothing of the
    clerk's is lost by not waiting: a save that did not land is in a recovery file, and
    settings are written as they are set."""
    log.warning("database work still waiting at exit; not waiting for it")
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(status)


def _after_attach(db: Database) -> None:
    """Today's backup, off the UI thread; then one a day for a window left open for days."""
    from unionoffice.gui.window.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.is_attached() and widget.db is db:
            office_pc.warn_if_on_network_drive(widget, db)
            _back_up_in_background(widget)
            daily = QTimer(widget)
            daily.setInterval(60 * 60 * 1000)
            daily.timeout.connect(_back_up_open_windows)
            daily.start()


def _back_up_in_background(window: MainWindow) -> None:
    from unionoffice.storage import backups

    db = window.db
    BackgroundTask(
        window,
        "正在自动备份…",
        lambda _context: backups.automatic_backup(db),
        on_done=lambda _result: None,
        on_failed=lambda exc: messages.show_error(window, f"自动备份失败，请检查磁盘空间：{exc}"),
        cancellable=False,
        show_progress=False,
    ).start()


def _back_up_open_windows() -> None:
    """The daily backup of the database each open window shows (设置 may have switched it)."""
    from unionoffice.gui.window.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible() and widget.is_attached():
            _back_up_in_background(widget)
