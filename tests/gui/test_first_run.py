"""The first-run wizard on a new database, driven as a clerk would, and its hook in run_gui."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWizard

from unionoffice.domain.errors import DatabaseError
from unionoffice.gui.app import run_gui
from unionoffice.gui.dialogs import first_run
from unionoffice.gui.dialogs.first_run import FirstRunWizard
from unionoffice.gui.dialogs.first_run_pages import DEPARTMENTS, ORGAN, SERIES, SUMMARY, WELCOME
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services import NoticeService, NumberingService, OrganService
from unionoffice.storage.services.office_setup import USUAL_DEPARTMENTS, is_new_database

# Taken before the autouse fixture replaces QDialog.exec, for the tests that run the modal
# wizard for real with something scheduled to answer it.
REAL_DIALOG_EXEC = QDialog.exec
TODAY = dt.date(2025, 3, 10)


@pytest.fixture
def wizard(qtbot, db, shown_messages):
    wizard = FirstRunWizard(db, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


@pytest.fixture
def run_gui_env(monkeypatch):
    """run_gui as a packaged smoke test runs it: it closes by itself; the wizard is not off.
    A second, so that on a busy machine (CI runs two test processes and a server) the wizard
    is answered before it cancels itself."""
    monkeypatch.delenv("UNIONOFFICE_NO_FIRST_RUN", raising=False)
    monkeypatch.setenv("UNIONOFFICE_QUIT_AFTER_MS", "1000")


def click(wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} cannot be clicked"
    button.click()


def press_enter(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        )


def fill_organ_and_series(wizard: FirstRunWizard, type_text) -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == ORGAN
    wizard.organ.name.setFocus()
    type_text(wizard.organ.name, "青海省总工会办公室")
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == SERIES
    type_text(wizard.series.code_edit(0), "青总办")
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == DEPARTMENTS


def test_a_clerk_sets_up_the_office_page_by_page(wizard, db, type_text) -> None:
    assert wizard.currentId() == WELCOME
    assert wizard.welcome.create_own.isChecked()
    click(wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == ORGAN
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()  # no name yet
    type_text(wizard.organ.name, "青海省总工会办公室")
    assert wizard.organ.header_text.text() == "青海省总工会办公室文件"
    assert wizard.organ.recipients.toPlainText().startswith("各市（州）总工会，省级各产业工会")
    assert wizard.organ.distributor.text() == "青海省总工会办公室"
    click(wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == SERIES
    series = wizard.series
    assert series.year.value() == 2025
    type_text(series.code_edit(0), "青总办")
    series.used_spin(0).setValue(14)
    assert series.next_label(0).text().strip() == "青总办〔2025〕15号"
    series.add_button.click()
    type_text(series.code_edit(1), "青总发")
    assert series.next_label(1).text().strip() == "青总发〔2025〕1号"
    click(wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == DEPARTMENTS
    departments = wizard.departments
    assert departments.names() == list(USUAL_DEPARTMENTS)
    departments.list.setCurrentRow(departments.names().index("研究室"))
    departments.remove_button.click()
    type_text(departments.new_name, "法律工作部")
    press_enter(departments.new_name)  # adds it; the wizard does not go on
    assert wizard.currentId() == DEPARTMENTS
    assert departments.names()[-1] == "法律工作部"
    assert departments.new_name.text() == ""
    departments.up_button.click()
    assert departments.names()[-2:] == ["法律工作部", "机关党委"]
    click(wizard, QWizard.WizardButton.NextButton)

    assert wizard.currentId() == SUMMARY
    summary = wizard.summary.summary.text()
    for expected in (
        "青海省总工会办公室文件",
        "青总办〔2025〕15号",
        "青总发〔2025〕1号",
        "法律工作部",
    ):
        assert expected in summary
    assert "研究室" not in summary
    assert is_new_database(db)  # nothing is written before 完成
    click(wizard, QWizard.WizardButton.FinishButton)

    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.outcome == "setup"
    (organ,) = OrganService(db).organs()
    assert organ.name == "青海省总工会办公室"
    assert organ.header_text == "青海省总工会办公室文件"
    assert organ.default_distributor == "青海省总工会办公室"
    assert organ.series_codes == ("青总办", "青总发")
    assert organ.departments[-2:] == ("法律工作部", "机关党委")
    assert "研究室" not in organ.departments
    assert str(NumberingService(db).allocate("青总办", 2025).doc_number) == "青总办〔2025〕15号"


def test_texts_the_clerk_changed_no_longer_follow_the_name(wizard, type_text) -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    organ = wizard.organ
    type_text(organ.name, "西宁市总工会")
    assert organ.distributor.text() == "西宁市总工会办公室"
    organ.header_text.setText("西宁市总工会红头")
    organ.name.setText("海西州总工会")
    assert organ.header_text.text() == "西宁市总工会红头"
    assert organ.distributor.text() == "海西州总工会办公室"
    assert organ.recipients.toPlainText().startswith("各县（市）总工会，州级各产业工会")


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        (["青总办2"], "不能有数字"),
        (["青总〔办"], "不能有括号"),
        (["青总 办"], "不能有空格"),
        (["青总办", "青总办"], "机关代字“青总办”重复了"),
        (["青总办", ""], "机关代字不能为空"),
    ],
)
def test_a_bad_series_code_keeps_the_clerk_on_the_page_with_the_input(
    wizard, type_text, codes, message
) -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.organ.name, "青海省总工会办公室")
    click(wizard, QWizard.WizardButton.NextButton)
    series = wizard.series
    for row, code in enumerate(codes):
        if row:
            series.add_button.click()
        type_text(series.code_edit(row), code)
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == SERIES
    assert series.error.isVisible()
    assert message in series.error.text()
    assert [start.code for start in series.starts()] == codes
    for row in range(len(codes) - 1, 0, -1):  # keep only the first row, corrected
        series.table.cellWidget(row, series.REMOVE).click()
    series.code_edit(0).setText("青总办")
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == DEPARTMENTS
    assert not series.error.isVisible()


def test_without_a_series_code_the_clerk_cannot_go_on(wizard, type_text) -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.organ.name, "青海省总工会办公室")
    click(wizard, QWizard.WizardButton.NextButton)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.series.table.cellWidget(0, wizard.series.REMOVE).click()
    assert wizard.series.table.rowCount() == 0
    wizard.series.add_button.click()
    type_text(wizard.series.code_edit(0), "青总办")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_an_emptied_or_repeated_department_is_refused(wizard, type_text) -> None:
    fill_organ_and_series(wizard, type_text)
    departments = wizard.departments
    departments.list.item(1).setText(" ")
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == DEPARTMENTS
    assert "部门名称不能为空" in departments.error.text()
    departments.list.item(1).setText("办公室")
    click(wizard, QWizard.WizardButton.NextButton)
    assert "部门“办公室”重复了" in departments.error.text()
    departments.list.setCurrentRow(1)
    departments.remove_button.click()
    type_text(departments.new_name, "宣教部")
    departments.add_button.click()
    assert "部门“宣教部”已在名单中" in departments.error.text()
    assert departments.names().count("宣教部") == 1
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == SUMMARY


def test_the_demo_choice_fills_the_demo_data_and_finishes_at_once(wizard, db) -> None:
    assert wizard.button(QWizard.WizardButton.NextButton).isVisible()
    wizard.welcome.try_demo.click()
    assert not wizard.button(QWizard.WizardButton.NextButton).isVisible()
    click(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.outcome == "demo"
    assert wizard.result() == QDialog.DialogCode.Accepted
    notices = NoticeService(db).list()
    assert notices and {notice.year for notice in notices} == {2025}


def test_a_series_taken_meanwhile_sends_the_clerk_back_with_everything_kept(
    wizard, db, type_text
) -> None:
    fill_organ_and_series(wizard, type_text)
    click(wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentId() == SUMMARY
    NumberingService(db).allocate("青总办", 2025)  # another clerk on the same server
    click(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.outcome == ""
    assert wizard.currentId() == SERIES
    assert "机关代字“青总办”已在数据库中" in wizard.series.error.text()
    assert wizard.series.code_edit(0).text() == "青总办"
    assert wizard.organ.name.text() == "青海省总工会办公室"
    assert OrganService(db).organs() == []


def test_a_database_error_at_finish_is_shown_and_nothing_is_lost(
    wizard, db, type_text, monkeypatch
) -> None:
    def read_only(_db, _setup):
        raise DatabaseError("数据库“office.sqlite”是只读的，无法保存修改")

    fill_organ_and_series(wizard, type_text)
    click(wizard, QWizard.WizardButton.NextButton)
    with monkeypatch.context() as patched:
        patched.setattr(first_run, "set_up_office", read_only)
        click(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.isVisible() and wizard.currentId() == SUMMARY
    assert wizard.summary.error.isVisible()
    assert wizard.summary.error.text() == (
        "未能保存，数据库未作修改：数据库“office.sqlite”是只读的，无法保存修改"
    )
    assert is_new_database(db)
    click(wizard, QWizard.WizardButton.FinishButton)
    assert wizard.outcome == "setup"
    assert OrganService(db).organs()[0].series_codes == ("青总办",)


def test_cancel_after_typing_asks_and_writes_nothing(
    wizard, db, type_text, shown_messages, monkeypatch
) -> None:
    click(wizard, QWizard.WizardButton.NextButton)
    type_text(wizard.organ.name, "青海省总工会办公室")
    with monkeypatch.context() as patched:
        patched.setattr(
            first_run.messages,
            "confirm",
            lambda _parent, text: shown_messages.append(("ask", text)) or False,
        )
        click(wizard, QWizard.WizardButton.CancelButton)
    assert wizard.isVisible()  # the clerk said 否
    click(wizard, QWizard.WizardButton.CancelButton)
    assert not wizard.isVisible()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert [kind for kind, _ in shown_messages] == ["ask", "ask"]
    assert "下次启动时还会显示本向导" in shown_messages[0][1]
    assert is_new_database(db)


# -- the hook in run_gui ---------------------------------------------------------------------


class _WizardWatch(QObject):
    """Answers the first-run wizard as soon as it is shown: run_gui shows it (modal) inside
    the window's start, and it cancels itself UNIONOFFICE_QUIT_AFTER_MS later, so a poll for
    it could miss it on a busy machine."""

    def __init__(self, answer) -> None:
        super().__init__()
        self.answer = answer
        self.seen: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, FirstRunWizard):
            self.seen.append(watched.windowTitle())
            QTimer.singleShot(0, lambda: self.answer(watched))  # once it is on screen
        return False


@pytest.fixture
def answer_wizard(qapp):
    """``answer_wizard(answer)``: call ``answer(wizard)`` when run_gui shows the wizard; the
    titles of the wizards seen. The watch ends with the test."""
    watches: list[_WizardWatch] = []

    def watch(answer) -> list[str]:
        watcher = _WizardWatch(answer)
        qapp.installEventFilter(watcher)
        watches.append(watcher)
        return watcher.seen

    yield watch
    for watcher in watches:
        qapp.removeEventFilter(watcher)


def test_run_gui_on_a_new_database_shows_the_wizard_first(
    tmp_path, settings, shown_messages, monkeypatch, run_gui_env, qapp, answer_wizard
) -> None:
    monkeypatch.setattr(QWizard, "exec", REAL_DIALOG_EXEC)
    path = tmp_path / "office.sqlite"
    Database(path).dispose()

    def choose_demo(wizard: FirstRunWizard) -> None:
        wizard.welcome.try_demo.click()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    seen = answer_wizard(choose_demo)
    assert run_gui(str(path), settings=settings) == 0
    assert seen == ["工会公文助手 — 首次使用"]
    assert shown_messages == []
    db = Database(path)
    try:
        assert NoticeService(db).list()
    finally:
        db.dispose()


def test_a_wizard_nobody_answers_is_cancelled_and_offered_again(
    tmp_path, settings, shown_messages, monkeypatch, run_gui_env, qapp
) -> None:
    monkeypatch.setattr(QWizard, "exec", REAL_DIALOG_EXEC)
    offered: list[str] = []
    real_run = first_run.run_first_run
    monkeypatch.setattr(
        first_run, "run_first_run", lambda db, **kw: offered.append(real_run(db, **kw)) or ""
    )
    path = tmp_path / "office.sqlite"
    for _start in range(2):
        assert run_gui(str(path), settings=settings) == 0
    assert offered == ["", ""]  # cancelled after UNIONOFFICE_QUIT_AFTER_MS, both times
    db = Database(path)
    try:
        assert is_new_database(db)
    finally:
        db.dispose()


def never_shown(*_args, **_kwargs):
    raise AssertionError("the first-run wizard was shown")


def test_no_wizard_when_asked_not_to(
    tmp_path, settings, shown_messages, monkeypatch, run_gui_env, qapp
) -> None:
    monkeypatch.setattr(first_run, "run_first_run", never_shown)
    monkeypatch.setenv("UNIONOFFICE_NO_FIRST_RUN", "1")
    assert run_gui(str(tmp_path / "empty.sqlite"), settings=settings) == 0
    assert shown_messages == []


def test_no_wizard_on_a_database_in_use(
    tmp_path, settings, shown_messages, monkeypatch, run_gui_env, qapp
) -> None:
    monkeypatch.setattr(first_run, "run_first_run", never_shown)
    path = tmp_path / "office.sqlite"
    db = Database(path)
    fill_demo(db)
    db.dispose()
    assert run_gui(str(path), settings=settings) == 0
    assert shown_messages == []


def test_an_ordinary_start_does_not_load_the_wizard() -> None:
    code = (
        "import sys\n"
        "import unionoffice.gui.app, unionoffice.gui.window.main_window\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.startswith('unionoffice.gui.dialogs.first_run')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
