"""The calendar's month grid, and what it shares with the year chart (year_canvas.py):
painted from what they are given, never reading the database (painting happens often).

Items that cover the whole month (全年, 上半年, 4月份 …) go in a strip above the month grid so
the days stay readable; the strip shows three lines and opens to show them all (展开全部), and
opens by itself when nothing else is on the grid, the canvas then growing taller than the view
(the calendar scrolls it); events (periods with times of day) stay on their days, their bars led by
the time ("9:30 讲座"). 法定节假日 and 调休 days are tinted and carry a 休/班 badge or tick.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QToolTip,
    QWidget,
)

from unionoffice.domain.activity_criteria import ActivityRow
from unionoffice.domain.calendar_days import SpecialDay
from unionoffice.domain.deadline import Period, month_end
from unionoffice.gui.activities.activity_model import NAME_SEPARATOR, format_period
from unionoffice.gui.calendar import calendar_holidays as marks
from unionoffice.gui.calendar.calendar_colours import ColourBy, colour_of

WEEKDAYS = "一二三四五六日"
BAR_HEIGHT = 18
DAY_HEADER = 20  # the line of a month cell with the day's number, name and 休/班 badge
MAX_STRIP_LINES = 3  # of items that run through the whole month, above the grid, while closed
MIN_WEEK_HEIGHT = 64  # a week's row when an open strip pushes the grid down
STRIP_ITEM = 190  # the width a strip item takes, its gap included


def tooltip_text(row: ActivityRow) -> str:
    activity = row.activity
    lines = [activity.title, f"完成时限：{activity.deadline}（{format_period(activity.period)}）"]
    if activity.period is not None and activity.period.timed:
        lines.append(f"时间：{activity.period.times_text}")
    for label, value in (
        ("地点", activity.place),
        ("参加对象", activity.participants),
        ("责任人", activity.responsible_person or ""),
    ):
        if value:
            lines.append(f"{label}：{value}")
    if activity.lead:
        lines.append(f"牵头：{NAME_SEPARATOR.join(activity.lead)}")
    if activity.cooperating:
        lines.append(f"配合：{NAME_SEPARATOR.join(activity.cooperating)}")
    lines.append(f"{row.doc_number or '草稿'}　{row.notice_title}")
    return "\n".join(lines)


def bar_label(row: ActivityRow) -> str:
    """What a month bar says: the title, after the time of day for an event ("9:30 讲座")."""
    period = row.activity.period
    if period is not None and period.timed:
        return f"{period.times_text} {row.activity.title}"
    return row.activity.title


def _day_order(row: ActivityRow) -> tuple[dt.date, int, int]:
    """Earlier days first, longer periods first, then events by the hour they start."""
    period = row.activity.period
    assert period is not None
    clock = period.start_time or period.end_time
    minutes = clock.hour * 60 + clock.minute if clock is not None else 24 * 60
    return period.start, -period.days, minutes


def assign_lanes(periods: Sequence[Period]) -> list[int]:
    """The lowest free lane for each period (in the given order) so bars never overlap."""
    lane_ends: list[dt.date] = []
    lanes = []
    for period in periods:
        for lane, end in enumerate(lane_ends):
            if end < period.start:
                lane_ends[lane] = period.end
                lanes.append(lane)
                break
        else:
            lane_ends.append(period.end)
            lanes.append(len(lane_ends) - 1)
    return lanes


def lanes_for_bars(lanes: Sequence[int], capacity: int) -> int:
    """How many of a week's ``capacity`` lines get bars: all, or one fewer when some bars do
    not fit, so the 另有 N 项 line has a line of its own."""
    if not lanes or max(lanes) < capacity:
        return capacity
    return max(0, capacity - 1)


def month_weeks(year: int, month: int) -> list[list[dt.date]]:
    """The weeks (Monday first) of a month's grid, with the days of the months either side."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)


@dataclass
class Hit:
    rect: QRectF
    row: ActivityRow


class Canvas(QWidget):
    """Common to both views: the rows shown, hit testing, tooltips, clicks, special days."""

    clicked = Signal(object)  # ActivityRow
    step_requested = Signal(int)  # PageUp (-1) / PageDown (+1): the month or year before/after

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.rows: list[ActivityRow] = []
        self.hits: list[Hit] = []
        self.special_days: dict[dt.date, SpecialDay] = {}
        self.colour_by = ColourBy.DEPARTMENT
        self.setMouseTracking(True)

    def set_colour_by(self, colour_by: ColourBy) -> None:
        self.colour_by = colour_by
        self.update()

    def row_at(self, point: QPointF) -> ActivityRow | None:
        for hit in reversed(self.hits):
            if hit.rect.contains(point):
                return hit.row
        return None

    def day_at(self, point: QPointF) -> dt.date | None:
        """The day under ``point`` where a day's tooltip is wanted; None elsewhere."""
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(row)
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        if event.key() in steps and not event.modifiers():
            self.step_requested.emit(steps[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.row_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            point = QPointF(event.pos())
            row = self.row_at(point)
            day = self.day_at(point) if row is None else None
            special = self.special_days.get(day) if day is not None else None
            if row is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(row), self)
            elif day is not None and special is not None:
                QToolTip.showText(event.globalPos(), marks.day_tooltip(day, special), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _bar(self, painter: QPainter, rect: QRectF, row: ActivityRow, text: str) -> None:
        colour = colour_of(row, self.colour_by)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(QColor("white"))
        inner = rect.adjusted(4, 0, -2, 0)
        elided = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(inner.width())
        )
        painter.drawText(
            inner, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), elided
        )
        self.hits.append(Hit(rect, row))


