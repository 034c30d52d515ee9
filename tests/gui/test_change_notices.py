"""Changes flow as notices, not reloads: after an autosave, a title edit, 取号 or a plan edit,
each view rereads only the notices that changed. The statements sent to the database are
counted and read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from unionoffice.domain.changes import Changes
from unionoffice.gui.window.main_window import CALENDAR_TAB
from unionoffice.storage.services.notices import NoticeService


@contextmanager
def statements(db) -> Iterator[list[str]]:
    """Every SQL statement sent while the block runs, as sent."""
    seen: list[str] = []

    def record(_conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _reads_every_notice(sql: str) -> bool:
    """A list of notices without a WHERE on their ids: what refresh-all used to send."""
    by_id = "notices.id IN" in sql or "notices.id = " in sql
    return sql.startswith("SELECT notices.id") and not by_id


def _reads_activities(sql: str) -> bool:
    return bool(re.search(r"FROM activities\b", sql)) and sql.startswith("SELECT")


def _of_one_notice(sql: str) -> bool:
    """A read of the saved notice's own rows: its plan, or the ids of the rows just written."""
    return bool(re.search(r"\bnotice_id (IN|=) ", sql))


def _save_title(qtbot, window, type_text, notice_id: int, words: str) -> list[str]:
    editor = window.open_notice(notice_id)
    window.tabs.setCurrentIndex(CALENDAR_TAB)  # the lists on screen: tree and calendar
    window.tabs.setCurrentWidget(editor)
    with statements(window.db) as seen:
        editor.title.end(False)
        type_text(editor.title, words)
        qtbot.waitUntil(lambda: not editor._dirty, timeout=3000)
        qtbot.wait(20)
    return seen


def test_a_title_edit_rereads_only_that_notice(qtbot, window, demo_ids, type_text) -> None:
    seen = _save_title(qtbot, window, type_text, demo_ids[0], "（修订）")
    assert any(sql.startswith("UPDATE notices") for sql in seen), seen
    listing = [sql for sql in seen if "activity_count" in sql]  # the tree's lines
    assert listing and all("notices.id IN" in sql for sql in listing), listing
    assert not any(_reads_every_notice(sql) for sql in seen)
    # Nothing of the calendar or 全部活动: the plan did not change.
    assert not any(_reads_activities(sql) and not _of_one_notice(sql) for sql in seen), seen
    # The tree shows the new title without having been rebuilt.
    title = NoticeService(window.db).get(demo_ids[0]).title
    assert title.endswith("（修订）")
    index = window.tree.model.index_of_notice(demo_ids[0])
    assert "（修订）" in index.data()


def test_an_autosave_of_the_plan_rereads_that_notice_and_the_month_shown(
    qtbot, window, demo_ids
) -> None:
    editor = window.open_notice(demo_ids[0])
    model = editor.activity_model
    window.tabs.setCurrentIndex(CALENDAR_TAB)
    with statements(window.db) as seen:
        model.setData(model.index(0, 1), "改过的活动内容")
        qtbot.waitUntil(lambda: not editor._dirty, timeout=3000)
        qtbot.wait(20)
    assert not any(_reads_every_notice(sql) for sql in seen), [
        sql for sql in seen if _reads_every_notice(sql)
    ]
    # The calendar on screen reads its month again; 全部活动, not on screen, reads nothing.
    counting = [sql for sql in seen if "count(" in sql and "notice_id IN" not in sql]
    assert counting == []
    month = [sql for sql in seen if _reads_activities(sql) and "end_date" in sql]
    assert month, "the month on screen is read again"


def test_views_off_screen_catch_up_when_shown(qtbot, window, demo_ids) -> None:
    from unionoffice.gui.window.main_window import ALL_ACTIVITIES_TAB

    window.tabs.setCurrentIndex(CALENDAR_TAB)
    assert not window.all_activities.isVisible()
    before = window.all_activities.model.total()
    window.context.notify(Changes(removed=frozenset({demo_ids[0]})))
    NoticeService(window.db).delete(demo_ids[0])
    window.context.notify(Changes(removed=frozenset({demo_ids[0]})))
    assert window.all_activities._stale
    window.tabs.setCurrentIndex(ALL_ACTIVITIES_TAB)
    qtbot.waitUntil(lambda: not window.all_activities._stale, timeout=2000)
    assert window.all_activities.model.total() < before
    assert demo_ids[0] not in window.tree.visible_notice_ids()


def test_counts_follow_a_new_and_a_deleted_notice(qtbot, window, shown_messages) -> None:
    before = window.counts_label.text()
    editor = window.notice_commands.new_notice()
    assert editor is not None
    after_new = window.counts_label.text()
    assert after_new != before and editor.notice_id in window.tree.visible_notice_ids()
    shown_messages.clear()
    assert window.notice_commands.delete_notice(editor.notice_id)
    assert window.counts_label.text() == before
    assert editor.notice_id not in window.tree.visible_notice_ids()
