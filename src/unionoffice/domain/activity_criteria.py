"""Which activities a clerk wants to see: by department, by month and by 进度.

The notice's table filters its rows in memory with ``matches``; the 全部活动 table asks the
database the same question (ActivityQueryService), and the tests hold the two to one answer.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.deadline import Period, month_end
from unionoffice.domain.notice import ActivityData, ActivityStatus


@dataclass(frozen=True)
class ActivityCriteria:
    """Empty fields match everything.

    - ``department``: named as 牵头 or 配合 (exactly as written).
    - ``month``: 1–12; the activity's period overlaps that month of some year.
    - ``status``: the activity's 进度.
    - ``overdue``: past the end of its period and not 已完成.
    """

    department: str | None = None
    month: int | None = None
    status: ActivityStatus | None = None
    overdue: bool = False

    def __post_init__(self) -> None:
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"a month is 1..12, not {self.month}")

    @property
    def is_empty(self) -> bool:
        return self == ActivityCriteria()


def overlaps_month(period: Period, month: int) -> bool:
    """Whether some day of ``period`` falls in ``month`` (of any year)."""
    for year in range(period.start.year, period.end.year + 1):
        if period.overlaps(dt.date(year, month, 1), month_end(year, month)):
            return True
    return False


def is_overdue(activity: ActivityData, period: Period | None, today: dt.date) -> bool:
    return period is not None and period.end < today and activity.status is not ActivityStatus.DONE


def matches(
    activity: ActivityData, period: Period | None, criteria: ActivityCriteria, today: dt.date
) -> bool:
    """Whether the activity (whose 完成时限 reads as ``period``) meets every criterion."""
    if criteria.department and criteria.department not in (*activity.lead, *activity.cooperating):
        return False
    if criteria.month is not None and (
        period is None or not overlaps_month(period, criteria.month)
    ):
        return False
    if criteria.status is not None and activity.status is not criteria.status:
        return False
    return not (criteria.overdue and not is_overdue(activity, period, today))


@dataclass(frozen=True)
class ActivityRow:
    """One activity with the notice it belongs to; ``position`` is its row in that notice."""

    notice_id: int
    position: int
    doc_number: str | None
    notice_title: str
    activity: ActivityData
    notice_version: int | None = None  # what an edit of this row must find (update_activity)
    notice_date: dt.date | None = None  # the 成文日期 (a period before it is flagged)
    notice_year: int | None = None


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities to show: by department (lead or cooperating), by dates, by month of
    any year, by 进度, and those past their end and not done on ``overdue_on``."""

    department: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    month: int | None = None
    status: ActivityStatus | None = None
    overdue_on: dt.date | None = None


class ActivityOrder(enum.Enum):
    """Orders of the 全部活动 table; NOTICE is newest notice first, then each plan's order."""

    NOTICE = "notice"
    NUMBER = "number"
    TITLE = "title"
    PERIOD = "period"
    LEAD = "lead"
    COOPERATING = "cooperating"
    LEADER = "leader"
    STATUS = "status"
    TIME = "time"  # the time of day an event starts, then its day
    PLACE = "place"
    PARTICIPANTS = "participants"
    PERSON = "person"  # 责任人


@dataclass(frozen=True)
class ActivityPage:
    """A page of the 全部活动 table as read, and where the next page starts.

    ``last_key`` is the sort key of the page's last row, as the database compares it; pass it
    back as ``after`` to read the rows that follow without counting past the earlier ones
    (key-set paging). It is opaque outside the service; None for an empty page.
    """

    rows: Sequence[ActivityRow | None]  # read when first looked at; None: deleted since
    notice_ids: Sequence[int]  # of each row, without making it
    last_key: tuple[object, ...] | None
