"""The notice editor: typing is saved after a pause, 取号, headings, conflicts, undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from unionoffice.domain.notice import ActivityStatus, Block, BlockKind, NoticeData
from unionoffice.gui.activities.activity_model import Column
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.editor.notice_editor import NoticeEditor
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService


def _editor(qtbot, db, notice_id: int, autosave_ms: int = 50) -> NoticeEditor:
    editor = NoticeEditor(AppContext(db, Settings(DictStore())), notice_id, autosave_ms=autosave_ms)
    qtbot.addWidget(editor)
    editor.resize(1200, 800)
    editor.show()
    return editor


def test_typing_is_autosaved_after_a_pause(qtbot, db, demo_ids, shown_messages, type_text) -> None:
    editor = _editor(qtbot, db, demo_ids[0])
    editor.title.clear()
    type_text(editor.title, "关于举办职工运动会的通知")
    assert editor.is_dirty()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(demo_ids[0])
    assert stored.title == "关于举办职工运动会的通知"
    assert stored.version == editor.version
    assert shown_messages == []
    editor.shutdown()


def test_allocate_number_gives_the_next_number(qtbot, db, shown_messages, type_text) -> None:
    service = NoticeService(db)
    service.create(NoticeData(title="第一件", series_code="青总办", year=2021))
    first = service.list()[0].id
    service.allocate_number(first)
    draft = service.create(
        NoticeData(title="关于开展劳动竞赛的通知", series_code="青总办", year=2021)
    )
    editor = _editor(qtbot, db, draft)
    assert editor.doc_number.text() == "未取号（草稿）"
    assert "青总办〔2021〕2号" in editor.next_number.text()
    qtbot.mouseClick(editor.allocate_button, Qt.MouseButton.LeftButton)
    assert editor.doc_number.text() == "青总办〔2021〕2号"
    assert not editor.allocate_button.isEnabled()
    assert service.get(draft).doc_number == "青总办〔2021〕2号"
    # later edits still save: the editor took the version the allocation made
    type_text(editor.title, "（修订）")
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert service.get(draft).title.endswith("（修订）")
    # the only question was whether to take the number, which it names
    assert [(kind, "青总办〔2021〕2号" in text) for kind, text in shown_messages] == [("ask", True)]
    editor.shutdown()


def test_series_chosen_on_screen_is_used_for_the_number(
    qtbot, db, shown_messages, type_text
) -> None:
    draft = NoticeService(db).create(NoticeData(title="通知", year=2021))
    editor = _editor(qtbot, db, draft, autosave_ms=10_000)
    editor.series.setCurrentText("青总办")
    assert editor.allocate_number()
    assert NoticeService(db).get(draft).doc_number == "青总办〔2021〕1号"
    editor.shutdown()


def test_heading_levels_by_keyboard_are_saved(qtbot, db, shown_messages, type_text) -> None:
    draft = NoticeService(db).create(NoticeData(title="通知"))
    editor = _editor(qtbot, db, draft)
    editor.body.setFocus()
    type_text(editor.body, "总体要求")
    qtbot.keyClick(editor.body, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    type_text(editor.body, "坚持服务职工。")
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    type_text(editor.body, "加强领导")
    qtbot.keyClick(editor.body, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert [b.kind for b in editor.body.blocks()] == [
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
    ]
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    body = NoticeService(db).get(draft).body
    assert [(b.kind, b.level, b.text) for b in body] == [
        (BlockKind.HEADING, 1, "总体要求"),
        (BlockKind.PARAGRAPH, 0, "坚持服务职工。"),
        (BlockKind.HEADING, 2, "加强领导"),
    ]
    # Ctrl+Z in the body takes the level back, through the notice's one history
    qtbot.keyClick(editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.blocks()[2].kind is BlockKind.PARAGRAPH
    editor.shutdown()


def test_conflict_keeps_the_clerks_text(qtbot, db, demo_ids, shown_messages, type_text) -> None:
    editor = _editor(qtbot, db, demo_ids[0], autosave_ms=10_000)
    service = NoticeService(db)
    theirs = service.get(demo_ids[0])
    theirs.remark = "别人改的附注"
    service.update(theirs)
    type_text(editor.title, "（我的修改）")
    assert not editor.save()
    assert editor.conflict_bar.isVisible()
    assert "没有丢失" in editor.conflict_label.text()
    assert editor.title.text().endswith("（我的修改）")
    assert not service.get(demo_ids[0]).title.endswith("（我的修改）")
    assert editor.save_over_theirs()
    assert service.get(demo_ids[0]).title.endswith("（我的修改）")
    assert not editor.conflict_bar.isVisible()
    editor.shutdown()


def test_activity_edits_are_saved_and_undone(
    qtbot, db, demo_ids, shown_messages, type_text
) -> None:
    editor = _editor(qtbot, db, demo_ids[0])
    model = editor.activity_model
    assert model.setData(model.index(0, Column.DEADLINE), "6月底前")
    assert model.setData(model.index(0, Column.STATUS), str(ActivityStatus.DONE))
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(demo_ids[0]).activities[0]
    assert (stored.deadline, stored.status) == ("6月底前", ActivityStatus.DONE)
    assert stored.period is not None and stored.period.end == dt.date(2021, 6, 30)
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert NoticeService(db).get(demo_ids[0]).activities[0].deadline != "6月底前"
    editor.shutdown()


def test_the_issuing_organ_can_be_changed(qtbot, db, demo_ids, type_text) -> None:
    editor = _editor(qtbot, db, demo_ids[0])
    editor.organ.clear()
    type_text(editor.organ, "西宁市总工会")
    qtbot.waitUntil(lambda: NoticeService(db).get(demo_ids[0]).organ == "西宁市总工会")
    editor.shutdown()


def test_headings_folded_into_one_block_get_lines_of_their_own(qtbot) -> None:
    from unionoffice.gui.editor.body_editor import BodyEditor

    editor = BodyEditor()
    qtbot.addWidget(editor)
    text = "高度重视，精心组织。各级工会要加强领导。\n1.明确责任分工。落实到人。"
    text += "\n（1）建立工作台账。"
    folded = Block.heading(2, text)
    editor.set_blocks([Block.heading(1, "工作要求"), folded])
    assert editor.levels() == [1, 2, 3, 4]
    assert [(b.level, b.text) for b in editor.blocks()] == [
        (1, "工作要求"),
        (2, "高度重视，精心组织。各级工会要加强领导。"),
        (3, "明确责任分工。落实到人。"),
        (4, "建立工作台账。"),
    ]
