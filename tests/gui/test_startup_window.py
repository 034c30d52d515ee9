"""Start-up shows the window first and opens the database behind it (database_opener.py)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from unionoffice.gui import app as app_module
from unionoffice.gui.app import run_gui
from unionoffice.gui.window import database_opener
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo


@pytest.fixture
def demo_file(tmp_path) -> str:
    path = tmp_path / "office.sqlite"
    db = Database(path)
    fill_demo(db)
    db.dispose()
    return str(path)


@pytest.fixture
def started_windows(monkeypatch) -> list[MainWindow]:
    """The windows run_gui makes (other tests may leave windows of their own around)."""
    windows: list[MainWindow] = []
    real_report = app_module.report_startup_if_asked

    def record(window: MainWindow):
        windows.append(window)
        return real_report(window)

    monkeypatch.setattr(app_module, "report_startup_if_asked", record)
    # a test that goes wrong ends instead of waiting for a clerk to close the window
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "20000")
    return windows


@pytest.fixture
def held_open(monkeypatch) -> threading.Event:
    """The database's full open waits until the test sets the event (ten seconds at most)."""
    release = threading.Event()
    real_open = database_opener.open_and_read

    def slow_open(argument, **step_one):
        assert release.wait(10), "the test never let the database open"
        return real_open(argument, **step_one)

    monkeypatch.setattr(database_opener, "open_and_read", slow_open)
    return release


def test_window_is_shown_empty_then_filled_when_the_database_is_open(
    demo_file, settings, shown_messages, monkeypatch, started_windows, qapp, held_open
) -> None:
    release = held_open
    seen: dict[str, object] = {}

    def look_while_opening() -> None:
        window = started_windows[0]
        seen["visible"] = window.isVisible()
        seen["attached"] = window.is_attached()
        seen["new_enabled"] = window.new_action.isEnabled()
        seen["placeholder"] = window.tree.search_box.placeholderText()
        window.attached.connect(lambda: QTimer.singleShot(0, look_when_attached))
        release.set()

    def look_when_attached() -> None:
        window = started_windows[0]
        seen["notices"] = len(window.tree.visible_notice_ids())
        seen["new_enabled_after"] = window.new_action.isEnabled()
        seen["tabs"] = [window.tabs.tabText(i) for i in range(2)]
        seen["calendar"] = type(window.tabs.widget(0)).__name__
        window.close()

    QTimer.singleShot(200, look_while_opening)
    assert run_gui(demo_file, settings=settings) == 0
    assert shown_messages == []
    assert seen["visible"] is True
    assert seen["attached"] is False
    assert seen["new_enabled"] is False
    assert seen["placeholder"] == "正在读取公文…"
    assert seen["notices"] == 9
    assert seen["new_enabled_after"] is True
    assert seen["tabs"] == ["日历", "全部活动"]
    assert seen["calendar"] == "CalendarView"


def test_closing_the_window_while_the_database_opens_lets_it_go(
    demo_file, settings, shown_messages, monkeypatch, started_windows, qapp
) -> None:
    release = threading.Event()
    opened: list[Database] = []
    real_open = database_opener.open_and_read

    def slow_open(argument, **step_one):
        assert release.wait(10)
        db, snapshot = real_open(argument, **step_one)
        opened.append(db)
        return db, snapshot

    monkeypatch.setattr(database_opener, "open_and_read", slow_open)
    disposed: list[Database] = []
    real_dispose = Database.dispose

    def recording_dispose(self: Database) -> None:
        disposed.append(self)
        real_dispose(self)

    monkeypatch.setattr(Database, "dispose", recording_dispose)

    def close_then_release() -> None:
        release.set()  # the worker is opening while the clerk closes the window
        started_windows[0].close()

    QTimer.singleShot(200, close_then_release)
    assert run_gui(demo_file, settings=settings) == 0
    assert shown_messages == []
    assert len(opened) == 1  # the worker finished before the program ended
    assert opened[0] in disposed  # and closed the database nobody was going to use


def test_a_database_that_cannot_be_opened_closes_the_window_with_status_1(
    tmp_path, settings, shown_messages, qapp
) -> None:
    folder = tmp_path / "一个文件夹.sqlite"
    folder.mkdir()
    assert run_gui(str(folder), settings=settings) == 1
    assert [kind for kind, _ in shown_messages] == ["error"]
    assert shown_messages[0][1].startswith("无法打开数据库")


def test_the_notices_are_shown_before_the_database_is_open_and_what_is_asked_waits(
    demo_file, settings, shown_messages, monkeypatch, started_windows, qapp, held_open
) -> None:
    """Step 1 fills the tree from the file; a search typed and a notice asked for meanwhile
    are done once the database is open."""
    release = held_open
    seen: dict[str, object] = {}

    def look_while_opening() -> None:
        window = started_windows[0]
        seen["attached"] = window.is_attached()
        seen["new_enabled"] = window.new_action.isEnabled()
        notices = window.tree.visible_notice_ids()
        seen["notices"] = len(notices)
        seen["counts"] = window.counts_label.text()
        seen["search_enabled"] = window.tree.search_box.isEnabled()
        window.tree.search_box.setText("青总办")  # typed while the database opens
        seen["asked"] = notices[0]
        window.tree.open_requested.emit(notices[0])  # a double-click on it
        seen["editors_before"] = len(window.editors())
        window.attached.connect(lambda: QTimer.singleShot(300, look_when_attached))
        release.set()

    def look_when_attached() -> None:
        window = started_windows[0]
        editor = window.current_editor()
        seen["opened"] = editor.notice_id if editor is not None else None
        seen["found"] = window.tree.visible_notice_ids()
        window.close()

    QTimer.singleShot(200, look_while_opening)
    assert run_gui(demo_file, settings=settings) == 0
    assert shown_messages == []
    assert seen["attached"] is False
    assert seen["new_enabled"] is False
    assert seen["notices"] == 9
    assert str(seen["counts"]).startswith("公文 9 件")
    assert seen["search_enabled"] is True
    assert seen["editors_before"] == 0
    assert seen["opened"] == seen["asked"]
    found = seen["found"]
    assert isinstance(found, list) and 0 < len(found) < 9  # the search typed was done
