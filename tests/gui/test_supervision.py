"""督办 in the window (issue 16 item 4): reached from 工具 → 督办 (Ctrl+D); what is due soon
and what is overdue, under each 牵头部门, with the notice, its year and the 责任领导; 进度 and
督办情况 changed in place and undone with Ctrl+Z; printed and exported. Also item 8 (a period
before the notice's date, flagged and moved to the next year with one click) and the 所属公文
and 年度 columns of 全部活动 shown without scrolling."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.gui.activities.activity_columns import DOUBTFUL_COLOUR, OVERDUE_COLOUR, Column
from unionoffice.gui.activities.all_activities_model import NOTICE_COLUMN, YEAR_COLUMN
from unionoffice.gui.supervision.supervision_dialog import SupervisionDialog
from unionoffice.gui.supervision.supervision_model import Col
from unionoffice.gui.window.main_window import ALL_ACTIVITIES_TAB
from unionoffice.storage.services.notices import NoticeService

TODAY = dt.date.today()


def _md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


@pytest.fixture
def due_plan(db) -> int:
    """A notice of this year whose plan has one item overdue, one due in three days, one far
    off and one done, led by two departments."""
    soon, late = TODAY + dt.timedelta(days=3), TODAY - dt.timedelta(days=5)
    far = TODAY + dt.timedelta(days=60)
    year_start = dt.date(TODAY.year, 1, 1)
    soon_text = _md(soon) if soon.year == TODAY.year else f"{soon.year}年{_md(soon)}"
    far_text = f"{far.year}年{_md(far)}"
    late_text = _md(late) if late.year == TODAY.year else f"{late.year}年{_md(late)}"
    return NoticeService(db).create(
        NoticeData(
            title="关于开展职工技能竞赛的通知",
            organ="青海省总工会",
            series_code="青总办",
            year=TODAY.year,
            number=30,
            date=year_start,
            activities=[
                ActivityData(title="报送参赛名单", deadline=late_text, lead=["省总宣教部"],
                             leader="王副主席"),
                ActivityData(title="组织初赛", deadline=soon_text,
                             lead=["省总组织部", "省总宣教部"], leader="李主席"),
                ActivityData(title="举行决赛", deadline=far_text, lead=["省总宣教部"]),
                ActivityData(title="印发方案", deadline=late_text, lead=["省总宣教部"],
                             status=ActivityStatus.DONE),
            ],
        )
    )  # fmt: skip


def _open(qtbot, window) -> SupervisionDialog:
    assert window.supervision_action.shortcut() == QKeySequence("Ctrl+D")
    assert window.supervision_action in window.menuBar().actions()[-2].menu().actions()  # 工具
    window.supervision_action.trigger()
    dialog = window.supervision_dialog
    assert isinstance(dialog, SupervisionDialog) and dialog.isVisible()
    dialog.activateWindow()  # as the window manager does for a window just shown
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    _read(qtbot, dialog)
    return dialog


def _read(qtbot, dialog: SupervisionDialog) -> None:
    """The list is read off the UI thread: wait until it is shown."""
    qtbot.waitUntil(lambda: not dialog.is_reading(), timeout=10_000)


def _rows(dialog: SupervisionDialog) -> dict[str, list[tuple[str, ...]]]:
    model, shown = dialog.model, {}
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        name = dialog.model.groups[group][0]
        shown[name] = [
            tuple(model.index(row, c, parent).data() for c in range(model.columnCount()))
            for row in range(model.rowCount(parent))
        ]
    return shown


def _index(dialog: SupervisionDialog, department: str, title: str, column: Col):
    parent = dialog.model.department_index(department)
    for row in range(dialog.model.rowCount(parent)):
        if dialog.model.index(row, Col.TITLE, parent).data() == title:
            return dialog.model.index(row, column, parent)
    raise AssertionError(f"{title} not listed under {department}")


def test_due_and_overdue_items_are_listed_by_lead_department(
    qtbot, qtmodeltester, window, due_plan
) -> None:
    dialog = _open(qtbot, window)
    qtmodeltester.check(dialog.model)
    rows = _rows(dialog)
    assert set(rows) == {"省总宣教部", "省总组织部"}  # 决赛 is far off, 印发方案 done
    titles = [row[Col.TITLE] for row in rows["省总宣教部"]]
    assert titles == ["报送参赛名单", "组织初赛"]  # by end date
    overdue = rows["省总宣教部"][0]
    assert overdue[Col.DUE] == "逾期 5 天"
    assert overdue[Col.NOTICE] == f"青总办〔{TODAY.year}〕30号"
    assert overdue[Col.YEAR] == str(TODAY.year) and overdue[Col.LEADER] == "王副主席"
    assert rows["省总组织部"][0][Col.DUE] == "还有 3 天"
    assert "逾期 1 项" in dialog.model.index(0, 0).data()  # the department's line
    assert dialog.summary.text() == "共 2 项，逾期 1 项"  # 组织初赛 counted once
    dialog.days.setValue(90)
    _read(qtbot, dialog)
    assert "举行决赛" in [row[Col.TITLE] for row in _rows(dialog)["省总宣教部"]]
    dialog.show_done.setChecked(True)
    _read(qtbot, dialog)
    assert "印发方案" in [row[Col.TITLE] for row in _rows(dialog)["省总宣教部"]]
    dialog.department.setCurrentText("省总组织部")
    _read(qtbot, dialog)
    assert list(_rows(dialog)) == ["省总组织部"]


def test_progress_and_note_change_in_place_and_undo(
    qtbot, window, db, due_plan, type_text, shown_messages
) -> None:
    dialog = _open(qtbot, window)
    tree = dialog.tree
    # 进度: chosen in the cell's list, as the clerk does
    index = _index(dialog, "省总宣教部", "组织初赛", Col.STATUS)
    tree.setFocus()
    tree.setCurrentIndex(index)
    tree.edit(index)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    combo.setCurrentText("进行中")
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: NoticeService(db).get(due_plan).activities[1].status.value == "进行中")
    # shown at once under both of its lead departments
    assert _index(dialog, "省总组织部", "组织初赛", Col.STATUS).data() == "进行中"
    # 督办情况: typed in the cell
    note = _index(dialog, "省总宣教部", "组织初赛", Col.NOTE)
    tree.setCurrentIndex(note)
    tree.edit(note)
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    type_text(cell, "已电话督促")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: NoticeService(db).get(due_plan).activities[1].supervision_note != "")
    assert NoticeService(db).get(due_plan).activities[1].supervision_note == "已电话督促"
    assert dialog.undo_stack.count() == 2
    # Ctrl+Z takes back the note, then the progress; Ctrl+Y puts the progress back
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert NoticeService(db).get(due_plan).activities[1].supervision_note == ""
    assert _index(dialog, "省总组织部", "组织初赛", Col.NOTE).data() == ""
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert NoticeService(db).get(due_plan).activities[1].status is ActivityStatus.NOT_STARTED
    qtbot.keyClick(tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert NoticeService(db).get(due_plan).activities[1].status is ActivityStatus.IN_PROGRESS
    assert not [m for m in shown_messages if m[0] == "error"]


def test_an_open_editor_shows_the_follow_up_and_keeps_it_when_it_saves(
    qtbot, window, db, due_plan, shown_messages
) -> None:
    editor = window.open_notice(due_plan)
    dialog = _open(qtbot, window)
    index = _index(dialog, "省总宣教部", "报送参赛名单", Col.STATUS)
    assert dialog.model.setData(index, "已完成")
    assert editor.activity_model.activity(0).status is ActivityStatus.DONE
    assert dialog.model.setData(_index(dialog, "省总宣教部", "报送参赛名单", Col.NOTE), "已报")
    assert editor.activity_model.activity(0).supervision_note == "已报"
    editor.title.setText("关于开展职工技能竞赛的通知（修订）")
    qtbot.waitUntil(lambda: NoticeService(db).get(due_plan).title.endswith("（修订）"))
    stored = NoticeService(db).get(due_plan).activities[0]
    assert stored.status is ActivityStatus.DONE and stored.supervision_note == "已报"
    assert not [m for m in shown_messages if m[0] == "error"]


def test_a_follow_up_over_someone_elses_is_refused(qtbot, window, db, due_plan, shown_messages):
    dialog = _open(qtbot, window)
    index = _index(dialog, "省总宣教部", "报送参赛名单", Col.STATUS)
    data = NoticeService(db).get(due_plan)
    data.activities[0].status = ActivityStatus.IN_PROGRESS
    NoticeService(db).update(data)  # another clerk, before this list was read again
    assert not dialog.model.setData(index, "已完成")
    assert shown_messages[-1][0] == "error" and "进行中" in shown_messages[-1][1]
    assert NoticeService(db).get(due_plan).activities[0].status is ActivityStatus.IN_PROGRESS
    assert dialog.undo_stack.count() == 0


def test_the_list_prints_and_goes_to_pdf_and_excel(
    qtbot, window, due_plan, no_file_dialogs, tmp_path
) -> None:
    dialog = _open(qtbot, window)
    preview = dialog.print_list()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 2, timeout=10_000)  # a page per department
    preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer().setOutputFileName(str(tmp_path / "printed.pdf"))
    widget.print_()
    printed = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "printed.pdf")).pages)
    printed = unicodedata.normalize("NFKC", printed)
    assert "督办事项清单" in printed and "报送参赛名单" in printed
    preview.reject()
    no_file_dialogs["getSaveFileName"] = (str(tmp_path / "督办"), "")
    pdf = dialog.export_pdf()
    assert pdf == tmp_path / "督办.pdf" and len(PdfReader(str(pdf)).pages) == 2
    excel = dialog.export_excel()
    assert excel == tmp_path / "督办.xlsx"
    assert load_workbook(excel).sheetnames == ["省总宣教部", "省总组织部"]


def test_a_period_before_the_notice_date_is_flagged_and_moved_to_next_year(
    qtbot, window, db, shown_messages
) -> None:
    notice_id = NoticeService(db).create(
        NoticeData(
            title="关于明年春季职工运动会的通知",
            year=2026,
            date=dt.date(2026, 12, 5),
            activities=[ActivityData(title="春季运动会", deadline="4月份", lead=["省总宣教部"])],
        )
    )
    editor = window.open_notice(notice_id)
    model = editor.activity_model
    period = model.index(0, Column.PERIOD)
    assert period.data(Qt.ItemDataRole.BackgroundRole).color() == DOUBTFUL_COLOUR
    assert "次年" in period.data(Qt.ItemDataRole.ToolTipRole)
    title = model.index(0, Column.TITLE)
    assert title.data(Qt.ItemDataRole.BackgroundRole) is None  # not painted overdue red
    editor.activity_view.select_row(0)
    fix = [a for a in editor.activity_view.context_menu().actions() if "改为次年" in a.text()]
    assert len(fix) == 1 and "次年4月份" in fix[0].text()
    fix[0].trigger()
    assert model.activity(0).deadline == "次年4月份"
    assert model.period(0).end == dt.date(2027, 4, 30)
    assert period.data(Qt.ItemDataRole.BackgroundRole) is None
    editor.undo_stack.undo()  # one undoable edit, as any other of the table
    assert model.activity(0).deadline == "4月份"
    editor.undo_stack.redo()
    qtbot.waitUntil(lambda: NoticeService(db).get(notice_id).activities[0].deadline == "次年4月份")


def test_the_flagged_period_is_fixed_from_the_supervision_list(qtbot, window, db, shown_messages):
    notice_id = NoticeService(db).create(
        NoticeData(
            title="关于明年春季职工运动会的通知",
            year=TODAY.year,
            # dated at the year's end, so that 1月1日 lies before it on any day the test runs
            date=dt.date(TODAY.year, 12, 31),
            activities=[ActivityData(title="春季运动会", deadline="1月1日", lead=["省总宣教部"])],
        )
    )
    dialog = _open(qtbot, window)
    dialog.earlier_years.setChecked(True)
    _read(qtbot, dialog)
    index = _index(dialog, "省总宣教部", "春季运动会", Col.DUE)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() != OVERDUE_COLOUR
    assert "日期存疑" in index.data()
    item = dialog.model.item(index)
    assert any("改为次年" in a.text() for a in dialog.context_menu(item).actions())
    assert dialog.move_to_next_year(item)
    _read(qtbot, dialog)
    assert NoticeService(db).get(notice_id).activities[0].deadline == "次年1月1日"
    assert "春季运动会" not in str(_rows(dialog))  # a year away: no longer due
    dialog.undo_stack.undo()
    assert NoticeService(db).get(notice_id).activities[0].deadline == "1月1日"


def test_all_activities_shows_notice_and_year_without_scrolling(qtbot, window, due_plan) -> None:
    window.tabs.setCurrentIndex(ALL_ACTIVITIES_TAB)
    view = window.all_activities
    table, header = view.table, view.table.horizontalHeader()
    assert table.model().headerData(YEAR_COLUMN, Qt.Orientation.Horizontal) == "年度"
    assert [header.visualIndex(c) for c in (Column.NUMBER, NOTICE_COLUMN, YEAR_COLUMN)] == [0, 1, 2]
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    width = table.viewport().width()
    for column in (NOTICE_COLUMN, YEAR_COLUMN):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= width
    years = {table.model().index(row, YEAR_COLUMN).data() for row in range(5)}
    assert years <= {"2021", str(TODAY.year)} and years
