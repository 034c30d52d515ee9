"""What import understood of a notice, for the clerk to check before relying on it: the 文号,
title, date and number of activities, and what looks doubtful (activities without dates,
departments not on the organ's list)."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.doc_number import parse_doc_number, validate_year
from unionoffice.domain.notice import NoticeData, NoticeStatus

_LISTED = 8  # items named in one warning; more are counted


@dataclass(frozen=True)
class ImportedFacts:
    """The facts of an imported notice a clerk checks first."""

    doc_number: str | None
    title: str
    date: dt.date | None
    year: int | None
    activity_count: int
    series_code: str | None = None  # the 文号's 机关代字, when it has one

    @property
    def register(self) -> tuple[str, int] | None:
        """The (机关代字, year) register the notice's 文号 was entered in, if numbered."""
        if self.doc_number is None or self.series_code is None or self.year is None:
            return None
        return self.series_code, self.year

    @classmethod
    def of(cls, notice: NoticeData) -> ImportedFacts:
        return cls(
            series_code=notice.series_code,
            doc_number=notice.doc_number,
            title=notice.title,
            date=notice.date,
            year=notice.year,
            activity_count=len(notice.activities),
        )


def undated_activities(notice: NoticeData) -> list[str]:
    """A warning naming the activities whose 完成时限/时间 gives no dates (the calendar and
    the timetables leave them out), when the notice's year is known (else that is said)."""
    if notice.year is None:
        return []
    undated = [n for n, a in enumerate(notice.activities, start=1) if a.period is None]
    if not undated:
        return []
    return [f"{len(undated)} 项活动没有可推算的日期（{_items(undated)}），日历和安排表中不显示"]


def unlisted_departments(notice: NoticeData, listed: Sequence[str]) -> list[str]:
    """A warning naming the 牵头/配合 departments not on the organ's list ``listed`` (they are
    kept as written); nothing when the organ has no list."""
    if not listed:
        return []
    known = set(listed)
    names = (n for a in notice.activities for n in (*a.lead, *a.cooperating))
    unknown = [n for n in dict.fromkeys(names) if n.strip() and n not in known]
    if not unknown:
        return []
    shown = "、".join(unknown[:_LISTED])
    if len(unknown) > _LISTED:
        shown += f"等 {len(unknown)} 个"
    return [f"部门不在本机关的部门列表中：{shown}（已按原文保留，请核对）"]


def matched_departments(matched: Sequence[tuple[str, str]]) -> list[str]:
    """A note of the departments written otherwise and stored as the listed ones."""
    if not matched:
        return []
    shown = "、".join(f"{written}→{listed}" for written, listed in matched[:_LISTED])
    if len(matched) > _LISTED:
        shown += f"等 {len(matched)} 个"
    return [f"部门名称已对应为本机关的部门：{shown}（可在 设置 → 机关与部门 中修改别名）"]


def _items(numbers: list[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:_LISTED])
    return f"第 {shown}{' 等' if len(numbers) > _LISTED else ''} 项"


def corrected(
    notice: NoticeData,
    *,
    title: str,
    doc_number: str,
    date: dt.date | None,
    year: int | None,
) -> NoticeData:
    """A copy of ``notice`` with the title, 文号 ("" for none), 成文日期 and year the clerk
    corrected; the year follows the 文号, else the date, else ``year``; activity periods are
    read again in it. Raises DocNumberError (a UnionOfficeError) for a 文号 that is not one.
    """
    result = copy.deepcopy(notice)
    result.title = title.strip() or notice.title
    result.date = date
    if doc_number.strip():
        result.set_doc_number(parse_doc_number(doc_number))
        result.status = NoticeStatus.ISSUED
    else:
        result.number = None
        result.status = NoticeStatus.DRAFT
        result.year = date.year if date is not None else year
    if result.year is not None:
        validate_year(result.year)
        for activity in result.activities:
            activity.with_parsed_period(result.year, not_before=result.date)
    else:
        for activity in result.activities:
            activity.period = None
    return result
