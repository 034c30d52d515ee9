"""Table models of activities: one notice's plan (editable, undoable) and 全部活动 (lazy).

Both show the same columns; display text per row is cached and rebuilt only when that row
changes. Edits never change the data directly: setData pushes a command onto the notice's
QUndoStack, and the command calls ``apply_value`` (see undo_commands.py).
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QUndoStack

from unionoffice.domain.deadline import Period, parse_deadline
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.gui.undo_commands import EditActivityCommand
from unionoffice.storage.services.activities import (
    ActivityFilter,
    ActivityQueryService,
    ActivityRow,
)

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument
ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the ActivityData of the row
NAME_SEPARATOR = "、"

_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
UNPARSED_COLOUR = QColor("#fde2b8")  # 完成时限 that names no dates
OVERDUE_COLOUR = QColor("#fbe4e4")  # past its end and not 已完成
DONE_COLOUR = QColor("#5a7d5a")


class Column(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    DEADLINE = 2
    PERIOD = 3
    LEAD = 4
    COOPERATING = 5
    LEADER = 6
    STATUS = 7


HEADERS = {
    Column.NUMBER: "序号",
    Column.TITLE: "活动内容",
    Column.DEADLINE: "完成时限",
    Column.PERIOD: "起止日期",
    Column.LEAD: "牵头部门",
    Column.COOPERATING: "配合部门",
    Column.LEADER: "责任领导",
    Column.STATUS: "进度",
}
_NOTICE_COLUMN = len(Column)  # 所属公文, the 全部活动 table's last column
# Every role _cell or the 所属公文 column answers; others are None without looking at the row.
_ROLES_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ACTIVITY_ROLE,
    }
)
EDITABLE = {
    Column.TITLE,
    Column.DEADLINE,
    Column.LEAD,
    Column.COOPERATING,
    Column.LEADER,
    Column.STATUS,
}


def split_names(text: str) -> list[str]:
    """ "省总宣教部、省总组织部" (or with ，,; between) as a list of names."""
    for separator in "，,;；/ ":
        text = text.replace(separator, NAME_SEPARATOR)
    return [name.strip() for name in text.split(NAME_SEPARATOR) if name.strip()]


def format_period(period: Period | None) -> str:
    if period is None:
        return "无法识别"
    if period.start == period.end:
        return f"{period.start.month}月{period.start.day}日"
    if period.start.year != period.end.year:
        start, end = period.start, period.end
        return f"{start.year}年{start.month}月{start.day}日—{end.year}年{end.month}月{end.day}日"
    return f"{period.start.month}月{period.start.day}日—{period.end.month}月{period.end.day}日"


@dataclass
class _RowView:
    """What a row shows, computed once per change of the row."""

    texts: dict[Column, str]
    period: Period | None
    overdue: bool
    unparsed: bool


@dataclass
class _Page:
    """PAGE rows of the 全部活动 table as read, with what each shows."""

    items: list[ActivityRow]
    views: list[_RowView]


def _row_view(
    number: int, activity: ActivityData, period: Period | None, today: dt.date
) -> _RowView:
    overdue = (
        period is not None and period.end < today and activity.status is not ActivityStatus.DONE
    )
    return _RowView(
        texts={
            Column.NUMBER: str(number),
            Column.TITLE: activity.title,
            Column.DEADLINE: activity.deadline,
            Column.PERIOD: format_period(period) if activity.deadline.strip() else "",
            Column.LEAD: NAME_SEPARATOR.join(activity.lead),
            Column.COOPERATING: NAME_SEPARATOR.join(activity.cooperating),
            Column.LEADER: activity.leader or "",
            Column.STATUS: str(activity.status),
        },
        period=period,
        overdue=overdue,
        unparsed=bool(activity.deadline.strip()) and period is None,
    )


def _cell(view: _RowView, activity: ActivityData, column: int, role: int) -> Any:
    """Data of one cell for the roles both models share."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        return view.texts[Column(column)]
    if role == Qt.ItemDataRole.BackgroundRole:
        if column == Column.PERIOD and view.unparsed:
            return QBrush(UNPARSED_COLOUR)
        if view.overdue:
            return QBrush(OVERDUE_COLOUR)
        return None
    if role == Qt.ItemDataRole.ForegroundRole and activity.status is ActivityStatus.DONE:
        return QBrush(DONE_COLOUR)
    if role == Qt.ItemDataRole.ToolTipRole:
        if column == Column.PERIOD and view.unparsed:
            return (
                f"无法从“{activity.deadline}”推算日期，日历中不显示此项；可改写为“4月份”“6月底前”等"
            )
        if view.overdue:
            return "已过完成时限，尚未完成"
        if column == Column.TITLE and activity.text:
            return activity.text
        return None
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.NUMBER, Column.STATUS):
        return int(Qt.AlignmentFlag.AlignCenter)
    if role == ACTIVITY_ROLE:
        return activity
    return None


