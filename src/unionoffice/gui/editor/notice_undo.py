"""One undo history per notice: header fields, dates, body and activity table on one stack.

Every edit goes on the notice's QUndoStack in the order it was made, so the window's 撤销 and
重做 (Ctrl+Z, Ctrl+Y) take back whatever the clerk did last, wherever it was. The widgets'
own undo is switched off so there is only one history: keystrokes in a field merge into one
step until the clerk leaves it (as in Word), and the body's steps are those of its
QTextDocument, replayed by the stack. Undo shows where the change was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QMenu, QSpinBox, QWidget

from unionoffice.gui.editor.body_editor import TYPING, BodyEditor

_FIELD_COMMAND_ID = 0x4E00  # + the field's number: steps of one field merge, no others
_BODY_TYPING_ID = 0x4DFF
# Keys without text that still belong to typing; any other (arrows, Home, PgDn) moves the
# cursor, and typing after it is a new step.
_TYPING_KEYS = (
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
)
_SESSION_KEEPING_FOCUS = (
    Qt.FocusReason.PopupFocusReason,  # a completer or calendar popup opened
    Qt.FocusReason.ActiveWindowFocusReason,  # the clerk looked at another window
)


class NoticeUndoStack(QUndoStack):
    """A QUndoStack that tells a new edit being pushed from an undo or redo."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pushing = False

    def push(self, command: QUndoCommand) -> None:
        self.pushing = True
        try:
            super().push(command)
        finally:
            self.pushing = False


@dataclass(eq=False)
class Field:
    """One header field as the history sees it: its name, widget and value."""

    label: str
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]
    command_id: int


class FieldEditCommand(QUndoCommand):
    """A change of one header field; typing on in the same field merges into it."""

    def __init__(self, history: NoticeHistory, field: Field, old: Any, new: Any) -> None:
        super().__init__(f"修改{field.label}")
        self.field, self.old, self.new = field, old, new
        self._history = history
        self._session = history.session
        self._made = True  # pushed after the widget changed: the first redo has nothing to do

    def id(self) -> int:
        return self.field.command_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, FieldEditCommand)
            and other.field is self.field
            and other._session == self._session
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)  # typed and deleted again: no step at all
        return True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._history.apply(self.field, self.new)

    def undo(self) -> None:
        self._history.apply(self.field, self.old)


class BodyEditCommand(QUndoCommand):
    """Steps of the body's QTextDocument history: a heading level, a paste, or typing.

    Typing (Enter and Backspace included) goes on as one step until the clerk moves the
    cursor, leaves the body or edits anything else, as Word's 键入 does.
    """

    def __init__(self, history: NoticeHistory, text: str, *, typing: bool) -> None:
        super().__init__(text)
        self._history = history
        self._typing = typing
        self._session = history.session
        self.steps = 1  # document steps this command undoes
        self._made = True

    def id(self) -> int:
        return _BODY_TYPING_ID if self._typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (
            isinstance(other, BodyEditCommand) and other._typing and other._session == self._session
        ):
            return False
        self.steps += other.steps
        return True

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._history.replay_body(redo=True, steps=self.steps)

    def undo(self) -> None:
        self._history.replay_body(redo=False, steps=self.steps)


