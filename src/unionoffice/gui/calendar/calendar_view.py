"""日历: activities as bars across their periods, a month at a time or a whole year (Gantt).

Clicking an item asks the window to show it in its notice's table. The header goes back and
forth a month (or year) at a time (◀ ▶, PageUp/PageDown on the calendar), jumps to any year
and month (转到) and back to today (今天); the window shows an activity's month from 全部活动
and the plan table (在日历中查看). Activities and 法定节假日 / 调休 days are read once per month
or year shown, never while painting; bars are coloured by lead department or by notice, with a
legend naming what each colour stands for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.activity_criteria import ActivityFilter, ActivityRow
from unionoffice.domain.calendar_days import SpecialDay
from unionoffice.domain.changes import Changes
from unionoffice.domain.deadline import month_end
from unionoffice.domain.doc_number import MAX_YEAR, MIN_YEAR
from unionoffice.gui.background_reads import BackgroundReads
from unionoffice.gui.calendar import calendar_holidays as marks
from unionoffice.gui.calendar.calendar_canvas import MonthCanvas, assign_lanes, month_weeks
from unionoffice.gui.calendar.calendar_colours import (
    ColourBy,
    ColourLegend,
    department_colour,
    legend_entries,
)
from unionoffice.gui.calendar.year_canvas import YearCanvas
from unionoffice.gui.settings import Settings
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.calendar_days import CalendarDayService

__all__ = ["CalendarView", "assign_lanes", "department_colour"]

ALL_DEPARTMENTS = "全部部门"
FIRST_YEAR, LAST_YEAR = MIN_YEAR, MAX_YEAR  # what 转到 offers: the years a 文号 may carry


@dataclass(frozen=True)
class MonthRows:
    """The activities of the month the calendar opens on, read ahead by read_first_month
    (on the worker thread that opens the database at start-up)."""

    year: int
    month: int
    rows: list[ActivityRow]


def default_start(service: ActivityQueryService) -> dt.date:
    """This month, or the start of the latest plan when nothing falls in this year."""
    today = dt.date.today()
    first, last = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if service.count(ActivityFilter(first=first, last=last)):
        return today
    latest = service.rows(limit=1)
    if latest and latest[0].activity.period is not None:
        return latest[0].activity.period.start
    return today


def read_first_month(service: ActivityQueryService) -> MonthRows:
    """What the calendar shows first, all departments (no Qt: any thread)."""
    start = default_start(service)
    first = dt.date(start.year, start.month, 1)
    rows = service.in_period(first, month_end(start.year, start.month), None)
    return MonthRows(start.year, start.month, rows)


@dataclass(frozen=True)
class _Wanted:
    """The month or year the calendar is asked to show."""

    year: int
    month: int
    year_view: bool
    department: str | None


@dataclass(frozen=True)
class _Shown:
    wanted: _Wanted
    rows: list[ActivityRow]
    special_days: dict[dt.date, SpecialDay]
    missing_years: list[int]
    department_names: list[str] | None  # read again when departments were merged or renamed


def _read(
    service: ActivityQueryService, days: CalendarDayService, wanted: _Wanted, names: bool
) -> _Shown:
    """What the calendar shows of ``wanted`` (no Qt: any thread)."""
    if wanted.year_view:
        first, last = dt.date(wanted.year, 1, 1), dt.date(wanted.year, 12, 31)
        rows = service.in_period(first, last, wanted.department)
        special = days.special_days(first, last)
    else:
        first = dt.date(wanted.year, wanted.month, 1)
        rows = service.in_period(first, month_end(wanted.year, wanted.month), wanted.department)
        weeks = month_weeks(wanted.year, wanted.month)
        special = days.special_days(weeks[0][0], weeks[-1][-1])
    return _Shown(
        wanted,
        rows,
        special,
        days.missing_years([wanted.year]),
        service.department_names() if names else None,
    )


class CalendarView(QWidget):
    """The 日历 tab: month or year, previous/next, department filter, colours, holidays."""

    activity_clicked = Signal(int, int)  # notice id, position in that notice
    read_failed = Signal(str)  # the database could not be read: the calendar keeps its month

    def __init__(
        self,
        service: ActivityQueryService,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        start: dt.date | None = None,
        days: CalendarDayService | None = None,
        settings: Settings | None = None,
        first_month: MonthRows | None = None,
        reads: BackgroundReads | None = None,
    ) -> None:
        """``first_month``: the rows of the month to open on, when read ahead; ``reads``: the
        window's background reads (without: read on the spot)."""
        super().__init__(parent)
        self.reads = reads
        self._stale = False  # activities changed while the calendar was not on screen
        self._names_stale = False  # departments merged or renamed: the filter's list too
        self.service = service
        self.days = days if days is not None else CalendarDayService(service.db)
        self.settings = settings
        self.month_canvas = MonthCanvas(self)
        self.year_canvas = YearCanvas(self)
        for canvas in (self.month_canvas, self.year_canvas):
            canvas.clicked.connect(self._on_clicked)
            canvas.step_requested.connect(self.step)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.year_canvas)
        # The month fills the view; an open 贯穿本月 strip makes it taller, and it scrolls.
        self.month_scroll = QScrollArea(self)
        self.month_scroll.setWidgetResizable(True)
        self.month_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.month_scroll.setWidget(self.month_canvas)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.month_scroll)
        self.stack.addWidget(scroll)

        # Tool buttons: a push button is at least 80 px wide, and this bar must fit a
        # 1,280 px screen beside the 公文目录.
        self.previous_button = QToolButton(self)
        self.previous_button.setText("◀")
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.previous_button.setToolTip("上个月（PageUp）")
        self.next_button.setToolTip("下个月（PageDown）")
        self.today_button = QToolButton(self)
        self.today_button.setText("今天")
        self.today_button.setToolTip("回到今天所在的月份")
        self.jump_year = QSpinBox(self)
        self.jump_year.setRange(FIRST_YEAR, LAST_YEAR)
        self.jump_year.setSuffix(" 年")
        self.jump_year.setToolTip("转到某一年（可直接输入年份）")
        self.jump_year.setKeyboardTracking(False)  # typing 2021 does not visit 2, 20, 202
        self.jump_month = QComboBox(self)
        self.jump_month.addItems([f"{m}月" for m in range(1, 13)])
        self.jump_month.setToolTip("转到这一年的某个月")
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.month_button = QToolButton(self)
        self.month_button.setText("月视图")
        self.year_button = QToolButton(self)
        self.year_button.setText("年视图")
        self.mode_group = QButtonGroup(self)
        for index, button in enumerate((self.month_button, self.year_button)):
            button.setCheckable(True)
            self.mode_group.addButton(button, index)
        self.month_button.setChecked(True)
        self.department = QComboBox(self)
        self.department.addItems([ALL_DEPARTMENTS, *department_names])
        self.colour = QComboBox(self)
        for combo in (self.department, self.colour):  # long names shown in the list, not here
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
        for colour_by in ColourBy:
            self.colour.addItem(colour_by.label, colour_by.value)
        self.colour.setCurrentIndex(self.colour.findData(self._remembered_colour_by().value))
        self.count_label = QLabel(self)
        self.legend = ColourLegend(self)
        self.holiday_key = QLabel(_HOLIDAY_KEY, self)
        self.holiday_key.setTextFormat(Qt.TextFormat.RichText)
        self.missing_notice = QLabel(self)
        self.missing_notice.setStyleSheet(
            "color: #7a4b00; background: #fff4d6; border: 1px solid #f0d9a0;"
            " border-radius: 3px; padding: 2px 6px;"
        )
        self.missing_notice.hide()

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.jump_year.valueChanged.connect(lambda _v: self._on_jump())
        self.jump_month.currentIndexChanged.connect(lambda _i: self._on_jump())
        self.mode_group.idClicked.connect(self._on_mode)
        self.department.currentTextChanged.connect(lambda _t: self.reload())
        self.colour.currentIndexChanged.connect(lambda _i: self._on_colour_by())

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.title_label, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(8)
        jump_label = QLabel("转到：", self)
        jump_label.setBuddy(self.jump_year)
        bar.addWidget(jump_label)
        bar.addWidget(self.jump_year)
        bar.addWidget(self.jump_month)
        bar.addSpacing(16)
        bar.addWidget(self.month_button)
        bar.addWidget(self.year_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel("部门："))
        bar.addWidget(self.department)
        bar.addSpacing(8)
        bar.addWidget(self.colour)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        key_line = QHBoxLayout()
        key_line.addWidget(self.legend, 1)
        key_line.addWidget(self.missing_notice)
        key_line.addWidget(self.holiday_key)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(key_line)
        layout.addWidget(self.stack, 1)

        for canvas in (self.month_canvas, self.year_canvas):
            canvas.colour_by = self.colour_by()
        self._read_ahead = first_month
        if start is None:
            start = (
                dt.date(first_month.year, first_month.month, 1)
                if first_month is not None
                else default_start(service)
            )
        self.year, self.month = start.year, start.month
        self.reload()

    def _remembered_colour_by(self) -> ColourBy:
        stored = self.settings.calendar_colour_by if self.settings is not None else ""
        try:
            return ColourBy(stored)
        except ValueError:
            return ColourBy.DEPARTMENT

    @property
    def is_year_view(self) -> bool:
        return self.stack.currentIndex() == 1

    def department_filter(self) -> str | None:
        text = self.department.currentText()
        return None if text == ALL_DEPARTMENTS else text

    def colour_by(self) -> ColourBy:
        return ColourBy(self.colour.currentData())

    def set_month(self, year: int, month: int) -> None:
        self.year = min(max(year, FIRST_YEAR), LAST_YEAR)
        self.month = month
        self.reload()

    def show_month_of(self, day: dt.date) -> None:
        """Show the month ``day`` is in, as a month (from an activity: its start)."""
        if self.is_year_view:
            self.month_button.setChecked(True)
            self.stack.setCurrentIndex(0)
            self._on_mode_texts()
        self.set_month(day.year, day.month)

    def _on_jump(self) -> None:
        year, month = self.jump_year.value(), self.jump_month.currentIndex() + 1
        if (year, month) != (self.year, self.month):
            self.set_month(year, month)

    def step(self, direction: int) -> None:
        if self.is_year_view:
            self.set_month(self.year + direction, self.month)
        else:
            total = self.year * 12 + self.month - 1 + direction
            year, month = divmod(total, 12)
            self.set_month(year, month + 1)

    def go_today(self) -> None:
        today = dt.date.today()
        self.set_month(today.year, today.month)

    def _on_mode(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)
        self._on_mode_texts()
        self.reload()

    def _on_mode_texts(self) -> None:
        year_view = self.is_year_view
        self.jump_month.setVisible(not year_view)
        self.today_button.setToolTip("回到今年" if year_view else "回到今天所在的月份")
        self.previous_button.setToolTip("上一年（PageUp）" if year_view else "上个月（PageUp）")
        self.next_button.setToolTip("下一年（PageDown）" if year_view else "下个月（PageDown）")

    def _on_colour_by(self) -> None:
        colour_by = self.colour_by()
        if self.settings is not None:
            self.settings.calendar_colour_by = colour_by.value
        for canvas in (self.month_canvas, self.year_canvas):
            canvas.set_colour_by(colour_by)
        self._show_legend()

    def reload(self) -> None:
        """Read the activities and special days of the month or year shown (a few queries, none
        per day; painting reads nothing). In the window the read runs off the UI thread and the
        calendar shows what it shows until the answer comes."""
        if self._names_stale:
            self._names_stale = False
            names_wanted = True
        else:
            names_wanted = False
        wanted = _Wanted(self.year, self.month, self.is_year_view, self.department_filter())
        ahead, self._read_ahead = self._read_ahead, None  # read ahead for the first reload only
        if (
            ahead is not None
            and not names_wanted
            and (ahead.year, ahead.month, None, False)
            == (wanted.year, wanted.month, wanted.department, wanted.year_view)
        ):
            weeks = month_weeks(wanted.year, wanted.month)
            special = self.days.special_days(weeks[0][0], weeks[-1][-1])
            missing = self.days.missing_years([wanted.year])
            self._show(_Shown(wanted, ahead.rows, special, missing, None))
            return
        service, days = self.service, self.days

        def read() -> _Shown:
            return _read(service, days, wanted, names_wanted)

        if self.reads is None:
            self._show(read())
        else:
            self.reads.start(
                ("calendar", id(self)), read, self._show, what="日历", on_failed=self._not_read
            )

    def _not_read(self, error: BaseException) -> None:
        self._stale = True  # read again with the next change, or when shown again
        self.read_failed.emit(str(error))

    def _show(self, shown: _Shown) -> None:
        wanted, rows = shown.wanted, shown.rows
        if shown.department_names is not None:
            self._offer_departments(shown.department_names)
        if wanted.year_view:
            self.year_canvas.set_year(wanted.year, rows, shown.special_days)
            self.title_label.setText(f"{wanted.year}年")
        else:
            self.month_canvas.set_month(wanted.year, wanted.month, rows, shown.special_days)
            self.title_label.setText(f"{wanted.year}年{wanted.month}月")
            if self.year_canvas.rows:  # a whole year's activities, no longer on screen
                self.year_canvas.set_year(wanted.year, [])
        self.count_label.setText(f"共 {len(rows)} 项活动")
        for picker, value in ((self.jump_year, self.year), (self.jump_month, self.month - 1)):
            picker.blockSignals(True)
            if isinstance(picker, QSpinBox):
                picker.setValue(value)
            else:
                picker.setCurrentIndex(value)
            picker.blockSignals(False)
        missing = shown.missing_years
        self.missing_notice.setVisible(bool(missing))
        if missing:
            self.missing_notice.setText(
                f"{missing[0]}年的节假日安排尚未收录，请在“设置 → 节假日”中录入"
            )
        self._show_legend()

    def is_reading(self) -> bool:
        """A month or year is being read (the window's calendar reads off the UI thread)."""
        return self.reads is not None and self.reads.is_pending(("calendar", id(self)))

    def _offer_departments(self, names: Sequence[str]) -> None:
        """The departments the filter offers; the chosen one stays while it is offered."""
        current = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems([ALL_DEPARTMENTS, *names])
        self.department.setCurrentIndex(max(0, self.department.findText(current)))
        self.department.blockSignals(False)

    def _show_legend(self) -> None:
        self.legend.set_entries(
            legend_entries(self.shown_rows(), self.colour_by()), self.colour_by()
        )

    def shown_rows(self) -> list[ActivityRow]:
        if self.is_year_view:
            return list(self.year_canvas.rows)
        return [*self.month_canvas.strip, *self.month_canvas.rows]

    def _on_clicked(self, row: ActivityRow) -> None:
        self.activity_clicked.emit(row.notice_id, row.position)

    def apply_changes(self, changes: Changes) -> None:
        """Read the month or year shown again when activities or holidays changed; while the
        calendar is not on screen, when it is next shown."""
        if changes.departments or changes.everything:
            self._names_stale = True
        if changes.touches_activities or changes.calendar_days:
            self._stale = True
            if self.isVisible():
                self._stale = False
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def shutdown(self) -> None:
        """Nothing runs in the background; kept so the window can stop views uniformly."""


_HOLIDAY_KEY = (
    f'<span style="background:{marks.HOLIDAY_INK.name()}; color:white;">&nbsp;休&nbsp;</span>'
    "&nbsp;放假&nbsp;&nbsp;"
    f'<span style="background:{marks.WORKDAY_INK.name()}; color:white;">&nbsp;班&nbsp;</span>'
    "&nbsp;调休上班"
)
