"""The 督办 list as a two-level model: each 牵头部门, and under it its activities.

Only 进度 and 督办情况 are editable; an edit is not applied here but handed to ``edit_wanted``
(the dialog makes it an undo command that calls the service), and ``show_follow_up`` then
shows the result in every row of that activity (one with two lead departments is listed twice).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from unionoffice.domain.deadline_year import next_year_deadline
from unionoffice.domain.notice import ActivityStatus
from unionoffice.domain.supervision import FollowUp, SupervisionItem, group_by_lead

AnyIndex = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1  # the SupervisionItem of a row (None: a department)
_NO_PARENT = QModelIndex()
_OVERDUE = QColor("#fbe4e4")
_SOON = QColor("#fff4d6")
_DOUBTFUL = QColor("#fde2b8")
_DONE = QColor("#5a7d5a")
STATUS_TEXTS = [str(s) for s in ActivityStatus]


class Col(enum.IntEnum):
    TITLE = 0
    DEADLINE = 1
    DUE = 2
    NOTICE = 3
    YEAR = 4
    LEADER = 5
    STATUS = 6
    NOTE = 7


HEADERS = ("活动内容", "完成时限", "到期", "所属公文", "年度", "责任领导", "进度", "督办情况")
EDITABLE = frozenset({Col.STATUS, Col.NOTE})


class SupervisionModel(QAbstractItemModel):
    """Departments at the top level, their activities under them, by end date."""

    def __init__(self, today: Callable[[], dt.date] = dt.date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today
        self.groups: list[tuple[str, list[SupervisionItem]]] = []
        # Asked for an edit: (item, new follow-up); True when it was made.
        self.edit_wanted: Callable[[SupervisionItem, FollowUp], bool] = lambda _i, _f: False

    def today(self) -> dt.date:
        return self._today()

    def set_items(self, items: list[SupervisionItem], only: str | None = None) -> None:
        """Show ``items`` under their lead departments (``only`` that one, when given)."""
        self.beginResetModel()
        self.groups = group_by_lead(items, only)
        self.endResetModel()

    def items(self) -> list[SupervisionItem]:
        """Each activity once, in the order listed."""
        seen: dict[tuple[int, int], SupervisionItem] = {}
        for _name, items in self.groups:
            for item in items:
                seen.setdefault((item.notice_id, item.position), item)
        return list(seen.values())

    def item(self, index: AnyIndex) -> SupervisionItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    def department_index(self, name: str) -> QModelIndex:
        for row, (department, _items) in enumerate(self.groups):
            if department == name:
                return self.index(row, 0)
        return QModelIndex()

    def indexes_of(self, notice_id: int, position: int) -> list[QModelIndex]:
        found = []
        for group, (_name, items) in enumerate(self.groups):
            for row, item in enumerate(items):
                if (item.notice_id, item.position) == (notice_id, position):
                    found.append(self.createIndex(row, 0, group + 1))
        return found

    def show_follow_up(self, notice_id: int, position: int, follow_up: FollowUp) -> None:
        """Show the activity's new 进度 and 督办情况 in each of its rows."""
        for index in self.indexes_of(notice_id, position):
            group, row = index.internalId() - 1, index.row()
            old = self.groups[group][1][row]
            activity = dataclasses.replace(
                old.activity, status=follow_up.status, supervision_note=follow_up.note
            )
            self.groups[group][1][row] = dataclasses.replace(old, activity=activity)
            self.dataChanged.emit(
                self.index(row, 0, index.parent()),
                self.index(row, len(Col) - 1, index.parent()),
            )

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = _NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return len(Col)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != 0 and index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.item(index)
        if item is None:
            return self._department_data(index, role)
        column = Col(index.column())
        today = self._today()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(item, column, today)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == Col.DUE and item.date_doubtful:
                return QBrush(_DOUBTFUL)
            if item.overdue(today):
                return QBrush(_OVERDUE)
            left = item.days_left(today)
            if column == Col.DUE and left is not None and 0 <= left <= 3:
                return QBrush(_SOON)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and item.activity.status is ActivityStatus.DONE:
            return QBrush(_DONE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Col.DUE, Col.YEAR, Col.STATUS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ITEM_ROLE:
            return item
        return None

    def _department_data(self, index: AnyIndex, role: int) -> Any:
        name, items = self.groups[index.row()]
        if index.column() != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            overdue = sum(1 for item in items if item.overdue(self._today()))
            return f"{name}（{len(items)} 项" + (f"，逾期 {overdue} 项）" if overdue else "）")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(item: SupervisionItem, column: Col, today: dt.date) -> str:
        activity = item.activity
        return {
            Col.TITLE: activity.title,
            Col.DEADLINE: activity.deadline,
            Col.DUE: item.urgency(today) + ("（日期存疑）" if item.date_doubtful else ""),
            Col.NOTICE: item.notice_text,
            Col.YEAR: str(item.notice_year or ""),
            Col.LEADER: activity.leader or "",
            Col.STATUS: str(activity.status),
            Col.NOTE: activity.supervision_note,
        }[column]

    @staticmethod
    def _tooltip(item: SupervisionItem, column: Col) -> str | None:
        if column == Col.DUE and item.date_doubtful and item.notice_date is not None:
            period = item.activity.period
            assert period is not None
            fix = next_year_deadline(
                item.activity.deadline, item.notice_year or item.notice_date.year, item.notice_date
            )
            return (
                f"完成时限在成文日期（{item.notice_date:%Y年%m月%d日}）之前结束，可能是指次年"
                + (f"；右击可改为“{fix}”" if fix else "；请在公文中核对完成时限")
            )
        if column == Col.NOTICE:
            return item.notice_title
        if column == Col.TITLE and item.activity.text:
            return item.activity.text
        if column == Col.NOTE:
            return "双击填写督办情况（如“3月5日电话督促，已拟方案”）"
        if column == Col.STATUS:
            return "双击选择进度：未开始、进行中、已完成"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.item(index)
        if item is None or role != Qt.ItemDataRole.EditRole or index.column() not in EDITABLE:
            return False
        old = FollowUp.of(item.activity)
        if index.column() == Col.STATUS:
            if str(value) not in STATUS_TEXTS:
                return False
            new = dataclasses.replace(old, status=ActivityStatus(str(value)))
        else:
            new = dataclasses.replace(old, note=str(value).strip())
        if new == old:
            return True
        return self.edit_wanted(item, new)
