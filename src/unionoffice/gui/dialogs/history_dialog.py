"""痕迹: the saves of a notice (version, when, who, what changed) and any two versions side by
side with their differences marked; 恢复此版本 brings an older version back as a new change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice_changes import compare_notices
from unionoffice.domain.notice_patch import RevisionEntry
from unionoffice.gui.dialogs.changes_table import ChangesTable
from unionoffice.storage.services.history import HistoryService

COLUMNS = ("版本", "时间", "经办人", "改动")
VERSION, WHEN, CLERK, SUMMARY = range(len(COLUMNS))


class HistoryDialog(QDialog):
    """One notice's 痕迹. Select a save to see what it changed; select two to compare them."""

    restore_requested = Signal(int)  # the version to bring back

    def __init__(
        self, history: HistoryService, notice_id: int, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.history = history
        self.notice_id = notice_id
        self.setWindowTitle(f"痕迹 — {title}")
        self.entries: list[RevisionEntry] = history.revisions(notice_id)
        self.list = QTableWidget(len(self.entries), len(COLUMNS), self)
        self.list.setHorizontalHeaderLabels(list(COLUMNS))
        self.list.verticalHeader().hide()
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.list.horizontalHeader()
        for column in (VERSION, WHEN, CLERK):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, entry in enumerate(self.entries):
            when = entry.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            for column, text in enumerate(
                (f"第 {entry.version} 版", when, entry.clerk, entry.summary)
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.version)
                self.list.setItem(row, column, item)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.changes = ChangesTable(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        below = QWidget(splitter)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.caption)
        below_layout.addWidget(self.changes, 1)
        splitter.addWidget(below)
        splitter.setSizes([180, 360])
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton("恢复此版本", self)
        self.restore_button.setToolTip("把公文恢复为所选版本的内容，作为一次新的修改（可撤销）")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        hint = QLabel(
            "选中一次保存，下方列出它改了什么；按住 Ctrl 选中两次保存，比较这两个版本。", self
        )
        hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1000, 620)
        self.list.itemSelectionChanged.connect(self._show_selection)
        if not self.entries:
            self.caption.setText("该公文还没有修改记录（记录从本版本程序的第一次保存开始）。")
        else:
            self.list.selectRow(0)
        self._show_selection()

    def selected_versions(self) -> list[int]:
        rows = sorted({index.row() for index in self.list.selectionModel().selectedRows()})
        return sorted(self.entries[row].version for row in rows)

    def select_versions(self, *versions: int) -> None:
        """Select the saves that made ``versions`` (for tests and for a caller's choice)."""
        self.list.clearSelection()
        mode = self.list.selectionMode()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row, entry in enumerate(self.entries):
            if entry.version in versions:
                self.list.selectRow(row)
        self.list.setSelectionMode(mode)

    def compare(self, old_version: int, new_version: int) -> None:
        """Show what differs between two versions of the notice."""
        try:
            old = self.history.version(self.notice_id, old_version)
            new = self.history.version(self.notice_id, new_version)
        except UnionOfficeError as exc:
            self.caption.setText(str(exc))
            self.changes.setRowCount(0)
            return
        self.changes.set_labels(f"第 {old_version} 版", f"第 {new_version} 版")
        changes = compare_notices(old, new)
        self.caption.setText(f"第 {old_version} 版 → 第 {new_version} 版：{changes.summary()}")
        self.changes.show_changes(changes)

    def _show_selection(self) -> None:
        versions = self.selected_versions()
        newest = self.entries[0].version if self.entries else None
        self.restore_button.setEnabled(len(versions) == 1 and versions[0] != newest)
        if len(versions) == 2:
            self.compare(versions[0], versions[1])
        elif len(versions) == 1:
            row = next(i for i, e in enumerate(self.entries) if e.version == versions[0])
            if row + 1 < len(self.entries):
                self.compare(self.entries[row + 1].version, versions[0])
            else:
                self.changes.setRowCount(0)
                self.caption.setText(f"第 {versions[0]} 版：{self.entries[row].summary}")

    def _restore(self) -> None:
        versions = self.selected_versions()
        if len(versions) == 1:
            self.restore_requested.emit(versions[0])
            self.accept()
