"""Saves that never hold the window and never give up: autosave runs off the UI thread, a
failed save is retried by itself and lands when the database answers again, a conflict offers
both versions, and closing a tab whose save failed asks first."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt, QTimer

from unionoffice.domain.errors import DatabaseError
from unionoffice.gui import messages
from unionoffice.gui.editor import saving
from unionoffice.storage.services.notices import NoticeService


@pytest.fixture
def quick_retries(monkeypatch):
    monkeypatch.setattr(saving, "RETRY_AFTER_S", (0.05, 0.1))


class FlakyUpdates:
    """NoticeService.update that fails ``failures`` times (the server is down), or waits for
    ``gate`` (the server is paused), before it saves."""

    def __init__(self, monkeypatch, failures: int = 0, gate: threading.Event | None = None):
        self.failures = failures
        self.gate = gate
        self.calls = 0
        self.waiting = False
        real = NoticeService.update

        def update(service, data, **kwargs):
            self.calls += 1
            if self.gate is not None:
                self.waiting = True
                self.gate.wait(5)
                self.waiting = False
            if self.failures:
                self.failures -= 1
                raise DatabaseError("无法连接数据库服务器（连接被拒绝）")
            return real(service, data, **kwargs)

        monkeypatch.setattr(NoticeService, "update", update)


def _stored_title(db, notice_id: int) -> str:
    return NoticeService(db).get(notice_id).title


def test_autosave_does_not_hold_the_window_while_the_database_waits(
    qtbot, window, db, demo_ids, monkeypatch
) -> None:
    gate = threading.Event()
    flaky = FlakyUpdates(monkeypatch, gate=gate)
    editor = window.open_notice(demo_ids[0])
    editor.title.setText("服务器暂停时写的标题")
    qtbot.waitUntil(lambda: flaky.calls == 1, timeout=3000)  # the autosave is on its way
    assert flaky.waiting  # and the window runs meanwhile
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.wait(300)  # the window's own timers go on: the save waits on another thread
    timer.stop()
    assert len(ticks) >= 10
    editor.title.setText("服务器暂停时写的标题（续）")  # typing goes on meanwhile
    assert editor.is_dirty()
    gate.set()  # the server answers: the first save lands, then the typing made meanwhile
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)
    assert _stored_title(db, demo_ids[0]) == "服务器暂停时写的标题（续）"
    assert not editor.conflict_bar.isVisible()  # its own two saves are no conflict


def test_a_failed_save_is_retried_until_it_lands(
    qtbot, window, db, demo_ids, monkeypatch, quick_retries
) -> None:
    flaky = FlakyUpdates(monkeypatch, failures=2)
    editor = window.open_notice(demo_ids[1])
    editor.title.setText("断网时写的标题")
    qtbot.waitUntil(lambda: "自动重试" in editor.conflict_label.text(), timeout=3000)
    assert editor.conflict_bar.isVisible() and not editor.overwrite_button.isVisible()
    assert window.pending_label.isVisible() and "断网时写的标题" in window.pending_label.text()
    assert window.recovery_store.pending()  # the text is on disk while the save waits
    # nobody presses 保存: the retries land it when the database answers again
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)
    assert flaky.calls == 3
    assert _stored_title(db, demo_ids[1]) == "断网时写的标题"
    assert not editor.conflict_bar.isVisible() and not window.pending_label.isVisible()
    assert not window.recovery_store.pending()


def test_reconnecting_retries_a_waiting_save_at_once(
    qtbot, window, db, demo_ids, monkeypatch
) -> None:
    monkeypatch.setattr(saving, "RETRY_AFTER_S", (60,))
    FlakyUpdates(monkeypatch, failures=1)
    editor = window.open_notice(demo_ids[1])
    editor.title.setText("重新连接后保存")
    qtbot.waitUntil(editor.save_pending, timeout=3000)
    window.change_watcher._on_failed("服务器拒绝连接")
    window.change_watcher._on_read(
        type("Update", (), {"last": window.change_watcher.last, "changes": None})()
    )  # the feed reads again: the database answers
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert _stored_title(db, demo_ids[1]) == "重新连接后保存"


def test_a_save_that_gets_no_answer_gives_up_waiting_but_not_saving(
    qtbot, window, db, demo_ids, monkeypatch
) -> None:
    gate = threading.Event()
    FlakyUpdates(monkeypatch, gate=gate)
    editor = window.open_notice(demo_ids[2])
    editor.set_autosave_delay(60_000)
    editor.title.setText("取号前要保存")
    assert editor.save(timeout_s=0.2) is False  # 取号 or closing waits this long, no longer
    assert "没有应答" in editor.conflict_label.text()
    gate.set()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)  # and it lands later
    assert _stored_title(db, demo_ids[2]) == "取号前要保存"
    editor.set_autosave_delay(50)


def _conflict(qtbot, window, db, notice_id: int, type_text):
    editor = window.open_notice(notice_id)
    editor.set_autosave_delay(60_000)
    type_text(editor.title, "（我的）")
    other = NoticeService(db)
    theirs = other.get(notice_id)
    theirs.title = "对方保存的标题"
    other.update(theirs)
    assert editor.save() is False
    assert editor.theirs_button.isVisible() and editor.overwrite_button.isVisible()
    editor.set_autosave_delay(50)
    return editor


def test_a_conflict_can_take_theirs(qtbot, window, db, demo_ids, type_text, shown_messages):
    editor = _conflict(qtbot, window, db, demo_ids[3], type_text)
    assert "对方保存的标题" in editor.conflict_label.text()  # the bar says what differs
    qtbot.mouseClick(editor.theirs_button, Qt.MouseButton.LeftButton)
    assert shown_messages[-1][0] == "ask"  # asked first: the clerk's typing goes
    assert editor.title.text() == "对方保存的标题" and not editor.is_dirty()
    assert not editor.conflict_bar.isVisible()
    assert _stored_title(db, demo_ids[3]) == "对方保存的标题"


def test_a_conflict_can_keep_mine(qtbot, window, db, demo_ids, type_text, shown_messages):
    editor = _conflict(qtbot, window, db, demo_ids[4], type_text)
    mine = editor.title.text()
    qtbot.mouseClick(editor.overwrite_button, Qt.MouseButton.LeftButton)
    assert not editor.is_dirty() and _stored_title(db, demo_ids[4]) == mine


def test_both_choices_stay_on_screen_in_a_narrow_editor(
    qtbot, window, db, demo_ids, type_text
) -> None:
    editor = _conflict(qtbot, window, db, demo_ids[5], type_text)
    narrow = editor.minimumSizeHint().width()
    editor.conflict_bar.resize(narrow, editor.conflict_bar.height())
    editor.conflict_bar.layout().activate()
    for button in (editor.theirs_button, editor.overwrite_button):
        right = button.mapTo(editor.conflict_bar, button.rect().topRight()).x()
        assert button.isVisible() and right <= narrow, button.text()


def test_closing_a_tab_whose_save_failed_asks_first(
    qtbot, window, db, demo_ids, monkeypatch, quick_retries
) -> None:
    FlakyUpdates(monkeypatch, failures=1_000)
    editor = window.open_notice(demo_ids[1])
    editor.title.setText("未能保存的标题")
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, text: asked.append(text) or False)
    window.close_notice(demo_ids[1])
    assert asked and "未能保存" in asked[0]
    assert window.editor_for(demo_ids[1]) is editor  # kept open, the text in it
    assert editor.title.text() == "未能保存的标题"
    monkeypatch.setattr(messages, "confirm", lambda _parent, text: asked.append(text) or True)
    window.close_notice(demo_ids[1])
    assert window.editor_for(demo_ids[1]) is None
    assert [r.notice.title for r in window.recovery_store.pending()] == ["未能保存的标题"]
    window.recovery_store.discard(demo_ids[1])

