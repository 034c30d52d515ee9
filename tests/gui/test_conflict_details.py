"""A refused save says what differs between the clerk's copy and the database's."""

from __future__ import annotations

from unionoffice.domain.notice import ActivityData
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.editor.notice_editor import NoticeEditor
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService


def test_conflict_bar_lists_the_differences(qtbot, db, demo_ids, shown_messages, type_text) -> None:
    editor = NoticeEditor(AppContext(db, Settings(DictStore())), demo_ids[0], autosave_ms=60_000)
    qtbot.addWidget(editor)
    editor.show()
    service = NoticeService(db)
    theirs = service.get(demo_ids[0])
    count = len(theirs.activities)
    theirs.recipients = "各产业工会："
    theirs.activities.append(ActivityData(title="另一位同事加的活动", deadline="12月份"))
    service.update(theirs)
    type_text(editor.title, "（我的修改）")
    assert not editor.save()
    text = editor.conflict_label.text()
    assert (
        "与数据库中的版本不同：标题（您改的）、主送机关（对方改的）、"
        f"活动安排（您的 {count} 项，数据库中 {count + 1} 项，"
        "数据库中另有“另一位同事加的活动”；对方改的）"
    ) in text
    assert "没有丢失" in text
    assert editor.save_over_theirs()
    assert len(service.get(demo_ids[0]).activities) == count
    editor.shutdown()
