"""A clerk's whole day on a new database, through the window's own widgets and dialogs (issue 16):
the first-run wizard, a notice typed and numbered, its plan, the calendar, Word, the printer,
an import, the 发文登记簿, 督办, search and undo; then the program is closed and started again
on the same file, and everything the clerk did is there."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import unicodedata
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDir, Qt, QThreadPool, QTimer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QTableView,
    QWidget,
    QWizard,
)
from tests.gui.conftest import ANSWER_TEXT

from unionoffice.domain.notice import ActivityStatus, NoticeStatus
from unionoffice.gui.activities.activity_columns import Column
from unionoffice.gui.activities.department_picker import DepartmentPicker
from unionoffice.gui.app import offer_first_run
from unionoffice.gui.dialogs.first_run import FirstRunWizard
from unionoffice.gui.dialogs.first_run_pages import DEPARTMENTS, ORGAN, SERIES, SUMMARY
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.dialogs.register_dialog import RegisterDialog
from unionoffice.gui.supervision.supervision_dialog import SupervisionDialog
from unionoffice.gui.supervision.supervision_model import Col
from unionoffice.gui.window.database_opener import DatabaseOpening
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage.services import NoticeService, NumberingService

# Taken before the autouse fixture replaces QDialog.exec: the wizard runs modal, for real.
REAL_DIALOG_EXEC = QDialog.exec
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
SAMPLE = "qinghai-2021-15.txt"  # 青总办〔2021〕15号, a notice of the same 机关代字
CTRL = Qt.KeyboardModifier.ControlModifier
TODAY = dt.date.today()
YEAR = TODAY.year
USED_BEFORE = 14  # numbers the office gave out by hand this year before the program
NUMBER = f"青总办〔{YEAR}〕{USED_BEFORE + 1}号"  # the notice's
WRONG = f"青总办〔{YEAR}〕{USED_BEFORE + 2}号"  # taken by mistake, then voided
TITLE = "关于举办全省职工运动会的通知"
BODY = ["为丰富职工文化生活，省总工会决定举办全省职工运动会。", "请各单位认真组织，按时报送。"]
# The plan: (活动内容, days from today, 牵头部门). 督办 lists what is due within 14 days.
PLAN = [
    ("召开筹备工作会议", 3, "宣教部"),
    ("报送参赛运动员名单", 10, "组织部"),
    ("举行开幕式", 40, "宣教部"),
]


def _deadline(days: int) -> str:
    day = TODAY + dt.timedelta(days=days)
    prefix = "" if day.year == YEAR else f"{day.year}年"
    return f"{prefix}{day.month}月{day.day}日"


# Radicals some fonts map 青 and 门 to, which NFKC leaves alone (it maps the Kangxi ones).
_RADICALS = str.maketrans({"\u2ed8": "青", "\u2ed4": "门"})


def _plain(text: str) -> str:
    """Text without spaces, as a PDF's text layer gives it back."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).translate(_RADICALS))


# -- how the clerk's hands reach the widgets -----------------------------------------------


def _activate(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())


def _shortcut(qtbot, window: MainWindow, key: Qt.Key, modifiers=CTRL) -> None:
    """The key pressed in the window, where the focus is, as a clerk presses it."""
    _activate(qtbot, window)
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def _read(qtbot, window) -> None:
    """What a click asked for is read off the UI thread: wait until it is shown."""
    qtbot.waitUntil(lambda: not window.reads.busy(), timeout=10_000)


def _click_cell(qtbot, view: QAbstractItemView, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _click_tab(qtbot, tabs, text: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == text)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def _button(dialog: QWidget, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text)


def _type_into_cell(qtbot, type_text, table: QTableView, index, text: str) -> None:
    """Click the cell, F2, type, Enter: the delegate commits on the next turn of the loop."""
    _click_cell(qtbot, table, index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit), f"no line editor in {index.column()}"
    line.selectAll()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)


# -- the program started as run_gui starts it ----------------------------------------------


def _start(qtbot, settings, path: Path) -> MainWindow:
    """The window first, then the database opened behind it, the first-run wizard offered on
    the way (app.py's hook); returned once the notices are shown."""
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    opening = DatabaseOpening(
        window, str(path), on_open=lambda db: offer_first_run(db, parent=window)
    )
    opening.start_after_first_paint()
    with qtbot.waitSignal(window.attached, timeout=30_000):
        window.show()
    assert opening.exit_code == 0
    return window


def _close(window: MainWindow) -> None:
    window.close()
    QThreadPool.globalInstance().waitForDone(20_000)
    assert not window.isVisible()
    window.db.dispose()


