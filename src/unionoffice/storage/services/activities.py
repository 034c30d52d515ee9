"""Activities across notices, for the 全部活动 table and the calendar: counted, paged, by period.

Editing happens on the notice (NoticeService.update, or update_activity for one cell of the
全部活动 table), so a notice has one version to check; this module only reads. Filters and
sort orders are SQL, so the 全部活动 table stays a page at a time however many rows match.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, extract, func, or_, select
from sqlalchemy.orm import Session

from unionoffice.domain.activity_criteria import (
    ActivityFilter,
    ActivityOrder,
    ActivityRow,
)
from unionoffice.domain.doc_number import format_doc_number
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import stored_period
from unionoffice.storage.models import Activity, ActivityDepartment, DocNumberSeries, Notice


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
        if where.month is not None:
            query = query.where(_overlaps_month(where.month))
        if where.status is not None:
            query = query.where(Activity.status == str(where.status))
        if where.overdue_on is not None:
            query = query.where(
                Activity.end_date < where.overdue_on,
                Activity.status != str(ActivityStatus.DONE),
            )
        return query

    def count(self, where: ActivityFilter | None = None) -> int:
        query = self._query(where or ActivityFilter()).with_only_columns(func.count(Activity.id))
        with self.db.read_session() as session:
            return int(session.scalar(query) or 0)

    def rows(
        self,
        where: ActivityFilter | None = None,
        *,
        offset: int = 0,
        limit: int | None = None,
        order: ActivityOrder = ActivityOrder.NOTICE,
        descending: bool = False,
    ) -> list[ActivityRow]:
        """A page of activities: newest notices first, then the plan's own order (or by
        ``order``, ties in that order).

        Read as plain columns, not ORM objects: the calendar asks for thousands of rows and
        the table for a page at every scroll, and object loading was most of their time.
        """
        query = (
            self._query(where or ActivityFilter())
            .with_only_columns(*ROW_COLUMNS)
            .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
            .order_by(*_order_by(order, descending))
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.db.read_session() as session:
            found = session.execute(query).all()
            names = department_names(session, [row.id for row in found])
        return [activity_row(row, names.get(row.id, ([], []))) for row in found]

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


ROW_COLUMNS = (
    Activity.id,
    Activity.notice_id,
    Activity.position,
    Activity.section,
    Activity.title,
    Activity.text,
    Activity.deadline,
    Activity.start_date,
    Activity.end_date,
    Activity.leader,
    Activity.status,
    Activity.note,
    Activity.place,
    Activity.participants,
    Activity.responsible_person,
    Activity.start_time,
    Activity.end_time,
    Activity.supervision_note,
    Notice.title.label("notice_title"),
    Notice.doc_date,
    Notice.version.label("notice_version"),
    Notice.year,
    Notice.number,
    DocNumberSeries.code,
)
_IN_CHUNK = 500  # ids per IN (...) list, well under every backend's parameter limit
_NOTICE_ORDER = (Notice.year.desc(), Notice.doc_date.desc(), Notice.id, Activity.position)


def _overlaps_month(month: int) -> ColumnElement[bool]:
    """The activity's period has a day in ``month`` of some year (as domain overlaps_month).

    A period of eleven months or more has; a shorter one within a year has when the month is
    between its first and last; one running into the next year has when the month is at or
    after its first, or at or before its last.
    """
    start_year, start_month = (
        extract("year", Activity.start_date),
        extract("month", Activity.start_date),
    )
    end_year, end_month = extract("year", Activity.end_date), extract("month", Activity.end_date)
    return and_(
        Activity.start_date.is_not(None),
        Activity.end_date.is_not(None),
        or_(
            (end_year - start_year) * 12 + (end_month - start_month) >= 11,
            and_(end_year == start_year, start_month <= month, end_month >= month),
            and_(end_year == start_year + 1, or_(start_month <= month, end_month >= month)),
        ),
    )


def _first_department(role: str) -> Any:
    return (
        select(ActivityDepartment.name)
        .where(
            ActivityDepartment.activity_id == Activity.id,
            ActivityDepartment.role == role,
            ActivityDepartment.position == 0,
        )
        .scalar_subquery()
    )


def _order_by(order: ActivityOrder, descending: bool) -> list[Any]:
    if order is ActivityOrder.NOTICE:
        keys: list[Any] = list(_NOTICE_ORDER)
        if descending:
            keys = [Notice.year, Notice.doc_date, Notice.id.desc(), Activity.position.desc()]
        return keys
    statuses = [(Activity.status == str(s), i) for i, s in enumerate(ActivityStatus)]
    column: Any = {
        ActivityOrder.NUMBER: Activity.position,
        ActivityOrder.TITLE: Activity.title,
        ActivityOrder.PERIOD: Activity.start_date,
        ActivityOrder.LEAD: _first_department("lead"),
        ActivityOrder.COOPERATING: _first_department("cooperating"),
        ActivityOrder.LEADER: Activity.leader,
        ActivityOrder.STATUS: case(*statuses, else_=len(statuses)),
        ActivityOrder.TIME: Activity.start_time,
        # Empty texts after the filled ones, as NULLs are.
        ActivityOrder.PLACE: func.nullif(Activity.place, ""),
        ActivityOrder.PARTICIPANTS: func.nullif(Activity.participants, ""),
        ActivityOrder.PERSON: Activity.responsible_person,
    }[order]
    then = {
        ActivityOrder.PERIOD: (Activity.end_date, Activity.start_time),
        ActivityOrder.TIME: (Activity.start_date,),
    }.get(order, ())
    return [
        *(_directed(key, descending) for key in (column, *then)),
        *_NOTICE_ORDER,
    ]


def _directed(column: Any, descending: bool) -> Any:
    return (column.desc() if descending else column.asc()).nulls_last()


def department_names(
    session: Session, activity_ids: list[int]
) -> dict[int, tuple[list[str], list[str]]]:
    """Lead and cooperating department names of each activity, in their order."""
    names: dict[int, tuple[list[str], list[str]]] = {}
    for start in range(0, len(activity_ids), _IN_CHUNK):
        chunk = activity_ids[start : start + _IN_CHUNK]
        query = (
            select(ActivityDepartment.activity_id, ActivityDepartment.role, ActivityDepartment.name)
            .where(ActivityDepartment.activity_id.in_(chunk))
            .order_by(ActivityDepartment.activity_id, ActivityDepartment.position)
        )
        for activity_id, role, name in session.execute(query):
            lead, cooperating = names.setdefault(activity_id, ([], []))
            (lead if role == "lead" else cooperating).append(name)
    return names


def activity_row(
    row: Row[Any, *tuple[Any, ...]], departments: tuple[list[str], list[str]]
) -> ActivityRow:
    doc_number = None
    if row.code is not None and row.year is not None and row.number is not None:
        doc_number = format_doc_number(row.code, row.year, row.number)
    period = stored_period(row.start_date, row.end_date, row.start_time, row.end_time)
    activity = ActivityData(
        title=row.title,
        text=row.text,
        section=row.section,
        deadline=row.deadline,
        period=period,
        lead=departments[0],
        cooperating=departments[1],
        leader=row.leader,
        status=ActivityStatus(row.status),
        note=row.note,
        responsible_person=row.responsible_person,
        place=row.place,
        participants=row.participants,
        supervision_note=row.supervision_note,
    )
    return ActivityRow(
        notice_id=row.notice_id,
        position=row.position,
        doc_number=doc_number,
        notice_title=row.notice_title,
        activity=activity,
        notice_version=row.notice_version,
        notice_date=row.doc_date,
        notice_year=row.year,
    )
