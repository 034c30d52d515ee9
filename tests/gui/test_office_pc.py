"""One window per user (a second start refused, a crashed window's lock taken over) and the
warning for a database on a network drive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from unionoffice.gui import office_pc
from unionoffice.gui.app import run_gui
from unionoffice.storage import locations
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services.notices import NoticeService

HOLDER = r"""
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1])
lock.setStaleLockTime(0)
print("held" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def other_window():
    """Another process of this user holding the single-window lock, as a running window does."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(office_pc.lock_path())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    office_pc.lock_path().parent.mkdir(parents=True, exist_ok=True)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_a_second_window_is_refused_and_a_crashed_ones_lock_taken_over(
    tmp_path, settings, shown_messages, monkeypatch, other_window, qapp
) -> None:
    assert other_window.stdout.readline().strip() == "held"
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    db = tmp_path / "office.sqlite"
    assert run_gui(str(db), settings=settings) == 1
    assert [kind for kind, _ in shown_messages] == ["error"]
    assert "工会公文助手已经打开" in shown_messages[0][1]
    assert f"进程号 {other_window.pid}" in shown_messages[0][1]
    assert not db.exists()  # refused before anything was opened
    other_window.kill()  # the other window crashes: its lock file stays behind
    other_window.wait(timeout=30)
    assert office_pc.lock_path().exists()
    assert run_gui(str(db), settings=settings) == 0
    assert len(shown_messages) == 1
    # and the lock is let go when the window closes
    after = office_pc.InstanceLock()
    assert after.acquire()
    after.release()


def test_the_lock_is_held_while_the_window_runs(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    from PySide6.QtCore import QTimer

    from unionoffice.gui import app as app_module

    seen: list[bool] = []
    real_report = app_module.report_startup_if_asked

    def try_a_second_start(window) -> None:
        seen.append(office_pc.InstanceLock().acquire())
        window.close()

    def record(window):
        QTimer.singleShot(100, lambda: try_a_second_start(window))
        return real_report(window)

    monkeypatch.setattr(app_module, "report_startup_if_asked", record)
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "20000")  # a test gone wrong still ends
    assert run_gui(str(tmp_path / "office.sqlite"), settings=settings) == 0
    assert seen == [False]


def test_a_refusal_without_a_console_writes_nothing(
    settings, shown_messages, monkeypatch, other_window, qapp
) -> None:
    """pythonw and the windowed .exe have no sys.stderr: the message box alone says it."""
    assert other_window.stdout.readline().strip() == "held"
    monkeypatch.setattr(sys, "stderr", None)
    monkeypatch.setattr(sys, "stdout", None)
    assert run_gui(None, settings=settings) == 1
    assert [kind for kind, _ in shown_messages] == ["error"]


def test_a_lock_folder_that_cannot_be_made_never_keeps_the_clerk_out(tmp_path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    assert office_pc.InstanceLock(blocker / "window.lock").acquire()


def _database_on_a_share(tmp_path, monkeypatch) -> tuple[Path, list[str]]:
    """A database with the demo notices in a folder the test calls a network share, and the
    notices' titles; this PC's data folder is the test's own."""
    path = tmp_path / "network-share" / "office.sqlite"
    db = Database(path)
    fill_demo(db)
    titles = [s.title for s in NoticeService(db).list()]
    db.dispose()
    monkeypatch.setattr(locations, "user_data_path", lambda *_a, **_k: tmp_path / "this-pc")
    monkeypatch.setattr(
        locations, "is_network_path", lambda where, **_kw: "network-share" in str(where)
    )
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    monkeypatch.setenv("UNIONOFFICE_NO_FIRST_RUN", "1")
    return path, titles


def test_a_database_on_a_network_drive_is_copied_to_this_pc_and_opened_there(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    path, demo_titles = _database_on_a_share(tmp_path, monkeypatch)
    before = path.read_bytes()
    status = run_gui(str(path), settings=settings)
    assert status == 0, shown_messages  # 复制到本机后打开, the first choice
    asked = [text for kind, text in shown_messages if kind == "choose"]
    assert len(asked) == 1 and str(path) in asked[0] and "网络驱动器" in asked[0]
    copy = Path(settings.last_database)
    assert copy.parent == tmp_path / "this-pc" and copy.is_file()
    assert path.read_bytes() == before  # the file on the share is left as it was
    local = Database(copy)
    try:
        assert [s.title for s in NoticeService(local).list()] == demo_titles
    finally:
        local.dispose()
    infos = [text for kind, text in shown_messages if kind == "info"]
    assert len(infos) == 1 and str(copy) in infos[0]


def test_the_clerk_may_quit_instead_and_nothing_is_opened(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    from unionoffice.gui import messages

    path, _titles = _database_on_a_share(tmp_path, monkeypatch)
    monkeypatch.setattr(messages, "choose", lambda _parent, _text, choices, default=0: 2)
    assert run_gui(str(path), settings=settings) == 1
    assert settings.last_database == "" and not locations.default_database_path().exists()


def test_the_clerk_may_connect_to_the_server_instead(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    from unionoffice.gui import messages
    from unionoffice.gui.dialogs import connection_dialog
    from unionoffice.gui.dialogs.connection_dialog import Choice, ConnectionAnswer

    path, _titles = _database_on_a_share(tmp_path, monkeypatch)
    monkeypatch.setattr(messages, "choose", lambda _parent, _text, choices, default=0: 1)
    asked: list[str] = []
    monkeypatch.setattr(
        connection_dialog,
        "ask_connection",
        lambda url, problem, _parent: asked.append(problem) or ConnectionAnswer(Choice.LOCAL),
    )
    assert run_gui(str(path), settings=settings) == 0
    assert len(asked) == 1 and "网络驱动器" in asked[0]
    assert locations.default_database_path().is_file()  # 本机数据库, as the dialog offers


def test_a_local_database_is_not_warned_about(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    monkeypatch.setenv("UNIONOFFICE_NO_FIRST_RUN", "1")
    assert run_gui(str(tmp_path / "office.sqlite"), settings=settings) == 0
    assert shown_messages == []
