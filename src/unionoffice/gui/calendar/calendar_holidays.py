"""How 法定节假日 and 调休 working days look in the calendar: 休/班 badges, tints and tooltips."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from unionoffice.domain.calendar_days import DayKind, SpecialDay, describe_day

HOLIDAY_TINT = QColor("#fdecea")
HOLIDAY_INK = QColor("#c62828")
WORKDAY_TINT = QColor("#eef3fa")
WORKDAY_INK = QColor("#4a5d78")
# The year view: a day is 2-4 pixels wide, so its tint is stronger than the month view's.
HOLIDAY_COLUMN = QColor("#f9d6d2")
WORKDAY_COLUMN = QColor("#d9e2ef")
BADGE = {DayKind.HOLIDAY: "休", DayKind.WORKDAY: "班"}
KIND_LABEL = {DayKind.HOLIDAY: "放假", DayKind.WORKDAY: "调休上班", DayKind.NORMAL: "普通日"}


def special_name(special: SpecialDay) -> str:
    """What the cell says under its badge; a 调休 day the clerk left unnamed says 调休上班."""
    if special.name:
        return special.name
    return KIND_LABEL[special.kind]


def day_tooltip(day: dt.date, special: SpecialDay | None) -> str:
    if special is None:
        return describe_day(day)
    return f"{describe_day(day)}\n{special_name(special)} · {KIND_LABEL[special.kind]}"


def cell_tint(special: SpecialDay | None) -> QColor | None:
    if special is None:
        return None
    return HOLIDAY_TINT if special.kind is DayKind.HOLIDAY else WORKDAY_TINT


def ink(special: SpecialDay | DayKind) -> QColor:
    kind = special if isinstance(special, DayKind) else special.kind
    return HOLIDAY_INK if kind is DayKind.HOLIDAY else WORKDAY_INK


def paint_badge(painter: QPainter, cell: QRectF, special: SpecialDay, number_width: float) -> None:
    """休 or 班 in the cell's top-right corner, the day's name between it and the number."""
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    badge = QRectF(cell.right() - 20, cell.top() + 3, 16, 16)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink(special))
    painter.drawRoundedRect(badge, 3, 3)
    painter.setPen(QColor("white"))
    old_font = painter.font()
    painter.setFont(font)
    painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), BADGE[special.kind])
    font.setBold(False)
    painter.setFont(font)
    name_rect = QRectF(cell.left() + 8 + number_width, cell.top() + 2, 0, 18)
    name_rect.setRight(badge.left() - 3)
    if name_rect.width() > 12:
        painter.setPen(ink(special))
        text = painter.fontMetrics().elidedText(
            special_name(special), Qt.TextElideMode.ElideRight, int(name_rect.width())
        )
        painter.drawText(
            name_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), text
        )
    painter.setFont(old_font)


def column_colour(kind: DayKind) -> QColor:
    return HOLIDAY_COLUMN if kind is DayKind.HOLIDAY else WORKDAY_COLUMN


@dataclass(frozen=True)
class Run:
    """Consecutive days of one kind: painted as one column in the year view."""

    first: dt.date
    days: int
    kind: DayKind


def runs(special_days: dict[dt.date, SpecialDay]) -> list[Run]:
    found: list[Run] = []
    for day in sorted(special_days):
        kind = special_days[day].kind
        if kind is DayKind.NORMAL:
            continue
        last = found[-1] if found else None
        if last is not None and last.kind is kind and last.first + dt.timedelta(last.days) == day:
            found[-1] = Run(last.first, last.days + 1, kind)
        else:
            found.append(Run(day, 1, kind))
    return found
