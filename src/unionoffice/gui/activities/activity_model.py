"""Table model of one notice's activity plan: editable, undoable, rows moved by drag and drop.

Display text per row is cached and rebuilt only when that row changes. Edits never change
the data directly: setData and drops push a command onto the notice's QUndoStack, and the
command calls ``apply_value`` / ``insert_activities`` / ``reorder`` (see undo_commands.py).
The 全部活动 model (all_activities_model.py) shows the same columns.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack

from unionoffice.domain.activity_table_text import NAME_SEPARATOR
from unionoffice.domain.deadline import Period, parse_deadline
from unionoffice.domain.notice import ActivityData
from unionoffice.gui.activities.activity_columns import (
    ACTIVITY_ROLE,
    DONE_COLOUR,
    EDITABLE,
    HEADERS,
    OVERDUE_COLOUR,
    SORT_ROLE,
    UNPARSED_COLOUR,
    Column,
    RowView,
    cell_data,
    cell_value,
    edited_value,
    format_period,
    row_view,
    set_field,
    split_names,
)
from unionoffice.gui.activities.all_activities_model import AllActivitiesModel
from unionoffice.gui.activities.plan_commands import EditActivityCommand, MoveActivityCommand

__all__ = [
    "ACTIVITY_ROLE",
    "DONE_COLOUR",
    "EDITABLE",
    "HEADERS",
    "NAME_SEPARATOR",
    "OVERDUE_COLOUR",
    "ROWS_MIME",
    "SORT_ROLE",
    "UNPARSED_COLOUR",
    "ActivityTableModel",
    "AllActivitiesModel",
    "Column",
    "format_period",
    "split_names",
]

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument
ROWS_MIME = "application/x-unionoffice-activity-rows"  # rows dragged within one plan


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
        self._views: list[RowView | None] = [None] * len(self._rows)
        self._year = year or dt.date.today().year
        self._not_before = not_before
        self.undo_stack = undo_stack
        self.today = today
        # Tells this plan's dragged rows from another open notice's.
        self._drag_token = uuid.uuid4().hex

    # -- domain values ---------------------------------------------------------------------

    def activities(self) -> list[ActivityData]:
        """Copies of the rows, as they are to be saved."""
        return [copy.deepcopy(a) for a in self._rows]

    def activity(self, row: int) -> ActivityData:
        return self._rows[row]

    def department_names(self) -> list[str]:
        """Every department the plan names as 牵头 or 配合, in order of first mention."""
        names = (name for a in self._rows for name in (*a.lead, *a.cooperating))
        return list(dict.fromkeys(names))

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

    def next_year_fix(self, row: int) -> str | None:
        """The 完成时限 of the next year for a period before the notice's date, or None."""
        return self._view(row).next_year

    def column_filled(self, column: Column) -> bool:
        """Whether some row shows anything in ``column`` (an event's 时间, 地点 …)."""
        return any(self._view(row).texts[column] for row in range(len(self._rows)))

    def _view(self, row: int) -> RowView:
        view = self._views[row]
        if view is None:
            activity = self._rows[row]
            period = parse_deadline(activity.deadline, self._year, not_before=self._not_before)
            view = self._views[row] = row_view(
                row + 1,
                activity,
                period,
                self.today(),
                notice_date=self._not_before,
                year=self._year,
            )
        return view

    # -- changes, called by undo commands --------------------------------------------------

    def value(self, row: int, column: Column) -> Any:
        return cell_value(self._rows[row], column)

    def apply_value(self, row: int, column: Column, value: Any) -> None:
        """Set one field of one activity (no undo entry: commands call this)."""
        set_field(self._rows[row], column, value)
        self._views[row] = None
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))
        self.edited.emit()

    def insert_activity(self, row: int, activity: ActivityData) -> None:
        self.insert_activities(row, [activity])

    def insert_activities(self, row: int, activities: Sequence[ActivityData]) -> None:
        """Insert copies of ``activities`` so that the first is at ``row``."""
        if not activities:
            return
        self.beginInsertRows(QModelIndex(), row, row + len(activities) - 1)
        self._rows[row:row] = [copy.deepcopy(a) for a in activities]
        self._views[row:row] = [None] * len(activities)
        self.endInsertRows()
        self._renumber_from(row + len(activities))
        self.edited.emit()

    def remove_activity(self, row: int) -> ActivityData:
        return self.remove_activities([row])[0]

    def remove_activities(self, rows: Sequence[int]) -> list[ActivityData]:
        """Remove the rows; what was removed, in row order."""
        removed: list[ActivityData] = []
        for row in sorted(set(rows), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            removed.append(self._rows.pop(row))
            self._views.pop(row)
            self.endRemoveRows()
        if rows:
            self._renumber_from(min(rows))
            self.edited.emit()
        return removed[::-1]

    def move_activity(self, source: int, target: int) -> None:
        """Move one row so that it ends up at index ``target``."""
        order = list(range(len(self._rows)))
        order.insert(target, order.pop(source))
        self.reorder(order)

    def reorder(self, order: Sequence[int]) -> None:
        """Put the rows in ``order`` (``order[i]`` is the row that goes to place i).

        Done as single-row moves, so views keep their selection and current row.
        """
        current = list(range(len(self._rows)))
        if sorted(order) != current:
            raise ValueError(f"not an order of {len(current)} rows: {order}")
        first_moved = None
        for place, wanted in enumerate(order):
            at = current.index(wanted, place)
            if at == place:
                continue
            self.beginMoveRows(QModelIndex(), at, at, QModelIndex(), place)
            self._rows.insert(place, self._rows.pop(at))
            self._views.insert(place, self._views.pop(at))
            current.insert(place, current.pop(at))
            self.endMoveRows()
            first_moved = place if first_moved is None else first_moved
        if first_moved is not None:
            self._renumber_from(first_moved)
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
            # Drops land between rows (items take none), or below the last row.
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if Column(index.column()) in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return cell_data(self._view(index.row()), self._rows[index.row()], index.column(), role)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        column = Column(index.column())
        try:
            new = edited_value(self._rows[index.row()], column, value)
        except ValueError:
            return False
        if new is None:
            return True  # nothing changed: no undo entry, no save
        old = self.value(index.row(), column)
        if self.undo_stack is None:
            self.apply_value(index.row(), column, new)
            return True
        self.undo_stack.push(EditActivityCommand(self, index.row(), column, old, new))
        return True

    # -- drag and drop: rows move within the plan ------------------------------------------

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        payload = json.dumps({"plan": self._drag_token, "rows": rows})
        data.setData(ROWS_MIME, payload.encode("utf-8"))
        return data

    def dragged_rows(self, data: QMimeData) -> list[int] | None:
        """The rows of this plan that ``data`` carries; None for anything else."""
        if not data.hasFormat(ROWS_MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(ROWS_MIME).data()).decode("utf-8"))
            rows = [int(row) for row in payload["rows"]]
        except (ValueError, KeyError, TypeError):
            return None
        if payload.get("plan") != self._drag_token or not rows:
            return None
        if not all(0 <= row < len(self._rows) for row in rows):
            return None
        return sorted(set(rows))

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return action == Qt.DropAction.MoveAction and self.dragged_rows(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dragged rows to where they were dropped: one undo step, as 上移/下移."""
        rows = self.dragged_rows(data)
        if rows is None or action != Qt.DropAction.MoveAction:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        # where the first dragged row lands once the dragged rows are taken out
        target = sum(1 for r in range(row) if r not in rows)
        command = MoveActivityCommand(self, rows, target)
        if command.changes_nothing():
            return True
        if self.undo_stack is None:
            command.redo()
        else:
            self.undo_stack.push(command)
        return True
