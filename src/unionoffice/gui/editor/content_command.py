"""One undo step that replaces the whole text of a notice: an edited Word file imported back.

Undo puts the text from before back and saves it; redo saves the file's text again. Each is a
save like any other, with its version check. The editor's history before the step is cleared:
the body's own undo history starts again when its whole text is replaced.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from unionoffice.domain.notice import NoticeData

if TYPE_CHECKING:
    from unionoffice.gui.editor.notice_editor import NoticeEditor


class ReplaceContentCommand(QUndoCommand):
    """The notice's text replaced by ``after``; undo gives back ``before``."""

    def __init__(
        self,
        editor: NoticeEditor,
        before: NoticeData,
        after: NoticeData,
        text: str,
        note: str = "",
    ) -> None:
        super().__init__(text)
        self.editor, self.before, self.after = editor, before, after
        self.note = note  # kept in the 痕迹 with the save
        self.saved = False  # whether the last redo or undo was saved

    def redo(self) -> None:
        self.saved = self.editor.replace_content(self.after, self.note)

    def undo(self) -> None:
        self.saved = self.editor.replace_content(self.before)


def apply_content(editor: NoticeEditor, content: NoticeData, text: str, note: str = "") -> bool:
    """Replace the notice's text in ``editor`` with ``content`` as one undo step, saved at
    once; False (the editor shows why) when a pending edit or the new text cannot be saved.
    ``note`` says why in the 痕迹."""
    if not editor.save():
        return False
    editor.undo_stack.clear()
    command = ReplaceContentCommand(editor, editor.collect(), content, text, note)
    editor.undo_stack.push(command)
    return command.saved
