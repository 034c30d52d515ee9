"""备份与恢复: back up the SQLite database now, restore it from a backup, see the automatic ones.

Backups use SQLite's online backup API (storage.backups). A restore checks the backup file,
asks, saves what is open, keeps the current file aside (backups/before-restore-*.sqlite) and
shows the restored database in the window. It is refused while another program (a second
window, a command) has the database open. The layout is ui/backup_dialog.ui.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import file_filters, messages
from unionoffice.gui.forms import child, load_form
from unionoffice.gui.operations.export_actions import export_folder
from unionoffice.gui.window.switching import replace_window
from unionoffice.gui.workers import stop_tasks
from unionoffice.storage import backups

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow

_STAMP_RE = re.compile(r"(\d{8})-(\d{6})")
_KINDS = {
    "auto-": "自动备份",
    "before-restore-": "恢复前的数据库",
    "before-upgrade-": "升级前的数据库",
}
BACKUP_FILTER = file_filters.BACKUP


def backup_label(path: Path) -> str:
    """ "自动备份　2024年5月1日 09:30（1.2 MB）"."""
    kind = next((label for prefix, label in _KINDS.items() if path.name.startswith(prefix)), "备份")
    match = _STAMP_RE.search(path.name)
    if match:
        when = dt.datetime.strptime(match[1] + match[2], "%Y%m%d%H%M%S")
    else:
        when = dt.datetime.fromtimestamp(path.stat().st_mtime)
    size = path.stat().st_size / 1024 / 1024
    return f"{kind}　{when.year}年{when.month}月{when.day}日 {when:%H:%M}（{size:.1f} MB）"


def listed_backups(folder: Path) -> list[Path]:
    """The backups in the database's backup folder, newest first."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob("*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


class BackupDialog(QDialog):
    """备份与恢复 for the window's database; ``replacement`` is the window after a restore."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        load_form("backup_dialog", self)
        self.main_window = window
        self.db = window.db
        self.replacement: MainWindow | None = None
        sqlite = self.db.path is not None
        child(self, QLabel, "where").setText(f"数据库：{self.db.describe()}")
        self.backup_button = child(self, QPushButton, "backup_button")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_file_button = child(self, QPushButton, "restore_file_button")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.list = child(self, QListWidget, "list")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.restore_selected_button = child(self, QPushButton, "restore_selected_button")
        self.restore_selected_button.clicked.connect(self.restore_selected)
        open_folder = child(self, QPushButton, "open_folder_button")
        open_folder.clicked.connect(self.open_folder)
        self.status = child(self, QLabel, "status")
        child(self, QLabel, "heading").setText(
            f"本机的备份（每天第一次打开时自动备份，保留最近 {backups.KEEP_AUTOMATIC} 份）："
        )
        buttons = child(self, QDialogButtonBox, "buttons")
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(
            self.reject
        )
        if sqlite:
            self.reload()
        else:
            self.status.setText(
                "共用的服务器数据库（PostgreSQL）请由管理员在服务器上备份（如 pg_dump）；"
                "本机只能备份 SQLite 数据库文件。"
            )
            for widget in (self.backup_button, self.restore_file_button, self.list, open_folder):
                widget.setEnabled(False)
        self._update_buttons()

    def reload(self) -> None:
        self.list.clear()
        for path in listed_backups(self.db.backup_dir()):
            item = QListWidgetItem(backup_label(path), self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        if self.list.count() == 0:
            self.list.addItem("（还没有备份）")
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)

    def selected_backup(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return Path(value) if value else None

    def _update_buttons(self) -> None:
        self.restore_selected_button.setEnabled(self.selected_backup() is not None)

    def open_folder(self) -> None:
        folder = self.db.backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def backup_now(self) -> Path | None:
        """立即备份 to a file the clerk chooses (a USB stick, a shared folder …)."""
        settings = self.main_window.settings
        folder = export_folder(settings.backup_folder)
        name = f"工会公文备份-{dt.datetime.now():%Y%m%d-%H%M}.sqlite"
        chosen, _ = QFileDialog.getSaveFileName(self, "备份到", str(folder / name), BACKUP_FILTER)
        if not chosen:
            return None
        try:
            path = backups.backup(self.db, Path(chosen))
        except UnionOfficeError as exc:
            messages.show_error(self, f"备份失败：{exc}")
            return None
        settings.backup_folder = str(path.parent)
        self.status.setText(f"已备份到：{path}")
        return path

    def restore_from_file(self) -> MainWindow | None:
        folder = self.main_window.settings.backup_folder or str(self.db.backup_dir())
        chosen, _ = QFileDialog.getOpenFileName(self, "选择备份文件", folder, BACKUP_FILTER)
        return self.restore(Path(chosen)) if chosen else None

    def restore_selected(self) -> MainWindow | None:
        source = self.selected_backup()
        return self.restore(source) if source is not None else None

    def restore(self, source: Path) -> MainWindow | None:
        """Replace the database by ``source`` after asking; the new window, or None."""
        assert self.db.path is not None
        try:
            backups.check_backup_file(source)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        if not messages.confirm(
            self,
            f"用备份“{source.name}”替换当前数据库吗？\n\n"
            "当前数据库会先另存到备份文件夹（“恢复前的数据库”），需要时仍可恢复回来。",
        ):
            return None
        window = self.main_window
        if not window.save_all() and not messages.confirm(
            self, "有修改未能保存（见编辑器上方的提示）。仍要恢复吗？未保存的修改将丢失。"
        ):
            return None
        stop_tasks(window)
        try:
            aside = backups.restore(self.db, source)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        # The same Database now reads the restored file: the window shows it afresh.
        self.replacement = replace_window(window, self.db)
        if self.replacement is not None:
            self.replacement.statusBar().showMessage(
                f"已从备份恢复；原数据库已另存为 {aside.name}", 10000
            )
            self.accept()
        return self.replacement
