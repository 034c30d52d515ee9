"""Undo commands of the activity table: each knows how to do and reverse one edit.

They change the notice's working copy through the table model; the notice editor saves the
result (one NoticeService.update with the version check) shortly after, so undo and redo are
saved like any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from unionoffice.domain.notice import ActivityData

if TYPE_CHECKING:
    from unionoffice.gui.activity_model import ActivityTableModel, Column


class EditActivityCommand(QUndoCommand):
    """Change one cell: 活动内容, 完成时限, departments, 责任领导 or 进度."""

    def __init__(
        self, model: ActivityTableModel, row: int, column: Column, old: Any, new: Any
    ) -> None:
        from unionoffice.gui.activity_model import HEADERS

        super().__init__(f"修改第 {row + 1} 项的{HEADERS[column]}")
        self._model, self._row, self._column = model, row, column
        self._old, self._new = old, new

    def redo(self) -> None:
        self._model.apply_value(self._row, self._column, self._new)

    def undo(self) -> None:
        self._model.apply_value(self._row, self._column, self._old)


class InsertActivityCommand(QUndoCommand):
    """Add an activity at a row."""

    def __init__(self, model: ActivityTableModel, row: int, activity: ActivityData) -> None:
        super().__init__(f"添加第 {row + 1} 项活动")
        self._model, self._row, self._activity = model, row, activity

    def redo(self) -> None:
        self._model.insert_activity(self._row, self._activity)

    def undo(self) -> None:
        self._model.remove_activity(self._row)


class RemoveActivityCommand(QUndoCommand):
    """Delete the activity at a row (undo puts it back where it was)."""

    def __init__(self, model: ActivityTableModel, row: int) -> None:
        super().__init__(f"删除第 {row + 1} 项活动")
        self._model, self._row = model, row
        self._removed: ActivityData | None = None

    def redo(self) -> None:
        self._removed = self._model.remove_activity(self._row)

    def undo(self) -> None:
        assert self._removed is not None
        self._model.insert_activity(self._row, self._removed)


class MoveActivityCommand(QUndoCommand):
    """Move an activity up or down the plan."""

    def __init__(self, model: ActivityTableModel, source: int, target: int) -> None:
        super().__init__(f"移动第 {source + 1} 项活动")
        self._model, self._source, self._target = model, source, target

    def redo(self) -> None:
        self._model.move_activity(self._source, self._target)

    def undo(self) -> None:
        self._model.move_activity(self._target, self._source)
