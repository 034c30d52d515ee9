"""The widget of a notice's editable activity plan (全部活动 is all_activities_view.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QPoint,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QDrag, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.activity_table_text import (
    PasteError,
    activities_from_rows,
    activity_cells,
    format_tsv,
    parse_tsv,
)
from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import ActivityData
from unionoffice.gui import messages
from unionoffice.gui.activities.activity_columns import (
    EDITABLE,
    HEADERS,
    HIDEABLE,
    Column,
)
from unionoffice.gui.activities.activity_delegate import ActivityDelegate
from unionoffice.gui.activities.activity_filter import (
    ALL_DEPARTMENTS,
    ActivityFilterBar,
    ActivityFilterProxy,
)
from unionoffice.gui.activities.activity_model import ActivityTableModel
from unionoffice.gui.activities.all_activities_view import AllActivitiesView
from unionoffice.gui.activities.column_chooser import ColumnChooser
from unionoffice.gui.activities.plan_commands import (
    InsertActivitiesCommand,
    InsertActivityCommand,
    MoveActivityCommand,
    RemoveActivityCommand,
)
from unionoffice.gui.activities.table_look import legend, prepare_table
from unionoffice.gui.settings import Settings

__all__ = ["ALL_DEPARTMENTS", "ActivityTableView", "AllActivitiesView"]

MOVE_TIP = "把选中的活动{}一行"
REARRANGED_TIP = "表格已排序或筛选，不能移动：请点“恢复原顺序”并清除筛选后再移动"


class ActivityTable(QTableView):
    """The plan's table. A drag carries the selected rows of the plan; the drop moves them
    (ActivityTableModel.dropMimeData), so nothing is removed here after the drag."""

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return
        data = self.model().mimeData(rows)
        drag = QDrag(self)
        drag.setMimeData(data)
        first = self.visualRect(rows[0])
        strip = QRect(0, first.top(), min(self.viewport().width(), 480), first.height())
        drag.setPixmap(self.viewport().grab(strip))
        drag.exec(Qt.DropAction.MoveAction)


class ActivityTableView(QWidget):
    """A notice's activity plan: the table, 添加 / 删除 / 上移 / 下移, copy and paste of rows
    (Excel and WPS), drag and drop, and a filter bar; clicking a header sorts, a right click
    on it hides columns (remembered in ``settings``)."""

    # The first day of the current activity's period: 在日历中查看 shows its month.
    calendar_requested = Signal(object)

    def __init__(
        self,
        model: ActivityTableModel,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = ActivityFilterProxy(model, self)
        self.table = ActivityTable(self)
        self.table.setModel(self.proxy)
        self.delegate = ActivityDelegate(department_names, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDropIndicatorShown(True)
        prepare_table(self.table)
        self.columns = ColumnChooser(
            self.table, HIDEABLE, settings, "plan", filled=model.column_filled
        )
        # A plan has tens of rows: each grows to show all its department names.
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)

        self.add_action = _action(self, "添加活动", "在当前行下方添加一项活动", "Ctrl+Shift+N")
        self.remove_action = _action(self, "删除活动", "删除选中的活动（可撤销）", "Ctrl+Del")
        self.up_action = _action(self, "上移", MOVE_TIP.format("上移"), "Ctrl+Shift+Up")
        self.down_action = _action(self, "下移", MOVE_TIP.format("下移"), "Ctrl+Shift+Down")
        self.calendar_action = _action(
            self, "在日历中查看", "在日历中显示当前活动所在的月份", "Ctrl+Shift+L"
        )
        self.calendar_action.triggered.connect(self.show_in_calendar)
        self.unsort_action = QAction("恢复原顺序", self)
        self.unsort_action.setToolTip("取消按列排序，按序号排列")
        self.copy_action = _action(self.table, "复制", "复制选中的活动，可粘贴到 Excel", "Ctrl+C")
        self.paste_action = _action(
            self.table, "粘贴", "把从 Excel 或 WPS 复制的行粘贴到当前行下方", "Ctrl+V"
        )
        for action in (self.copy_action, self.paste_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # not in a cell editor
        toolbar = QToolBar(self)
        for action in (self.add_action, self.remove_action, self.up_action, self.down_action):
            toolbar.addAction(action)
            self.addAction(action)
        toolbar.addSeparator()
        toolbar.addActions([self.copy_action, self.paste_action, self.unsort_action])
        toolbar.addSeparator()
        toolbar.addAction(self.calendar_action)
        self.addAction(self.calendar_action)
        self.table.addActions([self.copy_action, self.paste_action])
        self.add_action.triggered.connect(self.add_activity)
        self.remove_action.triggered.connect(self.remove_current)
        self.up_action.triggered.connect(lambda: self.move_current(-1))
        self.down_action.triggered.connect(lambda: self.move_current(1))
        self.unsort_action.triggered.connect(self.restore_order)
        self.copy_action.triggered.connect(self.copy_selected)
        self.paste_action.triggered.connect(self.paste)

        self.filter_bar = ActivityFilterBar(model.department_names(), self)
        self.filter_bar.changed.connect(self._on_filter)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._update_state)
        self.count_label = QLabel(self)
        self.message_label = QLabel(self)
        self.message_label.setStyleSheet("color: #2a5d8f;")
        for signal in (model.rowsInserted, model.rowsRemoved, model.dataChanged):
            signal.connect(self._on_rows_changed)

        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(self.filter_bar)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self._update_state()

    def set_department_names(self, names: Sequence[str]) -> None:
        self.delegate.department_names = list(names)

    # -- rows of the plan under the clerk's selection --------------------------------------

    def current_row(self) -> int:
        """The plan row of the current cell, or -1."""
        index = self.table.currentIndex()
        return self.proxy.mapToSource(index).row() if index.isValid() else -1

    def current_period(self) -> Period | None:
        """The period of the current row's activity, if its 完成时限 gives one."""
        row = self.current_row()
        return self.model.period(row) if 0 <= row < self.model.rowCount() else None

    def show_in_calendar(self) -> bool:
        """Ask the window to show the current activity's month in the calendar."""
        period = self.current_period()
        if period is None:
            messages.show_info(self, "当前活动的完成时限没有可推算的日期，无法在日历中显示")
            return False
        self.calendar_requested.emit(period.start)
        return True

    def selected_rows(self) -> list[int]:
        """The plan rows selected (the current row when none is), in plan order."""
        selection = self.table.selectionModel().selectedRows()
        rows = {self.proxy.mapToSource(index).row() for index in selection}
        if not rows and self.current_row() >= 0:
            rows = {self.current_row()}
        return sorted(rows)

    def select_row(self, row: int) -> None:
        """Make a plan row current, clearing the filter when it hides that row."""
        self.select_rows([row])

    def select_rows(self, rows: Sequence[int]) -> None:
        rows = [r for r in rows if 0 <= r < self.model.rowCount()]
        if not rows:
            return
        if any(self.proxy.proxy_row(r) < 0 for r in rows):
            self.filter_bar.clear()
        current = self.proxy.index(self.proxy.proxy_row(rows[0]), Column.TITLE)
        selection = QItemSelection()
        for row in rows:
            index = self.proxy.index(self.proxy.proxy_row(row), 0)
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(current, flags.NoUpdate)
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        self.table.scrollTo(current)

    def _push(self, command: object) -> None:
        assert self.model.undo_stack is not None
        self.model.undo_stack.push(command)  # type: ignore[arg-type]

    # -- rows: add, remove, move -----------------------------------------------------------

    def add_activity(self) -> None:
        if self.proxy.is_filtered():
            self.filter_bar.clear()  # a new, empty row would not show
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self._push(InsertActivityCommand(self.model, row, ActivityData(title="")))
        self.select_row(row)
        self.table.edit(self.proxy.index(self.proxy.proxy_row(row), Column.TITLE))

    def remove_current(self) -> None:
        """删除活动: says how many will go and asks first; one undo step brings them back."""
        rows = self.selected_rows()
        if not rows:
            return
        if not messages.confirm(
            self, f"删除选中的 {len(rows)} 项活动？\n删除后可用“撤销”（Ctrl+Z）恢复。"
        ):
            return
        self._push(RemoveActivityCommand(self.model, rows))
        self.select_row(min(rows[0], self.model.rowCount() - 1))
        self._say(f"已删除 {len(rows)} 项活动（可撤销）")

    def move_current(self, step: int) -> None:
        """Move the selected rows one place up (-1) or down (1), as one block."""
        rows = self.selected_rows()
        if not rows or self.proxy.is_rearranged():
            return
        target = rows[0] + step
        if target < 0 or rows[-1] + step >= self.model.rowCount():
            return
        self._push(MoveActivityCommand(self.model, rows, target))
        self.select_rows(range(target, target + len(rows)))

    def restore_order(self) -> None:
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    # -- clipboard -------------------------------------------------------------------------

    def copy_selected(self) -> None:
        """The selected rows as Excel's tab-separated text (序号, 活动内容, … 进度)."""
        rows = sorted(
            self.table.selectionModel().selectedRows(), key=lambda index: index.row()
        )  # in the order shown
        plan_rows = [self.proxy.mapToSource(index).row() for index in rows]
        if not plan_rows and self.current_row() >= 0:
            plan_rows = [self.current_row()]
        if not plan_rows:
            return
        cells = [activity_cells(r + 1, self.model.activity(r)) for r in plan_rows]
        QGuiApplication.clipboard().setText(format_tsv(cells))
        self._say(f"已复制 {len(plan_rows)} 项活动，可粘贴到 Excel 或 WPS")

    def paste(self) -> None:
        """Rows copied from Excel or WPS become activities below the current row (one undo
        step); one copied cell on one selected cell fills that cell instead."""
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            messages.show_error(
                self, "剪贴板中没有可粘贴的文字。请先在 Excel 或 WPS 中复制表格行。"
            )
            return
        rows = parse_tsv(text)
        if len(rows) == 1 and len(rows[0]) == 1 and self._paste_into_cell(rows[0][0]):
            return
        try:
            activities = activities_from_rows(rows)
        except PasteError as exc:
            messages.show_error(self, f"无法粘贴：{exc}。表格没有改动。")
            return
        if not activities:
            messages.show_error(self, "剪贴板中的表格没有可粘贴的活动（各行都是空的）。")
            return
        row = self.current_row() + 1 if self.current_row() >= 0 else self.model.rowCount()
        self._push(InsertActivitiesCommand(self.model, row, activities))
        inserted = range(row, row + len(activities))
        hidden = sum(1 for r in inserted if self.proxy.proxy_row(r) < 0)
        if hidden < len(activities):
            self.select_rows([r for r in inserted if self.proxy.proxy_row(r) >= 0])
        note = f"，其中 {hidden} 项不符合筛选条件，未显示" if hidden else ""
        self._say(f"已粘贴 {len(activities)} 项活动{note}（可撤销）")

    def _paste_into_cell(self, value: str) -> bool:
        index = self.table.currentIndex()
        if not index.isValid() or len(self.selected_rows()) != 1:
            return False
        column = Column(index.column())
        if column not in EDITABLE:
            return False
        if not self.proxy.setData(index, value.strip()):
            messages.show_error(self, f"“{value.strip()}”不能填入{HEADERS[column]}。")
        return True

    def _say(self, text: str) -> None:
        self.message_label.setText(text)

    # -- filter, sort, menu ----------------------------------------------------------------

    def _on_filter(self) -> None:
        self.proxy.set_criteria(self.filter_bar.criteria())
        self._update_state()

    def _on_rows_changed(self) -> None:
        self.filter_bar.set_department_names(self.model.department_names())
        self.columns.update()  # a place typed or pasted in shows its column
        self._update_state()

    def _update_state(self) -> None:
        rearranged = self.proxy.is_rearranged()
        for action, tip in ((self.up_action, "上移"), (self.down_action, "下移")):
            action.setEnabled(not rearranged)
            text = REARRANGED_TIP if rearranged else MOVE_TIP.format(tip)
            action.setToolTip(f"{text}（{action.shortcut().toString()}）")
        self.table.setDragEnabled(not rearranged)
        self.unsort_action.setEnabled(self.proxy.is_sorted())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            f"显示 {shown} / {total} 项" if shown != total else f"共 {total} 项"
        )

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addActions([self.add_action, self.remove_action])
        menu.addSeparator()
        menu.addActions([self.up_action, self.down_action])
        menu.addSeparator()
        menu.addActions([self.copy_action, self.paste_action])
        menu.addSeparator()
        menu.addAction(self.calendar_action)
        self.calendar_action.setEnabled(self.current_period() is not None)
        row = self.current_row()
        fix = self.model.next_year_fix(row) if 0 <= row < self.model.rowCount() else None
        if fix is not None:
            menu.addSeparator()
            menu.addAction(
                f"完成时限改为次年（“{fix}”）",
                lambda: self.model.setData(self.model.index(row, Column.DEADLINE), fix),
            )
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        self.context_menu().popup(self.table.viewport().mapToGlobal(position))


def _action(parent: QWidget, text: str, tip: str, shortcut: str) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(shortcut))
    action.setToolTip(f"{tip}（{action.shortcut().toString()}）")
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    return action
