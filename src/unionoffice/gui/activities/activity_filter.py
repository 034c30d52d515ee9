"""Filtering and sorting the activity tables: the filter bar both tables show, and the proxy
that filters and sorts one notice's plan in memory (全部活动 asks the database instead)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from unionoffice.domain.activity_criteria import ActivityCriteria, matches
from unionoffice.domain.notice import ActivityStatus
from unionoffice.gui.activities.activity_columns import SORT_ROLE, Column
from unionoffice.gui.activities.activity_model import ActivityTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
ALL_DEPARTMENTS = "全部部门"
ALL_MONTHS = "全部月份"
ALL_STATUSES = "全部进度"
OVERDUE = "已过期未完成"


class ActivityFilterBar(QWidget):
    """部门 / 月份 / 进度 choices and 清除筛选; ``criteria()`` is what they ask for."""

    changed = Signal()

    def __init__(self, department_names: Sequence[str] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self.department = QComboBox(self)
        self.department.setMinimumContentsLength(8)
        self.department.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.department.setToolTip("只看该部门牵头或配合的活动")
        self.month = QComboBox(self)
        self.month.addItems([ALL_MONTHS, *(f"{m}月" for m in range(1, 13))])
        self.month.setToolTip("只看起止日期与该月有交叉的活动")
        self.status = QComboBox(self)
        self.status.addItems([ALL_STATUSES, *(str(s) for s in ActivityStatus), OVERDUE])
        self.clear_button = QToolButton(self)
        self.clear_button.setText("清除筛选")
        self.clear_button.clicked.connect(self.clear)
        self.set_department_names(department_names)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for label, combo in (
            ("部门", self.department),
            ("月份", self.month),
            ("进度", self.status),
        ):
            layout.addWidget(QLabel(label, self))
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(self._on_choice)
        layout.addWidget(self.clear_button)
        self._on_choice()

    def criteria(self) -> ActivityCriteria:
        department = self.department.currentText()
        status = self.status.currentText()
        return ActivityCriteria(
            department=None if department in ("", ALL_DEPARTMENTS) else department,
            month=self.month.currentIndex() or None,
            status=ActivityStatus(status) if status not in (ALL_STATUSES, OVERDUE) else None,
            overdue=status == OVERDUE,
        )

    def set_department_names(self, names: Sequence[str]) -> None:
        """Offer these departments; the chosen one stays chosen while it is offered."""
        wanted = [ALL_DEPARTMENTS, *dict.fromkeys(names)]
        if wanted == [self.department.itemText(i) for i in range(self.department.count())]:
            return
        current = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems(wanted)
        self.department.setCurrentIndex(max(0, self.department.findText(current)))
        self.department.blockSignals(False)
        if self.department.currentText() != current and current:
            self._on_choice()

    def clear(self) -> None:
        for combo in (self.department, self.month, self.status):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._on_choice()

    def _on_choice(self) -> None:
        self.clear_button.setEnabled(not self.criteria().is_empty)
        self.changed.emit()


class ActivityFilterProxy(QSortFilterProxyModel):
    """A notice's plan as filtered and sorted for the clerk; the rows stay the notice's.

    Rows dragged onto a rearranged table (filtered, or sorted other than by 序号) are
    refused: where they would land in the plan is not what the clerk sees.
    """

    def __init__(self, source: ActivityTableModel, parent: Any = None) -> None:
        super().__init__(parent)
        self._criteria = ActivityCriteria()
        self.setSourceModel(source)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def plan(self) -> ActivityTableModel:
        source = self.sourceModel()
        assert isinstance(source, ActivityTableModel)
        return source

    def criteria(self) -> ActivityCriteria:
        return self._criteria

    def set_criteria(self, criteria: ActivityCriteria) -> None:
        if criteria == self._criteria:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._criteria = criteria
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._criteria = criteria
            self.invalidateFilter()

    def is_filtered(self) -> bool:
        return not self._criteria.is_empty

    def is_sorted(self) -> bool:
        """Sorted other than in the plan's own order (序号 ascending)."""
        column, order = self.sortColumn(), self.sortOrder()
        return column >= 0 and (column != Column.NUMBER or order != Qt.SortOrder.AscendingOrder)

    def is_rearranged(self) -> bool:
        return self.is_filtered() or self.is_sorted()

    def source_row(self, row: int) -> int:
        return self.mapToSource(self.index(row, 0)).row()

    def proxy_row(self, source_row: int) -> int:
        """Where a plan row shows; -1 while it is filtered out."""
        return self.mapFromSource(self.plan().index(source_row, 0)).row()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._criteria.is_empty:
            return True
        plan = self.plan()
        activity, period = plan.activity(source_row), plan.period(source_row)
        return matches(activity, period, self._criteria, plan.today())

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return not self.is_rearranged() and super().canDropMimeData(
            data, action, row, column, parent
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if self.is_rearranged():
            return False
        return super().dropMimeData(data, action, row, column, parent)