def is_history_key(event: QKeyEvent) -> bool:
    """Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z or the platform's undo/redo keys."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    key = event.key()
    return (key == Qt.Key.Key_Z and modifiers in (ctrl, ctrl | shift)) or (
        key == Qt.Key.Key_Y and modifiers == ctrl
    )


def _is_redo_key(event: QKeyEvent) -> bool:
    return (
        event.matches(QKeySequence.StandardKey.Redo)
        or event.key() == Qt.Key.Key_Y
        or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    )


class NoticeHistory(QObject):
    """Records the edits of one notice's widgets on its undo stack and shows undone ones.

    ``reveal_body`` brings the 正文 tab forward; ``reveal_activity`` the 活动安排 tab at a
    row (None when unknown); while ``is_loading`` says so, changes are not edits.
    """

    def __init__(
        self,
        stack: NoticeUndoStack,
        body: BodyEditor,
        *,
        reveal_body: Callable[[], None],
        reveal_activity: Callable[[int | None], None],
        is_loading: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stack = stack
        self.body = body
        self.session = 0  # a new session starts when the clerk leaves a field, undoes or redoes
        self._reveal_body = reveal_body
        self._reveal_activity = reveal_activity
        self._is_loading = is_loading
        self._fields: list[Field] = []
        self._values: dict[int, Any] = {}
        self._applying = False
        self._index = stack.index()
        self._touched_row: int | None = None
        body.document().undoCommandAdded.connect(self._on_body_step)
        body.installEventFilter(self)
        body.viewport().installEventFilter(self)  # mouse clicks land on the viewport
        stack.indexChanged.connect(self._on_index_changed)

    # -- what is watched -------------------------------------------------------------------

    def watch_line_edit(self, label: str, edit: QLineEdit) -> None:
        field = self._add(label, edit, edit.text, lambda value: edit.setText(str(value)))
        edit.textChanged.connect(lambda _text: self._on_field_changed(field))

    def watch_date(self, label: str, edit: QDateEdit) -> None:
        field = self._add(label, edit, edit.date, edit.setDate)
        edit.dateChanged.connect(lambda _date: self._on_field_changed(field))

    def watch_combo(self, label: str, combo: QComboBox) -> None:
        field = self._add(label, combo, combo.currentText, combo.setCurrentText)
        combo.currentTextChanged.connect(lambda _text: self._on_field_changed(field))
        line = combo.lineEdit()
        if line is not None:
            line.installEventFilter(self)

    def watch_spin_box(self, label: str, spin: QSpinBox) -> None:
        field = self._add(label, spin, spin.value, spin.setValue)
        spin.valueChanged.connect(lambda _value: self._on_field_changed(field))

    def watch_activities(self, model: QAbstractItemModel) -> None:
        """Remember the first row an undo or redo of the table touches, to show it."""
        model.dataChanged.connect(lambda top, _bottom, _roles=(): self._touch(top.row()))
        model.rowsInserted.connect(lambda _parent, first, _last: self._touch(first))
        model.rowsRemoved.connect(lambda _parent, first, _last: self._touch(first))
        model.rowsMoved.connect(lambda _p, _first, _last, _d, row: self._touch(row))

    def _add(
        self, label: str, widget: QWidget, read: Callable[[], Any], write: Callable[[Any], None]
    ) -> Field:
        field = Field(label, widget, read, write, _FIELD_COMMAND_ID + len(self._fields))
        self._fields.append(field)
        self._values[field.command_id] = read()
        widget.installEventFilter(self)
        return field

    def _touch(self, row: int) -> None:
        if self._touched_row is None:
            self._touched_row = row

    # -- recording -------------------------------------------------------------------------

    def _on_field_changed(self, field: Field) -> None:
        old = self._values.get(field.command_id)
        new = field.read()
        self._values[field.command_id] = new
        if self._applying or self._is_loading() or old == new:
            return
        self.stack.push(FieldEditCommand(self, field, old, new))

    def _on_body_step(self) -> None:
        label = self.body.take_edit_label()
        if self._applying or self._is_loading() or self.body.is_loading():
            return
        self.stack.push(BodyEditCommand(self, label, typing=label == TYPING))

    def _seal_body(self) -> None:
        """Typing after another edit, an undo or a redo starts a new body step: a
        QTextDocument merges typing into its last step only while it is modified."""
        self.body.document().setModified(False)

    def _on_index_changed(self, index: int) -> None:
        if not shiboken6.isValid(self.stack):
            return  # the stack empties itself while the editor is destroyed
        previous, self._index = self._index, index
        touched, self._touched_row = self._touched_row, None
        if self.stack.pushing:
            if not isinstance(self.stack.command(index - 1), BodyEditCommand):
                self._seal_body()
            return
        self.session += 1
        self._seal_body()
        if self._is_loading() or index == previous:
            return
        changed = self.stack.command(index if index < previous else index - 1)
        if changed is not None and not isinstance(changed, FieldEditCommand | BodyEditCommand):
            self._reveal_activity(touched)  # a command of the activity table

    # -- undo and redo ---------------------------------------------------------------------

    def apply(self, field: Field, value: Any) -> None:
        """Put a field's value back (undo or redo) and show the field."""
        self._applying = True
        try:
            field.write(value)
        finally:
            self._applying = False
        self._values[field.command_id] = field.read()
        self._reveal_body()
        field.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(field.widget, QLineEdit):
            field.widget.selectAll()

    def replay_body(self, *, redo: bool, steps: int) -> None:
        """Undo or redo the body's last steps, with its cursor where the change was."""
        self._reveal_body()
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)
        self._applying = True
        try:
            for _ in range(steps):
                if redo:
                    self.body.redo()
                else:
                    self.body.undo()
        finally:
            self._applying = False

    # -- keys and menus of the watched widgets ---------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if isinstance(event, QKeyEvent) and is_history_key(event):
                if kind == QEvent.Type.ShortcutOverride:
                    event.ignore()  # not the widget's own undo: the window's 撤销/重做
                elif _is_redo_key(event):
                    self.stack.redo()  # no window action took the key (or none is there)
                else:
                    self.stack.undo()
                return True
            if (
                watched is self.body
                and kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and not event.text()
                and event.key() not in _TYPING_KEYS
            ):
                self.session += 1  # moving the cursor ends a typing step
        elif kind == QEvent.Type.MouseButtonPress:
            self.session += 1
        elif kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in _SESSION_KEEPING_FOCUS:
                self.session += 1
        elif kind == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            return self._context_menu(watched, event)
        return False

    def _context_menu(self, watched: QObject, event: QContextMenuEvent) -> bool:
        """The standard menu, with 撤销/重做 on the notice's history."""
        if isinstance(watched, BodyEditor):
            menu = watched.createStandardContextMenu(event.pos())
        elif isinstance(watched, QLineEdit):
            menu = watched.createStandardContextMenu()
        else:
            return False  # spin boxes: their menu's undo is an edit like any other
        retarget_history_actions(menu, self.stack)
        menu.exec(event.globalPos())
        menu.deleteLater()
        return True


def retarget_history_actions(menu: QMenu, stack: QUndoStack) -> None:
    """Point a standard context menu's 撤销/重做 at the notice's undo stack."""
    for action in menu.actions():
        if action.objectName() == "edit-undo":
            action.triggered.disconnect()
            action.setText("撤销")
            action.setEnabled(stack.canUndo())
            action.triggered.connect(stack.undo)
        elif action.objectName() == "edit-redo":
            action.triggered.disconnect()
            action.setText("重做")
            action.setEnabled(stack.canRedo())
            action.triggered.connect(stack.redo)
