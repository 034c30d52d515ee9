"""A whole office on one server, with the server misbehaving under a running window: stopped and
started again, and paused (SIGSTOP) as a hung machine is. The window keeps answering, says
once that the server cannot be reached, and the clerk's save lands by itself afterwards.

These tests start a PostgreSQL server of their own (the CI's shared one must not be stopped
under the other tests); they need Debian's postgresql, which scripts/system-packages.sh installs.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from unionoffice.gui.background_reads import read_pool
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services.notices import NoticeService

PG_BINARIES = sorted(Path("/usr/lib/postgresql").glob("*/bin"))



@pytest.fixture(autouse=True)
def _collect_connections_the_server_dropped():
    """A server stopped or paused under a pool leaves psycopg connection objects that only the
    garbage collector closes, with a ResourceWarning. Collected here, after each test of this
    module (the only one that stops servers), rather than in whichever test runs next."""
    yield
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "(unclosed|.*deleted while still open)", ResourceWarning)
        gc.collect()


class PrivateServer:
    """A throwaway PostgreSQL server that a test may stop, start, pause and resume."""

    def __init__(self, folder: Path, password: str = "") -> None:
        if not PG_BINARIES:
            raise RuntimeError(
                "PostgreSQL's server programs are missing: bash scripts/system-packages.sh "
                "installs them (Debian's postgresql)"
            )
        self.bin = PG_BINARIES[-1]
        self.folder = folder
        self.data = folder / "data"
        self.port = _free_port()
        self.run_as: list[str] = []
        if os.geteuid() == 0:  # initdb refuses root
            shutil.chown(folder, "postgres")
            self.run_as = ["runuser", "-u", "postgres", "--"]
        self.password = password
        auth = ["-A", "trust"]
        if password:  # a server that checks passwords, as an office's does
            secret = folder / "pw"
            secret.write_text(password)
            if self.run_as:
                shutil.chown(secret, "postgres")
            auth = ["-A", "scram-sha-256", f"--pwfile={secret}"]
        self._pg("initdb", "-D", str(self.data), *auth, "-U", "postgres", "-E", "UTF8")

    def _pg(self, program: str, *args: str) -> None:
        subprocess.run(
            [*self.run_as, str(self.bin / program), *args],
            check=True,
            capture_output=True,
            timeout=60,
        )

    @property
    def url(self) -> str:
        return self.url_with(self.password)

    def url_with(self, password: str) -> str:
        user = f"postgres:{password}" if password else "postgres"
        return f"postgresql+psycopg://{user}@127.0.0.1:{self.port}/{self.database}"

    database = "postgres"

    def with_new_database(self) -> PrivateServer:
        """This server, seen through a new empty database (a test's own office)."""
        name = f"office_{uuid.uuid4().hex[:10]}"
        admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{name}"'))
        finally:
            admin.dispose()
        view = copy.copy(self)
        view.database = name
        return view

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._pg(
            "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-o", options,
            "start",
        )  # fmt: skip

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def _processes(self) -> list[int]:
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        children = subprocess.run(
            ["pgrep", "-P", str(postmaster)], capture_output=True, text=True
        ).stdout.split()
        return [postmaster, *map(int, children)]

    def pause(self) -> None:
        for pid in self._processes():
            os.kill(pid, signal.SIGSTOP)

    def resume(self) -> None:
        for pid in self._processes():
            os.kill(pid, signal.SIGCONT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def private_server(password: str = "") -> Iterator[PrivateServer]:
    # not under tmp_path: the postgres user must reach it, and pytest's folders are private
    folder = Path(tempfile.mkdtemp(prefix="unionoffice-pg-"))
    server = PrivateServer(folder, password)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server.resume()
        with contextlib.suppress(Exception):
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def shared_server() -> Iterator[PrivateServer]:
    """One server for the module (initdb takes seconds); each test gets its own database."""
    with private_server() as running:
        yield running


@pytest.fixture
def server(shared_server: PrivateServer) -> Iterator[PrivateServer]:
    view = shared_server.with_new_database()
    yield view
    # a test may leave the server stopped or paused: the next one needs it running
    with contextlib.suppress(Exception):
        view.resume()
    if (
        subprocess.run(
            [*view.run_as, str(view.bin / "pg_ctl"), "-D", str(view.data), "status"],
            capture_output=True,
        ).returncode
        != 0
    ):
        view.start()


@pytest.fixture(scope="module")
def password_server() -> Iterator[PrivateServer]:
    with private_server(password="正确的密码") as running:
        yield running


@pytest.fixture
def office_window(qtbot, server, settings, shown_messages):
    from unionoffice.gui.window.main_window import MainWindow

    db = Database(server.url)
    ids = fill_demo(db)
    settings.autosave_ms = 50
    settings.change_poll_ms = 0
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    window.change_watcher._timer.setInterval(100)
    window.change_watcher.start()
    yield window, db, ids
    window.close()
    QThreadPool.globalInstance().waitForDone(20_000)  # saves and reads on their way
    read_pool().waitForDone(20_000)
    db.dispose()


def _stored_title(url: str, notice_id: int) -> str:
    other = Database(url)
    try:
        return NoticeService(other).get(notice_id).title
    finally:
        other.dispose()


def _ticks_during(qtbot, milliseconds: int) -> int:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(milliseconds)
    timer.stop()
    return len(ticks)


def test_a_stopped_server_is_said_once_and_the_save_lands_when_it_returns(
    qtbot, office_window, server, monkeypatch
) -> None:
    from unionoffice.gui.editor import saving

    monkeypatch.setattr(saving, "RETRY_AFTER_S", (0.3, 0.5))
    window, _db, ids = office_window
    said: list[bool] = []
    window.change_watcher.reachable.connect(lambda ok, _reason: said.append(ok))
    editor = window.open_notice(ids[0])
    server.stop()
    editor.title.setText("服务器停机时写的标题")
    qtbot.waitUntil(editor.save_pending, timeout=15_000)
    assert "自动重试" in editor.conflict_label.text()
    assert "暂时无法连接" in window.db_label.text()
    assert _ticks_during(qtbot, 500) >= 15  # the window answers all the while
    assert said.count(False) == 1  # said once, not on every read
    server.start()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=20_000)  # nobody pressed 保存
    assert _stored_title(server.url, ids[0]) == "服务器停机时写的标题"
    qtbot.waitUntil(lambda: "暂时无法连接" not in window.db_label.text(), timeout=10_000)
    assert said[-1] is True and not window.pending_label.isVisible()


def test_a_paused_server_does_not_freeze_the_window(qtbot, office_window, server) -> None:
    window, _db, ids = office_window
    editor = window.open_notice(ids[1])
    server.pause()
    try:
        editor.title.setText("服务器暂停时写的标题")
        qtbot.wait(200)  # the autosave has left for the paused server
        started = time.monotonic()
        assert _ticks_during(qtbot, 1000) >= 30
        assert time.monotonic() - started < 3
        assert editor.is_dirty()
        editor.title.setText("服务器暂停时写的标题，再改一次")  # typing goes on
    finally:
        server.resume()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=20_000)
    assert _stored_title(server.url, ids[1]) == "服务器暂停时写的标题，再改一次"
    assert not editor.conflict_bar.isVisible()


