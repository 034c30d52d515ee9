"""设置: export defaults, autosave delay, PDF font and switching the database."""

from __future__ import annotations

from unionoffice.exporting.timetable import find_cjk_font
from unionoffice.gui.main_window import MainWindow
from unionoffice.gui.settings_dialog import SettingsDialog
from unionoffice.gui.switching import setting_for
from unionoffice.storage.services.notices import NoticeService


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
    dialog.font.setText(str(font.path))
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
    dialog.font.setText(str(not_a_font))
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "无法读取字体文件" in dialog.font_status.text()
    assert window.settings.cjk_font_path == ""
    dialog.font.clear()
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
    qtbot.addWidget(replacement)
    assert replacement.isVisible() and not window.isVisible()
    assert replacement.db.path == other and other.exists()
    assert str(other) in replacement.windowTitle()
    assert replacement.tree.visible_notice_ids() == []  # a new, empty database
    assert replacement.editors() == []  # notice ids of the old database mean nothing here
    assert window.settings.last_database == str(other)
    assert window.settings.open_notices == []
    # the new window works: a notice made there is stored in the new database
    replacement.new_notice()
    assert len(NoticeService(replacement.db).list()) == 1
    assert len(NoticeService(db).list()) == len(demo_ids)
    replacement.close()


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
