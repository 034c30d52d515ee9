"""Widgets showing the activity models: a notice's editable plan and the 全部活动 list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.gui.activity_model import (
    NAME_SEPARATOR,
    OVERDUE_COLOUR,
    UNPARSED_COLOUR,
    ActivityTableModel,
    AllActivitiesModel,
    Column,
)
from unionoffice.gui.undo_commands import (
    InsertActivityCommand,
    MoveActivityCommand,
    RemoveActivityCommand,
)
from unionoffice.storage.services.activities import ActivityFilter

AnyIndex = QModelIndex | QPersistentModelIndex
ALL_DEPARTMENTS = "全部部门"


class NameListCompleter(QCompleter):
    """Completes the name being typed after the last 、, keeping the names before it."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(QStringListModel(list(names)), parent)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [path.split(NAME_SEPARATOR)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.split(NAME_SEPARATOR)[:-1]
        return NAME_SEPARATOR.join([*before, chosen])


class ActivityDelegate(QStyledItemDelegate):
    """Editors for the cells: department names with completion, 进度 from a list."""

    def __init__(self, department_names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.department_names = list(department_names)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        column = Column(index.column())
        if column == Column.STATUS:
            combo = QComboBox(parent)
            combo.addItems([str(s) for s in ActivityStatus])
            return combo
        editor = QLineEdit(parent)
        if column in (Column.LEAD, Column.COOPERATING):
            editor.setCompleter(NameListCompleter(self.department_names, editor))
            editor.setPlaceholderText("多个部门用“、”分隔")
        elif column == Column.DEADLINE:
            editor.setPlaceholderText("如：4月份、6月底前、第三季度、全年")
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, QComboBox):
            editor.setCurrentText(value)
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text())


def _legend() -> QLabel:
    label = QLabel(
        f"<span style='background:{OVERDUE_COLOUR.name()}'>&nbsp;红底&nbsp;</span> 已过期未完成"
        f"　<span style='background:{UNPARSED_COLOUR.name()}'>&nbsp;橙底&nbsp;</span> "
        "完成时限无法推算日期"
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class ActivityTableView(QWidget):
    """A notice's activity plan: the table and 添加 / 删除 / 上移 / 下移."""

    def __init__(
        self,
        model: ActivityTableModel,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.table = QTableView(self)
        self.table.setModel(model)
        self.delegate = ActivityDelegate(department_names, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        _size_columns(self.table)

        toolbar = QToolBar(self)
        self.add_action = _action(self, "添加活动", "在当前行下方添加一项活动", "Ctrl+Shift+N")
        self.remove_action = _action(self, "删除活动", "删除当前活动（可撤销）", "Ctrl+Del")
        self.up_action = _action(self, "上移", "把当前活动上移一行", "Ctrl+Shift+Up")
        self.down_action = _action(self, "下移", "把当前活动下移一行", "Ctrl+Shift+Down")
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            toolbar.addAction(action)
            self.addAction(action)
        self.add_action.triggered.connect(self.add_activity)
        self.remove_action.triggered.connect(self.remove_current)
        self.up_action.triggered.connect(lambda: self.move_current(-1))
        self.down_action.triggered.connect(lambda: self.move_current(1))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(_legend())
        layout.addLayout(top)
        layout.addWidget(self.table)

    def set_department_names(self, names: Sequence[str]) -> None:
        self.delegate.department_names = list(names)

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, Column.TITLE))
            self.table.scrollTo(self.model.index(row, Column.TITLE))

    def _push(self, command: object) -> None:
        assert self.model.undo_stack is not None
        self.model.undo_stack.push(command)  # type: ignore[arg-type]

    def add_activity(self) -> None:
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self._push(InsertActivityCommand(self.model, row, ActivityData(title="")))
        self.select_row(row)
        self.table.edit(self.model.index(row, Column.TITLE))

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self._push(RemoveActivityCommand(self.model, row))
            self.select_row(min(row, self.model.rowCount() - 1))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row >= 0 and 0 <= target < self.model.rowCount():
            self._push(MoveActivityCommand(self.model, row, target))
            self.select_row(target)


class AllActivitiesView(QWidget):
    """全部活动: every notice's activities, filtered by department; double-click opens one."""

    activity_activated = Signal(int, int)  # notice id, position in that notice

    def __init__(
        self,
        model: AllActivitiesModel,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.department = QComboBox(self)
        self.set_department_names(department_names)
        self.department.currentTextChanged.connect(self._on_department)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        _size_columns(self.table)
        self.table.horizontalHeader().setSectionResizeMode(
            len(Column), QHeaderView.ResizeMode.Interactive
        )
        self.table.setColumnWidth(len(Column), 170)
        self.table.doubleClicked.connect(self._on_double_click)
        top = QHBoxLayout()
        top.addWidget(QLabel("部门："))
        top.addWidget(self.department)
        top.addWidget(self.count_label)
        top.addStretch(1)
        top.addWidget(_legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._update_count()

    def set_department_names(self, names: Sequence[str]) -> None:
        current = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems([ALL_DEPARTMENTS, *names])
        self.department.setCurrentText(current or ALL_DEPARTMENTS)
        self.department.blockSignals(False)

    def reload(self) -> None:
        self.model.reload()
        self._update_count()

    def _on_department(self, text: str) -> None:
        department = None if text == ALL_DEPARTMENTS else text
        self.model.set_filter(ActivityFilter(department=department))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(f"共 {self.model.total()} 项")

    def _on_double_click(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        self.activity_activated.emit(row.notice_id, row.position)


def _action(parent: QWidget, text: str, tip: str, shortcut: str) -> QAction:
    action = QAction(text, parent)
    action.setToolTip(f"{tip}（{shortcut}）")
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action


def _size_columns(table: QTableView) -> None:
    header = table.horizontalHeader()
    widths = {
        Column.NUMBER: 44,
        Column.DEADLINE: 110,
        Column.PERIOD: 150,
        Column.LEAD: 170,
        Column.COOPERATING: 220,
        Column.LEADER: 80,
        Column.STATUS: 70,
    }
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
