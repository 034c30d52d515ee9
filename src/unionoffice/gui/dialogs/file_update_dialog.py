"""按文件更新公文: what an edited Word file changes in the notice it was exported from, side by
side (the notice as stored on the left, as the file has it on the right, changes marked), with
接受更新, 作为新公文导入 or 取消. A file exported from an older version says so first."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionoffice.gui.dialogs.changes_table import ChangesTable
from unionoffice.importing.file_updates import FileUpdate

_CONFLICT_STYLE = "color: #b00020; font-weight: bold;"


class Choice(Enum):
    UPDATE = "update"
    AS_NEW = "as_new"
    CANCEL = "cancel"


class FileUpdateDialog(QDialog):
    """The changes of one file; ``choice`` says what the clerk chose once it closes."""

    def __init__(self, update: FileUpdate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.update_ = update
        self.choice = Choice.CANCEL
        stored = update.stored
        self.setWindowTitle("按文件更新公文")
        heading = QLabel(
            f"“{update.path.name}”是公文“{stored.doc_number or stored.title}”导出的 Word 文件"
            f"{'（按文号对应）' if update.matched_by == 'doc_number' else ''}，"
            f"其中的改动：{update.changes.summary()}",
            self,
        )
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        self.conflict_label = QLabel(self)
        self.conflict_label.setWordWrap(True)
        self.conflict_label.setStyleSheet(_CONFLICT_STYLE)
        if update.stale:
            self.conflict_label.setText(
                f"注意：{update.conflict_message()}。请核对左侧的内容；"
                "只有选择“仍按文件更新”才会更新。"
            )
        self.conflict_label.setVisible(update.stale)
        self.table = ChangesTable(self)
        self.table.set_labels(f"数据库中（第 {stored.version} 版）", "文件中")
        self.table.show_changes(update.changes)
        notes = [*update.warnings]
        buttons = QDialogButtonBox(self)
        self.update_button = QPushButton("仍按文件更新" if update.stale else "接受更新", self)
        self.as_new_button = QPushButton("作为新公文导入", self)
        cancel = buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.update_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.as_new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.update_button.clicked.connect(lambda: self._choose(Choice.UPDATE))
        self.as_new_button.clicked.connect(lambda: self._choose(Choice.AS_NEW))
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.conflict_label)
        if notes:
            note = QLabel("；".join(notes), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        hint = QLabel("红底为删除，绿底为新增，黄底为修改。接受后可用“撤销”（Ctrl+Z）退回。", self)
        hint.setStyleSheet("color: #666;")
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 520)
        # a stale file is never updated by pressing Enter
        (cancel if update.stale else self.update_button).setDefault(True)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def rows(self) -> list[tuple[str, str, str]]:
        """Each row's three cells (for tests and for copying)."""
        return self.table.rows()

    def row_colour(self, row: int) -> QColor:
        return self.table.row_colour(row)
