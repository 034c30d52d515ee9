"""Start-up: the Qt application, the database, the main window; errors shown in Chinese."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from unionoffice import __version__
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.settings import Settings
from unionoffice.gui.startup_report import report_startup_if_asked
from unionoffice.storage import backups, credentials
from unionoffice.storage.database import Database

APP_NAME = "工会公文助手"
UI_FONTS = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Sans"]


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the program's names, Chinese Qt texts and a CJK UI font."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("UnionOffice")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("UnionOffice")
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    translator = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo

    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(), "qtbase", "_", path):
        app.installTranslator(translator)
    font = QFont()
    font.setFamilies(UI_FONTS)
    font.setPointSize(10)
    app.setFont(font)
    return app


def open_database(db_argument: str | None) -> Database:
    """The clerk's database; UnionOfficeError (in Chinese) when it cannot be used."""
    return Database(credentials.with_stored_password(db_argument))


def run_gui(db_argument: str | None = None, *, settings: Settings | None = None) -> int:
    """Open the main window on the database and run until it closes; the exit status."""
    app = make_application()
    remembered = False
    if db_argument is None:  # the database chosen in 设置 last time, if any
        settings = settings or Settings()
        db_argument = settings.last_database or None
        remembered = db_argument is not None
    try:
        db = open_database(db_argument)
    except Exception as exc:  # the clerk sees a message, never a traceback
        reason = f"。\n\n{exc}" if isinstance(exc, UnionOfficeError) else f"：{exc}"
        if remembered and settings is not None:
            messages.show_error(None, f"无法打开上次使用的数据库，改为打开默认数据库{reason}")
            settings.last_database = ""
            return run_gui(None, settings=settings)
        messages.show_error(None, f"无法打开数据库{reason}")
        return 1
    from unionoffice.gui.main_window import MainWindow

    try:
        window = MainWindow(db, settings or Settings())
    except UnionOfficeError as exc:
        db.dispose()
        messages.show_error(None, f"无法读取数据库中的公文。\n\n{exc}")
        return 1
    report_startup_if_asked(window)
    window.show()
    _take_automatic_backup(db)
    daily = QTimer(window)  # a window left open for days still gets one backup a day
    daily.setInterval(60 * 60 * 1000)
    daily.timeout.connect(_back_up_open_windows)
    daily.start()
    quit_after = os.environ.get("UNIONOFFICE_QUIT_AFTER_MS")
    if quit_after:  # smoke tests of the packaged program: open, settle, close
        QTimer.singleShot(int(quit_after), window.close)
    try:
        return int(app.exec())
    finally:
        db.dispose()


def _take_automatic_backup(db: Database) -> None:
    """Today's rotating backup of an SQLite database; a failure is reported, never fatal."""
    try:
        backups.automatic_backup(db)
    except (UnionOfficeError, OSError) as exc:
        messages.show_error(None, f"自动备份失败，请检查磁盘空间：{exc}")


def _back_up_open_windows() -> None:
    """The daily backup of the database each open window shows (设置 may have switched it)."""
    from unionoffice.gui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            _take_automatic_backup(widget.db)
