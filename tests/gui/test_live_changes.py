"""Other clerks' changes arrive without any action in this window: a command or a second
window saves, and the tree, the counts and an open editor show it; an editor with unsaved
typing is warned instead of overwritten."""

from __future__ import annotations

from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService


def _other_clerk_retitles(db_url: str, notice_id: int, title: str) -> int:
    """A second process' view of the database (its own Database, as another PC has)."""
    other = Database(db_url)
    try:
        notices = NoticeService(other)
        data = notices.get(notice_id)
        data.title = title
        return notices.update(data)
    finally:
        other.dispose()


def _watching(window, interval_ms: int = 50) -> None:
    window.change_watcher._timer.setInterval(interval_ms)
    window.change_watcher.start()


def test_a_save_elsewhere_reaches_the_tree_and_a_quiet_editor(
    qtbot, window, db_url, demo_ids, shown_messages
) -> None:
    editor = window.open_notice(demo_ids[1])
    _watching(window)
    version = _other_clerk_retitles(db_url, demo_ids[1], "另一位文书改过的标题")
    index = lambda: window.tree.model.index_of_notice(demo_ids[1])  # noqa: E731
    qtbot.waitUntil(lambda: "另一位文书改过的标题" in (index().data() or ""), timeout=5000)
    qtbot.waitUntil(lambda: editor.title.text() == "另一位文书改过的标题", timeout=5000)
    assert editor.version == version and not editor.is_dirty()
    assert shown_messages == []
    window.change_watcher.stop()


def test_a_save_elsewhere_warns_an_editor_with_unsaved_typing(
    qtbot, window, db_url, demo_ids, type_text
) -> None:
    editor = window.open_notice(demo_ids[2])
    editor.set_autosave_delay(60_000)  # the clerk is still typing
    type_text(editor.title, "（我的修改）")
    assert editor.is_dirty()
    _watching(window)
    _other_clerk_retitles(db_url, demo_ids[2], "他人的标题")
    qtbot.waitUntil(lambda: editor.conflict_bar.isVisible(), timeout=5000)
    assert editor.title.text().endswith("（我的修改）")  # nothing of the clerk's is lost
    assert "其他用户刚刚保存" in editor.conflict_label.text()
    window.change_watcher.stop()
    editor.set_autosave_delay(50)


def test_an_unreachable_database_is_said_once_and_recovery_too(qtbot, window) -> None:
    watcher = window.change_watcher
    said: list[tuple[bool, str]] = []
    watcher.reachable.connect(lambda ok, reason: said.append((ok, reason)))
    watcher._on_failed("服务器拒绝连接")
    watcher._on_failed("服务器拒绝连接")
    assert said == [(False, "服务器拒绝连接")]
    assert "暂时无法连接" in window.db_label.text()
    watcher._busy = True
    watcher._on_read(type("Update", (), {"last": watcher.last, "changes": None})())
    assert said[-1] == (True, "") and "暂时无法连接" not in window.db_label.text()


def test_f5_reloads_quiet_editors_and_leaves_typing_alone(
    qtbot, window, db_url, demo_ids, type_text
) -> None:
    quiet = window.open_notice(demo_ids[1])
    busy = window.open_notice(demo_ids[2])
    busy.set_autosave_delay(60_000)
    type_text(busy.title, "（我的修改）")
    _other_clerk_retitles(db_url, demo_ids[1], "别处改过的标题一")
    _other_clerk_retitles(db_url, demo_ids[2], "别处改过的标题二")
    from PySide6.QtCore import Qt

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert quiet.title.text() == "别处改过的标题一" and not quiet.is_dirty()
    assert busy.title.text().endswith("（我的修改）") and busy.is_dirty()
    assert "未重新读取" in window.statusBar().currentMessage()
    busy.set_autosave_delay(50)
