"""The 活动安排表 dialog: which notices, which activities, in what order, on what paper.

The same choices drive 打印活动安排表 (PDF print preview), 导出 Excel and 导出日历; the
paper choices (月份进度格, A3, titles only) only matter for printing and are hidden otherwise.
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
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from unionoffice.exporting.timetable import PageSize, SortOrder, TimetableFilter
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
        self.purpose = purpose
        self.settings = settings
        self.notice_ids = tuple(notice_ids)
        self.today = today or dt.date.today()
        titles = {Purpose.PRINT: "打印活动安排表", Purpose.EXCEL: "导出 Excel 台账",
                  Purpose.CALENDAR: "导出日历文件（.ics）"}  # fmt: skip
        self.setWindowTitle(titles[purpose])

        # -- scope: these notices, or all notices of a year
        self.scope_notices = QRadioButton(notice_label or "当前公文", self)
        self.scope_year = QRadioButton("全年的全部公文：", self)
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setSuffix(" 年")
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
        year_row = QHBoxLayout()
        year_row.addWidget(self.scope_year)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        scope_box = QGroupBox("范围", self)
        scope_layout = QVBoxLayout(scope_box)
        scope_layout.addWidget(self.scope_notices)
        scope_layout.addLayout(year_row)

        # -- filters
        self.department = QComboBox(self)
        self.department.setEditable(True)
        self.department.addItems([ALL_DEPARTMENTS, *departments])
        self.department.setMinimumWidth(220)
        self.lead_only = QCheckBox("只列牵头的", self)
        department_row = QHBoxLayout()
        department_row.addWidget(self.department, 1)
        department_row.addWidget(self.lead_only)
        self.month_on = QCheckBox("只列该月进行的活动：", self)
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy年M月")
        # this month of the notices' year: a 2021 plan asks about 2021's months
        self.month.setDate(QDate(self.year.value(), self.today.month, 1))
        self.month.setEnabled(False)
        self.month_on.toggled.connect(self.month.setEnabled)
        month_row = QHBoxLayout()
        month_row.addWidget(self.month_on)
        month_row.addWidget(self.month)
        month_row.addStretch(1)
        self.overdue = QCheckBox(
            f"只列已过完成时限、尚未完成的活动（截至{self.today:%Y年%m月%d日}）", self
        )
        self.sort = QComboBox(self)
        self.sort.addItem("按方案中的顺序", SortOrder.PLAN.value)
        self.sort.addItem("按开始日期", SortOrder.START.value)
        self.sort.setCurrentIndex(max(self.sort.findData(settings.timetable_sort), 0))
        filter_box = QGroupBox("筛选与排序", self)
        form = QFormLayout(filter_box)
        form.addRow("部门", department_row)
        form.addRow("月份", month_row)
        form.addRow("逾期", self.overdue)
        form.addRow("排序", self.sort)

        # -- paper (print only)
        self.grid = QCheckBox("加月份进度格（12 个月，涂出每项活动所在的月份）", self)
        self.grid.setChecked(settings.timetable_grid)
        self.a3 = QCheckBox("用 A3 横向纸（默认 A4 横向）", self)
        self.a3.setChecked(settings.timetable_a3)
        self.brief = QCheckBox("活动内容只印标题，不印说明文字", self)
        self.title = QLineEdit(self)
        self.title.setPlaceholderText("留空则按公文标题生成，如“2021年……活动安排表”")
        self.paper_box = QGroupBox("版式", self)
        paper = QFormLayout(self.paper_box)
        paper.addRow("标题", self.title)
        paper.addRow("", self.grid)
        paper.addRow("", self.a3)
        paper.addRow("", self.brief)
        self.paper_box.setVisible(purpose is Purpose.PRINT)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(purpose.value)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(filter_box)
        layout.addWidget(self.paper_box)
        layout.addWidget(buttons)

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
