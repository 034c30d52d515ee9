"""全部活动: every notice's activities in one table, filtered and sorted by the database."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.deadline import Period
from unionoffice.gui import messages
from unionoffice.gui.activities.activity_columns import HIDEABLE, Column
from unionoffice.gui.activities.activity_delegate import ActivityDelegate
from unionoffice.gui.activities.activity_filter import ActivityFilterBar
from unionoffice.gui.activities.all_activities_model import (
    NOTICE_COLUMN,
    YEAR_COLUMN,
    AllActivitiesModel,
)
from unionoffice.gui.activities.column_chooser import ColumnChooser
from unionoffice.gui.activities.table_look import legend, prepare_table
from unionoffice.gui.settings import Settings
from unionoffice.storage.services.activities import ActivityFilter


class AllActivitiesView(QWidget):
    """全部活动: every notice's activities, filtered and sorted by the database, edited in
    place; Enter, a double-click on 序号 or 所属公文, or 打开公文 opens the notice."""

    activity_activated = Signal(int, int)  # notice id, position in that notice
    # The first day of the current activity's period: 在日历中查看 shows its month.
    calendar_requested = Signal(object)

    def __init__(
        self,
        model: AllActivitiesModel,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._stale = False  # activities changed while the table was not on screen
        self._names_stale = False  # departments merged or renamed: the filter's list too
        self.filter_bar = ActivityFilterBar(department_names, self)
        self.department = self.filter_bar.department
        self.filter_bar.changed.connect(self._on_filter)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setModel(model)
        self.delegate = ActivityDelegate(department_names, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        prepare_table(self.table)
        self.columns = ColumnChooser(self.table, HIDEABLE, settings, "all_activities")
        # Fourteen columns do not fit beside the tree: 活动内容 keeps a readable width and the
        # table scrolls sideways rather than squeezing it. 所属公文 and 年度 come first, beside
        # 序号, so that which notice and which year a row belongs to shows without scrolling.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(Column.TITLE, 260)
        header.setSectionResizeMode(NOTICE_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(NOTICE_COLUMN, 170)
        header.setSectionResizeMode(YEAR_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(YEAR_COLUMN, 48)
        header.moveSection(header.visualIndex(NOTICE_COLUMN), 1)
        header.moveSection(header.visualIndex(YEAR_COLUMN), 2)
        header.setStretchLastSection(True)
        self.table.activated.connect(self.open_activity)
        self.open_action = QAction("打开公文", self.table)
        self.open_action.setToolTip("打开该活动所属的公文（回车）")
        self.open_action.triggered.connect(lambda: self.open_activity(self.table.currentIndex()))
        self.calendar_action = QAction("在日历中查看", self.table)
        self.calendar_action.setToolTip("在日历中显示该活动所在的月份（Ctrl+Shift+L）")
        self.calendar_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.calendar_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.calendar_action.triggered.connect(self.show_in_calendar)
        self.table.addAction(self.calendar_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_context_menu)
        model.edit_failed.connect(lambda text: messages.show_error(self, text))
        model.modelReset.connect(self._update_count)
        hint = QLabel("双击单元格直接修改；回车或双击序号打开所属公文；右击表头可隐藏列", self)
        hint.setStyleSheet("color: #666;")
        hint.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.filter_bar)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(hint, 1)
        bottom.addWidget(legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self._update_count()

    def set_department_names(self, names: Sequence[str]) -> None:
        self.filter_bar.set_department_names(names)
        self.delegate.department_names = list(names)

    def reload(self) -> None:
        """Read the table again from its first page."""
        self.model.reload()
        self._update_count()

    def refresh(self) -> None:
        """Show changes made elsewhere, keeping the clerk's place when the rows stay."""
        self._stale = False
        if self._names_stale:
            self._names_stale = False
            self.set_department_names(self.model.department_names())
        self.model.refresh()
        self._update_count()

    def apply_changes(self, changes: Changes) -> None:
        """Count and read again when activities changed, once the table is on screen; a
        changed notice title or 文号 only drops that notice's cached rows."""
        if changes.departments or changes.everything:
            self._names_stale = True
        if changes.touches_activities:
            self._stale = True
        elif changes.notices:
            self.model.forget_notices(changes.notices)
        if self._stale and self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_filter(self) -> None:
        criteria = self.filter_bar.criteria()
        self.model.set_filter(
            ActivityFilter(
                department=criteria.department,
                month=criteria.month,
                status=criteria.status,
                overdue_on=self.model.today() if criteria.overdue else None,
            )
        )
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(f"共 {self.model.total()} 项")

    def open_activity(self, index: QModelIndex) -> None:
        """Open the notice of the activity in ``index``'s row, at that activity."""
        if not index.isValid() or index.row() >= self.model.rowCount():
            return
        row = self.model.row_at(index.row())
        self.activity_activated.emit(row.notice_id, row.position)

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.calendar_action)
        self.calendar_action.setEnabled(self.current_period() is not None)
        row = self.table.currentIndex().row()
        fix = self.model.next_year_fix(row) if row >= 0 else None
        if fix is not None:
            menu.addAction(
                f"完成时限改为次年（“{fix}”）",
                lambda: self.model.setData(self.model.index(row, Column.DEADLINE), fix),
            )
        return menu

    def current_period(self) -> Period | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row()).activity.period

    def show_in_calendar(self) -> bool:
        """Ask the window to show the current activity's month in the calendar."""
        period = self.current_period()
        if period is None:
            messages.show_info(self, "该活动的完成时限没有可推算的日期，无法在日历中显示")
            return False
        self.calendar_requested.emit(period.start)
        return True

    def _show_context_menu(self, position: QPoint) -> None:
        if self.table.indexAt(position).isValid():
            self.context_menu().popup(self.table.viewport().mapToGlobal(position))