def test_two_windows_on_one_server_see_each_others_saves(
    qtbot, office_window, server, settings
) -> None:
    from unionoffice.gui.window.main_window import MainWindow

    window, _db, ids = office_window
    other_db = Database(server.url)
    other = MainWindow(other_db, settings)
    qtbot.addWidget(other)
    try:
        theirs = other.open_notice(ids[2])
        mine = window.open_notice(ids[2])
        theirs.title.setText("另一台电脑上改的标题")
        qtbot.waitUntil(lambda: not theirs.is_dirty(), timeout=10_000)
        # no action in this window: the change arrives by itself
        qtbot.waitUntil(lambda: mine.title.text() == "另一台电脑上改的标题", timeout=10_000)
        assert not mine.is_dirty()
    finally:
        other.close()
        QThreadPool.globalInstance().waitForDone(20_000)
        other_db.dispose()


@pytest.fixture
def keyring_of_this_test(monkeypatch):
    """The system keyring, as a dict of this test's."""
    from unionoffice.storage import credentials

    kept: dict[str, str] = {}
    monkeypatch.setattr(
        credentials, "remember_password", lambda url, pw: kept.update({url: pw}) or True
    )
    monkeypatch.setattr(credentials, "stored_password", lambda url: kept.get(url))
    return kept


