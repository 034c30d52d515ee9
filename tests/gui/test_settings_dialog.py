"""设置: export defaults, autosave delay, PDF font, switching the database and 节假日."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt

from unionoffice.exporting.timetable import find_cjk_font
from unionoffice.gui.dialogs.holiday_editor import HolidayEditor, SpecialDayModel
from unionoffice.gui.dialogs.settings_dialog import SettingsDialog
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.gui.window.switching import setting_for
from unionoffice.storage.services.calendar_days import CalendarDayService
from unionoffice.storage.services.notices import NoticeService

d = dt.date


def _open_settings(window) -> SettingsDialog:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    return dialog


def test_export_defaults_autosave_and_font(qtbot, window, demo_ids, shown_messages) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    dialog = _open_settings(window)
    assert dialog.database.text() == window.db.describe()
    dialog.template.setCurrentIndex(dialog.template.findData("纪要式"))
    dialog.plan.setCurrentIndex(dialog.plan.findData("table"))
    dialog.autosave.setValue(800)
    font = find_cjk_font()
    dialog.font_path.setText(str(font.path))
    dialog.accept()
    assert not dialog.isVisible()
    settings = window.settings
    assert (settings.export_template, settings.export_plan_layout) == ("纪要式", "table")
    assert settings.autosave_ms == 800 and settings.cjk_font_path == str(font.path)
    assert editor._timer.interval() == 800  # the open editor follows at once
    export = window.exporter.export_one(demo_ids[0])
    assert export is not None and export.template.currentData() == "纪要式"
    export.reject()
    assert shown_messages == []


def test_an_unusable_font_keeps_the_dialog_open(qtbot, window, tmp_path) -> None:
    not_a_font = tmp_path / "字体.ttf"
    not_a_font.write_bytes(b"not a font")
    dialog = _open_settings(window)
    dialog.font_path.setText(str(not_a_font))
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "无法读取字体文件" in dialog.font_status.text()
    assert window.settings.cjk_font_path == ""
    dialog.font_path.clear()
    dialog.accept()
    assert not dialog.isVisible()


def test_switching_to_another_database(qtbot, window, db, demo_ids, tmp_path) -> None:
    window.open_notice(demo_ids[0])
    other = tmp_path / "另一个" / "office.sqlite"
    dialog = _open_settings(window)
    dialog.database.setText(str(other))
    dialog.accept()
    replacement = dialog.replacement
    assert isinstance(replacement, MainWindow)
    assert replacement is window and window.isVisible()  # the window is attached anew
    assert replacement.db.path == other and other.exists()
    assert str(other) in replacement.windowTitle()
    assert replacement.tree.visible_notice_ids() == []  # a new, empty database
    assert replacement.editors() == []  # notice ids of the old database mean nothing here
    assert window.settings.last_database == str(other)
    assert window.settings.open_notices == []
    # the new window works: a notice made there is stored in the new database
    replacement.notice_commands.new_notice()
    assert len(NoticeService(replacement.db).list()) == 1
    assert len(NoticeService(db).list()) == len(demo_ids)


def test_a_bad_database_keeps_the_current_one(qtbot, window, tmp_path, shown_messages) -> None:
    not_a_db = tmp_path / "笔记.sqlite"
    not_a_db.write_text("这不是数据库", encoding="utf-8")
    dialog = _open_settings(window)
    dialog.database.setText(str(not_a_db))
    dialog.accept()
    assert dialog.replacement is None and dialog.isVisible()
    assert window.isVisible()
    assert (
        shown_messages[-1][0] == "error" and "不是 UnionOffice 数据库文件" in shown_messages[-1][1]
    )
    assert window.settings.last_database == ""
    dialog.reject()


def test_a_server_password_is_never_remembered() -> None:
    url = "postgresql+psycopg://clerk:s3cret@db.office:5432/uo"
    assert setting_for(url) == "postgresql+psycopg://clerk@db.office:5432/uo"
    assert setting_for("/home/clerk/office.sqlite") == "/home/clerk/office.sqlite"


# -- 节假日 -------------------------------------------------------------------------------------


def _holiday_page(window) -> HolidayEditor:
    dialog = _open_settings(window)
    dialog.tabs.setCurrentWidget(dialog.holidays)
    return dialog.holidays


def _row_of(page: HolidayEditor, day: dt.date) -> int:
    return next(i for i, e in enumerate(page.model.entries) if e.current.day == day)


def test_the_clerk_enters_a_year_the_library_does_not_know(
    qtbot, window, type_text, shown_messages, reads_done
) -> None:
    window.calendar.set_month(2027, 10)
    reads_done(window)
    assert window.calendar.missing_notice.isVisible()
    page = _holiday_page(window)
    assert page.year.value() == 2027  # the year the calendar shows
    assert "2027年的节假日安排尚未收录" in page.summary.text()
    assert page.model.rowCount() == 0
    page.first.setDate(QDate(2027, 10, 1))
    page.last.setDate(QDate(2027, 10, 7))
    page.kind.setCurrentIndex(page.kind.findData("holiday"))
    page.name.clear()
    type_text(page.name, "国庆节")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.error_label.isHidden()
    assert [page.model.index(r, 3).data() for r in range(7)] == ["国庆节"] * 7
    assert page.model.index(0, 4).data() == "手工录入"
    assert page.summary.text() == "2027年：放假 7 天，调休上班 0 天。"
    # a 调休 Saturday, one day: the end date follows the start
    page.first.setDate(QDate(2027, 10, 9))
    assert page.last.date() == QDate(2027, 10, 9)
    page.kind.setCurrentIndex(page.kind.findData("workday"))
    page.name.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.model.index(7, 2).data() == "调休上班"
    # the calendar is not read again until the dialog closes, then it is
    assert d(2027, 10, 1) not in window.calendar.month_canvas.special_days
    window.settings_dialog.reject()  # each change was saved as it was made
    reads_done(window)
    special = window.calendar.month_canvas.special_days
    assert special[d(2027, 10, 1)].name == "国庆节" and special[d(2027, 10, 9)].kind == "workday"
    assert window.calendar.missing_notice.isHidden()
    assert shown_messages == []


def test_bad_holiday_input_is_explained_and_changes_nothing(qtbot, window) -> None:
    page = _holiday_page(window)
    page.year.setValue(2026)
    before = CalendarDayService(window.db).year_entries(2026)
    page.first.setDate(QDate(2026, 3, 10))
    page.kind.setCurrentIndex(page.kind.findData("holiday"))
    page.name.clear()
    assert not page.save()
    assert page.error_label.isVisible() and "请填写节日名称" in page.error_label.text()
    page.kind.setCurrentIndex(page.kind.findData("workday"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "2026年3月10日（星期二）本来就是工作日" in page.error_label.text()
    page.first.setDate(QDate(2026, 3, 1))
    page.last.setDate(QDate(2026, 4, 30))
    page.kind.setCurrentIndex(page.kind.findData("holiday"))
    page.name.setText("春假")
    assert not page.save() and "一次最多设置 31 天" in page.error_label.text()
    assert CalendarDayService(window.db).year_entries(2026) == before
    assert not page.changed_any
    window.settings_dialog.reject()


def test_a_library_day_is_cancelled_then_restored(qtbot, window, reads_done) -> None:
    window.calendar.set_month(2026, 10)
    reads_done(window)
    page = _holiday_page(window)
    assert page.year.value() == 2026
    page.table.selectRow(_row_of(page, d(2026, 10, 7)))
    assert (page.kind.currentData(), page.name.text()) == ("holiday", "国庆节")  # form follows
    assert page.clear_button.isEnabled() and not page.reset_button.isEnabled()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    row = _row_of(page, d(2026, 10, 7))
    assert page.model.index(row, 2).data() == "普通日"
    assert page.model.index(row, 3).data() == "（已取消：国庆节）"
    assert page.model.index(row, 4).data() == "手工修改"
    assert page.reset_button.isEnabled()  # the cancelled day stays selected
    assert d(2026, 10, 7) in window.calendar.month_canvas.special_days  # until it closes
    window.settings_dialog.accept()
    reads_done(window)
    assert d(2026, 10, 7) not in window.calendar.month_canvas.special_days
    page = _holiday_page(window)
    page.table.selectRow(_row_of(page, d(2026, 10, 7)))
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    row = _row_of(page, d(2026, 10, 7))
    assert [page.model.index(row, c).data() for c in (2, 3, 4)] == ["放假", "国庆节", "节假日库"]
    window.settings_dialog.accept()
    reads_done(window)
    assert window.calendar.month_canvas.special_days[d(2026, 10, 7)].name == "国庆节"


def test_the_holiday_table_is_a_sound_model(qtmodeltester, db) -> None:
    model = SpecialDayModel()
    model.set_entries(CalendarDayService(db).year_entries(2025))
    assert model.rowCount() > 30
    qtmodeltester.check(model)


def test_the_clerks_name_goes_into_the_register(qtbot, window, demo_ids, shown_messages) -> None:
    dialog = _open_settings(window)
    dialog.clerk_name.setText("  王文书 ")
    dialog.accept()
    assert window.settings.clerk_name == "王文书" and window.db.clerk == "王文书"
    draft = next(i for i in demo_ids if NoticeService(window.db).get(i).number is None)
    editor = window.open_notice(draft)
    assert editor.allocate_number()
    numbered = NoticeService(window.db).get(draft)
    register = window.context.numbering.register(numbered.series_code, numbered.year)
    row = next(row for row in register.rows if row.number == numbered.number)
    assert row.allocated_by == "王文书"
