"""The values every timetable writer (PDF, spreadsheet, calendar) and the GUI preview share:
one row per activity, with the notice it comes from, and the whole table with its title."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date

from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData


class SortOrder(enum.StrEnum):
    """How rows are ordered: as the notices list them, or by the day an activity starts."""

    PLAN = "plan"
    START = "start"


class Column(enum.StrEnum):
    """Printed columns; the value is the header clerks see."""

    SEQ = "序号"
    CONTENT = "活动内容"
    DEADLINE = "完成时限"
    TIME = "时间"  # an event's times of day
    PLACE = "地点"
    LEAD = "牵头部门"
    COOPERATING = "配合部门"
    LEADER = "责任领导"
    STATUS = "进度"


BASE_COLUMNS = (Column.SEQ, Column.CONTENT, Column.DEADLINE, Column.LEAD, Column.COOPERATING)
MONTH_HEADERS = tuple(f"{month}月" for month in range(1, 13))
DEPARTMENT_SEPARATOR = "、"


@dataclass(frozen=True)
class NoticeRef:
    """What a row needs to say about the notice it comes from."""

    id: int | None
    doc_number: str | None
    title: str
    date: date | None
    year: int

    @classmethod
    def of(cls, notice: NoticeData) -> NoticeRef:
        return cls(notice.id, notice.doc_number, notice.title, notice.date, notice.plan_year)

    @property
    def label(self) -> str:
        """The 文号, or the title while the notice has none."""
        return self.doc_number or self.title


@dataclass(frozen=True)
class TimetableRow:
    """One activity of one notice; ``position`` is its 1-based place in the notice's plan."""

    notice: NoticeRef
    position: int
    activity: ActivityData

    @property
    def period(self) -> Period | None:
        return self.activity.period

    @property
    def times_text(self) -> str:
        """ "14:30—16:30", "9:30", or "" for a task."""
        return self.period.times_text if self.period is not None else ""

    @property
    def lead_text(self) -> str:
        return DEPARTMENT_SEPARATOR.join(self.activity.lead)

    @property
    def cooperating_text(self) -> str:
        return DEPARTMENT_SEPARATOR.join(self.activity.cooperating)

    @property
    def content(self) -> tuple[str, str]:
        """The activity's title and the rest of its description, without repeating the title."""
        title = self.activity.title.strip()
        text = self.activity.text.strip()
        if title and text.startswith(title):
            text = text[len(title) :].lstrip("。．.，,;；:： ")
        if not title:
            return text, ""
        return title, text


@dataclass(frozen=True)
class Timetable:
    """A titled list of rows, ready for any writer.

    ``year`` is the year the month grid shows; ``subtitle`` carries the 文号 and date of a
    single notice, or what a multi-notice table covers; ``scope`` describes the filters.
    """

    title: str
    subtitle: str
    scope: str
    year: int
    rows: tuple[TimetableRow, ...]

    @property
    def notices(self) -> tuple[NoticeRef, ...]:
        """The notices that have rows, in the order of their first row."""
        return tuple(dict.fromkeys(row.notice for row in self.rows))

    @property
    def spans_notices(self) -> bool:
        return len(self.notices) > 1

    @property
    def columns(self) -> tuple[Column, ...]:
        """The base columns, plus 时间 and 地点 after 完成时限 and 责任领导 and 进度 at the end,
        each when any row has one."""
        columns = list(BASE_COLUMNS)
        at = columns.index(Column.DEADLINE) + 1
        if any(row.period is not None and row.period.timed for row in self.rows):
            columns.insert(at, Column.TIME)
            at += 1
        if any(row.activity.place for row in self.rows):
            columns.insert(at, Column.PLACE)
        if any(row.activity.leader for row in self.rows):
            columns.append(Column.LEADER)
        if any(row.activity.status is not ActivityStatus.NOT_STARTED for row in self.rows):
            columns.append(Column.STATUS)
        return tuple(columns)


def months_covered(period: Period | None, year: int) -> tuple[int, int] | None:
    """The first and last month (1..12) of ``year`` that ``period`` touches, or None."""
    if period is None or period.end.year < year or period.start.year > year:
        return None
    first = 1 if period.start.year < year else period.start.month
    last = 12 if period.end.year > year else period.end.month
    return first, last


_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n"})
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text without control characters (Word's manual line break becomes a newline), which
    PDF fonts, spreadsheet XML and calendar files all refuse."""
    return _CONTROL_RE.sub("", text.translate(_LINE_BREAKS))


def format_chinese_date(day: date) -> str:
    """2021年4月2日, as dates are written in notices."""
    return f"{day.year}年{day.month}月{day.day}日"
