"""Which activities a timetable shows and in what order: pure functions over domain values.

The same ``TimetableFilter`` drives the PDF, the spreadsheet, the calendar file and the GUI's
print preview. "Today" is always passed in, never read from the clock here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, time

from unionoffice.domain.deadline import month_end
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.domain.text import collapse_spaces
from unionoffice.exporting.timetable.model import (
    NoticeRef,
    SortOrder,
    Timetable,
    TimetableRow,
)
from unionoffice.exporting.timetable.titles import describe_scope, subtitle_for, title_for


@dataclass(frozen=True)
class TimetableFilter:
    """The clerk's choices.

    - ``department``: only activities of this department: as lead (``lead_only``) or as lead or
      cooperating department.
    - ``year`` / ``month`` (year, month): only activities whose period touches that year or
      month (全年 items touch every month of their year); for ``year`` also the undated
      activities of that year's notices.
    - ``overdue_on``: only activities whose period ended before that day and are not 已完成.
    - ``sort``: plan order (notice by notice, as written) or by start date.

    Activities whose 完成时限 names no dates sort last by start date and pass no month or
    overdue filter.
    """

    department: str | None = None
    lead_only: bool = False
    year: int | None = None
    month: tuple[int, int] | None = None
    overdue_on: date | None = None
    sort: SortOrder = SortOrder.PLAN

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month[1] <= 12:
            raise ValueError(f"no month {self.month[1]}")


def same_department(first: str, second: str) -> bool:
    """Department names compare without spaces and with full- and half-width forms alike."""
    return _department_key(first) == _department_key(second)


def _department_key(name: str) -> str:
    return unicodedata.normalize("NFKC", collapse_spaces(name))


def involves(activity: ActivityData, department: str, *, lead_only: bool = False) -> bool:
    """Whether ``department`` leads the activity (or, unless ``lead_only``, cooperates in it)."""
    key = _department_key(department)
    names = activity.lead if lead_only else [*activity.lead, *activity.cooperating]
    return any(_department_key(name) == key for name in names)


def is_overdue(activity: ActivityData, today: date) -> bool:
    """Its period ended before ``today`` and it is not 已完成."""
    period = activity.period
    return period is not None and period.end < today and activity.status is not ActivityStatus.DONE


def touches(activity: ActivityData, first: date, last: date) -> bool:
    """Whether the activity's period overlaps the days ``first``..``last``."""
    return activity.period is not None and activity.period.overlaps(first, last)


def matches(activity: ActivityData, flt: TimetableFilter, *, plan_year: int | None = None) -> bool:
    """Whether one activity (of a notice of ``plan_year``) passes every choice of ``flt``.

    An activity with no dates passes the year filter when its notice is of that year.
    """
    if flt.department and not involves(activity, flt.department, lead_only=flt.lead_only):
        return False
    if flt.year is not None:
        in_year = touches(activity, date(flt.year, 1, 1), date(flt.year, 12, 31))
        if not in_year and (activity.period is not None or plan_year != flt.year):
            return False
    if flt.month is not None:
        year, month = flt.month
        if not touches(activity, date(year, month, 1), month_end(year, month)):
            return False
    return flt.overdue_on is None or is_overdue(activity, flt.overdue_on)


def select_rows(notices: Iterable[NoticeData], flt: TimetableFilter) -> list[TimetableRow]:
    """The rows of ``notices`` that pass ``flt``, in the order it asks for."""
    rows = [
        TimetableRow(ref, position, activity)
        for notice in notices
        for ref in (NoticeRef.of(notice),)
        for position, activity in enumerate(notice.activities, start=1)
        if matches(activity, flt, plan_year=ref.year)
    ]
    if flt.sort is SortOrder.START:
        rows.sort(key=_start_key)  # stable: plan order breaks ties
    return rows


def _start_key(row: TimetableRow) -> tuple[bool, date, date, time]:
    """By the first day, the shorter first, then events by the hour they start."""
    period = row.period
    if period is None:
        return True, date.max, date.max, time.max
    return False, period.start, period.end, period.start_time or period.end_time or time.max


def build_timetable(
    notices: Sequence[NoticeData],
    flt: TimetableFilter | None = None,
    *,
    title: str | None = None,
) -> Timetable:
    """Select the rows of ``notices`` and give the table its title, subtitle and grid year."""
    flt = flt or TimetableFilter()
    rows = tuple(select_rows(notices, flt))
    return Timetable(
        title=title or title_for(notices, flt),
        subtitle=subtitle_for(notices, len(rows)),
        scope=describe_scope(flt),
        year=grid_year(notices, flt),
        rows=rows,
    )


def grid_year(notices: Sequence[NoticeData], flt: TimetableFilter) -> int:
    """The year a month grid shows: the one asked for, else the notices' most common year."""
    if flt.month is not None:
        return flt.month[0]
    if flt.year is not None:
        return flt.year
    years = [notice.plan_year for notice in notices]
    if not years:
        raise ValueError("a timetable needs a year or at least one notice")
    return max(sorted(set(years)), key=years.count)
