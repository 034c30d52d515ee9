"""Working as in Word and WPS (issue 16 item 7): where the cursor goes, a toolbar that stays put,
icons, Office's shortcuts, F1 for help, and deleting activities that says how many go."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from unionoffice.gui import messages
from unionoffice.gui.dialogs.help_dialog import TASKS, shortcut_rows
from unionoffice.gui.editor.notice_editor import ACTIVITY_TAB, NoticeEditor
from unionoffice.storage.services.notices import NoticeService


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.ControlModifier) -> None:
    """A key pressed where the focus is, as the clerk presses it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _typed_over_focus(type_text, text: str) -> QWidget:
    """Type where the cursor is; the widget that received it."""
    widget = QApplication.focusWidget()
    assert widget is not None
    type_text(widget, text)
    return widget


def _new_notice_by_keys(qtbot, window) -> NoticeEditor:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.search_box.hasFocus()  # where the cursor was before: the search box
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.current_editor()
    assert editor is not None
    return editor


def test_new_notice_puts_the_cursor_in_its_title_selected(qtbot, window, db, type_text) -> None:
    editor = _new_notice_by_keys(qtbot, window)
    assert editor.title.hasFocus() and not window.tree.search_box.hasFocus()
    assert editor.title.text() == "关于……的通知"
    assert editor.title.selectedText() == editor.title.text()
    typed_into = _typed_over_focus(type_text, "关于开展职工读书月活动的通知")
    assert typed_into is editor.title
    assert editor.title.text() == "关于开展职工读书月活动的通知"
    assert window.tree.search_box.text() == ""
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert NoticeService(db).get(editor.notice_id).title == "关于开展职工读书月活动的通知"


def test_after_taking_a_number_the_title_is_selected(qtbot, window, type_text) -> None:
    editor = _new_notice_by_keys(qtbot, window)
    editor.recipients.setFocus()  # the clerk was elsewhere in the 版头
    qtbot.mouseClick(editor.allocate_button, Qt.MouseButton.LeftButton)
    assert editor.doc_number_text is not None and editor.doc_number_text.startswith("青总办")
    assert editor.title.hasFocus()
    assert editor.title.selectedText() == "关于……的通知"
    _typed_over_focus(type_text, "关于表彰先进集体的通知")
    assert editor.title.text() == "关于表彰先进集体的通知"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)


def test_toolbar_stays_put_while_the_undo_text_grows(qtbot, window, demo_ids, type_text) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    qtbot.waitExposed(window)
    find = window.toolbar.widgetForAction(window.find_action)
    assert find is not None
    find_x, undo_width = find.x(), window.undo_button.width()
    assert window.undo_action.text() == "撤销"
    editor.title.setFocus()
    editor.title.end(False)
    type_text(editor.title, "（修订稿）")
    long_text = window.undo_action.text()
    assert long_text != "撤销" and long_text.startswith("撤销")  # it names the step now
    QApplication.processEvents()
    assert window.undo_button.width() == undo_width
    assert find.x() == find_x
    assert window.undo_button.toolButtonStyle() is Qt.ToolButtonStyle.ToolButtonIconOnly
    assert window.undo_button.toolTip() == f"{long_text}（Ctrl+Z）"
    _press(qtbot, Qt.Key.Key_Z)
    assert "（修订稿）" not in editor.title.text()
    assert find.x() == find_x
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)


def _menu_actions(window) -> dict[str, list]:
    menus: dict[str, list] = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert menu is not None
        menus[menu_action.text()] = [a for a in menu.actions() if not a.isSeparator()]
    return menus


def _drawn(icon) -> bool:
    """The icon paints something at toolbar size (not an empty or missing file)."""
    image = icon.pixmap(24, 24).toImage()
    return not image.isNull() and any(
        image.pixelColor(x, y).alpha() > 0 for x in range(24) for y in range(24)
    )


def test_toolbar_menus_and_window_have_icons(qtbot, window) -> None:
    for action in window.toolbar.actions():
        if action.isSeparator():
            continue
        widget = window.toolbar.widgetForAction(action)
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            action = widget.defaultAction()
        assert _drawn(action.icon()), f"toolbar: {action.text()} has no icon"
    for title, actions in _menu_actions(window).items():
        if title == "格式(&O)":  # the heading levels show their numbering (一、（一）…) instead
            continue
        for action in actions:
            assert _drawn(action.icon()), f"{title}: {action.text()} has no icon"
    assert _drawn(window.windowIcon())


