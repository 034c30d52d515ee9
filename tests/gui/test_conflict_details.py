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


def test_the_clerk_keeps_each_part_from_one_side(qtbot, db, demo_ids, shown_messages) -> None:
    """逐项选择: the parts side by side; the clerk's title, the other clerk's 主送机关 and
    second activity; one save, and the editor shows the result."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from unionoffice.domain.notice_merge import ROW_PREFIX

    editor = NoticeEditor(AppContext(db, Settings(DictStore())), demo_ids[0], autosave_ms=60_000)
    qtbot.addWidget(editor)
    editor.show()
    service = NoticeService(db)
    theirs = service.get(demo_ids[0])
    theirs.title = "对方改的标题"
    theirs.recipients = "各产业工会："
    theirs.activities[1].deadline = "12月底前"
    service.update(theirs)
    editor.title.setText("我改的标题")
    assert not editor.save()
    assert editor.choose_button.isVisible()
    qtbot.mouseClick(editor.choose_button, Qt.MouseButton.LeftButton)
    dialog = editor.conflict_dialog
    assert dialog is not None and dialog.isVisible()
    rows = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert rows[:2] == ["标题", "主送机关"] and rows[2].startswith("第 2 项活动")
    assert dialog.table.item(0, 1).text() == "我改的标题"
    assert dialog.table.item(0, 2).text() == "对方改的标题"
    dialog.choose("recipients", theirs=True)
    dialog.choose(f"{ROW_PREFIX}1", theirs=True)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    stored = service.get(demo_ids[0])
    assert stored.title == "我改的标题" and stored.recipients == "各产业工会："
    assert stored.activities[1].deadline == "12月底前"
    assert not editor.is_dirty() and not editor.conflict_bar.isVisible()
    assert editor.title.text() == "我改的标题" and editor.recipients.text() == "各产业工会："
    assert editor.activity_model.activities()[1].deadline == "12月底前"
    assert shown_messages == []
    editor.shutdown()
