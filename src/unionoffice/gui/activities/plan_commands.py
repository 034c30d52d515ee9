"""Undo commands of the activity table: each knows how to do and reverse one edit.

They change the notice's working copy through the table model; the notice editor saves the
result (one NoticeService.update with the version check) shortly after, so undo and redo are
saved like any other edit. A paste of many rows, or a drag of several, is one command.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from unionoffice.domain.notice import ActivityData

if TYPE_CHECKING:
    from unionoffice.gui.activities.activity_columns import Column
    from unionoffice.gui.activities.activity_model import ActivityTableModel


def _rows_text(rows: Sequence[int]) -> str:
    return f"第 {rows[0] + 1} 项活动" if len(rows) == 1 else f"{len(rows)} 项活动"


class EditActivityCommand(QUndoCommand):
    """Change one cell: 活动内容, 完成时限, departments, 责任领导 or 进度."""

    def __init__(
        self, model: ActivityTableModel, row: int, column: Column, old: Any, new: Any
    ) -> None:
        from unionoffice.gui.activities.activity_columns import HEADERS

        super().__init__(f"修改第 {row + 1} 项的{HEADERS[column]}")
        self._model, self._row, self._column = model, row, column
        self._old, self._new = old, new

    def redo(self) -> None:
        self._model.apply_value(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model.apply_value(self._row, self._column, self._old)


class InsertActivitiesCommand(QUndoCommand):
    """Add activities at a row, e.g. the rows pasted from a spreadsheet."""

    def __init__(
        self,
        model: ActivityTableModel,
        row: int,
        activities: Sequence[ActivityData],
        text: str | None = None,
    ) -> None:
        super().__init__(text or f"粘贴 {len(activities)} 项活动")
        self._model, self._row, self._activities = model, row, list(activities)

    def redo(self) -> None:
        self._model.insert_activities(self._row, self._activities)

    def undo(self) -> None:
        self._model.remove_activities(range(self._row, self._row + len(self._activities)))


class InsertActivityCommand(InsertActivitiesCommand):
    """Add an activity at a row."""

    def __init__(self, model: ActivityTableModel, row: int, activity: ActivityData) -> None:
        super().__init__(model, row, [activity], f"添加第 {row + 1} 项活动")


class RemoveActivityCommand(QUndoCommand):
    """Delete activities (one row, or the selected rows); undo puts them back where they were."""

    def __init__(self, model: ActivityTableModel, rows: int | Sequence[int]) -> None:
        self._rows = sorted({rows} if isinstance(rows, int) else set(rows))
        super().__init__(f"删除{_rows_text(self._rows)}")
        self._model = model
        self._removed: list[ActivityData] = []

    def redo(self) -> None:
        self._removed = self._model.remove_activities(self._rows)

    def undo(self) -> None:
        for row, activity in zip(self._rows, self._removed, strict=True):
            self._model.insert_activity(row, activity)


class MoveActivityCommand(QUndoCommand):
    """Move activities up or down the plan: 上移, 下移, or rows dragged elsewhere.

    ``rows`` (one row or several) are taken out and put back together so that the first of
    them is at ``target`` among the rows left.
    """

    def __init__(self, model: ActivityTableModel, rows: int | Sequence[int], target: int) -> None:
        moved = sorted({rows} if isinstance(rows, int) else set(rows))
        super().__init__(f"移动{_rows_text(moved)}")
        self._model = model
        rest = [r for r in range(model.rowCount()) if r not in set(moved)]
        target = max(0, min(target, len(rest)))
        self._order = [*rest[:target], *moved, *rest[target:]]
        self._back = [0] * len(self._order)
        for place, row in enumerate(self._order):
            self._back[row] = place

    def changes_nothing(self) -> bool:
        return self._order == sorted(self._order)

    def redo(self) -> None:
        self._model.reorder(self._order)

    def undo(self) -> None:
        self._model.reorder(self._back)
