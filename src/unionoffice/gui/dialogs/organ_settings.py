"""设置 → 机关与部门: the office's 发文机关, their 机关代字 (文号 series) and 部门 master lists.

Each change is saved at once through OrganService or DepartmentService (one transaction);
when it is refused the reason is shown and the database is as it was. Merging a department
into another moves the activities' links at once, tells the views, and can be undone
(撤销合并, Ctrl+Z in the list). The main window reads the lists again when the
设置 dialog closes. The layout is ui/organ_settings.ui.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.department_names import DepartmentMerge
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.organs import OrganInfo
from unionoffice.gui import messages
from unionoffice.gui.dialogs.department_merge import (
    MergeDepartmentsCommand,
    MergeDepartmentsDialog,
)
from unionoffice.gui.forms import child, load_form
from unionoffice.storage.services.departments import DepartmentService
from unionoffice.storage.services.organs import OrganService


class OrganSettingsPage(QWidget):
    """The 机关与部门 page: pick an organ, edit it, its 机关代字 and its departments."""

    changed = Signal()

    def __init__(
        self,
        service: OrganService,
        parent: QWidget | None = None,
        notify: Callable[[Changes], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.departments = DepartmentService(service.db)
        self.notify = notify or (lambda _changes: None)
        self.undo_stack = QUndoStack(self)
        self.merge_dialog: MergeDepartmentsDialog | None = None
        self.changed_any = False
        self.infos: list[OrganInfo] = []

        load_form("organ_settings", self)
        self.organ_list = child(self, QListWidget, "organ_list")
        self.new_organ_name = child(self, QLineEdit, "new_organ_name")
        self.new_organ_button = child(self, QPushButton, "new_organ_button")
        self.name = child(self, QLineEdit, "name")
        self.header_text = child(self, QLineEdit, "header_text")
        self.recipients = child(self, QPlainTextEdit, "recipients")
        self.distributor = child(self, QLineEdit, "distributor")
        self.save_button = child(self, QPushButton, "save_button")
        self.series_list = child(self, QListWidget, "series_list")
        self.new_series = child(self, QLineEdit, "new_series")
        self.add_series_button = child(self, QPushButton, "add_series_button")
        self.department_list = child(self, QListWidget, "department_list")
        self.department_name = child(self, QLineEdit, "department_name")
        self.add_department_button = child(self, QPushButton, "add_department_button")
        self.rename_button = child(self, QPushButton, "rename_button")
        self.remove_button = child(self, QPushButton, "remove_button")
        self.up_button = child(self, QPushButton, "up_button")
        self.down_button = child(self, QPushButton, "down_button")
        self.merge_button = child(self, QPushButton, "merge_button")
        self.undo_merge_button = child(self, QPushButton, "undo_merge_button")
        self.aliases = child(self, QLineEdit, "aliases")
        self.save_aliases_button = child(self, QPushButton, "save_aliases_button")
        self.hint = child(self, QLabel, "hint")

        self.organ_list.currentRowChanged.connect(lambda _row: self._show_organ())
        self.department_list.currentRowChanged.connect(lambda _row: self._on_department())
        self.new_organ_button.clicked.connect(self.new_organ)
        self.new_organ_name.returnPressed.connect(self.new_organ)
        self.save_button.clicked.connect(self.save_organ)
        self.add_series_button.clicked.connect(self.add_series)
        self.new_series.returnPressed.connect(self.add_series)
        self.add_department_button.clicked.connect(self.add_department)
        self.department_name.returnPressed.connect(self.add_department)
        self.rename_button.clicked.connect(self.rename_department)
        self.remove_button.clicked.connect(self.remove_department)
        self.up_button.clicked.connect(lambda: self.move_department(-1))
        self.down_button.clicked.connect(lambda: self.move_department(1))
        self.merge_button.clicked.connect(self.merge_department)
        self.save_aliases_button.clicked.connect(self.save_aliases)
        self.aliases.returnPressed.connect(self.save_aliases)
        self.undo_merge_button.clicked.connect(self.undo_stack.undo)
        self.undo_merge_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_merge_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(self._show_undo_text)
        undo = self.undo_stack.createUndoAction(self, "撤销")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redo = self.undo_stack.createRedoAction(self, "重做")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.department_list.addActions([undo, redo])
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def current_organ(self) -> OrganInfo | None:
        row = self.organ_list.currentRow()
        return self.infos[row] if 0 <= row < len(self.infos) else None

    def current_department(self) -> str | None:
        item = self.department_list.currentItem()
        return item.text() if item is not None else None

    def reload(self, organ_id: int | None = None, department: str | None = None) -> None:
        """Read the organs again and show ``organ_id`` (else the current one, else the first)."""
        current = self.current_organ()
        wanted = organ_id if organ_id is not None else current.id if current else None
        try:
            self.infos = self.service.organs()
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return
        self.organ_list.blockSignals(True)
        self.organ_list.clear()
        self.organ_list.addItems([info.name for info in self.infos])
        ids = [info.id for info in self.infos]
        row = ids.index(wanted) if wanted in ids else 0 if ids else -1
        self.organ_list.setCurrentRow(row)
        self.organ_list.blockSignals(False)
        self._show_organ(department)

    def _show_organ(self, department: str | None = None) -> None:
        info = self.current_organ()
        for widget in (
            self.name,
            self.header_text,
            self.recipients,
            self.distributor,
            self.save_button,
            self.new_series,
            self.add_series_button,
            self.department_name,
            self.add_department_button,
        ):
            widget.setEnabled(info is not None)
        self.name.setText(info.name if info else "")
        self.header_text.setText(info.header_text if info else "")
        self.recipients.setPlainText(info.default_recipients if info else "")
        self.distributor.setText(info.default_distributor if info else "")
        self.series_list.clear()
        self.series_list.addItems(list(info.series_codes) if info else [])
        self.department_list.clear()
        self.department_list.addItems(list(info.departments) if info else [])
        if info is not None and department in info.departments:
            self.department_list.setCurrentRow(info.departments.index(department))
        self._on_department()

    def _on_department(self) -> None:
        row = self.department_list.currentRow()
        selected = row >= 0
        self.rename_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
        self.up_button.setEnabled(selected and row > 0)
        self.down_button.setEnabled(selected and row < self.department_list.count() - 1)
        self.merge_button.setEnabled(selected and self.department_list.count() > 1)
        self.aliases.setEnabled(selected)
        self.save_aliases_button.setEnabled(selected)
        self.aliases.clear()
        info = self.current_organ()
        if selected and info is not None:
            name = self.department_list.item(row).text()
            self.department_name.setText(name)
            try:
                self.aliases.setText("、".join(self.departments.aliases(info.id, name)))
            except UnionOfficeError as exc:
                messages.show_error(self, str(exc))

    # -- changing -----------------------------------------------------------------------------

    def new_organ(self) -> bool:
        """A new 发文机关 with the usual defaults, selected so its fields can be filled in."""
        name = self.new_organ_name.text()
        done = self._change(lambda: self.service.create_organ(name))
        if isinstance(done, int):
            self.new_organ_name.clear()
            self.reload(organ_id=done)
        return done is not None

    def save_organ(self) -> bool:
        info = self.current_organ()
        if info is None:
            return False
        done = self._change(
            lambda: self.service.update_organ(
                info.id,
                name=self.name.text(),
                header_text=self.header_text.text(),
                default_recipients=self.recipients.toPlainText(),
                default_distributor=self.distributor.text(),
            )
        )
        if done is not None:
            self.reload()
        return done is not None

    def add_series(self) -> bool:
        info = self.current_organ()
        if info is None:
            return False
        code = self.new_series.text()
        done = self._change(lambda: self.service.add_series(info.id, code))
        if done is not None:
            self.new_series.clear()
            self.reload()
        return done is not None

    def add_department(self) -> bool:
        info = self.current_organ()
        name = self.department_name.text().strip()
        if info is None:
            return False
        if name in info.departments:
            messages.show_error(self, f"部门“{name}”已在列表中")
            return False
        done = self._change(lambda: self.service.add_department(info.id, name))
        if done is not None:
            self.reload(department=name)
        return done is not None

    def rename_department(self) -> bool:
        info, old = self.current_organ(), self.current_department()
        if info is None or old is None:
            return False
        new = self.department_name.text().strip()
        done = self._change(lambda: self.service.rename_department(info.id, old, new))
        if done is not None:
            self.reload(department=new)
        return done is not None

    def remove_department(self) -> bool:
        info, name = self.current_organ(), self.current_department()
        if info is None or name is None:
            return False
        question = (
            f"从部门列表中删除“{name}”？\n已录入活动中的“{name}”保持不变，只是今后不再供选择。"
        )
        if not messages.confirm(self, question):
            return False
        done = self._change(lambda: self.service.remove_department(info.id, name))
        if done is not None:
            self.department_name.clear()
            self.reload()
        return done is not None

    def move_department(self, offset: int) -> bool:
        info, name = self.current_organ(), self.current_department()
        if info is None or name is None:
            return False
        done = self._change(lambda: self.service.move_department(info.id, name, offset))
        if done is not None:
            self.reload(department=name)
        return done is not None

    def save_aliases(self) -> bool:
        """Keep the other ways the selected department is written (顿号, comma or space)."""
        info, name = self.current_organ(), self.current_department()
        if info is None or name is None:
            return False
        wanted = [a for a in re.split(r"[、，,；;\s]+", self.aliases.text()) if a]
        done = self._change(lambda: self.departments.set_aliases(info.id, name, wanted))
        if done is not None:
            self.reload(department=name)
            self.notify(Changes(departments=True))
        return done is not None

    def merge_department(self) -> bool:
        """Ask which department the selected one goes into (合并部门); the merge is made when
        the clerk confirms, and can be undone (撤销合并)."""
        info, name = self.current_organ(), self.current_department()
        if info is None or name is None:
            return False
        try:
            links = self.departments.links(info.id, name)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return False
        others = [d for d in info.departments if d != name]
        if self.merge_dialog is not None:
            self.merge_dialog.deleteLater()
        self.merge_dialog = MergeDepartmentsDialog(name, others, links, self)
        self.merge_dialog.accepted.connect(
            lambda dialog=self.merge_dialog: self._merge(info.id, name, dialog.chosen())
        )
        self.merge_dialog.open()
        return True

    def _merge(self, organ_id: int, name: str, kept: str) -> bool:
        done = self._change(lambda: self.departments.merge(organ_id, name, kept))
        if not isinstance(done, DepartmentMerge):
            return False
        self.notify(Changes(activities=done.notice_ids, departments=True))
        self.undo_stack.push(
            MergeDepartmentsCommand(self.departments, done, self.notify, self._after_undo)
        )
        self.reload(department=kept)
        return True

    def _show_undo_text(self, text: str) -> None:
        self.undo_merge_button.setToolTip(f"撤销：{text}" if text else "")

    def _after_undo(self, department: str) -> None:
        self.changed_any = True
        self.changed.emit()
        self.reload(department=department)

    def _change(self, change: Callable[[], object]) -> object | None:
        """Run one service call; its result (True for None), or None after showing why not."""
        try:
            result = change()
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        self.changed_any = True
        self.changed.emit()
        return True if result is None else result