@pytest.mark.parametrize("choice", ["connect", "local", "quit"])
def test_a_wrong_password_opens_the_connection_dialog(
    qtbot, settings, shown_messages, monkeypatch, keyring_of_this_test, choice, password_server
) -> None:
    from unionoffice.gui.dialogs import connection_dialog
    from unionoffice.gui.dialogs.connection_dialog import Choice, ConnectionAnswer
    from unionoffice.gui.window.database_opener import DatabaseOpening
    from unionoffice.gui.window.main_window import MainWindow

    server = password_server
    asked: list[tuple[str, str]] = []

    def answer(url: str, problem: str, _parent) -> ConnectionAnswer:
        asked.append((url, problem))
        if choice == "connect":  # the clerk types the right password
            return ConnectionAnswer(Choice.CONNECT, server.url, remember=True)
        return ConnectionAnswer(Choice(choice))

    monkeypatch.setattr(connection_dialog, "ask_connection", answer)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    reconnected: list[str] = []
    fell_back: list[bool] = []
    opening = DatabaseOpening(
        window,
        server.url_with("错误的密码"),
        on_reconnect=lambda url, _remember: reconnected.append(url),
        on_fallback=lambda: fell_back.append(True),
    )
    opening._start()
    qtbot.waitUntil(lambda: bool(asked), timeout=15_000)
    url, problem = asked[0]
    assert url == server.url_with("错误的密码")  # the fields start from what failed
    assert "用户名或密码不对" in problem and "authentication" not in problem
    assert shown_messages == []  # the dialog, not an error box and the end
    if choice == "connect":
        assert reconnected == [server.url] and window.isVisible()
        assert opening.exit_code == 0
    elif choice == "local":
        assert fell_back == [True] and window.isVisible()
    else:
        assert opening.exit_code == 1 and not window.isVisible()
    window.close()
    QThreadPool.globalInstance().waitForDone(20_000)


def test_the_connection_dialog_tests_and_gives_the_url(qtbot, password_server) -> None:
    from unionoffice.gui.dialogs.connection_dialog import Choice, ConnectionDialog

    server = password_server
    dialog = ConnectionDialog(server.url_with("wrong"), "用户名或密码不对", None)
    qtbot.addWidget(dialog)
    assert dialog.host.text() == "127.0.0.1" and dialog.port.value() == server.port
    assert dialog.user.text() == "postgres" and dialog.database.text() == "postgres"
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert "用户名或密码不对" in dialog.test_result.text()
    dialog.password.setText("正确的密码")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=15_000)
    assert dialog.test_result.text() == "连接成功。"
    qtbot.mouseClick(dialog.findChild(QPushButton, "connect_button"), Qt.MouseButton.LeftButton)
    assert dialog.answer.choice is Choice.CONNECT
    assert make_url(dialog.answer.url) == make_url(server.url)  # the password percent-encoded
    Database(dialog.answer.url).dispose()  # the URL opens the database


@pytest.mark.parametrize("keep", ["mine", "theirs"])
def test_two_windows_change_one_activity_and_the_clerk_chooses(
    qtbot, office_window, server, settings, shown_messages, keep
) -> None:
    from unionoffice.gui.activities.activity_columns import Column
    from unionoffice.gui.window.main_window import MainWindow

    window, _db, ids = office_window
    window.change_watcher.stop()  # the conflict is met on saving, as between two busy PCs
    other_db = Database(server.url)
    other = MainWindow(other_db, settings)
    qtbot.addWidget(other)
    try:
        mine, theirs = window.open_notice(ids[0]), other.open_notice(ids[0])
        for editor in (mine, theirs):
            editor.set_autosave_delay(60_000)
        theirs.activity_model.setData(theirs.activity_model.index(0, Column.DEADLINE), "12月底前")
        assert theirs.save()
        mine.activity_model.setData(mine.activity_model.index(0, Column.DEADLINE), "11月份")
        assert not mine.save()
        bar = mine.conflict_label.text()
        assert "第 1 项" in bar and "您的“11月份”" in bar and "数据库中“12月底前”" in bar
        button = mine.overwrite_button if keep == "mine" else mine.theirs_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        expected = "11月份" if keep == "mine" else "12月底前"
        assert not mine.is_dirty() and mine.activity_model.activities()[0].deadline == expected
        stored = NoticeService(other_db).get(ids[0]).activities[0].deadline
        assert stored == expected
        for editor in (mine, theirs):
            editor.set_autosave_delay(50)
    finally:
        other.close()
        QThreadPool.globalInstance().waitForDone(20_000)
        other_db.dispose()


