"""The window's notice tabs: an editor per open notice, opened from a click off the UI thread
(gui/background_reads.py) or at once for a notice just written, saved together and closed
with a question when a save is still waiting. MainWindow takes these from NoticeTabs; the
annotations below name what of the window they use.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.background_reads import BackgroundReads
from unionoffice.gui.settings import Settings
from unionoffice.gui.tree.document_tree import DocumentTree

if TYPE_CHECKING:
    from unionoffice.gui.activities.activity_model import ActivityTableModel
    from unionoffice.gui.app_context import AppContext
    from unionoffice.gui.editor.notice_editor import NoticeEditor
    from unionoffice.gui.editor.opening import EditorOpening


class NoticeTabs(QMainWindow):
    """The editors of the open notices, for MainWindow."""

    tabs: QTabWidget
    tree: DocumentTree
    context: AppContext
    settings: Settings
    reads: BackgroundReads
    undo_group: QUndoGroup
    pending_label: QLabel
    _waiting_text: str

    if TYPE_CHECKING:  # MainWindow's

        def is_attached(self) -> bool: ...

        def _when_attached(self, call: Callable[[], object]) -> None: ...

        def show_in_calendar(self, day: dt.date) -> None: ...

    def editors(self) -> list[NoticeEditor]:
        if not self.is_attached():
            return []
        from unionoffice.gui.editor.notice_editor import NoticeEditor

        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), NoticeEditor)
        ]

    def editor_for(self, notice_id: int) -> NoticeEditor | None:
        return next((e for e in self.editors() if e.notice_id == notice_id), None)

    def show_stored(self, notice_id: int) -> None:
        editor = self.editor_for(notice_id)
        if editor is not None:
            editor.reload_stored()

    def _open_plan(self, notice_id: int) -> ActivityTableModel | None:
        editor = self.editor_for(notice_id)
        return editor.activity_model if editor is not None else None

    def current_editor(self) -> NoticeEditor | None:
        if not self.is_attached():
            return None
        from unionoffice.gui.editor.notice_editor import NoticeEditor

        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, NoticeEditor) else None

    def open_notice(self, notice_id: int) -> NoticeEditor | None:
        """Show the notice's editor, opening a tab for it if needed (read here: for a notice
        just written, as after 新建 or an import; a clerk's click goes through request_notice).
        While the database is still opening: once it is open, None now."""
        if not self.is_attached():
            self._when_attached(lambda: self.open_notice(notice_id))
            return None
        from unionoffice.gui.editor.opening import read_opening

        editor = self.editor_for(notice_id)
        if editor is None:
            try:
                editor = self._add_editor(notice_id, read_opening(self.context, notice_id))
            except UnionOfficeError as exc:
                messages.show_error(self, f"无法打开公文：{exc}")
                return None
        self._bring_forward(editor)
        return editor

    def request_notice(
        self, notice_id: int, then: Callable[[NoticeEditor], None] | None = None
    ) -> None:
        """Show the notice the clerk asked for, at once when its tab is open, else when it has
        been read; ``then`` gets its editor (to show an activity, say)."""
        if not self.is_attached():  # the tree is shown before the database is open
            self._when_attached(lambda: self.request_notice(notice_id, then))
            return
        from unionoffice.gui.editor.opening import read_opening

        editor = self.editor_for(notice_id)
        if editor is not None:
            self._bring_forward(editor, then)
            return
        context = self.context

        def show(opening: EditorOpening) -> None:  # (another database voids it: reattach)
            shown = self.editor_for(notice_id) or self._add_editor(notice_id, opening)
            self._bring_forward(shown, then)

        self.reads.start(
            ("notice", notice_id),
            lambda: read_opening(context, notice_id),
            show,
            what="公文",
            on_failed=lambda exc: messages.show_error(self, f"无法打开公文：{exc}"),
        )

    def _show_waiting(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        elif self.statusBar().currentMessage() == self._waiting_text:
            self.statusBar().clearMessage()
        self._waiting_text = text

    def _bring_forward(
        self, editor: NoticeEditor, then: Callable[[NoticeEditor], None] | None = None
    ) -> None:
        self.tabs.setCurrentWidget(editor)
        self.tree.select_notice(editor.notice_id)
        self.settings.remember_notice(editor.notice_id)
        if then is not None:
            then(editor)

    def _add_editor(self, notice_id: int, opening: EditorOpening) -> NoticeEditor:
        from unionoffice.gui.editor.notice_editor import NoticeEditor

        editor = NoticeEditor(self.context, notice_id, keep_recovery=True, opening=opening)
        editor.saved.connect(self._on_saved)
        editor.save_pending_changed.connect(self._show_pending_saves)
        editor.changed.connect(self.context.notify)
        editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        editor.title_changed.connect(lambda _t, e=editor: self._retitle(e))
        editor.activity_view.calendar_requested.connect(self.show_in_calendar)
        self.undo_group.addStack(editor.undo_stack)
        self.tabs.addTab(editor, "")
        self._retitle(editor)
        return editor

    def _retitle(self, editor: NoticeEditor) -> None:
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.setTabText(index, editor.display_title())
            self.tabs.setTabToolTip(index, editor.doc_number_text or "草稿（未取号）")

    def show_activity(self, notice_id: int, position: int) -> None:
        self.request_notice(notice_id, lambda editor: editor.show_activity(position))

    def save_all(self, timeout_s: float | None = None) -> bool:
        """Save every open notice; all saves start at once and together wait ``timeout_s``
        at most, so a silent server holds 保存 or 退出 that long, not that long per notice."""
        from unionoffice.gui.editor.saving import WAIT_S

        editors = self.editors()
        for editor in editors:
            editor.save_in_background()
        deadline = time.monotonic() + (WAIT_S if timeout_s is None else timeout_s)
        ok = all([editor.save(max(deadline - time.monotonic(), 0.1)) for editor in editors])
        if ok:
            self.statusBar().showMessage("已全部保存", 3000)
        return ok

    def _show_pending_saves(self) -> None:
        waiting = [editor for editor in self.editors() if editor.save_pending()]
        self.pending_label.setVisible(bool(waiting))
        if waiting:
            names = "、".join(editor.display_title() for editor in waiting[:3])
            more = f"等 {len(waiting)} 篇" if len(waiting) > 3 else ""
            self.pending_label.setText(f"等待保存：{names}{more}（将自动重试）")

    def close_notice(self, notice_id: int) -> None:
        """Close the notice's tab, if it is open (its editor saves first)."""
        editor = self.editor_for(notice_id)
        if editor is not None:
            self._close_editor(editor)

    def close_current_notice(self) -> None:
        """关闭公文 (Ctrl+W): the notice in front, saved first."""
        editor = self.current_editor()
        if editor is not None:
            self._close_editor(editor)

    def close_tab(self, index: int) -> None:
        editor = self.tabs.widget(index)
        if editor in self.editors():
            self._close_editor(editor)  # type: ignore[arg-type]

    def _close_editor(self, editor: NoticeEditor, *, ask: bool = True) -> bool:
        """Close ``editor``'s tab after saving; when the save fails, ``ask`` whether to close
        anyway (the edit stays in the recovery file) or keep the tab. Whether it closed."""
        saved = editor.save()
        if (
            not saved
            and ask
            and not messages.confirm(
                self,
                f"《{editor.display_title()}》的修改未能保存（见编辑器上方的提示）。\n\n"
                "仍要关闭吗？修改已存入恢复文件，下次打开程序时可以恢复；"
                "不关闭则留在这里，数据库恢复后自动保存。",
            )
        ):
            return False
        editor.shutdown(saved=saved)
        self.undo_group.removeStack(editor.undo_stack)
        self.tabs.removeTab(self.tabs.indexOf(editor))
        editor.deleteLater()
        self._show_pending_saves()
        return True

    def _on_saved(self, notice_id: int, _version: int) -> None:
        editor = self.editor_for(notice_id)
        if editor is not None:
            self._retitle(editor)
