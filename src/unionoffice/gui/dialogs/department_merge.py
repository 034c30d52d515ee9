"""合并部门: the dialog that picks the department to keep, and the undoable merge itself.

The merge runs in DepartmentService (one transaction); the command keeps what it changed so
that 撤销合并 puts the department, its links and its aliases back. Each step tells the views
which notices' plans changed (the layout is ui/merge_departments.ui).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from unionoffice.domain.changes import Changes
from unionoffice.domain.department_names import DepartmentMerge
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.forms import child, load_form
from unionoffice.storage.services.departments import DepartmentService


class MergeDepartmentsDialog(QDialog):
    """Asks which department ``merged`` goes into, saying what will change."""

    def __init__(
        self, merged: str, others: Sequence[str], links: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        load_form("merge_departments", self)
        self.merged = merged
        self.links = links
        child(self, QLabel, "merged").setText(merged)
        self.kept = child(self, QComboBox, "kept")
        self.kept.addItems(list(others))
        self.explanation = child(self, QLabel, "explanation")
        buttons = child(self, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("合并")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.kept.currentTextChanged.connect(self._explain)
        self._explain()

    def chosen(self) -> str:
        return self.kept.currentText()

    def _explain(self) -> None:
        kept = self.chosen()
        self.ok_button.setEnabled(bool(kept))
        moved = (
            f"已录入活动中的 {self.links} 处牵头、配合部门“{self.merged}”将改为“{kept}”；"
            if self.links
            else f"目前没有活动写着“{self.merged}”；"
        )
        self.explanation.setText(
            f"{moved}“{self.merged}”从部门列表中去掉，成为“{kept}”的别名，"
            f"今后导入、粘贴的公文中写作“{self.merged}”的也记为“{kept}”。\n"
            "合并后可点“撤销合并”恢复。"
        )


class MergeDepartmentsCommand(QUndoCommand):
    """One merge, done when first pushed (``done``), undone and redone through the service."""

    def __init__(
        self,
        service: DepartmentService,
        done: DepartmentMerge,
        notify: Callable[[Changes], None],
        after: Callable[[str], None],
    ) -> None:
        super().__init__(f"合并部门“{done.merged}”到“{done.kept}”")
        self.service = service
        self.merge = done
        self.notify = notify
        self.after = after  # show the page again, on the department to select
        self._first = True

    def redo(self) -> None:
        if self._first:  # the merge was made before the command was pushed
            self._first = False
            return
        merge = self.merge
        if self._attempt(lambda: self.service.merge(merge.organ_id, merge.merged, merge.kept)):
            self._tell(self.merge.kept)

    def undo(self) -> None:
        if self._attempt(lambda: self.service.undo_merge(self.merge)):
            self._tell(self.merge.merged)

    def _attempt(self, step: Callable[[], DepartmentMerge | None]) -> bool:
        """Run one step; when the lists changed meanwhile, say why and drop the command."""
        try:
            done = step()
        except UnionOfficeError as exc:
            messages.show_error(None, str(exc))
            self.setObsolete(True)
            return False
        if done is not None:
            self.merge = done
        return True

    def _tell(self, department: str) -> None:
        self.notify(Changes(activities=self.merge.notice_ids, departments=True))
        self.after(department)
