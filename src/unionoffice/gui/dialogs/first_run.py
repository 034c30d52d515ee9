"""The first-run wizard: a new, empty database gets the clerk's 发文机关, 机关代字 and
departments, or the demo data, before the main window opens.

run_gui imports this module only when the database is new, so ordinary starts never load it.
Pages check their own fields with the storage rules; the wizard writes everything at 完成 in
one transaction, and on an error keeps what the clerk typed and shows what to change.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget, QWizard

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages
from unionoffice.gui.dialogs.first_run_pages import (
    DEPARTMENTS,
    ORGAN,
    SERIES,
    SUMMARY,
    WELCOME,
    DepartmentsPage,
    OrganPage,
    SeriesPage,
    SetupPage,
    SummaryPage,
    WelcomePage,
)
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services.office_setup import (
    OfficeSetup,
    SetupError,
    clean_setup,
    set_up_office,
)


class FirstRunWizard(QWizard):
    """The first-run wizard on a new database; ``outcome`` is "setup", "demo" or "" after."""

    def __init__(
        self, db: Database, parent: QWidget | None = None, *, today: dt.date | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.today = today or dt.date.today()
        self.outcome = ""
        self.setWindowTitle("工会公文助手 — 首次使用")
        # The same look on every system (and in the screenshots of the manual).
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        for button, text in (
            (QWizard.WizardButton.BackButton, "< 上一步"),
            (QWizard.WizardButton.NextButton, "下一步 >"),
            (QWizard.WizardButton.FinishButton, "完成"),
            (QWizard.WizardButton.CancelButton, "取消"),
        ):
            self.setButtonText(button, text)
        self.welcome = WelcomePage(db.describe(), self)
        self.organ = OrganPage(self)
        self.series = SeriesPage(self.today.year, self)
        self.departments = DepartmentsPage(self)
        self.summary = SummaryPage(self)
        for page_id, page in (
            (WELCOME, self.welcome),
            (ORGAN, self.organ),
            (SERIES, self.series),
            (DEPARTMENTS, self.departments),
            (SUMMARY, self.summary),
        ):
            self.setPage(page_id, page)
        self.setStartId(WELCOME)
        self.setMinimumSize(720, 560)

    def collected_setup(self) -> OfficeSetup:
        """What the pages hold, as typed."""
        name, header, recipients, distributor = self.organ.values()
        return OfficeSetup(
            organ_name=name,
            header_text=header,
            default_recipients=recipients,
            default_distributor=distributor,
            year=self.series.year.value(),
            series=tuple(self.series.starts()),
            departments=tuple(self.departments.names()),
        )

    def initializePage(self, page_id: int) -> None:
        super().initializePage(page_id)
        if page_id == SUMMARY:
            self.summary.passes(
                lambda: self.summary.show_setup(clean_setup(self.collected_setup()))
            )

    def validateCurrentPage(self) -> bool:
        """The page's own checks; then, on the last page, the demo data or the clerk's setup."""
        if not super().validateCurrentPage():
            return False
        if self.currentId() == WELCOME and self.welcome.try_demo.isChecked():
            return self._write("demo")
        if self.currentId() == SUMMARY:
            return self._write("setup")
        return True

    def _write(self, outcome: str) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if outcome == "demo":
                fill_demo(self.db, self.today.year)
            else:
                set_up_office(self.db, self.collected_setup())
        except SetupError as exc:
            self._show_on_its_page(exc)
            return False
        except UnionOfficeError as exc:
            page = self.currentPage()
            assert isinstance(page, SetupPage)
            page.show_error(f"未能保存，数据库未作修改：{exc}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.outcome = outcome
        return True

    def _show_on_its_page(self, exc: SetupError) -> None:
        """Back to the page the error is about, with the message there."""
        pages: dict[str, SetupPage] = {
            "organ": self.organ,
            "series": self.series,
            "departments": self.departments,
        }
        page = pages.get(exc.page, self.summary)
        while self.currentPage() is not page and self.currentId() != WELCOME:
            self.back()
        page.show_error(str(exc))

    def reject(self) -> None:
        """取消 after typing asks first: nothing typed is kept."""
        typed = self.currentId() != WELCOME and bool(self.organ.name.text().strip())
        if typed and not messages.confirm(
            self, "不保存就关闭向导吗？\n将先打开空的主窗口，下次启动时还会显示本向导。"
        ):
            return
        super().reject()


def run_first_run(
    db: Database, *, parent: QWidget | None = None, close_after_ms: int | None = None
) -> str:
    """Show the wizard until the clerk finishes or cancels; "setup", "demo" or "" (cancelled).

    ``parent`` is the (still empty) main window it is centred on. ``close_after_ms`` cancels
    it after that delay, so a start nobody watches never waits.
    """
    wizard = FirstRunWizard(db, parent)
    if close_after_ms is not None:
        QTimer.singleShot(close_after_ms, wizard, lambda: wizard.done(QDialog.DialogCode.Rejected))
    wizard.exec()
    outcome = wizard.outcome
    wizard.deleteLater()
    return outcome