class ActivityTableModel(QAbstractTableModel):
    """One notice's activities, edited in place; every edit goes through ``undo_stack``."""

    edited = Signal()  # after any change of the rows, to schedule an autosave

    def __init__(
        self,
        activities: list[ActivityData] | None = None,
        *,
        year: int | None = None,
        not_before: dt.date | None = None,
        undo_stack: QUndoStack | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[ActivityData] = [copy.deepcopy(a) for a in activities or []]
        self._views: list[_RowView | None] = [None] * len(self._rows)
        self._year = year or dt.date.today().year
        self._not_before = not_before
        self.undo_stack = undo_stack
        self._today = today

    # -- domain values ---------------------------------------------------------------------

    def activities(self) -> list[ActivityData]:
        """Copies of the rows, as they are to be saved."""
        return [copy.deepcopy(a) for a in self._rows]

    def activity(self, row: int) -> ActivityData:
        return self._rows[row]

    def set_context(self, year: int, not_before: dt.date | None) -> None:
        """The notice's year and 成文日期, which 完成时限 are read against."""
        if (year, not_before) == (self._year, self._not_before):
            return
        self._year, self._not_before = year, not_before
        self._views = [None] * len(self._rows)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(Column) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def period(self, row: int) -> Period | None:
        return self._view(row).period

    def _view(self, row: int) -> _RowView:
        view = self._views[row]
        if view is None:
            activity = self._rows[row]
            period = parse_deadline(activity.deadline, self._year, not_before=self._not_before)
            view = self._views[row] = _row_view(row + 1, activity, period, self._today())
        return view

    # -- changes, called by undo commands --------------------------------------------------

    def value(self, row: int, column: Column) -> Any:
        activity = self._rows[row]
        if column in (Column.LEAD, Column.COOPERATING):
            names = activity.lead if column == Column.LEAD else activity.cooperating
            return list(names)
        return self._view(row).texts[column]

    def apply_value(self, row: int, column: Column, value: Any) -> None:
        """Set one field of one activity (no undo entry: commands call this)."""
        activity = self._rows[row]
        if column == Column.TITLE:
            activity.title = str(value).strip()
        elif column == Column.DEADLINE:
            activity.deadline = str(value).strip()
        elif column in (Column.LEAD, Column.COOPERATING):
            names = split_names(value) if isinstance(value, str) else list(value)
            if column == Column.LEAD:
                activity.lead = names
            else:
                activity.cooperating = names
        elif column == Column.LEADER:
            activity.leader = str(value).strip() or None
        elif column == Column.STATUS:
            activity.status = ActivityStatus(str(value))
        else:
            raise ValueError(f"column {column} cannot be edited")
        self._views[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self.edited.emit()

    def insert_activity(self, row: int, activity: ActivityData) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, copy.deepcopy(activity))
        self._views.insert(row, None)
        self.endInsertRows()
        self._renumber_from(row + 1)
        self.edited.emit()

    def remove_activity(self, row: int) -> ActivityData:
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        self._views.pop(row)
        self.endRemoveRows()
        self._renumber_from(row)
        self.edited.emit()
        return removed

    def move_activity(self, source: int, target: int) -> None:
        """Move one row so that it ends up at index ``target``."""
        if source == target:
            return
        destination = target + 1 if target > source else target
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), destination)
        activity = self._rows.pop(source)
        self._views.pop(source)
        self._rows.insert(target, activity)
        self._views.insert(target, None)
        self.endMoveRows()
        self._renumber_from(min(source, target))
        self.edited.emit()

    def _renumber_from(self, row: int) -> None:
        for index in range(row, len(self._rows)):
            self._views[index] = None
        if row < len(self._rows):
            self.dataChanged.emit(
                self.index(row, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    # -- QAbstractTableModel ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Column):
            return HEADERS[Column(section)]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if Column(index.column()) in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return _cell(self._view(index.row()), self._rows[index.row()], index.column(), role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = Column(index.column())
        if column not in EDITABLE:
            return False
        if column == Column.STATUS and str(value) not in {str(s) for s in ActivityStatus}:
            return False
        old = self.value(index.row(), column)
        if column in (Column.LEAD, Column.COOPERATING):
            new: Any = split_names(str(value))
            unchanged = new == old
        else:
            new = str(value).strip()
            unchanged = new == str(old)
        if unchanged:
            return True  # nothing changed: no undo entry, no save
        if self.undo_stack is None:
            self.apply_value(index.row(), column, new)
            return True
        self.undo_stack.push(EditActivityCommand(self, index.row(), column, old, new))
        return True


class AllActivitiesModel(QAbstractTableModel):
    """Every activity of every notice, read-only, shown a page at a time as it scrolls.

    ``fetchMore`` only makes more rows scrollable; a row's data is read (a page of PAGE rows
    at once) when the view first shows it, and only the CACHED_PAGES pages last shown are
    kept. Scrolling to the end of 100,000 activities therefore reads what is on screen, and
    memory stays the same however far the clerk scrolls.
    """

    PAGE = 200
    CACHED_PAGES = 10

    def __init__(
        self,
        service: ActivityQueryService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._today = today
        self._filter = ActivityFilter()
        self._total = 0
        self._shown = 0  # rows the view may scroll through (grown by fetchMore)
        self._pages: OrderedDict[tuple[int, int], _Page] = OrderedDict()
        self._last_key: tuple[int, int] | None = None  # the page most recently used
        self._fetching = False  # views and testers may ask for more while rows go in
        self.reload()

    def set_filter(self, where: ActivityFilter) -> None:
        self._filter = where
        self.reload()

    def reload(self) -> None:
        total = self._service.count(self._filter)
        self._fetching = True  # views fetch after the reset, not from inside its signals
        try:
            self.beginResetModel()
            self._total = total
            self._shown = 0
            self._pages.clear()
            self._last_key = None
            self.endResetModel()
        finally:
            self._fetching = False

    def total(self) -> int:
        return self._total

    def row_at(self, row: int) -> ActivityRow:
        found = self._item(row)
        if found is None:
            raise IndexError(f"no activity in row {row}")
        return found[0]

    def row_of(self, notice_id: int, position: int) -> int | None:
        """The row showing that activity, fetching pages until it is found."""
        row = 0
        while True:
            while row < self._shown:
                found = self._item(row)
                if found is None:
                    return None
                if found[0].notice_id == notice_id and found[0].position == position:
                    return row
                row += 1
            if not self.canFetchMore():
                return None
            self.fetchMore()

    def _item(self, row: int) -> tuple[ActivityRow, _RowView] | None:
        """The activity of ``row`` and what it shows; None past the end of the data."""
        if not 0 <= row < self._shown:
            return None
        size = self.PAGE
        key = (row // size * size, size)
        page = self._pages.get(key)
        if page is not None and key != self._last_key:
            self._pages.move_to_end(key)
            self._last_key = key
        if page is None:
            items = self._service.rows(self._filter, offset=key[0], limit=size)
            today = self._today()
            # 序号 is the item's number in its own notice, as printed there.
            views = [
                _row_view(item.position + 1, item.activity, item.activity.period, today)
                for item in items
            ]
            page = self._pages[key] = _Page(items, views)
            self._last_key = key
            while len(self._pages) > self.CACHED_PAGES:
                self._pages.popitem(last=False)
        index = row - key[0]
        if index >= len(page.items):
            return None  # the database holds fewer rows than when it was counted
        return page.items[index], page.views[index]

    def canFetchMore(self, parent: AnyIndex = NO_PARENT) -> bool:
        return not parent.isValid() and not self._fetching and self._shown < self._total

    def fetchMore(self, parent: AnyIndex = NO_PARENT) -> None:
        if parent.isValid() or self._fetching or self._shown >= self._total:
            return
        first = self._shown
        last = min(self._total, first + self.PAGE) - 1
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, last)
            self._shown = last + 1
            self.endInsertRows()
        finally:
            self._fetching = False

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(Column) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == len(Column):
            return "所属公文"
        if 0 <= section < len(Column):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _READ_ONLY_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks a dozen roles of every cell it paints; most have no answer here.
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        found = self._item(index.row())
        if found is None:
            return None
        item, view = found
        if index.column() == _NOTICE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return item.doc_number or f"〔草稿〕{item.notice_title}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return item.notice_title
            return None
        return _cell(view, item.activity, index.column(), role)
