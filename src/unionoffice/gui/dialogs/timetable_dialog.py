"""The 活动安排表 dialog: which notices, which activities, in what order, on what paper.

The same choices drive 打印活动安排表 (PDF print preview), 导出 Excel and 导出日历; the
paper choices (月份进度格, A3, titles only) only matter for printing and are hidden otherwise.
The layout is ui/timetable_dialog.ui.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from unionoffice.exporting.timetable import PageSize, SortOrder, TimetableFilter
from unionoffice.gui.forms import child, load_form
from unionoffice.gui.settings import Settings

ALL_DEPARTMENTS = "（全部部门）"


class Purpose(enum.Enum):
    PRINT = "打印预览…"
    EXCEL = "导出 Excel…"
    CALENDAR = "导出日历…"


@dataclass(frozen=True)
class TimetableRequest:
    """Everything needed to build the timetable: notices (ids, or a whole year) and options."""

    notice_ids: tuple[int, ...]
    year: int | None
    filter: TimetableFilter
    month_grid: bool = False
    page_size: PageSize = PageSize.A4
    brief: bool = False
    title: str | None = None


class TimetableDialog(QDialog):
    """Scope, filters and layout of a timetable; ``request()`` reads them."""

    def __init__(
        self,
        purpose: Purpose,
        settings: Settings,
        *,
        notice_ids: list[int],
        notice_label: str,
        years: list[int],
        departments: list[str],
        today: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        load_form("timetable_dialog", self)
        self.purpose = purpose
        self.settings = settings
        self.notice_ids = tuple(notice_ids)
        self.today = today or dt.date.today()
        titles = {Purpose.PRINT: "打印活动安排表", Purpose.EXCEL: "导出 Excel 台账",
                  Purpose.CALENDAR: "导出日历文件（.ics）"}  # fmt: skip
        self.setWindowTitle(titles[purpose])

        # -- scope: these notices, or all notices of a year
        self.scope_notices = child(self, QRadioButton, "scope_notices")
        self.scope_notices.setText(notice_label or "当前公文")
        self.scope_year = child(self, QRadioButton, "scope_year")
        self.year = child(self, QSpinBox, "year")
        self.year.setValue(years[0] if years else self.today.year)
        scope_group = QButtonGroup(self)
        scope_group.addButton(self.scope_notices)
        scope_group.addButton(self.scope_year)
        if self.notice_ids:
            self.scope_notices.setChecked(True)
        else:
            self.scope_notices.setEnabled(False)
            self.scope_notices.setText("（未选择公文）")
            self.scope_year.setChecked(True)

        # -- filters
        self.department = child(self, QComboBox, "department")
        self.department.addItems([ALL_DEPARTMENTS, *departments])
        self.lead_only = child(self, QCheckBox, "lead_only")
        self.month_on = child(self, QCheckBox, "month_on")
        self.month = child(self, QDateEdit, "month")
        # this month of the notices' year: a 2021 plan asks about 2021's months
        self.month.setDate(QDate(self.year.value(), self.today.month, 1))
        self.month.setEnabled(False)
        self.month_on.toggled.connect(self.month.setEnabled)
        self.overdue = child(self, QCheckBox, "overdue")
        self.overdue.setText(f"只列已过完成时限、尚未完成的活动（截至{self.today:%Y年%m月%d日}）")
        self.sort = child(self, QComboBox, "sort")
        self.sort.addItem("按方案中的顺序", SortOrder.PLAN.value)
        self.sort.addItem("按开始日期", SortOrder.START.value)
        self.sort.setCurrentIndex(max(self.sort.findData(settings.timetable_sort), 0))

        # -- paper (print only)
        self.grid = child(self, QCheckBox, "grid")
        self.grid.setChecked(settings.timetable_grid)
        self.a3 = child(self, QCheckBox, "a3")
        self.a3.setChecked(settings.timetable_a3)
        self.brief = child(self, QCheckBox, "brief")
        self.title = child(self, QLineEdit, "title")
        self.paper_box = child(self, QGroupBox, "paper_box")
        self.paper_box.setVisible(purpose is Purpose.PRINT)

        buttons = child(self, QDialogButtonBox, "buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(purpose.value)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def request(self) -> TimetableRequest:
        department = self.department.currentText().strip()
        if department == ALL_DEPARTMENTS:
            department = ""
        by_year = self.scope_year.isChecked()
        month = self.month.date()
        flt = TimetableFilter(
            department=department or None,
            lead_only=bool(department) and self.lead_only.isChecked(),
            year=self.year.value() if by_year else None,
            month=(month.year(), month.month()) if self.month_on.isChecked() else None,
            overdue_on=self.today if self.overdue.isChecked() else None,
            sort=SortOrder(self.sort.currentData()),
        )
        return TimetableRequest(
            notice_ids=() if by_year else self.notice_ids,
            year=self.year.value() if by_year else None,
            filter=flt,
            month_grid=self.grid.isChecked(),
            page_size=PageSize.A3 if self.a3.isChecked() else PageSize.A4,
            brief=self.brief.isChecked(),
            title=self.title.text().strip() or None,
        )

    def accept(self) -> None:
        self.settings.timetable_sort = str(self.sort.currentData())
        if self.purpose is Purpose.PRINT:
            self.settings.timetable_grid = self.grid.isChecked()
            self.settings.timetable_a3 = self.a3.isChecked()
        super().accept()
