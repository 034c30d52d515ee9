"""Small things a clerk saw (issue 16, item 9): where exports start, errors that go once put
right, the window title, the 发文机关 beside the page preview, Qt's own dialogs in Chinese, and
the demo command's backups kept out of the checkout."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from unionoffice.domain.notice import NoticeData
from unionoffice.gui.operations import export_actions
from unionoffice.gui.qt_texts import install_qt_translations, remove_translations
from unionoffice.storage.services.notices import NoticeService

ROOT = Path(__file__).resolve().parents[2]


def test_exports_start_in_a_folder_that_exists(tmp_path, monkeypatch, settings) -> None:
    documents = tmp_path / "home" / "文档"  # a new account has none yet
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _location: str(documents))
    assert export_actions.export_folder("") == documents and documents.is_dir()
    gone = tmp_path / "U盘" / "公文"  # the USB stick used last time is not plugged in
    assert export_actions.export_folder(str(gone)) == documents
    kept = tmp_path / "导出"
    kept.mkdir()
    assert export_actions.export_folder(str(kept)) == kept


def test_an_error_goes_once_a_good_path_is_chosen(
    qtbot, window, demo_ids, tmp_path, no_file_dialogs, shown_messages
) -> None:
    dialog = window.exporter.export_one(demo_ids[0])
    assert dialog is not None
    dialog.target.setText(str(tmp_path / "没有的文件夹" / "通知.docx"))
    dialog.accept()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "不存在" in dialog.error_label.text()
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "通知.docx"), "")
    dialog.browse()
    assert dialog.target.text() == str(tmp_path / "通知.docx")
    assert not dialog.error_label.isVisible()  # the old complaint does not stay
    dialog.reject()


def test_the_window_title_names_the_program_once(window, db) -> None:
    # Qt adds the application display name (工会公文助手) on Windows and Linux.
    assert window.windowTitle() == db.describe()
    assert "工会公文助手" not in window.windowTitle()


def test_a_long_organ_name_shows_whole_beside_the_preview(qtbot, window, db) -> None:
    organ = "中华全国总工会青海省委员会机关办公室"
    notice_id = NoticeService(db).create(NoticeData(title="通知", organ=organ, year=2021))
    editor = window.open_notice(notice_id)
    assert editor is not None
    editor.show_preview(True)
    editor.splitter.setSizes([10, 5000])  # the preview as wide as it goes
    qtbot.wait(20)
    field = editor.organ
    assert field.text() == organ
    assert field.width() >= field.fontMetrics().horizontalAdvance(organ) + 8
    editor.organ.setText("海东市总工会")
    assert field.minimumWidth() == 150  # a short name leaves the form's width


def test_qt_dialogs_speak_chinese(qtbot) -> None:
    app = QApplication.instance()
    installed = install_qt_translations(app)
    try:
        dialog = QFileDialog(None, "导入公文")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on bare Linux
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
        english = [text for text in labels if re.search("[A-Za-z]{3}", text)]
        assert english == [], english
        assert any("查找范围" in text for text in labels)
        assert any("文件类型" in text for text in labels)
    finally:
        remove_translations(app, installed)


def test_the_demo_keeps_its_backups_out_of_the_checkout() -> None:
    demo = (ROOT / "scripts" / "demo.py").read_text(encoding="utf-8")
    (folder,) = re.findall(r'DEMO_DB = "(.+)/demo\.sqlite"', demo)
    assert f"{folder}/demo.sqlite" in (ROOT / "scripts" / "demo.sh").read_text(encoding="utf-8")
    # the window's daily backup goes to backups/ beside the database: ignored with it
    for path in (f"{folder}/demo.sqlite", f"{folder}/backups/unionoffice-20260101.sqlite"):
        ignored = subprocess.run(
            ["git", "check-ignore", "-q", path], cwd=ROOT, check=False
        ).returncode
        assert ignored == 0, path
