"""GUI fixtures: a demo database, settings that never touch the disk, no modal boxes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt, QThreadPool
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from unionoffice.gui import messages
from unionoffice.gui.background_reads import read_pool
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.demo import fill_demo


@pytest.fixture
def demo_ids(db) -> list[int]:
    return fill_demo(db)


@pytest.fixture
def settings() -> Settings:
    return Settings(DictStore())


# What ask_text answers in tests (a reason for 作废, say).
ANSWER_TEXT = "测试填写的原因"


@pytest.fixture
def shown_messages(monkeypatch) -> list[tuple[str, str]]:
    """Modal boxes are recorded instead of shown; a test that expects none checks it.

    ``choose`` answers with its first choice, ``ask_text`` with ANSWER_TEXT; a test that
    wants another answer patches it.
    """
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda parent, text: shown.append(("error", text)))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: shown.append(("info", text)))
    monkeypatch.setattr(
        messages, "confirm", lambda parent, text: shown.append(("ask", text)) or True
    )
    monkeypatch.setattr(
        messages,
        "choose",
        lambda parent, text, choices, default=0: shown.append(("choose", text)) or 0,
    )
    monkeypatch.setattr(
        messages,
        "ask_text",
        lambda parent, text, default="": shown.append(("text", text)) or ANSWER_TEXT,
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
def private_user_data(tmp_path, monkeypatch):
    """Recovery files of a server database and the single-window lock go to the test's
    folder, not the clerk's (nor another test run's)."""
    from unionoffice.gui import office_pc
    from unionoffice.storage import recovery

    monkeypatch.setattr(recovery, "user_data_path", lambda *_a, **_k: tmp_path / "user-data")
    monkeypatch.setattr(office_pc, "lock_path", lambda: tmp_path / "user-data" / "window.lock")


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """A modal dialog a test did not expect fails the test instead of waiting forever."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def refuse(name: str):
        def blocked(*args, **_kwargs):
            text = next((a for a in args if isinstance(a, str) and a != messages.TITLE), "")
            raise AssertionError(f"a modal {name} would block the test: {text[:80]}")

        return blocked

    for name in ("critical", "information", "question", "warning"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse(f"QFileDialog.{name}"))
    monkeypatch.setattr(QDialog, "exec", refuse("QDialog.exec"))
    monkeypatch.setattr(QMessageBox, "exec", refuse("QMessageBox.exec"))


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


@pytest.fixture
def window(qtbot, db, demo_ids, settings, shown_messages):
    """The main window on the demo database, shown; closed after the test."""
    from unionoffice.gui.window.main_window import MainWindow

    settings.autosave_ms = 50
    settings.change_poll_ms = 0  # other clerks' changes: only the tests that ask read them
    main = MainWindow(db, settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    QThreadPool.globalInstance().waitForDone(20_000)  # saves and reads still on their way
    read_pool().waitForDone(20_000)


@pytest.fixture
def reads_done(qtbot):
    """Wait until what the window reads in the background (a notice clicked, a calendar month)
    is on screen: ``reads_done(window)``."""

    def wait(window, timeout_ms: int = 10_000) -> None:
        qtbot.waitUntil(lambda: not window.reads.busy(), timeout=timeout_ms)

    return wait


@pytest.fixture
def no_file_dialogs(monkeypatch):
    """File dialogs answer from a dict filled by the test; a dialog nobody expected fails."""
    answers: dict[str, object] = {}

    def answer(name: str):
        def static(*_args, **_kwargs):
            if name not in answers:
                raise AssertionError(f"unexpected QFileDialog.{name}")
            return answers[name]

        return static

    from PySide6.QtWidgets import QFileDialog

    for name in ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, answer(name))
    return answers


@pytest.fixture
def opened_urls(monkeypatch) -> list[str]:
    """QDesktopServices.openUrl records the files it would open in another program."""
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True
    )
    return opened


@pytest.fixture(autouse=True)
def no_first_run_wizard(monkeypatch):
    """Tests open empty databases on purpose; test_first_run.py removes this where it needs
    the wizard."""
    monkeypatch.setenv("UNIONOFFICE_NO_FIRST_RUN", "1")
