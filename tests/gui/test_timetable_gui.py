"""打印活动安排表 (Ctrl+P), 导出 Excel and 导出日历: the dialog's choices reach the files."""

from __future__ import annotations

import io
import os
import re
import tempfile

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from unionoffice.exporting.timetable import fonts
from unionoffice.gui.pdf_preview import PdfReadyDialog
from unionoffice.gui.timetable_dialog import Purpose, TimetableDialog
from unionoffice.storage.services.notices import NoticeService

MM_PER_POINT = 25.4 / 72


@pytest.fixture(autouse=True)
def temp_folder(tmp_path, monkeypatch):
    """Temporary PDFs go to the test's folder."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _wait_for_task(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)


def test_ctrl_p_previews_the_notices_timetable(
    qtbot, window, db, demo_ids, no_file_dialogs, opened_urls, shown_messages, tmp_path, temp_folder
) -> None:
    notice = NoticeService(db).get(demo_ids[0])
    stale = temp_folder / "UnionOffice" / "上周的安排表.pdf"
    stale.parent.mkdir()
    stale.write_bytes(b"%PDF-1.4 old")
    os.utime(stale, (1_000_000, 1_000_000))
    window.open_notice(demo_ids[0])
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.timetables.dialog
    assert isinstance(dialog, TimetableDialog) and dialog.isVisible()
    assert dialog.scope_notices.isChecked() and notice.doc_number in dialog.scope_notices.text()
    assert dialog.paper_box.isVisible()
    dialog.grid.setChecked(True)
    dialog.a3.setChecked(True)
    dialog.accept()
    _wait_for_task(qtbot, window.timetables)
    preview = window.timetables.preview
    assert isinstance(preview, PdfReadyDialog) and preview.isVisible()
    # the PDF in the viewer is the timetable: every activity, A3 landscape, the month grid
    assert opened_urls == [str(preview.path)]
    data = preview.path.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == window.timetables.last_output.pdf.page_count
    width, height = (float(v) * MM_PER_POINT for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (420, 297)
    text = _text(data)
    for activity in notice.activities:
        assert re.sub(r"\s+", "", activity.title)[:8] in text
    assert "12月" in text  # the month grid's header
    assert window.settings.timetable_grid and window.settings.timetable_a3
    # 另存为 writes the same bytes where the clerk says
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "安排表"), "")
    saved = preview.save_as()
    assert saved == tmp_path / "安排表.pdf" and saved.read_bytes() == data
    assert shown_messages == []
    assert not stale.exists()  # older previews are cleaned up
    preview.reject()


def test_excel_of_one_departments_lead_activities_in_a_year(
    qtbot, window, db, no_file_dialogs, shown_messages, tmp_path
) -> None:
    window.excel_action.trigger()
    dialog = window.timetables.dialog
    assert dialog is not None and dialog.purpose is Purpose.EXCEL
    assert not dialog.paper_box.isVisible()
    assert dialog.scope_year.isChecked()  # nothing open or selected: the whole year
    dialog.year.setValue(2021)
    dialog.department.setCurrentText("省总宣教部")
    dialog.lead_only.setChecked(True)
    dialog.sort.setCurrentIndex(dialog.sort.findData("start"))
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "台账"), "")
    dialog.accept()
    _wait_for_task(qtbot, window.timetables)
    target = tmp_path / "台账.xlsx"
    assert target.is_file()
    sheet = load_workbook(target).active
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(2)]
    expected = [
        a
        for s in NoticeService(db).list(year=2021)
        for a in NoticeService(db).get(s.id).activities
        if "省总宣教部" in a.lead
    ]
    assert len(rows) == len(expected) > 0
    assert all("省总宣教部" in row["牵头部门"].split("、") for row in rows)
    starts = [row["开始日期"] for row in rows if row["开始日期"] is not None]
    assert starts == sorted(starts)
    assert shown_messages == []
    assert window.settings.timetable_sort == "start"


def test_calendar_file_of_a_month(
    qtbot, window, db, demo_ids, no_file_dialogs, shown_messages, tmp_path
) -> None:
    window.tree.select_notice(demo_ids[0])
    window.ics_action.trigger()
    dialog = window.timetables.dialog
    assert dialog is not None and dialog.scope_notices.isChecked()
    dialog.scope_year.setChecked(True)
    dialog.year.setValue(2021)
    dialog.month_on.setChecked(True)
    dialog.month.setDate(QDate(2021, 5, 1))
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "五月.ics"), "")
    dialog.accept()
    _wait_for_task(qtbot, window.timetables)
    calendar = Calendar.from_ical((tmp_path / "五月.ics").read_bytes())
    events = [c for c in calendar.walk("VEVENT")]
    assert events and len(events) == window.timetables.last_output.events
    for event in events:  # every event touches May 2021
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert str(start) <= "2021-05-31" and str(end) > "2021-05-01"
    assert "已导出日历" in window.statusBar().currentMessage()


def test_a_missing_chinese_font_says_what_to_install(
    qtbot, window, demo_ids, shown_messages, monkeypatch
) -> None:
    monkeypatch.delenv(fonts.FONT_ENV_VAR, raising=False)
    real_candidates = fonts.default_candidates
    monkeypatch.setattr(fonts, "default_candidates", lambda **_kwargs: [])
    window.timetables.open_dialog(Purpose.PRINT, [demo_ids[0]]).accept()
    _wait_for_task(qtbot, window.timetables)
    assert shown_messages[-1][0] == "error"
    assert "fonts-wqy-zenhei" in shown_messages[-1][1]
    assert window.timetables.preview is None
    # a configured font file that is not there is named
    monkeypatch.setattr(fonts, "default_candidates", real_candidates)
    window.settings.cjk_font_path = "/没有/这个字体.ttf"
    window.timetables.open_dialog(Purpose.PRINT, [demo_ids[0]]).accept()
    _wait_for_task(qtbot, window.timetables)
    assert "找不到指定的字体文件" in shown_messages[-1][1]


def test_no_matching_activities_is_said_plainly(qtbot, window, demo_ids, shown_messages) -> None:
    dialog = window.timetables.open_dialog(Purpose.EXCEL, [demo_ids[0]])
    dialog.department.setCurrentText("没有这个部门")
    window.timetables.run(Purpose.PRINT, dialog.request())
    _wait_for_task(qtbot, window.timetables)
    assert shown_messages == [("error", "没有符合条件的活动。请放宽筛选条件后再试。")]
    dialog.reject()


def test_tree_menu_prints_the_selected_notices(qtbot, window, demo_ids) -> None:
    selection = window.tree.view.selectionModel()
    for notice_id in demo_ids[:2]:
        index = window.tree.model.index_of_notice(notice_id)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)
    menu = window.tree.context_menu(window.tree.model.index_of_notice(demo_ids[0]))
    next(a for a in menu.actions() if a.text() == "打印活动安排表…").trigger()
    dialog = window.timetables.dialog
    assert dialog is not None and dialog.scope_notices.text() == "所选的 2 件公文"
    dialog.overdue.setChecked(True)
    request = dialog.request()
    assert sorted(request.notice_ids) == sorted(demo_ids[:2])
    assert request.filter.overdue_on == dialog.today and request.year is None
    dialog.reject()


def test_the_pdf_save_dialog_offers_a_name_windows_accepts(
    qtbot, tmp_path, temp_folder, monkeypatch
) -> None:
    from pathvalidate import is_valid_filename
    from PySide6.QtWidgets import QFileDialog, QWidget

    from unionoffice.exporting.timetable import RenderedPdf

    parent = QWidget()
    qtbot.addWidget(parent)
    title = '2021年办公室/财务部:"重点"工作*安排?<表>|. '
    pdf = RenderedPdf(b"%PDF-1.4 x", 1)
    dialog = PdfReadyDialog(parent, pdf, title, default_folder=str(tmp_path))
    offered: list[str] = []

    def ask(_parent, _caption, start, _filter):
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    assert dialog.save_as() is None
    name = os.path.basename(offered[0])
    assert name == "2021年办公室_财务部__重点_工作_安排__表__.pdf"
    assert is_valid_filename(name, platform="windows")
    assert is_valid_filename(dialog.path.name, platform="windows")
