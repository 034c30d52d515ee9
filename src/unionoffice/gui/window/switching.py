"""Putting another database (or a restored backup) in front of the clerk.

The window saves and closes its notices, lets the old database go and attaches to the new
one, as it does at start-up. Open notices are not carried over: their ids belong to the old
database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.storage import backups, credentials, locations
from unionoffice.storage.database import Database

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow


def setting_for(argument: str) -> str:
    """What to remember of a database: a path as it is, a URL without its password.

    The password of a server is never written to the settings: it goes to the platform
    keyring when there is one, else the server's own means (PGPASSWORD, .pgpass) supply it.
    """
    return credentials.storable(argument)


def open_database(argument: str) -> Database | None:
    """Open (and upgrade) the database; None, with the reason shown, when it cannot be used."""
    try:
        db = Database(credentials.with_stored_password(argument) or None)
    except UnionOfficeError as exc:
        messages.show_error(None, f"无法打开数据库，仍使用当前数据库。\n\n{exc}")
    except Exception as exc:  # a bad URL, a missing driver: the clerk sees a message
        messages.show_error(None, f"无法打开数据库“{argument}”，仍使用当前数据库：{exc}")
    else:
        if not db.on_network_drive:
            return db
        db.dispose()  # a file on a network share is not opened in the window (start-up says so)
        messages.show_error(
            None,
            f"{locations.network_refusal(db.describe())}\n\n仍使用当前数据库。"
            "请先把这个文件复制到本机的文件夹（无人使用它的时候），再打开本机的那一份。",
        )
    return None


def replace_window(window: MainWindow, db: Database) -> MainWindow | None:
    """Show ``db`` in ``window`` in place of its database (the window is attached anew).

    None, with ``db`` closed again, when the clerk keeps the old database (unsaved edits) or
    the new one cannot be read; the window then shows the old one as before.
    """
    from unionoffice.gui.window.database_opener import read_snapshot

    if not window.save_all() and not messages.confirm(
        window, "有修改未能保存（见编辑器上方的提示）。仍要切换吗？未保存的修改将丢失。"
    ):
        if db is not window.db:
            db.dispose()
        return None
    try:
        snapshot = read_snapshot(db)  # everything the window shows, read before anything goes
    except UnionOfficeError as exc:
        if db is not window.db:
            db.dispose()
        messages.show_error(window, f"无法读取数据库中的公文，仍使用当前数据库。\n\n{exc}")
        return None
    window.reattach(db, snapshot)
    try:
        backups.automatic_backup(db)
    except (UnionOfficeError, OSError) as exc:
        messages.show_error(window, f"自动备份失败，请检查磁盘空间：{exc}")
    window.statusBar().showMessage(f"已打开数据库：{db.describe()}", 8000)
    return window


def switch_database(window: MainWindow, argument: str) -> MainWindow | None:
    """设置 → 数据库: open ``argument`` (path or URL) and show it; remember it for next start."""
    db = open_database(argument)
    if db is None:
        return None
    replacement = replace_window(window, db)
    if replacement is not None:
        replacement.settings.last_database = setting_for(argument)
    return replacement