def _set_up_the_office(qtbot, type_text, wizard: FirstRunWizard) -> None:
    """The clerk's answers to the wizard: organ, 机关代字 with the numbers used so far, the
    usual departments."""

    def next_page(expected: int) -> None:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
        assert wizard.currentId() == expected

    next_page(ORGAN)
    wizard.organ.name.setFocus()
    type_text(wizard.organ.name, "青海省总工会办公室")
    next_page(SERIES)
    type_text(wizard.series.code_edit(0), "青总办")
    spin = wizard.series.used_spin(0)
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(USED_BEFORE))
    assert wizard.series.next_label(0).text().strip() == NUMBER
    next_page(DEPARTMENTS)
    assert {"宣教部", "组织部"} <= set(wizard.departments.names())
    next_page(SUMMARY)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)


def _answer_wizard(answer) -> list[str]:
    """Schedule ``answer(wizard)`` for when the wizard shows (modal, inside the window's
    start); the titles of the wizards seen. A wizard left open by a failed answer is closed,
    so that the start goes on and the test fails instead of waiting."""
    seen: list[str] = []

    def when_shown(tries_left: int = 250) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, FirstRunWizard):
            seen.append(modal.windowTitle())
            try:
                answer(modal)
            finally:
                if modal.isVisible():
                    modal.done(QDialog.DialogCode.Rejected)
        elif tries_left:
            QTimer.singleShot(40, lambda: when_shown(tries_left - 1))

    QTimer.singleShot(0, when_shown)
    return seen


# -- the steps of the day ------------------------------------------------------------------


def _write_the_notice(qtbot, window, type_text):
    _shortcut(qtbot, window, Qt.Key.Key_N)  # 新建公文
    editor = window.current_editor()
    assert editor is not None and editor.title.hasFocus()
    type_text(editor.title, TITLE)  # the selected "关于……的通知" is typed over
    assert editor.title.text() == TITLE
    qtbot.mouseClick(editor.body.viewport(), Qt.MouseButton.LeftButton)
    type_text(editor.body, BODY[0])
    qtbot.keyClick(editor.body, Qt.Key.Key_Return)
    type_text(editor.body, BODY[1])
    # 取号, confirmed
    assert editor.series.currentText() == "青总办" and editor.year.value() == YEAR
    qtbot.mouseClick(editor.allocate_button, Qt.MouseButton.LeftButton)
    return editor


def _plan_the_activities(qtbot, editor, type_text) -> None:
    _click_tab(qtbot, editor.tabs, editor.tabs.tabText(1))
    view = editor.activity_view
    table = view.table
    for title, days, lead in PLAN:
        view.add_action.trigger()  # 添加活动: the new row's 活动内容 is open for typing
        line = QApplication.focusWidget()
        assert isinstance(line, QLineEdit)
        type_text(line, title)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
        row = view.proxy.rowCount() - 1
        _type_into_cell(
            qtbot, type_text, table, view.proxy.index(row, Column.DEADLINE), _deadline(days)
        )
        _click_cell(qtbot, table, view.proxy.index(row, Column.LEAD))
        qtbot.keyClick(table, Qt.Key.Key_F2)
        picker = table.viewport().findChild(DepartmentPicker)
        assert picker is not None and picker.isVisible()
        type_text(picker.line, lead[:2])  # filters the list
        item = picker.list.findItems(lead, Qt.MatchFlag.MatchExactly)[0]
        qtbot.mouseClick(
            picker.list.viewport(),
            Qt.MouseButton.LeftButton,
            pos=picker.list.visualItemRect(item).center(),
        )
        qtbot.keyClick(picker.line, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.NoState)
    planned = [(a.title, a.deadline, a.lead) for a in editor.activity_model.activities()]
    assert planned == [(t, _deadline(d), [lead]) for t, d, lead in PLAN]


def _jump_the_calendar(qtbot, window) -> None:
    """转到 the year and month of the opening ceremony: typed year, chosen month."""
    _click_tab(qtbot, window.tabs, "日历")
    calendar = window.calendar
    far = TODAY + dt.timedelta(days=PLAN[2][1])
    spin = calendar.jump_year
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    spin.selectAll()
    qtbot.keyClicks(spin, str(far.year))
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    combo = calendar.jump_month
    combo.setFocus()
    steps = far.month - 1 - combo.currentIndex()
    for _ in range(abs(steps)):
        qtbot.keyClick(combo, Qt.Key.Key_Down if steps > 0 else Qt.Key.Key_Up)
    _read(qtbot, window)
    assert calendar.title_label.text() == f"{far.year}年{far.month}月"
    assert "举行开幕式" in [row.activity.title for row in calendar.shown_rows()]
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    _read(qtbot, window)
    assert calendar.title_label.text() == f"{YEAR}年{TODAY.month}月"


