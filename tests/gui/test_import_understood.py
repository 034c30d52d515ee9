"""What import understood, shown to the clerk: the summary's 文号, title, date and activities
per file with doubts marked, and 从剪贴板导入 (paste, check, correct, save)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from unionoffice.gui import messages
from unionoffice.gui.dialogs.import_summary import NOTE, NUMBER
from unionoffice.gui.dialogs.paste_import import EMPTY_PASTE, PasteImportDialog
from unionoffice.storage.services.notices import NoticeService

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
EVENTS = """白鹭湾区总工会

关于举办职工健步行活动的通知

各街道工会：

现将具体安排如下：

（一）女职工健步行活动

时间：3月8日上午9时30分
地点：白鹭湾滨海步道
参加人员：区直机关各单位女职工
负责人：郑芳

（二）经验交流会

时间：根据工作安排另行通知
地点：区总工会会议室

白鹭湾区总工会
2024年3月1日
"""


def test_the_summary_shows_what_each_file_was_read_as(qtbot, window, db, tmp_path) -> None:
    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copy(SAMPLES / "qinghai-2021-15.txt", folder / "五一活动.txt")
    (folder / "健步行.txt").write_text(EVENTS, encoding="utf-8")
    window.importer.start([folder])
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    summary = window.importer.summary
    cells = {row["文件"]: row for row in summary.row_cells()}
    first = cells["五一活动.txt"]
    assert (first["结果"], first["文号"], first["活动"]) == ("已导入", "青总办〔2021〕15号", "21")
    assert first["标题"].endswith("系列活动方案》的通知") and first["成文日期"] == "（未识别）"
    # the demo's department list names no 西宁市总工会: doubtful, and marked
    assert "部门不在本机关的部门列表中" in first["说明"]
    events = cells["健步行.txt"]
    assert (events["文号"], events["成文日期"], events["活动"]) == ("（未编号）", "2024-03-01", "2")
    assert "1 项活动没有可推算的日期（第 2 项）" in events["说明"]
    rows = [row["文件"] for row in summary.row_cells()]
    events_row = rows.index("健步行.txt")
    assert summary.is_marked(events_row, NUMBER) and summary.is_marked(events_row, NOTE)
    assert "有需核对之处" in summary.headline
    # a double-click opens the notice it became
    summary.table.cellDoubleClicked.emit(events_row, 0)
    editor = window.current_editor()
    assert editor is not None and editor.title.text() == "关于举办职工健步行活动的通知"
    summary.reject()


def _paste_dialog(qtbot, window, text: str) -> PasteImportDialog:
    QApplication.clipboard().setText(text)
    window.paste_import_action.trigger()
    dialog = window.importer.paste_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_paste_check_correct_and_save(qtbot, window, db, shown_messages) -> None:
    before = {s.id for s in NoticeService(db).list()}
    dialog = _paste_dialog(qtbot, window, EVENTS)
    assert window.paste_import_action.shortcut().toString() == "Ctrl+Shift+V"
    assert dialog.title.text() == "关于举办职工健步行活动的通知"
    assert dialog.doc_number.text() == "" and dialog.date.date() == QDate(2024, 3, 1)
    table = dialog.activities
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in (1, 3, 4, 5, 7)] == [
        "女职工健步行活动", "9:30", "白鹭湾滨海步道", "区直机关各单位女职工", "郑芳",
    ]  # fmt: skip
    assert "请核对" in dialog.status.text() and "第 2 项" in dialog.status.text()
    # the clerk gives the 文号 the text lacked and shortens the title
    dialog.doc_number.setText("白工女[2024]2号")
    dialog.title.setText("关于举办健步行活动的通知")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.importer.paste_dialog is None)
    (new_id,) = {s.id for s in NoticeService(db).list()} - before
    stored = NoticeService(db).get(new_id)
    assert (stored.title, stored.doc_number) == ("关于举办健步行活动的通知", "白工女〔2024〕2号")
    assert stored.date == dt.date(2024, 3, 1)
    walk = stored.activities[0]
    assert (walk.place, walk.responsible_person) == ("白鹭湾滨海步道", "郑芳")
    assert walk.period is not None and walk.period.start == dt.date(2024, 3, 8)
    # the tree was told, and the new notice is open
    assert new_id in window.tree.visible_notice_ids()
    editor = window.current_editor()
    assert editor is not None and editor.notice_id == new_id
    assert shown_messages == []


def test_an_empty_paste_says_what_to_do_and_saves_nothing(qtbot, window, db) -> None:
    count = len(NoticeService(db).list())
    dialog = _paste_dialog(qtbot, window, "  \n\t ")
    assert dialog.status.text() == EMPTY_PASTE
    assert not dialog.save_button.isEnabled()
    dialog.save()
    assert dialog.isVisible() and len(NoticeService(db).list()) == count
    dialog.reject()


def test_a_wrong_doc_number_is_refused_and_nothing_saved(qtbot, window, db, shown_messages) -> None:
    count = len(NoticeService(db).list())
    dialog = _paste_dialog(qtbot, window, EVENTS)
    dialog.doc_number.setText("白工女2号")
    dialog.save()
    ((kind, text),) = shown_messages
    assert kind == "error" and "无法识别文号" in text
    assert dialog.isVisible() and len(NoticeService(db).list()) == count
    dialog.reject()


@pytest.mark.parametrize("again", [False, True])
def test_text_pasted_before_is_saved_again_only_if_the_clerk_says_so(
    qtbot, window, db, monkeypatch, again: bool
) -> None:
    first = _paste_dialog(qtbot, window, EVENTS)
    first.save()
    qtbot.waitUntil(lambda: window.importer.paste_dialog is None)
    count = len(NoticeService(db).list())
    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda parent, text: asked.append(text) or again)
    dialog = _paste_dialog(qtbot, window, EVENTS)
    dialog.save()
    assert len(asked) == 1 and "以前导入过" in asked[0]
    assert len(NoticeService(db).list()) == count + (1 if again else 0)
    if not again:
        assert dialog.isVisible()
        dialog.reject()


def test_typing_is_recognised_a_moment_later(qtbot, window) -> None:
    dialog = _paste_dialog(qtbot, window, "")
    dialog.text.setPlainText(EVENTS)
    assert not dialog.save_button.isEnabled()  # until the new text is read
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=3000)
    assert dialog.title.text() == "关于举办职工健步行活动的通知"
    dialog.reject()


OTHER_NAMES = """青海省总工会办公室

关于开展职工读书活动的通知

各市（州）总工会：

一、读书月活动（牵头部门：宣教部；配合部门：青海省总工会办公室；完成时限：4月底前）

二、书香家庭评选（牵头部门：市总宣教部；完成时限：6月底前）

青海省总工会办公室
2021年3月1日
"""


def test_a_paste_shows_departments_as_the_list_names_them(qtbot, window, db) -> None:
    before = {s.id for s in NoticeService(db).list()}
    dialog = _paste_dialog(qtbot, window, OTHER_NAMES)
    table = dialog.activities
    assert [table.item(row, 6).text() for row in range(table.rowCount())] == [
        "省总宣教部",
        "市总宣教部",  # the city union's: kept as written
    ]
    assert "宣教部→省总宣教部" in dialog.status.text()
    assert "青海省总工会办公室→省总办公室" in dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.importer.paste_dialog is None)
    (new_id,) = {s.id for s in NoticeService(db).list()} - before
    stored = NoticeService(db).get(new_id).activities
    assert [(a.lead, a.cooperating) for a in stored] == [
        (["省总宣教部"], ["省总办公室"]),
        (["市总宣教部"], []),
    ]