def test_all_activities_keeps_its_rows_and_says_once_when_the_server_stops(
    qtbot, office_window, server
) -> None:
    window, _db, ids = office_window
    view = window.all_activities
    window.tabs.setCurrentWidget(view)
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    said: list[str] = []
    model.read_failed.connect(said.append)
    server.stop()
    model.forget_notices(frozenset(ids))  # the rows must be read again to be painted
    for _ in range(3):  # paint after paint asks for every cell: one read, one message
        view.table.viewport().grab()
    assert len(said) == 1 and "拒绝连接" in said[0]
    qtbot.waitUntil(lambda: "暂时无法连接" in window.db_label.text(), timeout=5_000)
    server.start()
    qtbot.waitUntil(lambda: "暂时无法连接" not in window.db_label.text(), timeout=15_000)
    qtbot.waitUntil(lambda: model.unreadable == "", timeout=5_000)
    assert model.index(0, 1).data()  # read again by itself


def test_clicks_on_a_paused_server_hold_nothing_and_show_when_it_answers(
    qtbot, office_window, server, shown_messages
) -> None:
    """Opening a notice, stepping the calendar and searching wait for the server off the UI
    thread: the window answers, the status line names what it waits for, and each shows when
    the server answers again."""
    window, _db, ids = office_window
    window.change_watcher.stop()  # the clicks are what this test watches
    calendar = window.calendar
    window.tabs.setCurrentWidget(calendar)
    qtbot.waitUntil(lambda: not window.reads.busy(), timeout=10_000)
    month_before = calendar.title_label.text()
    window.tree.select_notice(ids[2])
    server.pause()
    try:
        window.open_action.trigger()  # Ctrl+O on the notice chosen in the tree
        window.open_action.trigger()  # pressed again while the first still waits
        calendar.next_button.click()
        window.tree.search_box.setText("金秋")  # the search runs when typing pauses
        started = time.monotonic()
        assert _ticks_during(qtbot, 1000) >= 30
        assert time.monotonic() - started < 3
        assert window.editor_for(ids[2]) is None
        assert calendar.title_label.text() == month_before  # the month shown stays
        assert len(window.tree.visible_notice_ids()) == len(ids)  # and so does the tree
        waiting = window.statusBar().currentMessage()
        assert "正在读取" in waiting and "公文" in waiting and "日历" in waiting
        assert "搜索结果" in waiting
    finally:
        server.resume()
    qtbot.waitUntil(lambda: window.editor_for(ids[2]) is not None, timeout=20_000)
    qtbot.waitUntil(lambda: calendar.title_label.text() != month_before, timeout=10_000)
    qtbot.waitUntil(lambda: len(window.tree.visible_notice_ids()) == 1, timeout=10_000)
    assert window.tabs.currentWidget() is window.editor_for(ids[2])
    assert len(window.editors()) == 1 and shown_messages == []
    qtbot.waitUntil(lambda: "正在读取" not in window.statusBar().currentMessage())


def test_a_notice_clicked_while_the_server_is_stopped_is_said_once(
    qtbot, office_window, server, shown_messages
) -> None:
    window, _db, ids = office_window
    window.change_watcher.stop()
    window.tree.select_notice(ids[1])
    server.stop()
    window.open_action.trigger()
    window.open_action.trigger()  # a double-click's second press: one read, one message
    qtbot.waitUntil(lambda: not window.reads.busy(), timeout=15_000)
    assert [kind for kind, _text in shown_messages] == ["error"]
    assert "无法打开公文" in shown_messages[0][1] and "拒绝连接" in shown_messages[0][1]
    assert window.editors() == []
