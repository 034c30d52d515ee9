"""打印活动安排表 (Ctrl+P), 导出 Excel and 导出日历: the dialog's choices reach the files."""

from __future__ import annotations

import io
import re

from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, QItemSelectionModel, Qt

from unionoffice.exporting.timetable import fonts
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.dialogs.timetable_dialog import Purpose, TimetableDialog
from unionoffice.storage.services.notices import NoticeService

MM_PER_POINT = 25.4 / 72


def printed_pages(preview: PrintPreview, target) -> PdfReader:
    """Print the preview to a PDF file through Qt's own PDF printer; what came out."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    widget = preview.findChild(QPrintPreviewWidget)
    preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer().setOutputFileName(str(target))
    widget.print_()
    return PdfReader(str(target))


def _text(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))


def _wait_for_task(qtbot, controller) -> None:
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)


def test_ctrl_p_previews_and_prints_the_notices_timetable(
    qtbot, window, db, demo_ids, no_file_dialogs, opened_urls, shown_messages, tmp_path
) -> None:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    notice = NoticeService(db).get(demo_ids[0])
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
    assert isinstance(preview, PrintPreview) and preview.isVisible()
    assert opened_urls == []  # no outside PDF reader is needed
    data = window.timetables.last_output.pdf.data
    page_count = window.timetables.last_output.pdf.page_count
    # the preview shows the timetable's own pages, on A3 landscape paper
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == page_count, timeout=10_000)
    printed = printed_pages(preview, tmp_path / "打印.pdf")
    assert len(printed.pages) == page_count
    width, height = (float(v) * MM_PER_POINT for v in printed.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (420, 297)
    # the PDF behind it is the timetable: every activity, the month grid
    text = _text(data)
    for activity in notice.activities:
        assert re.sub(r"\s+", "", activity.title)[:8] in text
    assert "12月" in text  # the month grid's header
    assert window.settings.timetable_grid and window.settings.timetable_a3
    # 另存为 PDF writes the same bytes where the clerk says
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "安排表"), "")
    preview.save_action.trigger()
    assert preview.saved_copy == tmp_path / "安排表.pdf"
    assert preview.saved_copy.read_bytes() == data
    assert shown_messages == []
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


def test_the_pdf_save_dialog_offers_a_name_windows_accepts(qtbot, tmp_path, monkeypatch) -> None:
    from pathlib import Path

    from pathvalidate import is_valid_filename
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QFileDialog, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    title = '2021年办公室/财务部:"重点"工作*安排?<表>|. '
    dialog = PrintPreview(QPrinter(), lambda _printer: 0, title, parent)
    dialog.offer_pdf(b"%PDF-1.4 x", str(tmp_path))
    offered: list[str] = []

    def ask(_parent, _caption, start, _filter):
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    assert dialog.save_as() is None
    name = Path(offered[0]).name
    assert name == "2021年办公室_财务部__重点_工作_安排__表__.pdf"
    assert is_valid_filename(name, platform="windows")
