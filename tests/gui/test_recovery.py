"""Crash recovery: typing that never reached the database is offered again at the next start."""

from __future__ import annotations

import pytest

from unionoffice.domain.notice_json import notice_from_json
from unionoffice.gui import messages
from unionoffice.gui.editor.notice_editor import NoticeEditor
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage.database import Database
from unionoffice.storage.recovery import RecoveryStore
from unionoffice.storage.services.notices import NoticeService


@pytest.fixture
def db(db_path):
    """These tests are about files beside an SQLite database, so they run on SQLite only."""
    database = Database(db_path)
    yield database
    database.dispose()


def _crashed_window(qtbot, db, settings, notice_id: int, type_text) -> tuple[MainWindow, str]:
    """A window whose editor has typing that is in the recovery file but not in the database."""
    settings.autosave_ms = 60_000  # the autosave never comes: the program "crashes" first
    first = MainWindow(db, settings)
    qtbot.addWidget(first)
    first.show()
    editor = first.open_notice(notice_id)
    assert editor is not None
    type_text(editor.title, "（未保存的修改）")
    path = first.recovery_store.path_for(notice_id)
    qtbot.waitUntil(path.exists, timeout=3000)
    assert path.parent == db.path.parent / "recovery"
    assert notice_from_json(path.read_text(encoding="utf-8")).title == editor.title.text()
    editor._timer.stop()  # the crash: nothing more runs in this window
    assert not NoticeService(db).get(notice_id).title.endswith("（未保存的修改）")
    return first, editor.title.text()


def _forget(window: MainWindow) -> None:
    """Close the crashed window without letting it save (it is gone in a real crash)."""
    for editor in window.editors():
        editor._dirty = False
    window.close()


def test_unsaved_typing_is_restored_at_the_next_start(
    qtbot, db, demo_ids, settings, shown_messages, type_text
) -> None:
    first, typed = _crashed_window(qtbot, db, settings, demo_ids[0], type_text)
    settings.autosave_ms = 50
    settings.open_notices = []
    second = MainWindow(db, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: any(kind == "choose" for kind, _ in shown_messages), timeout=3000)
    question = next(text for kind, text in shown_messages if kind == "choose")
    assert "尚未保存的修改" in question and typed[:20] in question
    editor = second.editor_for(demo_ids[0])
    assert isinstance(editor, NoticeEditor) and editor.title.text() == typed
    qtbot.waitUntil(lambda: NoticeService(db).get(demo_ids[0]).title == typed, timeout=3000)
    qtbot.waitUntil(lambda: RecoveryStore.for_database(db).pending() == [], timeout=3000)
    _forget(first)
    second.close()


def test_discarding_keeps_the_stored_notice(
    qtbot, db, demo_ids, settings, shown_messages, type_text, monkeypatch
) -> None:
    stored = NoticeService(db).get(demo_ids[1]).title
    first, _typed = _crashed_window(qtbot, db, settings, demo_ids[1], type_text)
    monkeypatch.setattr(messages, "choose", lambda parent, text, choices, default=0: 1)
    second = MainWindow(db, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: RecoveryStore.for_database(db).pending() == [], timeout=3000)
    assert second.editor_for(demo_ids[1]) is None or not second.editor_for(demo_ids[1]).is_dirty()
    assert NoticeService(db).get(demo_ids[1]).title == stored
    _forget(first)
    second.close()


def test_a_save_removes_the_recovery_file(qtbot, window, db, demo_ids, type_text) -> None:
    editor = window.open_notice(demo_ids[2])
    assert editor is not None
    editor.set_autosave_delay(1000)
    type_text(editor.body, "补充一句。")
    path = window.recovery_store.path_for(demo_ids[2])
    qtbot.waitUntil(path.exists, timeout=3000)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)
    assert not path.exists()


def test_a_failed_save_leaves_the_copy_for_next_time(
    qtbot, window, db, demo_ids, type_text, shown_messages
) -> None:
    editor = window.open_notice(demo_ids[3])
    assert editor is not None
    editor.set_autosave_delay(60_000)
    theirs = NoticeService(db).get(demo_ids[3])
    theirs.remark = "另一位同事的修改"
    NoticeService(db).update(theirs)
    type_text(editor.title, "（我的）")
    assert not editor.shutdown()  # the conflict: nothing saved, the timers stopped
    pending = RecoveryStore.for_database(db).pending()
    assert [r.notice_id for r in pending] == [demo_ids[3]]
    assert pending[0].notice.title.endswith("（我的）")
    assert editor.recovery is not None and not editor.recovery.is_pending()
