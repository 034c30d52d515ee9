"""Undo commands of the 督办 view: each calls one SupervisionService method, and its reverse.

The first ``redo`` happens before the command is pushed (the dialog only pushes what was
saved); later ones, and ``undo``, write again with the value they expect to find, so a change
made meanwhile by someone else is refused and reported rather than overwritten.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from unionoffice.domain.supervision import FollowUp, SupervisionItem

# (notice id, position, title, seen, wanted) -> whether it was written
FollowUpWriter = Callable[[int, int, str, FollowUp, FollowUp], bool]
DeadlineWriter = Callable[[int, int, str, str, str], bool]


class _Once(QUndoCommand):
    """Skips the redo QUndoStack.push makes: the change was written before the push."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        if not self._write(forward=True):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self._write(forward=False):
            self.setObsolete(True)

    def _write(self, *, forward: bool) -> bool:
        raise NotImplementedError


class FollowUpCommand(_Once):
    """A changed 进度 or 督办情况 of one activity."""

    def __init__(
        self, item: SupervisionItem, old: FollowUp, new: FollowUp, write: FollowUpWriter
    ) -> None:
        what = "进度" if old.status != new.status else "督办情况"
        super().__init__(f"修改“{item.activity.title[:12]}”的{what}")
        self._key = (item.notice_id, item.position, item.activity.title)
        self._old, self._new, self._write_with = old, new, write

    def _write(self, *, forward: bool) -> bool:
        seen, wanted = (self._old, self._new) if forward else (self._new, self._old)
        return self._write_with(*self._key, seen, wanted)


class NextYearCommand(_Once):
    """A 完成时限 moved to the next year ("4月份" -> "次年4月份")."""

    def __init__(self, item: SupervisionItem, new: str, write: DeadlineWriter) -> None:
        super().__init__(f"将“{item.activity.deadline}”改为“{new}”")
        self._key = (item.notice_id, item.position, item.activity.title)
        self._old, self._new, self._write_with = item.activity.deadline, new, write

    def _write(self, *, forward: bool) -> bool:
        seen, wanted = (self._old, self._new) if forward else (self._new, self._old)
        return self._write_with(*self._key, seen, wanted)
