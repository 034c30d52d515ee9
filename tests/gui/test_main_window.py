"""The main window driven as a clerk would: search, open, new, 取号, undo, calendar, close."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLineEdit

from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import NoticeStatus
from unionoffice.gui.activities.activity_model import Column
from unionoffice.gui.app import run_gui
from unionoffice.gui.calendar.calendar_canvas import lanes_for_bars
from unionoffice.gui.calendar.calendar_view import CalendarView, assign_lanes
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage.database import Database
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def test_tree_filters_as_you_type(qtbot, window, type_text) -> None:
    assert len(window.tree.visible_notice_ids()) == 9
    type_text(window.tree.search_box, "金秋")
    qtbot.waitUntil(lambda: len(window.tree.visible_notice_ids()) == 1, timeout=2000)
    window.tree.search_box.clear()
    type_text(window.tree.search_box, "青总办〔2021〕2")
    qtbot.waitUntil(lambda: len(window.tree.visible_notice_ids()) == 1, timeout=2000)
    # activity text and departments are searched in the database
    window.tree.search_box.clear()
    type_text(window.tree.search_box, "市总女职工部")
    qtbot.waitUntil(lambda: 1 <= len(window.tree.visible_notice_ids()) <= 2, timeout=2000)
    window.tree.search_box.clear()
    type_text(window.tree.search_box, "没有这样的公文")
    qtbot.waitUntil(lambda: window.tree.visible_notice_ids() == [], timeout=2000)
    assert window.tree.empty_label.isVisible()


def test_ctrl_f_focuses_search_and_ctrl_n_creates_a_draft(qtbot, window, db) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.tree.search_box.hasFocus()
    before = len(NoticeService(db).list())
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.current_editor()
    assert editor is not None
    summaries = NoticeService(db).list()
    assert len(summaries) == before + 1
    created = NoticeService(db).get(editor.notice_id)
    assert created.status is NoticeStatus.DRAFT and created.organ and created.series_code
    assert editor.notice_id in window.tree.visible_notice_ids()


def test_new_notice_number_and_activities_reach_the_calendar(
    qtbot, window, db, type_text, reads_done
) -> None:
    editor = window.notice_commands.new_notice()
    assert editor is not None
    editor.title.clear()
    type_text(editor.title, "关于开展职工运动会的通知")
    editor.series.setCurrentText("青总办")
    editor.year.setValue(2021)
    editor.date.setDate(dt.date(2021, 3, 1))
    assert "青总办〔2021〕5号" in editor.next_number.text()  # the demo voided 4号
    assert editor.allocate_number()
    assert editor.doc_number.text() == "青总办〔2021〕5号"
    view = editor.activity_view
    view.add_activity()
    model = editor.activity_model
    row = model.rowCount() - 1
    model.setData(model.index(row, Column.TITLE), "职工运动会")
    model.setData(model.index(row, Column.DEADLINE), "5月份")
    model.setData(model.index(row, Column.LEAD), "省总宣教部")
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(editor.notice_id)
    assert stored.doc_number == "青总办〔2021〕5号"
    assert [a.title for a in stored.activities] == ["职工运动会"]
    window.calendar.set_month(2021, 5)
    reads_done(window)
    titles = [r.activity.title for r in window.calendar.shown_rows()]
    assert "职工运动会" in titles
    # Ctrl+Z through the window's undo action takes the department back
    window.tabs.setCurrentWidget(editor)
    editor.activity_view.table.setFocus()
    window.undo_action.trigger()
    assert model.activity(row).lead == []
    window.redo_action.trigger()
    assert model.activity(row).lead == ["省总宣教部"]


def test_edit_a_cell_through_the_view(qtbot, window, db, demo_ids, type_text) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    editor.tabs.setCurrentIndex(1)
    table = editor.activity_view.table
    # the table shows the plan through its sort and filter proxy
    index = editor.activity_view.proxy.mapFromSource(
        editor.activity_model.index(0, Column.DEADLINE)
    )
    table.setCurrentIndex(index)
    table.edit(index)
    line = table.viewport().findChild(QLineEdit)
    line.selectAll()
    type_text(line, "10月底前")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: editor.activity_model.activity(0).deadline == "10月底前")
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert NoticeService(db).get(demo_ids[0]).activities[0].deadline == "10月底前"
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.activity_model.activity(0).deadline != "10月底前"


def test_duplicate_and_delete_to_recycle_bin(qtbot, window, db, demo_ids, shown_messages) -> None:
    copy = window.notice_commands.duplicate_notice(demo_ids[0])
    assert copy is not None
    data = NoticeService(db).get(copy.notice_id)
    assert data.number is None and data.title.endswith("（副本）")
    assert len(data.activities) == len(NoticeService(db).get(demo_ids[0]).activities)
    assert window.notice_commands.delete_notice(copy.notice_id)
    assert window.editor_for(copy.notice_id) is None
    assert copy.notice_id not in window.tree.visible_notice_ids()
    assert [s.id for s in NoticeService(db).list(only_deleted=True)] == [copy.notice_id]
    window.notice_commands.restore_notice(copy.notice_id)
    assert copy.notice_id in window.tree.visible_notice_ids()
    menu = window.tree.context_menu(window.tree.model.index_of_notice(demo_ids[0]))
    assert [a.text() for a in menu.actions() if a.text()] == [
        "打开", "新建公文", "复制为新公文", "导出 Word…", "打印活动安排表…", "删除（移到回收站）",
    ]  # fmt: skip


def test_recent_and_trash_menus_open_and_restore(qtbot, window, db, demo_ids, shown_messages):
    file_menu = window.menuBar().actions()[0].menu()
    menus = {a.text(): a.menu() for a in file_menu.actions() if a.menu() is not None}
    recent, trash = menus["最近打开"], menus["回收站"]
    title = NoticeService(db).get(demo_ids[1]).title
    window.open_notice(demo_ids[1])
    recent.aboutToShow.emit()
    assert any(title[:20] in action.text() for action in recent.actions())
    trash.aboutToShow.emit()
    assert [a.text() for a in trash.actions()] == ["回收站是空的"]
    assert window.notice_commands.delete_notice(demo_ids[1])
    assert window.editor_for(demo_ids[1]) is None
    recent.aboutToShow.emit()
    assert not any(title[:20] in action.text() for action in recent.actions())
    trash.aboutToShow.emit()
    restore, _separator, empty = trash.actions()
    assert restore.text().startswith("恢复：") and empty.text() == "清空回收站…"
    restore.trigger()
    assert demo_ids[1] in window.tree.visible_notice_ids()
    assert window.editor_for(demo_ids[1]) is not None
    trash.aboutToShow.emit()
    assert [a.text() for a in trash.actions()] == ["回收站是空的"]


def test_calendar_click_opens_the_activity(qtbot, window, db, reads_done) -> None:
    calendar = window.calendar
    calendar.set_month(2021, 4)
    reads_done(window)
    calendar.grab()  # paint, so the bars have places to click
    hit = calendar.month_canvas.hits[0]
    qtbot.mouseClick(
        calendar.month_canvas, Qt.MouseButton.LeftButton, pos=hit.rect.center().toPoint()
    )
    reads_done(window)  # the notice is read off the UI thread, then shown
    editor = window.current_editor()
    assert editor is not None and editor.notice_id == hit.row.notice_id
    assert editor.activity_view.current_row() == hit.row.position
    calendar.year_button.click()
    reads_done(window)
    assert calendar.is_year_view and calendar.title_label.text() == "2021年"
    calendar.grab()
    assert calendar.year_canvas.row_at(QPointF(5, 5)) is None


def test_calendar_department_filter(qtbot, db, demo_ids) -> None:
    view = CalendarView(ActivityQueryService(db), ["省总宣教部"], start=dt.date(2021, 5, 1))
    qtbot.addWidget(view)
    everything = len(view.shown_rows())
    view.department.setCurrentText("省总宣教部")
    shown = view.shown_rows()
    assert len(shown) < everything
    assert all("省总宣教部" in r.activity.lead + r.activity.cooperating for r in shown)
    view.step(1)
    assert view.title_label.text() == "2021年6月"


def test_lanes_never_overlap() -> None:
    d = dt.date
    periods = [Period(d(2021, 5, 1), d(2021, 5, 9)), Period(d(2021, 5, 3), d(2021, 5, 4)),
               Period(d(2021, 5, 10), d(2021, 5, 12))]  # fmt: skip
    assert assign_lanes(periods) == [0, 1, 0]


def test_a_full_week_keeps_a_line_for_the_hidden_count() -> None:
    assert lanes_for_bars([0, 1, 2], 3) == 3  # everything fits: no 另有 line
    assert lanes_for_bars([0, 1, 2, 3], 3) == 2  # lanes 2 and 3 hidden, 另有 2 项 on line 3
    assert lanes_for_bars([], 3) == 3
    assert lanes_for_bars([0, 1], 0) == 0


def test_window_state_and_open_notices_are_restored(qtbot, db, demo_ids, settings) -> None:
    first = MainWindow(db, settings)
    qtbot.addWidget(first)
    first.open_notice(demo_ids[1])
    first.close()
    assert settings.open_notices == [demo_ids[1]]
    second = MainWindow(db, settings)
    qtbot.addWidget(second)
    assert [e.notice_id for e in second.editors()] == [demo_ids[1]]
    assert settings.recent_notice_ids()[0] == demo_ids[1]
    second.close()


def test_run_gui_reports_a_bad_database_in_chinese(tmp_path, shown_messages, qapp) -> None:
    not_a_db = tmp_path / "notes.sqlite"
    not_a_db.write_text("这不是数据库", encoding="utf-8")
    assert run_gui(str(not_a_db)) == 1
    assert shown_messages and shown_messages[0][0] == "error"
    assert "不是 UnionOffice 数据库文件" in shown_messages[0][1]


def test_run_gui_opens_takes_todays_backup_and_closes(
    tmp_path, settings, shown_messages, monkeypatch, qapp
) -> None:
    path = tmp_path / "office.sqlite"
    Database(path).dispose()
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "300")
    assert run_gui(str(path), settings=settings) == 0
    assert shown_messages == []
    assert len(list((tmp_path / "backups").glob("auto-*.sqlite"))) == 1


def test_the_window_fits_a_1280_pixel_screen(qtbot, window, demo_ids) -> None:
    """Office PCs and laptops often have 1,280 or 1,366 px: every tab must fit beside the
    公文目录 (the calendar's bar once needed 1,361 px)."""
    window.open_notice(demo_ids[0])
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.minimumSizeHint().width() <= 1_280, window.tabs.tabText(index)
