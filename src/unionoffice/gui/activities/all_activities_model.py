"""The 全部活动 table model: every notice's activities, a page at a time, editable in place.

An edit is written to the notice it belongs to: through the notice's own table model when
the notice is open in an editor (so it joins that editor's undo stack and autosave), or else
straight to the database with the notice's version check (NoticeService.update_activity).
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from unionoffice.domain.activity_criteria import (
    ActivityFilter,
    ActivityOrder,
    ActivityPage,
    ActivityRow,
)
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import ActivityData
from unionoffice.gui.activities.activity_columns import (
    ACTIVITY_ROLE,
    DEPARTMENT_COLUMNS,
    EDITABLE,
    HEADERS,
    Column,
    RowView,
    cell_data,
    edited_value,
    row_view,
    set_field,
)
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService

if TYPE_CHECKING:
    from unionoffice.gui.activities.activity_model import ActivityTableModel

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()
NOTICE_COLUMN = len(Column)  # 所属公文 and 年度, after the shared columns (the view shows
YEAR_COLUMN = len(Column) + 1  # them first, beside 序号, so they need no scrolling)
# Every role cell_data or the 所属公文 column answers; others are None without a lookup.
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
_ORDERS = {
    Column.NUMBER: ActivityOrder.NUMBER,
    Column.TITLE: ActivityOrder.TITLE,
    Column.DEADLINE: ActivityOrder.PERIOD,
    Column.PERIOD: ActivityOrder.PERIOD,
    Column.LEAD: ActivityOrder.LEAD,
    Column.COOPERATING: ActivityOrder.COOPERATING,
    Column.LEADER: ActivityOrder.LEADER,
    Column.STATUS: ActivityOrder.STATUS,
    Column.TIME: ActivityOrder.TIME,
    Column.PLACE: ActivityOrder.PLACE,
    Column.PARTICIPANTS: ActivityOrder.PARTICIPANTS,
    Column.PERSON: ActivityOrder.PERSON,
}


# The ActivityData fields the editable columns show.
_EDITED_FIELDS = (
    "title", "deadline", "lead", "cooperating", "leader", "status",
    "place", "participants", "responsible_person",
)  # fmt: skip


@dataclass
class _Page:
    """PAGE rows of the table as read; each row's activity and what it shows are made when
    the view first asks for it (a screenful of the page, or a row just edited)."""

    read: ActivityPage
    shown: dict[int, tuple[ActivityRow, RowView]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.read.notice_ids)


def _view_of(item: ActivityRow, today: dt.date) -> RowView:
    return row_view(
        item.position + 1,
        item.activity,
        item.activity.period,
        today,
        notice_date=item.notice_date,
        year=item.notice_year,
    )


def _same_cells(first: ActivityData, second: ActivityData) -> bool:
    """Whether the two show the same in every editable column."""
    return all(getattr(first, name) == getattr(second, name) for name in _EDITED_FIELDS)


class AllActivitiesModel(QAbstractTableModel):
    """Every activity of every notice, shown a page at a time as it scrolls.

    ``fetchMore`` only makes more rows scrollable; a row's data is read when the view first
    shows it (the order of its page of PAGE rows, by key set after the page before, then the
    activities on screen), and only the CACHED_PAGES pages last shown are kept. Scrolling to
    the end of 100,000 activities therefore reads what is on screen, each page as quickly as
    the first, and memory stays the same however far the clerk scrolls. Filters and sorting
    are the database's (ActivityFilter, ActivityOrder), so they keep it that way.
    """

    PAGE = 1000
    CACHED_PAGES = 4

    edit_failed = Signal(str)  # why an edit was not saved, for the clerk
    read_failed = Signal(str)  # a page could not be read (the server is away), said once
    activity_saved = Signal(int)  # notice id, after an edit went straight to the database
    # Re-reading after an edit waits for the event loop: the view is still closing its editor.
    _reread_later = Signal(int, str)  # notice id (0: none saved), message ("" for none)

    def __init__(
        self,
        service: ActivityQueryService,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._notices = NoticeService(service.db)
        self._today = today
        self._filter = ActivityFilter()
        self._order = ActivityOrder.NOTICE
        self._descending = False
        self._total = 0
        self._shown = 0  # rows the view may scroll through (grown by fetchMore)
        self._pages: OrderedDict[int, _Page] = OrderedDict()  # by first row
        self._last_key: int | None = None  # the page most recently used
        # The sort key of the row before each page start that has been read past: where
        # the next page begins (key-set paging), kept for every page while the rows stay.
        self._starts: dict[int, tuple[object, ...]] = {}
        self._fetching = False  # views and testers may ask for more while rows go in
        # Why the last page could not be read: no more reads (a view asks for every cell it
        # paints) until the table is read again, when the database is back.
        self.unreadable = ""
        # The table model of a notice open in an editor, or None; set by the main window.
        self.open_plan: Callable[[int], ActivityTableModel | None] = lambda _notice_id: None
        self._reread_later.connect(self._reread, Qt.ConnectionType.QueuedConnection)
        self._reset()

    # -- what is shown ---------------------------------------------------------------------

    def set_filter(self, where: ActivityFilter) -> None:
        self._filter = where
        self._reset()

    def filter(self) -> ActivityFilter:
        return self._filter

    def today(self) -> dt.date:
        return self._today()

    def reload(self) -> None:
        """Read everything again from the first page, as when the table is first opened."""
        self._reset()

    def refresh(self) -> None:
        """Read again after a change elsewhere; the rows stay in place when their number has
        not changed, so the clerk's scroll position and selection survive an autosave."""
        total = self._service.count(self._filter)
        self.unreadable = ""
        if total != self._total:
            self._reset(total)
            return
        self._forget_pages()
        if self._shown:
            last = self.index(self._shown - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def forget_notices(self, notice_ids: frozenset[int]) -> None:
        """Drop the cached rows of these notices (their title or 文号 changed, not their
        activities); they are read again when next shown, nothing is read now."""
        # A 文号 or date that changed may move its rows in the order, so the known page
        # starts go too: the next page read counts its way from the first row, once.
        self._starts.clear()
        for key, page in list(self._pages.items()):
            if not notice_ids.isdisjoint(page.read.notice_ids):
                del self._pages[key]
                if key == self._last_key:
                    self._last_key = None
                first, last = key, min(key + len(page), self._shown) - 1
                if last >= first:
                    self.dataChanged.emit(
                        self.index(first, 0), self.index(last, self.columnCount() - 1)
                    )

    def _reset(self, total: int | None = None) -> None:
        if total is None:
            total = self._service.count(self._filter)
        self.unreadable = ""
        self._fetching = True  # views fetch after the reset, not from inside its signals
        try:
            self.beginResetModel()
            self._total = total
            self._shown = 0
            self._forget_pages()
            self.endResetModel()
        finally:
            self._fetching = False

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._last_key = None
        self._starts.clear()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the database (column -1, 所属公文 or 年度: newest notice first, as read)."""
        in_table = 0 <= column < len(Column)
        wanted = _ORDERS[Column(column)] if in_table else ActivityOrder.NOTICE
        descending = order == Qt.SortOrder.DescendingOrder
        if (wanted, descending) == (self._order, self._descending):
            return  # e.g. the view switching sorting on: the rows are in this order already
        self._order, self._descending = wanted, descending
        self._reset()

    def total(self) -> int:
        return self._total

    def department_names(self) -> list[str]:
        """Every department named on an activity (for the filter), read now."""
        return self._service.department_names()

    def row_at(self, row: int) -> ActivityRow:
        found = self._item(row)
        if found is None:
            raise IndexError(f"no activity in row {row}")
        return found[0]

    def next_year_fix(self, row: int) -> str | None:
        """The 完成时限 of the next year for a period before the notice's date, or None."""
        found = self._item(row)
        return found[1].next_year if found is not None else None

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

    def _item(self, row: int) -> tuple[ActivityRow, RowView] | None:
        """The activity of ``row`` and what it shows; None past the end of the data."""
        if not 0 <= row < self._shown:
            return None
        size = self.PAGE
        key = row // size * size
        page = self._pages.get(key)
        if page is not None and key != self._last_key:
            self._pages.move_to_end(key)
            self._last_key = key
        if self.unreadable and (page is None or row - key not in page.shown):
            return None  # no more reads until the table is read again
        if page is None:
            page = self._read(key, size)
            if page is None:
                return None
        index = row - key
        found = page.shown.get(index)
        if found is None:
            if index >= len(page):
                return None  # the database holds fewer rows than when it was counted
            try:
                item = page.read.rows[index]
            except UnionOfficeError as exc:
                self._unreadable(exc)
                return None
            if item is None:
                return None  # deleted since its page was read; a refresh follows
            # 序号 is the item's number in its own notice, as printed there.
            found = page.shown[index] = (item, _view_of(item, self._today()))
        return found

    def _read(self, first: int, size: int) -> _Page | None:
        """Read the page of rows from ``first`` on: after the sort key of the nearest page
        start known at or before it, passing over the rows between (none when the clerk
        scrolls page by page); None when the database cannot be read, which is said once."""
        start = first
        while start > 0 and start not in self._starts:
            start -= size
        try:
            read = self._service.page(
                self._filter,
                after=self._starts.get(start),
                skip=first - start,
                limit=size,
                order=self._order,
                descending=self._descending,
            )
        except UnionOfficeError as exc:
            self._unreadable(exc)
            return None
        if read.last_key is not None and len(read.rows) == size:
            self._starts[first + size] = read.last_key
        page = self._pages[first] = _Page(read)
        self._last_key = first
        while len(self._pages) > self.CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _unreadable(self, exc: UnionOfficeError) -> None:
        self.unreadable = str(exc)
        self.read_failed.emit(self.unreadable)

    def _replace(self, row: int, item: ActivityRow) -> None:
        """Show ``item`` in ``row`` at once (its page is cached: it was just edited)."""
        key = row // self.PAGE * self.PAGE
        page = self._pages.get(key)
        if page is not None and row - key < len(page):
            page.shown[row - key] = (item, _view_of(item, self._today()))
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- editing ---------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() not in EDITABLE:
            return False
        found = self._item(index.row())
        if found is None:
            return False
        item = found[0]
        column = Column(index.column())
        try:
            new = edited_value(item.activity, column, value)
        except ValueError as exc:
            self.edit_failed.emit(str(exc))
            return False
        if new is None:
            return True
        plan = self.open_plan(item.notice_id)
        if plan is not None:
            return self._edit_in_plan(index.row(), item, plan, column, new)
        return self._edit_in_database(index.row(), item, column, new)

    def _edit_in_plan(
        self, row: int, item: ActivityRow, plan: ActivityTableModel, column: Column, new: Any
    ) -> bool:
        position = item.position
        if position >= plan.rowCount() or not _same_cells(plan.activity(position), item.activity):
            self.edit_failed.emit(
                f"“{item.notice_title}”正在编辑，其中第 {position + 1} 项与本列表不一致"
                "（编辑器中的修改尚未保存）。请在该公文中修改，或稍后再试。"
            )
            return False
        if not plan.setData(plan.index(position, column), new):
            return False
        activity = copy.deepcopy(plan.activity(position))
        activity.period = plan.period(position)
        self._replace(row, dataclasses.replace(item, activity=activity))
        return True

    def _edit_in_database(self, row: int, item: ActivityRow, column: Column, new: Any) -> bool:
        activity = copy.deepcopy(item.activity)
        set_field(activity, column, new)
        shown = "、".join(new) if column in DEPARTMENT_COLUMNS else str(new)
        try:
            if item.notice_version is None:
                raise UnionOfficeError("无法确认该公文的版本")
            version = self._notices.update_activity(
                item.notice_id, item.notice_version, item.position, activity
            )
        except UnionOfficeError as exc:
            reason = str(exc).rstrip("。")
            self._reread_later.emit(
                0,
                f"保存失败：{reason}。\n您填写的{HEADERS[column]}“{shown}”没有保存，"
                "列表已刷新为数据库中的内容，请核对后再改。",
            )
            return False
        if column == Column.DEADLINE:
            activity.period = None  # the database derived it; the re-read shows it
        self._replace(row, dataclasses.replace(item, activity=activity, notice_version=version))
        self._reread_later.emit(item.notice_id, "")
        return True

    def _reread(self, notice_id: int, message: str) -> None:
        self.refresh()
        if message:
            self.edit_failed.emit(message)
        if notice_id:
            self.activity_saved.emit(notice_id)

    # -- QAbstractTableModel ---------------------------------------------------------------

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
        return 0 if parent.isValid() else len(Column) + 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == NOTICE_COLUMN:
            return "所属公文"
        if section == YEAR_COLUMN:
            return "年度"
        if 0 <= section < len(Column):
            return HEADERS[Column(section)]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks a dozen roles of every cell it paints; most have no answer here.
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        found = self._item(index.row())
        if found is None:
            return None
        item, view = found
        if index.column() == NOTICE_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return item.doc_number or f"〔草稿〕{item.notice_title}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return item.notice_title
            return None
        if index.column() == YEAR_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(item.notice_year or "")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        return cell_data(view, item.activity, index.column(), role)
