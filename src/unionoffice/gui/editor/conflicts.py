"""What an open notice's editor does about other clerks' saves of the same notice.

A save refused because someone saved first shows the conflict bar with three answers: keep
theirs, save mine over theirs, or choose part by part (逐项选择, conflict_dialog.py). A save
heard of through the change feed is shown at once when nothing is unsaved, else the clerk is
warned before the save is refused. NoticeEditor takes these from ConflictHandling; the
annotations below name what of the editor they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, SignalInstance
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_merge import conflict_parts, merge_parts, on_stored
from unionoffice.gui import messages
from unionoffice.gui.editor.conflict_dialog import ConflictDialog
from unionoffice.gui.editor.notice_undo import NoticeUndoStack
from unionoffice.gui.editor.recovery import RecoveryKeeper
from unionoffice.gui.editor.saving import WAIT_S, NoticeSaver

if TYPE_CHECKING:
    from unionoffice.storage.services.notices import NoticeService


class ConflictHandling(QWidget):
    """The conflict bar's answers and the saves heard of, for NoticeEditor."""

    notices: NoticeService
    saver: NoticeSaver
    recovery: RecoveryKeeper | None
    undo_stack: NoticeUndoStack
    conflict_bar: QFrame
    conflict_label: QLabel
    overwrite_button: QPushButton
    choose_button: QPushButton
    theirs_button: QPushButton
    conflict_dialog: ConflictDialog | None
    _data: NoticeData
    _dirty: bool
    _loading: bool
    _edits: int
    _heard_version: int
    _save_note: str
    _timer: QTimer
    status_message: SignalInstance
    save_pending_changed: SignalInstance

    if TYPE_CHECKING:  # NoticeEditor's

        @property
        def notice_id(self) -> int: ...

        def save(self, timeout_s: float = WAIT_S) -> bool: ...

        def collect(self) -> NoticeData: ...

        def _put(self, data: NoticeData) -> None: ...

        def _show_data(self, data: NoticeData) -> None: ...

        def _show_number(self) -> None: ...

    def _on_conflict(self, details: str) -> None:
        self._show_conflict(f"{details}\n您的修改仍在编辑器中，没有丢失。")
        self.save_pending_changed.emit()

    def _show_conflict(self, text: str, *, retry: bool = False) -> None:
        self.conflict_label.setText(text)
        for button in (self.overwrite_button, self.choose_button, self.theirs_button):
            button.setVisible(not retry)
        self.conflict_bar.show()
        self.status_message.emit("保存失败" if retry else "保存冲突：请选择保留哪一份")

    def save_over_theirs(self) -> bool:
        """After a conflict: take the stored version and save the clerk's text over it."""
        try:
            current = self.notices.get(self.notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return False
        self._data = on_stored(self._data, current)
        self._dirty = True
        self._loading = True
        self._show_number()
        self._loading = False
        return self.save()

    def choose_parts(self) -> None:
        """After a conflict: the parts that differ side by side (逐项选择); what the clerk
        keeps of each side is saved over the stored version."""
        try:
            theirs = self.notices.get(self.notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return
        mine = self.collect()
        parts = conflict_parts(mine, theirs)
        if not parts:  # nothing differs any more: keeping mine loses nothing
            self.save_over_theirs()
            return
        self.conflict_dialog = ConflictDialog(parts, self)
        self.conflict_dialog.accepted.connect(
            lambda dialog=self.conflict_dialog: self._keep_parts(
                mine, theirs, dialog.taken_from_theirs()
            )
        )
        self.conflict_dialog.open()

    def _keep_parts(self, mine: NoticeData, theirs: NoticeData, taken: set[str]) -> bool:
        self._put(on_stored(merge_parts(mine, theirs, taken), theirs))
        self.undo_stack.clear()  # the steps before were taken on the other version
        self._dirty = True
        self._edits += 1
        self._save_note = "保存冲突后逐项选择"
        return self.save()

    def take_theirs(self) -> bool:
        """After a conflict: drop the clerk's edits and show the version stored by the other
        clerk (asked first: this cannot be undone)."""
        if not messages.confirm(
            self, "采用数据库中其他用户保存的版本？\n\n您在这里的修改将被放弃，不能撤销。"
        ):
            return False
        if self.recovery is not None:
            self.recovery.discard(self.notice_id)
        self._dirty = False
        self._timer.stop()
        self.saver.stop()
        if not self.reload_stored():
            self._dirty = True
            return False
        return True

    def reload_stored(self) -> bool:
        """Show the notice as stored now (another clerk saved it, or F5); refused, returning
        False, while this editor holds unsaved typing."""
        if self._dirty:
            return False
        try:
            stored = self.notices.get(self.notice_id)
        except UnionOfficeError as exc:
            self.status_message.emit(f"无法读取公文的新版本：{exc}")
            return False
        if stored == self._data:
            return True
        self._show_data(stored)
        self.conflict_bar.hide()
        self.status_message.emit("已显示其他用户保存的新版本")
        return True

    def learn_of_save(self, version: int) -> None:
        """Someone saved this notice (the change feed says so) as ``version``: show it at
        once when nothing is unsaved here, else warn before the clerk's save is refused."""
        if self._data.version is not None and version <= self._data.version:
            return  # this editor's own save
        if self.saver.in_flight():  # perhaps ours: decide when it has landed
            self._heard_version = max(self._heard_version, version)
            return
        if not self.reload_stored():
            self._show_conflict(
                "其他用户刚刚保存了这篇公文。您的修改仍在编辑器中；保存时将提示两处的不同，"
                "请核对后选择保留哪一份。"
            )

    def _catch_up_on_heard_save(self) -> None:
        heard, self._heard_version = self._heard_version, 0
        if heard:
            self.learn_of_save(heard)
