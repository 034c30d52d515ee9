"""GUI fixtures: a demo database, settings that never touch the disk, no modal boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from unionoffice.gui import messages
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.demo import fill_demo


@pytest.fixture
def demo_ids(db) -> list[int]:
    return fill_demo(db)


@pytest.fixture
def settings() -> Settings:
    return Settings(DictStore())


@pytest.fixture
def shown_messages(monkeypatch) -> list[tuple[str, str]]:
    """Modal boxes are recorded instead of shown; a test that expects none checks it."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text: shown.append(("error", text)))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: shown.append(("info", text)))
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text: shown.append(("ask", text)) or True
    )
    return shown


def _type_text(widget: QWidget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
    QApplication.processEvents()


@pytest.fixture
def type_text():
    """Type text as key events (QTest.keyClicks only knows ASCII; clerks type Chinese)."""
    return _type_text


@pytest.fixture(autouse=True)
def no_running_timers(qapp):
    """A test that leaves a QTimer running (an autosave still pending, a search) fails."""
    yield
    from PySide6.QtCore import QTimer

    running = [
        f"{type(widget).__name__}.{timer.objectName() or 'QTimer'}"
        for widget in QApplication.allWidgets()
        if widget.isVisible() or widget.parent() is None
        for timer in widget.findChildren(QTimer)
        if timer.isActive() and timer.isSingleShot()
    ]
    assert not running, f"timers still running after the test: {running}"
