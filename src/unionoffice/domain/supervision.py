"""督办: the activities due in the next days or overdue, by 牵头部门, as the office follows
them up, prints them and sends each department its list.

These are the values the 督办 view, its printed list and its Excel sheet share; the storage
layer reads them (storage/services/supervision.py) and nothing here knows of a database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from unionoffice.domain.deadline_year import before_notice
from unionoffice.domain.notice import ActivityData, ActivityStatus

NO_LEAD = "（未定牵头部门）"
DEFAULT_DAYS = 14


@dataclass(frozen=True)
class SupervisionQuery:
    """Which activities the 督办 view lists on ``today``: those ending within ``days`` days,
    and those already past their end (back to ``overdue_since``, or all with None); done
    ones only when ``include_done``; of one 牵头部门 when ``department`` is set."""

    today: dt.date
    days: int = DEFAULT_DAYS
    overdue_since: dt.date | None = None
    include_done: bool = False
    department: str | None = None

    def __post_init__(self) -> None:
        if self.days < 0:
            raise ValueError(f"days ahead must be 0 or more, not {self.days}")

    @property
    def last_day(self) -> dt.date:
        return self.today + dt.timedelta(days=self.days)


@dataclass(frozen=True)
class FollowUp:
    """What the 督办 view edits of an activity: its 进度 and the 督办情况 note."""

    status: ActivityStatus
    note: str = ""

    @classmethod
    def of(cls, activity: ActivityData) -> FollowUp:
        return cls(activity.status, activity.supervision_note)


@dataclass(frozen=True)
class SupervisionItem:
    """One activity as the 督办 list shows it, with the notice it comes from."""

    notice_id: int
    position: int  # the activity's place in its notice's plan
    doc_number: str | None
    notice_title: str
    notice_year: int | None
    notice_date: dt.date | None
    activity: ActivityData = field(compare=False)

    @property
    def notice_text(self) -> str:
        return self.doc_number or f"〔草稿〕{self.notice_title}"

    @property
    def lead(self) -> str:
        return "、".join(self.activity.lead) or NO_LEAD

    @property
    def end(self) -> dt.date | None:
        period = self.activity.period
        return period.end if period is not None else None

    @property
    def date_doubtful(self) -> bool:
        """Its period ends before the notice was written (probably the next year's)."""
        return before_notice(self.activity.period, self.notice_date)

    def days_left(self, today: dt.date) -> int | None:
        end = self.end
        return None if end is None else (end - today).days

    def urgency(self, today: dt.date) -> str:
        """ "逾期 5 天", "今天到期", "还有 3 天", or "已完成"."""
        if self.activity.status is ActivityStatus.DONE:
            return "已完成"
        left = self.days_left(today)
        if left is None:
            return ""
        if left < 0:
            return f"逾期 {-left} 天"
        return "今天到期" if left == 0 else f"还有 {left} 天"

    def overdue(self, today: dt.date) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0 and self.activity.status is not ActivityStatus.DONE


def group_by_lead(
    items: Iterable[SupervisionItem], only: str | None = None
) -> list[tuple[str, list[SupervisionItem]]]:
    """The items under each 牵头部门 (an item with two lead departments under both), the
    departments in name order with those without one last; each group by end date. With
    ``only``, the group of that department alone."""
    groups: dict[str, list[SupervisionItem]] = {}
    for item in items:
        for name in item.activity.lead or [NO_LEAD]:
            if only is None or name == only:
                groups.setdefault(name, []).append(item)
    far = dt.date.max
    return [
        (name, sorted(groups[name], key=lambda i: (i.end or far, i.notice_id, i.position)))
        for name in sorted(groups, key=lambda n: (n == NO_LEAD, n))
    ]


def supervision_title(today: dt.date, department: str | None = None) -> str:
    who = f"{department}　" if department else ""
    return f"{who}督办事项清单（{today.year}年{today.month}月{today.day}日）"


def count_text(items: Sequence[SupervisionItem], today: dt.date) -> str:
    overdue = sum(1 for item in items if item.overdue(today))
    return f"共 {len(items)} 项" + (f"，逾期 {overdue} 项" if overdue else "")