class MonthCanvas(Canvas):
    """A month grid (Monday first) with bars; whole-month items in a strip above it."""

    strip_toggled = Signal(bool)  # the strip was opened (True) or closed by the clerk

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = dt.date.today().year, dt.date.today().month
        self.today = dt.date.today()
        self.strip: list[ActivityRow] = []
        # The clerk's choice (kept from month to month); None: open when the grid is empty.
        self.strip_choice: bool | None = None
        self.toggle_rect: QRectF | None = None  # 展开全部 / 收起, where it is drawn

    def set_month(
        self,
        year: int,
        month: int,
        rows: list[ActivityRow],
        special_days: dict[dt.date, SpecialDay] | None = None,
    ) -> None:
        self.year, self.month = year, month
        self.special_days = special_days or {}
        first, last = dt.date(year, month, 1), month_end(year, month)
        # An event (a period with times of day) stays on its days, however long it runs.
        self.strip = [
            r for r in rows if r.activity.period and r.activity.period.start <= first
            and r.activity.period.end >= last and not r.activity.period.timed
        ]  # fmt: skip
        in_strip = {id(r) for r in self.strip}  # by identity: comparing rows field by field is slow
        self.rows = [r for r in rows if id(r) not in in_strip and r.activity.period is not None]
        self.rows.sort(key=_day_order)
        self._fit_height()
        self.update()

    @property
    def strip_open(self) -> bool:
        """Whether every item of the strip is shown (the clerk's choice, else when no item
        sits on a day of the grid)."""
        return self.strip_choice if self.strip_choice is not None else not self.rows

    def set_strip_open(self, wanted: bool) -> None:
        self.strip_choice = wanted
        self._fit_height()
        self.update()
        self.strip_toggled.emit(wanted)

    def strip_overflows(self) -> bool:
        """Whether the strip holds more than its closed lines show."""
        per_line, _lines = self._strip_lines()
        return len(self.strip) > per_line * MAX_STRIP_LINES

    def _fit_height(self) -> None:
        """An open strip keeps the grid's weeks readable by making the canvas taller (the
        calendar scrolls it); closed, the canvas fills the view."""
        weeks = len(self.weeks())
        grown = self.strip_open and self.strip_overflows()
        self.setMinimumHeight(self.strip_height() + 24 + weeks * MIN_WEEK_HEIGHT if grown else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.strip:  # the items per line follow the width
            self._fit_height()

    def weeks(self) -> list[list[dt.date]]:
        return month_weeks(self.year, self.month)

    def _grid(self) -> tuple[float, float, float, float]:
        """Where the grid is: its top, the weekday header's height, column width, row height."""
        top, header = float(self.strip_height()), 24.0
        return top, header, self.width() / 7, (self.height() - top - header) / len(self.weeks())

    def day_at(self, point: QPointF) -> dt.date | None:
        """The day whose number line is under ``point`` (its name and 休/班 badge)."""
        top, header, width, row_height = self._grid()
        y = point.y() - top - header
        if y < 0 or row_height <= 0 or y % row_height > DAY_HEADER:
            return None
        weeks = self.weeks()
        week, column = int(y // row_height), int(point.x() // width)
        if not (0 <= week < len(weeks) and 0 <= column < 7):
            return None
        return weeks[week][column]

    def _strip_lines(self) -> tuple[int, int]:
        """How many strip items fit a line, and how many lines are drawn (all when open, a
        line more for 收起)."""
        per_line = max(1, (self.width() - 80) // STRIP_ITEM)
        lines = (len(self.strip) + per_line - 1) // per_line
        if lines <= MAX_STRIP_LINES:
            return per_line, lines
        if self.strip_open:
            return per_line, lines + (1 if len(self.strip) % per_line == 0 else 0)
        return per_line, MAX_STRIP_LINES

    def strip_height(self) -> int:
        if not self.strip:
            return 0
        return 8 + self._strip_lines()[1] * (BAR_HEIGHT + 4)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        toggle = self.toggle_rect
        if (
            toggle is not None
            and toggle.contains(event.position())
            and event.button() == Qt.MouseButton.LeftButton
        ):
            self.set_strip_open(not self.strip_open)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if self.toggle_rect is not None and self.toggle_rect.contains(event.position()):
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.hits = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._paint_strip(painter)
        top, header, width, row_height = self._grid()
        weeks = self.weeks()
        painter.setPen(QColor("#555"))
        for day in range(7):
            rect = QRectF(day * width, top, width, header)
            painter.fillRect(rect, QColor("#eef1f5"))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), f"星期{WEEKDAYS[day]}")
        for index, week in enumerate(weeks):
            y = top + header + index * row_height
            self._paint_week(painter, week, QRectF(0, y, self.width(), row_height), width)
        painter.end()

    def _paint_strip(self, painter: QPainter) -> float:
        self.toggle_rect = None
        height = self.strip_height()
        if not height:
            return 0
        painter.fillRect(QRectF(0, 0, self.width(), height), QColor("#f6f3e8"))
        painter.setPen(QColor("#6b5a2a"))
        painter.drawText(
            QRectF(6, 4, 70, BAR_HEIGHT), int(Qt.AlignmentFlag.AlignVCenter), "贯穿本月"
        )
        painter.drawText(
            QRectF(6, 4 + BAR_HEIGHT, 70, BAR_HEIGHT),
            int(Qt.AlignmentFlag.AlignVCenter),
            f"{len(self.strip)} 项",
        )
        per_line, lines = self._strip_lines()
        overflows = self.strip_overflows()
        drawn = self.strip if self.strip_open else self.strip[: per_line * lines]
        if overflows and not self.strip_open:  # the grid stays in view: the rest are counted
            drawn = drawn[:-1]
        x, y = 80.0, 4.0
        for row in drawn:
            if x + STRIP_ITEM - 4 > self.width():
                x, y = 80.0, y + BAR_HEIGHT + 4
            label = f"{row.activity.title}（{row.activity.deadline}）"
            self._bar(painter, QRectF(x, y, STRIP_ITEM - 4, BAR_HEIGHT), row, label)
            x += STRIP_ITEM
        if overflows:
            if x + STRIP_ITEM - 4 > self.width():
                x, y = 80.0, y + BAR_HEIGHT + 4
            text = (
                "收起 ▲"
                if self.strip_open
                else f"另有 {len(self.strip) - len(drawn)} 项… 展开全部 ▼"
            )
            self.toggle_rect = QRectF(x, y, STRIP_ITEM - 4, BAR_HEIGHT)
            painter.setPen(QColor("#1f5fa8"))
            font = QFont(painter.font())
            font.setUnderline(True)
            painter.setFont(font)
            painter.drawText(self.toggle_rect, int(Qt.AlignmentFlag.AlignVCenter), text)
            font.setUnderline(False)
            painter.setFont(font)
        return height

    def _paint_week(
        self, painter: QPainter, week: list[dt.date], area: QRectF, width: float
    ) -> None:
        day_font = QFont(painter.font())
        for column, day in enumerate(week):
            cell = QRectF(column * width, area.top(), width, area.height())
            special = self.special_days.get(day)
            in_month = day.month == self.month
            tint = marks.cell_tint(special)
            if tint is not None:
                painter.fillRect(cell, tint)
                if not in_month:  # the neighbouring months' days stay visibly faded
                    painter.fillRect(cell, QColor(247, 247, 247, 150))
            elif not in_month:
                painter.fillRect(cell, QColor("#f7f7f7"))
            elif column >= 5:
                painter.fillRect(cell, QColor("#fbf7f2"))
            painter.setPen(QPen(QColor("#dddddd")))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            if day == self.today:
                painter.setPen(QColor("#c00000"))
            elif not in_month:
                painter.setPen(QColor("#aaaaaa"))
            elif special is not None:
                painter.setPen(marks.ink(special))
            else:
                painter.setPen(QColor("#333333"))
            day_font.setBold(day == self.today)
            painter.setFont(day_font)
            number = str(day.day)
            painter.drawText(cell.adjusted(4, 2, -4, 0), int(Qt.AlignmentFlag.AlignLeft), number)
            if special is not None:
                number_width = painter.fontMetrics().horizontalAdvance(number)
                painter.setOpacity(1.0 if in_month else 0.45)
                marks.paint_badge(painter, cell, special, number_width)
                painter.setOpacity(1.0)
        day_font.setBold(False)
        painter.setFont(day_font)
        first, last = week[0], week[-1]
        in_week = [r for r in self.rows if r.activity.period.overlaps(first, last)]  # type: ignore[union-attr]
        periods = [
            Period(max(r.activity.period.start, first), min(r.activity.period.end, last))  # type: ignore[union-attr]
            for r in in_week
        ]
        lanes = assign_lanes(periods)
        capacity = lanes_for_bars(
            lanes, max(0, int((area.height() - DAY_HEADER - 2) // (BAR_HEIGHT + 2)))
        )
        hidden = 0
        for row, period, lane in zip(in_week, periods, lanes, strict=True):
            if lane >= capacity:
                hidden += 1
                continue
            x = (period.start - first).days * width + 2
            bar_width = period.days * width - 4
            y = area.top() + DAY_HEADER + lane * (BAR_HEIGHT + 2)
            self._bar(painter, QRectF(x, y, bar_width, BAR_HEIGHT), row, bar_label(row))
        if hidden:
            painter.setPen(QColor("#666"))
            top = area.top() + DAY_HEADER + capacity * (BAR_HEIGHT + 2)
            painter.drawText(
                QRectF(area.left(), top, area.width() - 6, BAR_HEIGHT),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                f"另有 {hidden} 项…",
            )
