"""The editor's 签发人, 份号, 密级, 保密期限 and 紧急程度 fields (ui/notice_editor.ui, 版头) and
a 纪要's 出席, 请假 and 列席 (落款与版记).

Kept apart from the editor: it fills them from a notice, reads them back as NoticeData
fields, and tells the undo history and the editor when one changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from unionoffice.domain.notice import NoticeData
from unionoffice.gui.editor.notice_undo import NoticeHistory
from unionoffice.gui.forms import child


class MarkFields:
    """The fields of one editor form, by the NoticeData attribute each one holds."""

    def __init__(self, form: QWidget) -> None:
        self.issuer = child(form, QLineEdit, "issuer")
        self.copy_number = child(form, QLineEdit, "copy_number")
        self.secrecy = child(form, QComboBox, "secrecy")
        self.secrecy_term = child(form, QLineEdit, "secrecy_term")
        self.urgency = child(form, QComboBox, "urgency")
        self.attendees = child(form, QLineEdit, "attendees")
        self.absentees = child(form, QLineEdit, "absentees")
        self.observers = child(form, QLineEdit, "observers")
        self._lines = {
            "issuer": self.issuer,
            "copy_number": self.copy_number,
            "secrecy_term": self.secrecy_term,
            "attendees": self.attendees,
            "absentees": self.absentees,
            "observers": self.observers,
        }
        self._combos = {"secrecy": self.secrecy, "urgency": self.urgency}

    def connect(self, edited: Callable[[], None]) -> None:
        for line in self._lines.values():
            line.textChanged.connect(lambda _text: edited())
        for combo in self._combos.values():
            combo.currentTextChanged.connect(lambda _text: edited())

    def watch(self, history: NoticeHistory) -> None:
        """Each field an undo step of its own, named as the clerk reads it."""
        history.watch_line_edit("签发人", self.issuer)
        history.watch_line_edit("份号", self.copy_number)
        history.watch_combo("密级", self.secrecy)
        history.watch_line_edit("保密期限", self.secrecy_term)
        history.watch_combo("紧急程度", self.urgency)
        history.watch_line_edit("出席", self.attendees)
        history.watch_line_edit("请假", self.absentees)
        history.watch_line_edit("列席", self.observers)

    def fill(self, data: NoticeData) -> None:
        for name, line in self._lines.items():
            line.setText(getattr(data, name))
        for name, combo in self._combos.items():
            value = getattr(data, name)
            if combo.findText(value) < 0:  # not one of the choices (an imported 平急)
                combo.addItem(value)
            combo.setCurrentText(value)

    def values(self) -> dict[str, Any]:
        """The fields as NoticeData keyword arguments."""
        values = {name: line.text().strip() for name, line in self._lines.items()}
        values.update({name: c.currentText().strip() for name, c in self._combos.items()})
        return values
