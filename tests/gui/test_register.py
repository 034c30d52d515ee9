"""发文登记簿 in the window: every number with title, date, state, who and when; 缺号 shown;
作废 with a reason; 取号 asks first and a number can be given back; printed and exported."""

from __future__ import annotations

import unicodedata

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from tests.gui.conftest import ANSWER_TEXT

from unionoffice.domain.notice import NoticeStatus
from unionoffice.gui.dialogs.register_dialog import RegisterDialog
from unionoffice.storage.services import NoticeService, NumberingService


def _open_register(window, qtbot, series: str = "青总办", year: int = 2021) -> RegisterDialog:
    """Ctrl+R, then the series and year chosen; each is read off the UI thread."""
    window.register_action.trigger()
    dialog = window.register_dialog
    assert isinstance(dialog, RegisterDialog) and dialog.isVisible()
    _read(qtbot, window)
    dialog.series.setCurrentText(series)
    dialog.year.setValue(year)
    _read(qtbot, window)
    return dialog


def _read(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.reads.busy(), timeout=10_000)


def _texts(dialog: RegisterDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [
        tuple(model.index(row, column).data() for column in range(model.columnCount()))
        for row in range(model.rowCount())
    ]


def test_the_register_lists_numbers_gaps_and_voided_ones(qtbot, window, db, shown_messages):
    db.clerk = "李文书"
    NumberingService(db).set_number("青总办〔2021〕9号")  # leaves 5—8 unused
    dialog = _open_register(window, qtbot)
    rows = _texts(dialog)
    by_number = {row[0]: row for row in rows}
    assert by_number["青总办〔2021〕1号"][3] == "已用"
    assert by_number["青总办〔2021〕1号"][1]  # the notice's title
    assert by_number["青总办〔2021〕4号"][3] == "作废"  # the demo voided 4号
    assert "作废：" in by_number["青总办〔2021〕4号"][6]
    assert by_number["5—8号"][3] == "缺号"
    assert by_number["青总办〔2021〕9号"][4] == "李文书"
    assert by_number["青总办〔2021〕9号"][6] == "手工指定"
    assert [row[0] for row in rows].index("5—8号") == 4  # where the gap falls
    assert "缺号 1 段" in dialog.summary.text()
    dialog.close()


def test_voiding_a_notices_number_makes_it_a_draft_again(
    qtbot, window, db, demo_ids, shown_messages
):
    dialog = _open_register(window, qtbot)
    numbered = NoticeService(db).get(demo_ids[0])
    dialog.select_number(numbered.number)
    assert dialog.void_button.isEnabled()
    assert dialog.void_selected()
    assert shown_messages[-1][0] == "text"
    stored = NoticeService(db).get(demo_ids[0])
    assert stored.number is None and stored.status is NoticeStatus.DRAFT
    # the register followed the change by itself, and the tree shows a draft
    _read(qtbot, window)
    row = next(r for r in _texts(dialog) if r[0] == numbered.doc_number)
    assert row[3] == "作废" and ANSWER_TEXT in row[6]
    index = window.tree.model.index_of_notice(demo_ids[0])
    assert numbered.doc_number not in index.data()
    dialog.close()


def test_voiding_the_number_of_an_open_notice_saves_and_updates_its_editor(
    qtbot, window, db, demo_ids, shown_messages, type_text
):
    editor = window.open_notice(demo_ids[0])
    numbered = NoticeService(db).get(demo_ids[0])
    editor.set_autosave_delay(60_000)  # the typing below is not saved yet
    type_text(editor.title, "（修改）")
    assert editor.is_dirty()
    dialog = _open_register(window, qtbot)
    dialog.select_number(numbered.number)
    assert dialog.void_selected()
    stored = NoticeService(db).get(demo_ids[0])
    assert stored.number is None and stored.title.endswith("（修改）")  # saved first
    # the editor shows the draft, and its next save does not clash with the void
    assert editor.doc_number.text() == "未取号（草稿）" and editor.allocate_button.isEnabled()
    type_text(editor.title, "2")
    assert editor.save()
    assert not editor.conflict_bar.isVisible()
    assert NoticeService(db).get(demo_ids[0]).title.endswith("（修改）2")
    assert not [m for m in shown_messages if m[0] == "error"]
    dialog.close()


def test_taking_a_number_asks_and_can_be_given_back(qtbot, window, db, shown_messages):
    editor = window.notice_commands.new_notice()
    editor.series.setCurrentText("青总办")
    editor.year.setValue(2021)
    shown_messages.clear()
    qtbot.mouseClick(editor.allocate_button, Qt.MouseButton.LeftButton)
    assert shown_messages[0][0] == "ask" and "青总办〔2021〕5号" in shown_messages[0][1]
    assert editor.doc_number.text() == "青总办〔2021〕5号"
    # 退回文号 from the 编辑 menu: voided with the reason given, the notice a draft again
    window.give_back_action.trigger()
    assert editor.doc_number.text() == "未取号（草稿）" and editor.allocate_button.isEnabled()
    register = NumberingService(db).register("青总办", 2021)
    returned = next(row for row in register.rows if row.number == 5)
    assert returned.voided and returned.void_reason == ANSWER_TEXT
    assert "青总办〔2021〕6号" in editor.next_number.text()  # 5号 is never given again


def test_declining_the_question_takes_no_number(qtbot, window, db, monkeypatch):
    from unionoffice.gui import messages

    editor = window.notice_commands.new_notice()
    editor.series.setCurrentText("青总办")
    monkeypatch.setattr(messages, "confirm", lambda _parent, _text: False)
    assert not editor.allocate_number()
    assert NoticeService(db).get(editor.notice_id).number is None


def test_the_register_prints_and_goes_to_excel(
    qtbot, window, no_file_dialogs, shown_messages, tmp_path
):
    dialog = _open_register(window, qtbot)
    preview = dialog.print_register()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 1, timeout=10_000)
    preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer().setOutputFileName(str(tmp_path / "登记簿.pdf"))
    widget.print_()
    pages = PdfReader(str(tmp_path / "登记簿.pdf")).pages
    printed = unicodedata.normalize("NFKC", "".join(page.extract_text() for page in pages))
    assert "发文登记簿" in printed and "2021" in printed
    preview.reject()
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "登记簿"), "")
    path = dialog.export_excel()
    assert path == tmp_path / "登记簿.xlsx"
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "发文登记簿　青总办　2021年"
    assert [cell.value for cell in sheet[2]][:4] == ["文号", "标题", "日期", "状态"]
    assert sheet.max_row - 2 == dialog.model.rowCount()
    dialog.close()