def _export_to_word(qtbot, window, no_file_dialogs, tmp_path, opened_urls) -> Path:
    _click_tab(qtbot, window.tabs, TITLE)
    _shortcut(qtbot, window, Qt.Key.Key_E)  # 导出 Word
    dialog = window.exporter.dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "导出" / f"青总办〔{YEAR}〕{USED_BEFORE + 1}号 运动会.docx"
    target.parent.mkdir()
    no_file_dialogs["getSaveFileName"] = (str(target), "")
    qtbot.mouseClick(_button(dialog, "浏览…"), Qt.MouseButton.LeftButton)
    assert dialog.target.text() == str(target)
    if dialog.open_after.isChecked():
        qtbot.mouseClick(dialog.open_after, Qt.MouseButton.LeftButton)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.is_file, timeout=20_000)
    text = _plain("\n".join(p.text for p in docx.Document(str(target)).paragraphs))
    for expected in (TITLE, NUMBER, BODY[0], *(a for a, *_ in PLAN)):
        assert _plain(expected) in text, expected
    assert opened_urls == []
    return target


def _print_the_notice(qtbot, window, editor, tmp_path) -> int:
    """打印公文 (Ctrl+Shift+P): the preview's pages, printed on Qt's PDF printer."""
    _shortcut(qtbot, window, Qt.Key.Key_P, CTRL | Qt.KeyboardModifier.ShiftModifier)
    preview = window.print_preview
    assert isinstance(preview, PrintPreview) and preview.isVisible()
    pages = editor.preview.current_pages()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == len(pages), timeout=10_000)
    printer = preview.printer()
    assert printer.docName() == editor.display_title()  # the preview keeps its printer alive
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf = tmp_path / "打印.pdf"
    printer.setOutputFileName(str(pdf))
    widget.print_()
    printed = PdfReader(str(pdf))
    assert len(printed.pages) == len(pages) >= 2  # the notice and its 附件, the plan
    on_paper = _plain("".join(page.extract_text() for page in printed.pages))
    for expected in (TITLE, NUMBER, *(a for a, *_ in PLAN)):
        assert _plain(expected) in on_paper, expected
    preview.reject()
    return len(pages)


def _import_a_sample(qtbot, window, tmp_path, monkeypatch) -> int:
    """导入公文 (Ctrl+I): Qt's own file dialog with the filter the program gives it lists the
    sample (and not a photo beside it); the clerk picks it; the summary says it was read."""
    folder = tmp_path / "收文"
    folder.mkdir()
    shutil.copy(SAMPLES / SAMPLE, folder / SAMPLE)
    (folder / "照片.jpg").write_bytes(b"not a notice")
    listed: list[set[str]] = []

    def clerk_picks(parent, caption, directory, name_filter, *_args, **_kwargs):
        dialog = QFileDialog(parent, caption, directory, name_filter)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setFilter(QDir.Filter.Files)
        dialog.setDirectory(str(folder))
        dialog.show()
        view = dialog.findChild(QListView, "listView")
        model = view.model()

        def names() -> set[str]:
            root = view.rootIndex()
            return {model.index(r, 0, root).data() for r in range(model.rowCount(root))}

        qtbot.waitUntil(lambda: SAMPLE in names(), timeout=5000)
        listed.append(names())
        root = view.rootIndex()
        row = next(
            r for r in range(model.rowCount(root)) if model.index(r, 0, root).data() == SAMPLE
        )
        _click_cell(qtbot, view, model.index(row, 0, root))
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        qtbot.mouseClick(buttons.buttons()[0], Qt.MouseButton.LeftButton)  # 打开
        assert dialog.result() == QDialog.DialogCode.Accepted
        return dialog.selectedFiles(), dialog.selectedNameFilter()

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", clerk_picks)
    before = {s.id for s in NoticeService(window.db).list()}
    _shortcut(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=30_000)
    assert listed == [{SAMPLE}]  # the photo is not offered
    summary = window.importer.summary
    assert [row[:2] for row in summary.row_texts()] == [(SAMPLE, "已导入")]
    (imported,) = {s.id for s in NoticeService(window.db).list()} - before
    qtbot.mouseClick(_button(summary, "关闭"), Qt.MouseButton.LeftButton)
    assert not summary.isVisible()
    return imported


