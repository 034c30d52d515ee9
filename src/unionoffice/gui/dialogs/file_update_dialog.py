"""按文件更新公文: what an edited Word file changes in the notice it was exported from, side by
side (the notice as stored on the left, as the file has it on the right, changes marked), with
接受更新, 作为新公文导入 or 取消. A file exported from an older version says so first."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QBrush, QColor, QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.notice_changes import ItemChange, NoticeChanges
from unionoffice.importing.file_updates import FileUpdate

COLUMNS = ("项目", "数据库中", "文件中")
PART, STORED, FILE = range(len(COLUMNS))
REMOVED_COLOUR = QColor("#fbe3e4")  # 删除: pale red, struck through
ADDED_COLOUR = QColor("#e3f4e1")  # 新增: pale green
CHANGED_COLOUR = QColor("#fff4c2")  # 修改: pale yellow
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
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(
            ["项目", f"数据库中（第 {stored.version} 版）", "文件中"]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PART, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STORED, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(FILE, QHeaderView.ResizeMode.Stretch)
        self._fill(update.changes)
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

    def _fill(self, changes: NoticeChanges) -> None:
        for field in changes.fields:
            self._add_row(field.label, field.old, field.new, "changed")
        for change in changes.paragraphs:
            self._add_item("正文", "段", change)
        for change in changes.activities:
            if change.kind == "changed" and change.fields:
                old = "\n".join(f"{f.label}：{f.old or '（空）'}" for f in change.fields)
                new = "\n".join(f"{f.label}：{f.new or '（空）'}" for f in change.fields)
                place = f"活动第 {(change.new_index or 0) + 1} 项"
                self._add_row(f"{place}\n{change.new}", old, new, "changed")
            else:
                self._add_item("活动", "项", change)

    def _add_item(self, part: str, unit: str, change: ItemChange) -> None:
        index = change.old_index if change.kind == "removed" else change.new_index
        label = f"{part}第 {(index or 0) + 1} {unit}（{_KIND_TEXT[change.kind]}）"
        self._add_row(label, change.old, change.new, change.kind)

    def _add_row(self, part: str, old: str, new: str, kind: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        colour = {"removed": REMOVED_COLOUR, "added": ADDED_COLOUR}.get(kind, CHANGED_COLOUR)
        for column, text in ((PART, part), (STORED, old), (FILE, new)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column != PART and text:
                item.setBackground(QBrush(colour))
                if kind == "removed":
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
            self.table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str, str]]:
        """Each row's three cells (for tests and for copying)."""
        return [
            tuple(  # type: ignore[misc]
                (self.table.item(row, column).text() if self.table.item(row, column) else "")
                for column in range(len(COLUMNS))
            )
            for row in range(self.table.rowCount())
        ]

    def row_colour(self, row: int) -> QColor:
        """The colour that marks the row's change."""
        for column in (FILE, STORED):
            item = self.table.item(row, column)
            if item is not None and item.text():
                return item.background().color()
        return QColor()


_KIND_TEXT = {"changed": "修改", "added": "新增", "removed": "删除"}
