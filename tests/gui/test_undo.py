"""One undo history per notice: fields, body, heading levels and the table, in order."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from unionoffice.domain.notice import BlockKind
from unionoffice.gui.activities.activity_model import Column
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.editor.notice_editor import ACTIVITY_TAB, BODY_TAB, NoticeEditor
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    """A key pressed where the focus is, as the clerk presses it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _edit_cell(qtbot, editor: NoticeEditor, row: int, column: Column, text: str, type_text):
    editor.tabs.setCurrentIndex(ACTIVITY_TAB)
    table = editor.activity_view.table
    index = editor.activity_model.index(row, column)
    shown = table.model()  # the plan may be shown through a sorting and filtering proxy
    if shown is not editor.activity_model:
        index = shown.mapFromSource(index)
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.selectAll()
    type_text(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: editor.activity_model.value(row, column) == text)


def _last_block(editor: NoticeEditor):
    return editor.body.blocks()[-1]


def test_undo_and_redo_go_through_fields_body_and_table_in_order(
    qtbot, window, db, demo_ids, type_text
) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None and editor.undo_stack.count() == 0
    service = NoticeService(db)
    stored = service.get(demo_ids[0])
    title, body, deadline = stored.title, stored.body, stored.activities[0].deadline

    editor.title.setFocus()
    editor.title.end(False)
    type_text(editor.title, "（修订稿）")
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    type_text(editor.body, "加强宣传引导")
    qtbot.keyClick(editor.body, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert (_last_block(editor).kind, _last_block(editor).level) == (BlockKind.HEADING, 2)
    _edit_cell(qtbot, editor, 0, Column.DEADLINE, "6月底前", type_text)
    assert editor.activity_model.activity(0).deadline == "6月底前"
    assert editor.undo_stack.count() == 4  # typing merges; Enter and text are one step

    # the table edit is undone first, on the 活动安排 tab at its row
    editor.activity_view.select_row(2)
    editor.tabs.setCurrentIndex(BODY_TAB)
    editor.title.setFocus()
    assert window.undo_action.text() == "撤销 修改第 1 项的完成时限"
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.activity_model.activity(0).deadline == deadline
    assert editor.tabs.currentIndex() == ACTIVITY_TAB
    assert editor.activity_view.current_row() == 0
    # then the heading level, the body text and the title, each where it was made
    editor.tabs.setCurrentIndex(ACTIVITY_TAB)
    assert window.undo_action.text() == "撤销 设为二级标题"
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.tabs.currentIndex() == BODY_TAB
    assert editor.body.hasFocus()
    assert (_last_block(editor).kind, _last_block(editor).text) == (
        BlockKind.PARAGRAPH,
        "加强宣传引导",
    )
    assert window.undo_action.text() == "撤销 编辑正文"
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.body.blocks() == body
    assert editor.title.text() == title + "（修订稿）"
    assert window.undo_action.text() == "撤销 修改标题"
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.title.text() == title
    assert editor.title.hasFocus()
    assert not window.undo_action.isEnabled()

    # the undone state is what autosave stores
    assert editor.is_dirty()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = service.get(demo_ids[0])
    assert (stored.title, stored.body, stored.activities[0].deadline) == (title, body, deadline)

    # Ctrl+Y redoes all four in the order they were made
    _press(qtbot, Qt.Key.Key_Y)
    assert editor.title.text() == title + "（修订稿）"
    _press(qtbot, Qt.Key.Key_Y)
    assert _last_block(editor).text == "加强宣传引导"
    assert _last_block(editor).kind is BlockKind.PARAGRAPH
    _press(qtbot, Qt.Key.Key_Y)
    assert (_last_block(editor).kind, _last_block(editor).level) == (BlockKind.HEADING, 2)
    _press(qtbot, Qt.Key.Key_Y)
    assert editor.activity_model.activity(0).deadline == "6月底前"
    assert editor.tabs.currentIndex() == ACTIVITY_TAB
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = service.get(demo_ids[0])
    assert stored.title == title + "（修订稿）"
    assert stored.body[-1].text == "加强宣传引导" and stored.body[-1].level == 2
    assert stored.activities[0].deadline == "6月底前"


def test_keystrokes_in_one_field_are_one_step_until_the_clerk_leaves_it(
    qtbot, window, demo_ids, type_text
) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    editor.remark.setFocus()
    editor.remark.clear()
    type_text(editor.remark, "联系人：张三")
    assert editor.undo_stack.count() == 1
    editor.cc.setFocus()
    type_text(editor.cc, "、全总办公厅")
    editor.remark.setFocus()
    type_text(editor.remark, "，电话：6123456")
    assert [editor.undo_stack.text(i) for i in range(3)] == ["修改附注", "修改抄送", "修改附注"]
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.remark.text() == "联系人：张三"
    _press(qtbot, Qt.Key.Key_Z)
    assert not editor.cc.text().endswith("、全总办公厅")
    assert editor.cc.hasFocus()
    # typing after an undo is a new step, not part of the older one
    editor.remark.setFocus()
    type_text(editor.remark, "。")
    assert editor.undo_stack.count() == 2
    _press(qtbot, Qt.Key.Key_Z)
    assert editor.remark.text() == "联系人：张三"


def test_a_date_change_is_one_step_and_updates_the_plan(qtbot, window, demo_ids) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    before = editor.date.date()
    editor.date.setFocus()
    editor.date.setDate(QDate(2022, 3, 1))
    assert window.undo_action.text() == "撤销 修改成文日期"
    editor.tabs.setCurrentIndex(ACTIVITY_TAB)
    window.undo_action.trigger()
    assert editor.date.date() == before
    assert editor.tabs.currentIndex() == BODY_TAB
    assert editor.collect().date == dt.date(before.year(), before.month(), before.day())


def test_the_fields_own_undo_keys_drive_the_notice_history(qtbot, db, demo_ids, type_text) -> None:
    """Without the window the editor still has one history: Ctrl+Z in a field or the body
    undoes the notice's last step, never the widget's private one."""
    editor = NoticeEditor(AppContext(db, Settings(DictStore())), demo_ids[0], autosave_ms=10_000)
    qtbot.addWidget(editor)
    editor.show()
    title = editor.title.text()
    editor.body.setFocus()
    type_text(editor.body, "补充")
    editor.title.setFocus()
    editor.title.end(False)
    type_text(editor.title, "（草稿）")
    qtbot.keyClick(editor.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.title.text() == title
    qtbot.keyClick(editor.title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "补充" not in editor.body.toPlainText()
    assert editor.body.hasFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert "补充" in editor.body.toPlainText()
    editor.shutdown()


def test_loading_saving_and_recovery_make_no_undo_steps(qtbot, db, demo_ids, type_text) -> None:
    editor = NoticeEditor(AppContext(db, Settings(DictStore())), demo_ids[0], autosave_ms=10_000)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.undo_stack.count() == 0
    type_text(editor.title, "！")
    assert editor.save()
    assert editor.undo_stack.count() == 1
    copy = editor.collect()
    copy.title = "恢复的标题"
    editor.apply_working_copy(copy)
    assert editor.undo_stack.count() == 0
    assert editor.title.text() == "恢复的标题"
    # the recovered text is the base of the history: new typing undoes back to it
    type_text(editor.title, "甲")
    editor.undo_stack.undo()
    assert editor.title.text() == "恢复的标题"
    editor.shutdown()
