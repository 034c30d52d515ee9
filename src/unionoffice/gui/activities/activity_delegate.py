"""Cell editors of both activity tables: departments ticked from the master list (a picker
larger than its cell), 进度 from a list, text with a hint of what to write."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from unionoffice.domain.activity_table_text import split_department_names
from unionoffice.domain.notice import ActivityStatus
from unionoffice.gui.activities.activity_columns import DEPARTMENT_COLUMNS, Column
from unionoffice.gui.activities.department_picker import DepartmentPicker

AnyIndex = QModelIndex | QPersistentModelIndex
PICKER_WIDTH, PICKER_HEIGHT = 320, 280
_HINTS = {
    Column.DEADLINE: "如：4月份、6月底前、全年、3月8日上午9时30分",
    Column.PLACE: "如：省工人文化宫二楼",
    Column.PARTICIPANTS: "如：各单位女职工代表",
    Column.PERSON: "姓名",
}


class ActivityDelegate(QStyledItemDelegate):
    """Editors for the cells; ``department_names`` is the list the picker offers."""

    def __init__(self, department_names: Sequence[str], parent: QAbstractItemView) -> None:
        super().__init__(parent)
        self.view = parent
        self.department_names = list(department_names)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = Column(index.column())
        if column == Column.STATUS:
            combo = QComboBox(parent)
            combo.addItems([str(s) for s in ActivityStatus])
            return combo
        if column in DEPARTMENT_COLUMNS:
            picker = DepartmentPicker(self.department_names, parent)
            picker.focus_left.connect(lambda: self._finish(picker))
            return picker
        editor = QLineEdit(parent)
        if column in _HINTS:
            editor.setPlaceholderText(_HINTS[column])
        return editor

    def _finish(self, picker: DepartmentPicker) -> None:
        # Focus left the picker for another widget. When the view is closing the editor
        # itself it has left the editing state already, and must not be told twice.
        if self.view.state() == QAbstractItemView.State.EditingState and picker.isVisible():
            self.commitData.emit(picker)
            self.closeEditor.emit(picker, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = str(index.data() or "")
        if isinstance(editor, DepartmentPicker):
            editor.set_names(split_department_names(value))
        elif isinstance(editor, QComboBox):
            editor.setCurrentText(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, DepartmentPicker):
            model.setData(index, editor.text())
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        if not isinstance(editor, DepartmentPicker):
            super().updateEditorGeometry(editor, option, index)
            return
        # Larger than the cell, kept inside the table so the list is never cut off.
        cell: QRect = option.rect  # type: ignore[attr-defined]
        parent = editor.parentWidget()
        area = parent.rect() if parent is not None else cell
        width = min(max(cell.width(), PICKER_WIDTH), area.width())
        height = min(PICKER_HEIGHT, area.height())
        left = max(area.left(), min(cell.left(), area.right() + 1 - width))
        top = max(area.top(), min(cell.top(), area.bottom() + 1 - height))
        editor.setGeometry(left, top, width, height)
