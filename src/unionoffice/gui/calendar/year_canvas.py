"""The calendar's year chart: 12 months across, one activity a line (like a Gantt chart)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from unionoffice.domain.deadline import month_end
from unionoffice.gui.calendar import calendar_holidays as marks
from unionoffice.gui.calendar.calendar_canvas import Canvas, Hit
from unionoffice.storage.services.activities import ActivityRow
from unionoffice.storage.services.calendar_days import SpecialDay


class YearCanvas(Canvas):
    """12 months across, one activity per line, a bar over its period (like a Gantt chart)."""

    LABEL_WIDTH = 300
    LINE = 22
    HEADER = 26

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year

    def set_year(
        self,
        year: int,
        rows: list[ActivityRow],
        special_days: dict[dt.date, SpecialDay] | None = None,
    ) -> None:
        self.year = year
        self.special_days = special_days or {}
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
        self._paint_special_days(painter, event.rect(), x_of, chart / span)
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
            self.hits.append(Hit(label_rect, row))
            self._bar(painter, self._bar_rect(index), row, row.activity.deadline)
        painter.end()

    def _paint_special_days(
        self, painter: QPainter, area: QRect, x_of: Callable[[dt.date], float], day_width: float
    ) -> None:
        """A tinted column down the chart for each run of special days (a whole 春节 is one),
        and a tick under the month names."""
        top, bottom = float(max(area.top(), self.HEADER)), float(area.bottom() + 1)
        for run in marks.runs(self.special_days):
            x = x_of(run.first)
            width = max(day_width * run.days, 2.0)  # visible however narrow the window
            painter.fillRect(QRectF(x, top, width, bottom - top), marks.column_colour(run.kind))
            if area.top() < self.HEADER:
                painter.fillRect(QRectF(x, self.HEADER - 5, width, 4), marks.ink(run.kind))

    def day_at(self, point: QPointF) -> dt.date | None:
        """The day under ``point`` in the month header, where its 休/班 tick is."""
        chart = self.width() - self.LABEL_WIDTH - 8
        if point.y() >= self.HEADER or point.x() < self.LABEL_WIDTH or chart <= 0:
            return None
        first = dt.date(self.year, 1, 1)
        span = (dt.date(self.year, 12, 31) - first).days + 1
        offset = int((point.x() - self.LABEL_WIDTH) * span // chart)
        if not 0 <= offset < span:
            return None
        day = first + dt.timedelta(days=offset)
        # A day is a few pixels wide: the tick of one a pixel away counts too.
        for near in (day, day - dt.timedelta(days=1), day + dt.timedelta(days=1)):
            if near in self.special_days:
                return near
        return day

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
