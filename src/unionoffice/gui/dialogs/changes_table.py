"""Two versions of a notice side by side: a row per change, the old text on the left, the new
on the right, marked by kind (删除 red and struck through, 新增 green, 修改 yellow). Shown by
按文件更新公文 and by 痕迹."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from unionoffice.domain.notice_changes import ItemChange, NoticeChanges

PART, OLD, NEW = range(3)
REMOVED_COLOUR = QColor("#fbe3e4")
ADDED_COLOUR = QColor("#e3f4e1")
CHANGED_COLOUR = QColor("#fff4c2")
_KIND_TEXT = {"changed": "修改", "added": "新增", "removed": "删除"}


class ChangesTable(QTableWidget):
    """The changes between two versions; ``old_label`` and ``new_label`` head the columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.set_labels("原来", "现在")
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(PART, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(OLD, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NEW, QHeaderView.ResizeMode.Stretch)

    def set_labels(self, old_label: str, new_label: str) -> None:
        self.setHorizontalHeaderLabels(["项目", old_label, new_label])

    def show_changes(self, changes: NoticeChanges) -> None:
        self.setRowCount(0)
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
        self.resizeRowsToContents()

    def _add_item(self, part: str, unit: str, change: ItemChange) -> None:
        index = change.old_index if change.kind == "removed" else change.new_index
        label = f"{part}第 {(index or 0) + 1} {unit}（{_KIND_TEXT[change.kind]}）"
        self._add_row(label, change.old, change.new, change.kind)

    def _add_row(self, part: str, old: str, new: str, kind: str) -> None:
        row = self.rowCount()
        self.insertRow(row)
        colour = {"removed": REMOVED_COLOUR, "added": ADDED_COLOUR}.get(kind, CHANGED_COLOUR)
        for column, text in ((PART, part), (OLD, old), (NEW, new)):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column != PART and text:
                item.setBackground(QBrush(colour))
                if kind == "removed":
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
            self.setItem(row, column, item)

    def rows(self) -> list[tuple[str, str, str]]:
        """Each row's three cells (for tests and for copying)."""
        return [
            (self._text(row, PART), self._text(row, OLD), self._text(row, NEW))
            for row in range(self.rowCount())
        ]

    def row_colour(self, row: int) -> QColor:
        """The colour that marks the row's change."""
        for column in (NEW, OLD):
            item = self.item(row, column)
            if item is not None and item.text():
                return item.background().color()
        return QColor()

    def _text(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text() if item is not None else ""