def _void_in_the_register(qtbot, window, editor, type_text) -> None:
    """A second notice numbered by mistake; its number is voided in the 发文登记簿 (Ctrl+R)."""
    _shortcut(qtbot, window, Qt.Key.Key_N)
    mistake = window.current_editor()
    assert mistake is not None and mistake is not editor
    type_text(mistake.title, "关于召开工作例会的通知")
    qtbot.mouseClick(mistake.allocate_button, Qt.MouseButton.LeftButton)
    assert mistake.doc_number.text() == WRONG
    _shortcut(qtbot, window, Qt.Key.Key_R)
    _read(qtbot, window)
    register = window.register_dialog
    assert isinstance(register, RegisterDialog) and register.isVisible()
    assert (register.series.currentText(), register.year.value()) == ("青总办", YEAR)
    row = next(r for r, line in enumerate(register.model.lines) if line.doc_number == WRONG)
    _click_cell(qtbot, register.table, register.model.index(row, 0))
    qtbot.mouseClick(register.void_button, Qt.MouseButton.LeftButton)
    _read(qtbot, window)
    voided = next(line for line in register.model.lines if line.doc_number == WRONG)
    assert voided.state == "作废" and ANSWER_TEXT in voided.remark
    # the editor of that notice follows: a draft again
    qtbot.waitUntil(lambda: mistake.doc_number.text() == "未取号（草稿）")
    qtbot.mouseClick(_button(register, "关闭"), Qt.MouseButton.LeftButton)
    assert not register.isVisible()


def _follow_up_in_supervision(qtbot, window) -> None:
    """督办 (Ctrl+D): the two items due within 14 days; one set to 进行中 in place."""
    _shortcut(qtbot, window, Qt.Key.Key_D)
    dialog = window.supervision_dialog
    assert isinstance(dialog, SupervisionDialog) and dialog.isVisible()
    _read(qtbot, window)
    model = dialog.model
    listed = {
        model.groups[g][0]: [
            model.index(r, Col.TITLE, model.index(g, 0)).data()
            for r in range(model.rowCount(model.index(g, 0)))
        ]
        for g in range(model.rowCount())
    }
    assert listed == {"宣教部": ["召开筹备工作会议"], "组织部": ["报送参赛运动员名单"]}
    parent = model.department_index("组织部")
    dialog.tree.expand(parent)
    status = model.index(0, Col.STATUS, parent)
    assert status.data() == "未开始"
    assert model.index(0, Col.NOTICE, parent).data() == NUMBER
    _activate(qtbot, dialog)
    _click_cell(qtbot, dialog.tree, status)
    qtbot.mouseDClick(
        dialog.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.tree.visualRect(status).center(),
    )
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "进行中"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: model.index(0, Col.STATUS, model.department_index("组织部")).data() == "进行中"
    )
    qtbot.mouseClick(_button(dialog, "关闭"), Qt.MouseButton.LeftButton)


def _search(qtbot, window, type_text, notice_id: int, imported: int) -> None:
    tree = window.tree
    _shortcut(qtbot, window, Qt.Key.Key_F)  # 查找
    assert tree.search_box.hasFocus()
    type_text(tree.search_box, "开幕式")  # an activity's words find its notice
    qtbot.waitUntil(lambda: tree.visible_notice_ids() == [notice_id], timeout=5000)
    tree.search_box.selectAll()
    type_text(tree.search_box, "〔2021〕15")
    qtbot.waitUntil(lambda: tree.visible_notice_ids() == [imported], timeout=5000)
    qtbot.mouseClick(tree.search_box, Qt.MouseButton.LeftButton)
    tree.search_box.selectAll()
    qtbot.keyClick(tree.search_box, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: notice_id in tree.visible_notice_ids(), timeout=5000)


def _undo_an_edit(qtbot, window, editor, type_text) -> None:
    """A slip typed into the title and saved; Ctrl+Z takes it back and that is saved too."""
    db = window.db
    _click_tab(qtbot, window.tabs, TITLE)
    _click_tab(qtbot, editor.tabs, editor.tabs.tabText(0))
    qtbot.mouseClick(editor.title, Qt.MouseButton.LeftButton)
    qtbot.keyClick(editor.title, Qt.Key.Key_End)
    type_text(editor.title, "（删去）")
    qtbot.waitUntil(lambda: NoticeService(db).get(editor.notice_id).title == TITLE + "（删去）")
    _shortcut(qtbot, window, Qt.Key.Key_Z)
    assert editor.title.text() == TITLE
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)
    assert NoticeService(db).get(editor.notice_id).title == TITLE


# -- the day -------------------------------------------------------------------------------


@pytest.fixture
def wizard_on(monkeypatch):
    """The first-run wizard shown, modal, as at a real first start (conftest turns it off)."""
    monkeypatch.delenv("UNIONOFFICE_NO_FIRST_RUN", raising=False)
    monkeypatch.setattr(QWizard, "exec", REAL_DIALOG_EXEC)