def test_application_icon_and_desktop_entry_name(qapp) -> None:
    from unionoffice.gui.app import _set_icon

    before = qapp.windowIcon(), qapp.desktopFileName()
    try:
        _set_icon(qapp)
        assert _drawn(qapp.windowIcon()) and qapp.desktopFileName() == "unionoffice"
    finally:
        qapp.setWindowIcon(before[0])
        qapp.setDesktopFileName(before[1])


@pytest.mark.parametrize(
    ("action_name", "keys"),
    [
        ("new_action", "Ctrl+N"),
        ("open_action", "Ctrl+O"),
        ("save_action", "Ctrl+S"),
        ("close_action", "Ctrl+W"),
        ("print_action", "Ctrl+P"),
        ("find_action", "Ctrl+F"),
        ("undo_action", "Ctrl+Z"),
        ("redo_action", "Ctrl+Y"),
        ("help_action", "F1"),
    ],
)
def test_shortcuts_follow_office(window, action_name: str, keys: str) -> None:
    action = getattr(window, action_name)
    assert QKeySequence(keys) in action.shortcuts()
    assert keys in action.toolTip()


def test_office_keys_save_print_close_redo(qtbot, window, db, demo_ids, type_text) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor.set_autosave_delay(60_000)  # only Ctrl+S saves in this test
    editor.title.setFocus()
    editor.title.end(False)
    type_text(editor.title, "（修订稿）")
    _press(qtbot, Qt.Key.Key_S)
    assert not editor.is_dirty()
    assert NoticeService(db).get(demo_ids[0]).title.endswith("（修订稿）")
    _press(qtbot, Qt.Key.Key_Z)
    assert not editor.title.text().endswith("（修订稿）")
    _press(qtbot, Qt.Key.Key_Y)
    assert editor.title.text().endswith("（修订稿）")
    _press(qtbot, Qt.Key.Key_P)  # 打印活动安排表: the dialog for the notice in front
    dialog = window.timetables.dialog
    assert dialog.isVisible() and dialog.scope_notices.isChecked()
    dialog.reject()
    editor.title.setFocus()
    _press(qtbot, Qt.Key.Key_W)  # closes the notice, saving it first
    assert window.editor_for(demo_ids[0]) is None
    assert NoticeService(db).get(demo_ids[0]).title.endswith("（修订稿）")


def test_f1_opens_help_with_tasks_and_the_window_shortcuts(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    dialog = window.help_dialog
    assert dialog.isVisible()
    text = dialog.text.toPlainText()
    for task, _where in TASKS:
        assert task in text
    rows = dict(shortcut_rows(window))
    assert rows["新建公文"] == "Ctrl+N" and rows["帮助"] == "F1"
    assert rows["重做"] == "Ctrl+Y 或 Ctrl+Shift+Z"
    for name, keys in rows.items():
        assert name in text and keys in text
    # every key the tasks mention is one the window answers to
    listed = {key for keys in rows.values() for key in keys.split(" 或 ")}
    mentioned = {m for _task, where in TASKS for m in re.findall(r"Ctrl\+\w|F\d+", where)}
    mentioned -= {"Ctrl+1", "Ctrl+4"}  # "Ctrl+1…4": the first and last of the 格式 menu
    assert mentioned <= listed, mentioned - listed
    dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)
    assert window.help_dialog is dialog and dialog.isVisible()  # the same page again
    dialog.reject()


def test_deleting_activities_says_how_many_and_undo_brings_them_back(
    qtbot, window, db, demo_ids, monkeypatch
) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    editor.tabs.setCurrentIndex(ACTIVITY_TAB)
    view, model = editor.activity_view, editor.activity_model
    titles = [model.activity(row).title for row in range(model.rowCount())]
    assert len(titles) >= 4
    view.select_rows([0, 1, 2])
    view.table.setFocus()
    # the clerk says no: nothing goes
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _parent, text: asked.append(text) or False)
    qtbot.keyClick(view.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["删除选中的 3 项活动？\n删除后可用“撤销”（Ctrl+Z）恢复。"]
    assert model.rowCount() == len(titles)
    # yes: the three go, in one step that undo brings back
    monkeypatch.setattr(messages, "confirm", lambda _parent, text: True)
    # the plan's toolbar button of 删除活动
    buttons = [b for b in view.findChildren(QToolButton) if b.defaultAction() is view.remove_action]
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert [model.activity(row).title for row in range(model.rowCount())] == titles[3:]
    assert "已删除 3 项活动" in view.message_label.text()
    window.undo_action.trigger()
    assert [model.activity(row).title for row in range(model.rowCount())] == titles
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(demo_ids[0]).activities
    assert [a.title for a in stored] == titles
