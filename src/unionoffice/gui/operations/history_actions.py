"""编辑 → 痕迹: the open notice's saves, compared side by side; an older version restored into
the editor as one undoable change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.dialogs.history_dialog import HistoryDialog
from unionoffice.storage.services.history import HistoryService

if TYPE_CHECKING:
    from unionoffice.gui.editor.notice_editor import NoticeEditor
    from unionoffice.gui.window.main_window import MainWindow


def show_history(window: MainWindow) -> HistoryDialog | None:
    """The 痕迹 of the notice in the current tab (saved first, so its last edit is listed)."""
    editor = window.current_editor()
    if editor is None:
        window.show_status("请先打开一篇公文，再查看它的痕迹", 5000)
        return None
    editor.save()
    history = HistoryService(window.context.db)
    dialog = HistoryDialog(history, editor.notice_id, editor.display_title(), window)
    dialog.restore_requested.connect(lambda version: restore_version(editor, history, version))
    window.history_dialog = dialog
    dialog.open()
    return dialog


def restore_version(editor: NoticeEditor, history: HistoryService, version: int) -> bool:
    """Put ``version``'s content into the editor and save it, as one step 撤销 takes back."""
    from unionoffice.gui.editor.content_command import apply_content

    try:
        old = history.version(editor.notice_id, version)
    except UnionOfficeError as exc:
        messages.show_error(editor, str(exc))
        return False
    label = f"恢复到第 {version} 版"
    return apply_content(editor, old, label, note=label)