def test_a_clerks_day_from_the_first_start_to_the_next_morning(
    qtbot,
    db_path,
    settings,
    shown_messages,
    no_file_dialogs,
    opened_urls,
    type_text,
    tmp_path,
    monkeypatch,
    wizard_on,
) -> None:
    settings.autosave_ms = 50
    settings.change_poll_ms = 0
    assert not db_path.exists()

    # 1. the first start: the wizard, then the empty window
    seen = _answer_wizard(lambda wizard: _set_up_the_office(qtbot, type_text, wizard))
    window = _start(qtbot, settings, db_path)
    assert seen == ["工会公文助手 — 首次使用"]
    assert window.tree.visible_notice_ids() == []

    # 2. a notice: title and body typed, 取号 confirmed
    editor = _write_the_notice(qtbot, window, type_text)
    assert shown_messages[-1][0] == "ask" and NUMBER in shown_messages[-1][1]
    assert editor.doc_number.text() == NUMBER
    notice_id = editor.notice_id

    # 3. three activities in its plan, then saved by itself
    _plan_the_activities(qtbot, editor, type_text)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=5000)
    stored = NoticeService(window.db).get(notice_id)
    assert stored.title == TITLE and stored.doc_number == NUMBER
    assert [block.text for block in stored.body if block.text] == BODY
    assert len(stored.activities) == 3

    # 4. the calendar, jumped to the opening ceremony's month and back to today
    _jump_the_calendar(qtbot, window)

    # 5. Word, through the export dialog
    _export_to_word(qtbot, window, no_file_dialogs, tmp_path, opened_urls)

    # 6. the print preview, printed on Qt's PDF printer
    _print_the_notice(qtbot, window, editor, tmp_path)

    # 7. an import through the dialog's own file filter
    imported = _import_a_sample(qtbot, window, tmp_path, monkeypatch)

    # 8. the 发文登记簿: a number taken by mistake is voided
    _void_in_the_register(qtbot, window, editor, type_text)

    # 9. 督办: progress changed in place
    _follow_up_in_supervision(qtbot, window)

    # 10. search in the tree; 11. undo of an edit
    _search(qtbot, window, type_text, notice_id, imported)
    _undo_an_edit(qtbot, window, editor, type_text)
    assert not [m for m in shown_messages if m[0] == "error"], shown_messages

    # 12. the end of the day, and the next morning on the same file: no wizard, all there
    _close(window)
    seen_again = _answer_wizard(lambda wizard: None)  # offered again, it would be seen
    window = _start(qtbot, settings, db_path)
    assert seen_again == []
    db = window.db
    notices = NoticeService(db)
    assert set(window.tree.visible_notice_ids()) == {s.id for s in notices.list()}
    assert len(window.tree.visible_notice_ids()) == 3  # the notice, the mistake, the sample
    again = window.editor_for(notice_id) or window.open_notice(notice_id)
    assert again.title.text() == TITLE and again.doc_number.text() == NUMBER
    assert "（删去）" not in notices.get(notice_id).title
    activities = again.activity_model.activities()
    assert [(a.title, a.deadline, a.lead) for a in activities] == [
        (t, _deadline(d), [lead]) for t, d, lead in PLAN
    ]
    assert activities[1].status is ActivityStatus.IN_PROGRESS
    assert activities[0].status is ActivityStatus.NOT_STARTED
    register = NumberingService(db).register("青总办", YEAR)
    by_number = {row.number: row for row in register.rows}
    given, voided = by_number[USED_BEFORE + 1], by_number[USED_BEFORE + 2]
    assert given.notice_id == notice_id and not given.voided
    assert voided.voided and voided.void_reason == ANSWER_TEXT
    _shortcut(qtbot, window, Qt.Key.Key_R)  # and the register on screen says so
    _read(qtbot, window)
    shown = {line.doc_number: line for line in window.register_dialog.model.lines}
    assert shown[WRONG].state == "作废" and shown[NUMBER].state == "已用"
    assert shown[f"青总办〔{YEAR}〕1号"].state == "预留"  # the wizard's numbers used before
    window.register_dialog.close()
    assert NumberingService(db).register("青总办", 2021).rows[0].notice_id == imported
    sample = notices.get(imported)
    assert sample.doc_number == "青总办〔2021〕15号" and sample.activities
    mistake = next(s for s in notices.list() if s.id not in (notice_id, imported))
    assert mistake.status is NoticeStatus.DRAFT and mistake.doc_number is None
    _close(window)
