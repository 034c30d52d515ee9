"""Activities across notices, for the 全部活动 table and the calendar: counted, paged, by period.

Editing happens on the notice (NoticeService.update), so an open notice has one version to
check; this module only reads.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.orm import selectinload

from unionoffice.domain.doc_number import format_doc_number
from unionoffice.domain.notice import ActivityData
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import activity_to_data
from unionoffice.storage.models import Activity, ActivityDepartment, DocNumberSeries, Notice


@dataclass(frozen=True)
class ActivityRow:
    """One activity with the notice it belongs to; ``position`` is its row in that notice."""

    notice_id: int
    position: int
    doc_number: str | None
    notice_title: str
    activity: ActivityData


@dataclass(frozen=True)
class ActivityFilter:
    """Which activities to show: by department (lead or cooperating) and by dates."""

    department: str | None = None
    first: dt.date | None = None
    last: dt.date | None = None


class ActivityQueryService:
    """Reads activities of notices not in the 回收站, in notice order then plan order."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _query(self, where: ActivityFilter) -> Select[Activity]:
        query = (
            select(Activity)
            .join(Notice, Activity.notice_id == Notice.id)
            .where(Notice.deleted_at.is_(None))
        )
        if where.department:
            named = select(ActivityDepartment.activity_id).where(
                ActivityDepartment.name == where.department
            )
            query = query.where(Activity.id.in_(named))
        if where.first is not None:
            query = query.where(Activity.end_date >= where.first)
        if where.last is not None:
            query = query.where(Activity.start_date <= where.last)
        return query

    def count(self, where: ActivityFilter | None = None) -> int:
        query = self._query(where or ActivityFilter()).with_only_columns(func.count(Activity.id))
        with self.db.read_session() as session:
            return int(session.scalar(query) or 0)

    def rows(
        self, where: ActivityFilter | None = None, *, offset: int = 0, limit: int | None = None
    ) -> list[ActivityRow]:
        """A page of activities: newest notices first, then the plan's own order."""
        query = (
            self._query(where or ActivityFilter())
            .options(
                selectinload(Activity.departments),
                selectinload(Activity.notice).selectinload(Notice.series),
            )
            .order_by(Notice.year.desc(), Notice.doc_date.desc(), Notice.id, Activity.position)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.db.read_session() as session:
            return [_row(activity) for activity in session.scalars(query)]

    def in_period(
        self, first: dt.date, last: dt.date, department: str | None = None
    ) -> list[ActivityRow]:
        """Activities whose parsed period overlaps ``first``..``last`` (for the calendar)."""
        return self.rows(ActivityFilter(department, first, last))

    def department_names(self) -> list[str]:
        """Every department named on an activity, alphabetically (for filters)."""
        with self.db.read_session() as session:
            query = select(ActivityDepartment.name).distinct().order_by(ActivityDepartment.name)
            return list(session.scalars(query))


def _row(activity: Activity) -> ActivityRow:
    notice = activity.notice
    series: DocNumberSeries | None = notice.series
    doc_number = None
    if series is not None and notice.year is not None and notice.number is not None:
        doc_number = format_doc_number(series.code, notice.year, notice.number)
    return ActivityRow(
        notice_id=notice.id,
        position=activity.position,
        doc_number=doc_number,
        notice_title=notice.title,
        activity=activity_to_data(activity),
    )
