"""日历: activities as bars across their periods, a month at a time or a whole year (Gantt).

Items that cover the whole month (全年, 上半年 …) go in a strip above the month grid so the
days stay readable. Clicking an item asks the window to show it in its notice's table.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.deadline import Period, month_end
from unionoffice.gui.activity_model import NAME_SEPARATOR, format_period
from unionoffice.storage.services.activities import (
    ActivityFilter,
    ActivityQueryService,
    ActivityRow,
)

ALL_DEPARTMENTS = "全部部门"
WEEKDAYS = "一二三四五六日"
PALETTE = [
    "#4e79a7", "#f28e2b", "#59a14f", "#b6992d", "#499894", "#e15759",
    "#79706e", "#d37295", "#b07aa1", "#9d7660", "#2f6f9f", "#8c6d31",
]  # fmt: skip
BAR_HEIGHT = 18
MAX_STRIP_LINES = 3  # of items that run through the whole month, above the grid


def department_colour(row: ActivityRow) -> QColor:
    """One colour per lead department, the same on every start."""
    name = row.activity.lead[0] if row.activity.lead else ""
    return QColor(PALETTE[zlib.crc32(name.encode()) % len(PALETTE)])


def tooltip_text(row: ActivityRow) -> str:
    activity = row.activity
    lines = [activity.title, f"完成时限：{activity.deadline}（{format_period(activity.period)}）"]
    if activity.lead:
        lines.append(f"牵头：{NAME_SEPARATOR.join(activity.lead)}")
    if activity.cooperating:
        lines.append(f"配合：{NAME_SEPARATOR.join(activity.cooperating)}")
    lines.append(f"{row.doc_number or '草稿'}　{row.notice_title}")
    return "\n".join(lines)


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


@dataclass
class _Hit:
    rect: QRectF
    row: ActivityRow


class _Canvas(QWidget):
    """Common to both views: the rows shown, hit testing, tooltips, clicks."""

    clicked = Signal(object)  # ActivityRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ActivityRow] = []
        self.hits: list[_Hit] = []
        self.setMouseTracking(True)

    def row_at(self, point: QPointF) -> ActivityRow | None:
        for hit in reversed(self.hits):
            if hit.rect.contains(point):
                return hit.row
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position())
        if row is not None and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(row)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        over = self.row_at(event.position()) is not None
        self.setCursor(Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self.row_at(QPointF(event.pos()))
            if row is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(row), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _bar(self, painter: QPainter, rect: QRectF, row: ActivityRow, text: str) -> None:
        colour = department_colour(row)
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
        self.hits.append(_Hit(rect, row))


class MonthCanvas(_Canvas):
    """A month grid (Monday first) with bars; whole-month items in a strip above it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year, self.month = dt.date.today().year, dt.date.today().month
        self.today = dt.date.today()

    def set_month(self, year: int, month: int, rows: list[ActivityRow]) -> None:
        self.year, self.month = year, month
        first, last = dt.date(year, month, 1), month_end(year, month)
        self.strip = [
            r for r in rows if r.activity.period and r.activity.period.start <= first
            and r.activity.period.end >= last
        ]  # fmt: skip
        in_strip = {id(r) for r in self.strip}  # by identity: comparing rows field by field is slow
        self.rows = [r for r in rows if id(r) not in in_strip and r.activity.period is not None]
        self.rows.sort(key=lambda r: (r.activity.period.start, -r.activity.period.days))  # type: ignore[union-attr]
        self.update()

    def weeks(self) -> list[list[dt.date]]:
        return calendar.Calendar(firstweekday=0).monthdatescalendar(self.year, self.month)

    def _strip_lines(self) -> tuple[int, int]:
        """How many strip items fit a line, and how many lines are drawn."""
        per_line = max(1, (self.width() - 80) // 190)
        lines = (len(self.strip) + per_line - 1) // per_line
        return per_line, min(lines, MAX_STRIP_LINES)

    def strip_height(self) -> int:
        if not getattr(self, "strip", None):
            return 0
        return 8 + self._strip_lines()[1] * (BAR_HEIGHT + 4)

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.hits = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        top = self._paint_strip(painter)
        header = 24
        weeks = self.weeks()
        width = self.width() / 7
        row_height = (self.height() - top - header) / len(weeks)
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
        height = self.strip_height()
        if not height:
            return 0
        painter.fillRect(QRectF(0, 0, self.width(), height), QColor("#f6f3e8"))
        painter.setPen(QColor("#6b5a2a"))
        painter.drawText(
            QRectF(6, 4, 70, BAR_HEIGHT), int(Qt.AlignmentFlag.AlignVCenter), "贯穿本月"
        )
        per_line, lines = self._strip_lines()
        drawn = self.strip[: per_line * lines]
        if len(drawn) < len(self.strip):  # the grid stays in view: the rest are counted
            drawn = drawn[:-1]
        x, y = 80.0, 4.0
        for row in drawn:
            if x + 186 > self.width():
                x, y = 80.0, y + BAR_HEIGHT + 4
            label = f"{row.activity.title}（{row.activity.deadline}）"
            self._bar(painter, QRectF(x, y, 186, BAR_HEIGHT), row, label)
            x += 190
        if len(drawn) < len(self.strip):
            painter.setPen(QColor("#6b5a2a"))
            painter.drawText(
                QRectF(x, y, 186, BAR_HEIGHT),
                int(Qt.AlignmentFlag.AlignVCenter),
                f"另有 {len(self.strip) - len(drawn)} 项贯穿本月…",
            )
        return height

    def _paint_week(
        self, painter: QPainter, week: list[dt.date], area: QRectF, width: float
    ) -> None:
        day_font = QFont(painter.font())
        for column, day in enumerate(week):
            cell = QRectF(column * width, area.top(), width, area.height())
            if day.month != self.month:
                painter.fillRect(cell, QColor("#f7f7f7"))
            elif column >= 5:
                painter.fillRect(cell, QColor("#fbf7f2"))
            painter.setPen(QPen(QColor("#dddddd")))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(cell)
            painter.setPen(QColor("#c00000") if day == self.today else (
                QColor("#aaaaaa") if day.month != self.month else QColor("#333333")
            ))  # fmt: skip
            day_font.setBold(day == self.today)
            painter.setFont(day_font)
            painter.drawText(
                cell.adjusted(4, 2, -4, 0), int(Qt.AlignmentFlag.AlignLeft), str(day.day)
            )
        day_font.setBold(False)
        painter.setFont(day_font)
        first, last = week[0], week[-1]
        in_week = [r for r in self.rows if r.activity.period.overlaps(first, last)]  # type: ignore[union-attr]
        periods = [
            Period(max(r.activity.period.start, first), min(r.activity.period.end, last))  # type: ignore[union-attr]
            for r in in_week
        ]
        lanes = assign_lanes(periods)
        capacity = max(0, int((area.height() - 22) // (BAR_HEIGHT + 2)))
        hidden = 0
        for row, period, lane in zip(in_week, periods, lanes, strict=True):
            if lane >= capacity:
                hidden += 1
                continue
            x = (period.start - first).days * width + 2
            bar_width = period.days * width - 4
            y = area.top() + 20 + lane * (BAR_HEIGHT + 2)
            self._bar(painter, QRectF(x, y, bar_width, BAR_HEIGHT), row, row.activity.title)
        if hidden:
            painter.setPen(QColor("#666"))
            painter.drawText(
                area.adjusted(0, 0, -6, -2),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"另有 {hidden} 项…",
            )


class YearCanvas(_Canvas):
    """12 months across, one activity per line, a bar over its period (like a Gantt chart)."""

    LABEL_WIDTH = 300
    LINE = 22
    HEADER = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year

    def set_year(self, year: int, rows: list[ActivityRow]) -> None:
        self.year = year
        self.rows = sorted(
            (r for r in rows if r.activity.period is not None),
            key=lambda r: (r.activity.period.start, r.activity.period.end),  # type: ignore[union-attr]
        )
        self.setMinimumHeight(self.HEADER + self.LINE * len(self.rows) + 4)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(900, self.HEADER + self.LINE * max(len(self.rows), 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        self.hits = []
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        span = (last - first).days + 1
        chart = self.width() - self.LABEL_WIDTH - 8

        def x_of(day: dt.date) -> float:
            return self.LABEL_WIDTH + chart * (day - first).days / span

        for month in range(1, 13):
            left, right = x_of(dt.date(self.year, month, 1)), x_of(month_end(self.year, month))
            right += chart / span
            if month % 2 == 0:
                painter.fillRect(QRectF(left, 0, right - left, self.height()), QColor("#f6f8fb"))
            painter.setPen(QColor("#555"))
            painter.drawText(
                QRectF(left, 0, right - left, self.HEADER),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{month}月",
            )
            painter.setPen(QPen(QColor("#e2e2e2")))
            painter.drawLine(QPointF(left, 0), QPointF(left, self.height()))
        if first <= dt.date.today() <= last:
            painter.setPen(QPen(QColor("#c00000"), 1, Qt.PenStyle.DashLine))
            today_x = x_of(dt.date.today())
            painter.drawLine(QPointF(today_x, 0), QPointF(today_x, self.height()))
        # Only the lines in the area being painted (the canvas scrolls; a year holds thousands).
        area = event.rect()
        first_line = max(0, (area.top() - self.HEADER) // self.LINE)
        last_line = min(len(self.rows), (area.bottom() - self.HEADER) // self.LINE + 1)
        for index in range(first_line, last_line):
            row = self.rows[index]
            y = self.HEADER + index * self.LINE
            period = row.activity.period
            assert period is not None
            painter.setPen(QColor("#333"))
            label = painter.fontMetrics().elidedText(
                f"{row.activity.title}", Qt.TextElideMode.ElideRight, self.LABEL_WIDTH - 12
            )
            label_rect = QRectF(6, y, self.LABEL_WIDTH - 12, self.LINE)
            painter.drawText(label_rect, int(Qt.AlignmentFlag.AlignVCenter), label)
            self.hits.append(_Hit(label_rect, row))
            self._bar(painter, self._bar_rect(index), row, row.activity.deadline)
        painter.end()

    def _bar_rect(self, index: int) -> QRectF:
        """Where line ``index``'s bar goes: across its period, clipped to the year."""
        period = self.rows[index].activity.period
        assert period is not None
        first, last = dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        span = (last - first).days + 1
        chart = self.width() - self.LABEL_WIDTH - 8
        x = self.LABEL_WIDTH + chart * (max(period.start, first) - first).days / span
        end = self.LABEL_WIDTH + chart * ((min(period.end, last) - first).days + 1) / span
        y = self.HEADER + index * self.LINE
        return QRectF(x, y + 2, max(4.0, end - x), self.LINE - 4)

    def row_at(self, point: QPointF) -> ActivityRow | None:
        """By geometry: a partial repaint (scrolling) records only the lines it drew."""
        index = int((point.y() - self.HEADER) // self.LINE)
        if point.y() < self.HEADER or not 0 <= index < len(self.rows):
            return None
        label = QRectF(6, self.HEADER + index * self.LINE, self.LABEL_WIDTH - 12, self.LINE)
        if label.contains(point) or self._bar_rect(index).contains(point):
            return self.rows[index]
        return None


class CalendarView(QWidget):
    """The 日历 tab: month or year, previous/next, department filter."""

    activity_clicked = Signal(int, int)  # notice id, position in that notice

    def __init__(
        self,
        service: ActivityQueryService,
        department_names: Sequence[str] = (),
        parent: QWidget | None = None,
        *,
        start: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.month_canvas = MonthCanvas(self)
        self.year_canvas = YearCanvas(self)
        for canvas in (self.month_canvas, self.year_canvas):
            canvas.clicked.connect(self._on_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.year_canvas)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.month_canvas)
        self.stack.addWidget(scroll)

        self.previous_button = QPushButton("◀", self)
        self.next_button = QPushButton("▶", self)
        self.today_button = QPushButton("本月", self)
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.month_button = QPushButton("月视图", self)
        self.year_button = QPushButton("年视图", self)
        self.mode_group = QButtonGroup(self)
        for index, button in enumerate((self.month_button, self.year_button)):
            button.setCheckable(True)
            self.mode_group.addButton(button, index)
        self.month_button.setChecked(True)
        self.department = QComboBox(self)
        self.department.addItems([ALL_DEPARTMENTS, *department_names])
        self.count_label = QLabel(self)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.mode_group.idClicked.connect(self._on_mode)
        self.department.currentTextChanged.connect(lambda _t: self.reload())

        bar = QHBoxLayout()
        for widget in (self.previous_button, self.title_label, self.next_button, self.today_button):
            bar.addWidget(widget)
        bar.addSpacing(16)
        bar.addWidget(self.month_button)
        bar.addWidget(self.year_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel("部门："))
        bar.addWidget(self.department)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        start = start or self._default_start()
        self.year, self.month = start.year, start.month
        self.reload()

    def _default_start(self) -> dt.date:
        """This month, or the start of the latest plan when nothing falls in this year."""
        today = dt.date.today()
        first, last = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
        if self.service.count(ActivityFilter(first=first, last=last)):
            return today
        latest = self.service.rows(limit=1)
        if latest and latest[0].activity.period is not None:
            return latest[0].activity.period.start
        return today

    @property
    def is_year_view(self) -> bool:
        return self.stack.currentIndex() == 1

    def department_filter(self) -> str | None:
        text = self.department.currentText()
        return None if text == ALL_DEPARTMENTS else text

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.reload()

    def step(self, direction: int) -> None:
        if self.is_year_view:
            self.year += direction
        else:
            total = self.year * 12 + self.month - 1 + direction
            self.year, self.month = divmod(total, 12)
            self.month += 1
        self.reload()

    def go_today(self) -> None:
        today = dt.date.today()
        self.set_month(today.year, today.month)

    def _on_mode(self, mode: int) -> None:
        self.stack.setCurrentIndex(mode)
        self.today_button.setText("今年" if mode == 1 else "本月")
        self.reload()

    def reload(self) -> None:
        department = self.department_filter()
        if self.is_year_view:
            rows = self.service.in_period(
                dt.date(self.year, 1, 1), dt.date(self.year, 12, 31), department
            )
            self.year_canvas.set_year(self.year, rows)
            self.title_label.setText(f"{self.year}年")
        else:
            first = dt.date(self.year, self.month, 1)
            rows = self.service.in_period(first, month_end(self.year, self.month), department)
            self.month_canvas.set_month(self.year, self.month, rows)
            self.title_label.setText(f"{self.year}年{self.month}月")
        self.count_label.setText(f"共 {len(rows)} 项活动")

    def shown_rows(self) -> list[ActivityRow]:
        if self.is_year_view:
            return list(self.year_canvas.rows)
        return [*self.month_canvas.strip, *self.month_canvas.rows]

    def _on_clicked(self, row: ActivityRow) -> None:
        self.activity_clicked.emit(row.notice_id, row.position)

    def shutdown(self) -> None:
        """Nothing runs in the background; kept so the window can stop views uniformly."""
