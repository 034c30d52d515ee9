"""Messages to the clerk, in one place so tests can replace the modal boxes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

TITLE = "工会公文助手"


def show_error(parent: QWidget | None, text: str) -> None:
    """A modal error box with a plain Chinese message."""
    QMessageBox.critical(parent, TITLE, text)


def show_info(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, TITLE, text)


def confirm(parent: QWidget | None, text: str) -> bool:
    """Ask yes/no; the default answer is 否, so Enter never destroys anything."""
    answer = QMessageBox.question(
        parent,
        TITLE,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def choose(parent: QWidget | None, text: str, choices: Sequence[str], *, default: int = 0) -> int:
    """Ask with one button per choice; the index of the one pressed, -1 when closed."""
    box = QMessageBox(
        QMessageBox.Icon.Question, TITLE, text, QMessageBox.StandardButton.NoButton, parent
    )
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.ActionRole) for choice in choices]
    box.setDefaultButton(buttons[default])
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else -1


def ask_text(parent: QWidget | None, text: str, default: str = "") -> str | None:
    """Ask for a line of text (a reason, a name); None when the clerk cancels."""
    answer, accepted = QInputDialog.getText(
        parent, TITLE, text, QLineEdit.EchoMode.Normal, default
    )
    return answer if accepted else None
