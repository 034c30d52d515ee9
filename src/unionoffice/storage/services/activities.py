"""Activities across notices, for the 全部活动 table and the calendar: counted, paged, by period.

Editing happens on the notice (NoticeService.update, or update_activity for one cell of the
全部活动 table), so a notice has one version to check; this module only reads. Filters and
sort orders are SQL, so the 全部活动 table stays a page at a time however many rows match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from sqlalchemy import ColumnElement, Row, Select, and_, case, extract, false, func, or_, select
from sqlalchemy.orm import Session

from unionoffice.domain.activity_criteria import (
    ActivityFilter,
    ActivityOrder,
    ActivityPage,
    ActivityRow,
)
from unionoffice.domain.doc_number import format_doc_number
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import stored_period
from unionoffice.storage.models import Activity, ActivityDepartment, DocNumberSeries, Notice

_T = TypeVar("_T")


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
            .order_by(*(key.ordered() for key in _sort_keys(order, descending)))
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.db.read_session() as session:
            return [line for _id, line in read_rows(session, query)]

    def page(
        self,
        where: ActivityFilter | None = None,
        *,
        after: tuple[object, ...] | None = None,
        skip: int = 0,
        limit: int,
        order: ActivityOrder = ActivityOrder.NOTICE,
        descending: bool = False,
    ) -> ActivityPage:
        """``limit`` activities in ``order`` that follow the row whose sort key is ``after``
        (from the first row when None), passing over ``skip`` of them first.

        Key-set paging: the database starts at the key instead of counting every row before
        it, so the last page costs what the first does. Every order ends in the notice order
        and the plan's position, which no two activities share, so pages neither overlap nor
        leave a row out. Only the order is read now; the activities are read a few dozen at a
        time when first looked at (``rows``), in a transaction of their own.
        """
        keys = _sort_keys(order, descending)
        labels = [key.expression.label(f"sort_key_{i}") for i, key in enumerate(keys)]
        query = (
            self._query(where or ActivityFilter())
            .with_only_columns(Activity.id, Activity.notice_id, *labels)
            .order_by(*(key.ordered() for key in keys))
        )
        if after is not None:
            query = query.where(_after(keys, after))
        query = query.offset(skip).limit(limit)
        with self.db.read_session() as session:
            # Core, not the ORM's execute: plain rows, without its per-row loading work.
            found = session.connection().execute(query).all()
        last_key = tuple(found[-1][2:]) if found else None
        rows = _RowsAsRead(self, [row.id for row in found])
        return ActivityPage(rows, [row.notice_id for row in found], last_key)

    def by_ids(self, activity_ids: Sequence[int]) -> dict[int, ActivityRow]:
        """The activities with these ids (of notices not in the 回收站), by id."""
        query = (
            self._query(ActivityFilter())
            .with_only_columns(*ROW_COLUMNS)
            .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
            .where(Activity.id.in_(activity_ids))
        )
        with self.db.read_session() as session:
            return dict(read_rows(session, query))

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


class _RowsAsRead(Sequence[ActivityRow | None]):
    """A page's activities, read DETAIL_ROWS at a time when first looked at: a table shows a
    screenful of the page whose order it read, and reading every row was most of a page's
    cost. None for an activity gone since its page was read."""

    DETAIL_ROWS = 50

    def __init__(self, service: ActivityQueryService, ids: list[int]) -> None:
        self._service = service
        self._ids = ids
        self._read: dict[int, ActivityRow] = {}
        self._chunks_read: set[int] = set()

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, index: int) -> ActivityRow | None: ...
    @overload
    def __getitem__(self, index: slice) -> list[ActivityRow | None]: ...
    def __getitem__(self, index: int | slice) -> ActivityRow | list[ActivityRow | None] | None:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        activity_id = self._ids[index]
        chunk = index % len(self._ids) // self.DETAIL_ROWS
        if chunk not in self._chunks_read:
            first = chunk * self.DETAIL_ROWS
            self._read |= self._service.by_ids(self._ids[first : first + self.DETAIL_ROWS])
            self._chunks_read.add(chunk)
        return self._read.get(activity_id)


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
_FETCH_ROWS = 500  # rows taken from the driver at a time by read_rows


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


@dataclass(frozen=True)
class _SortKey:
    """One term of an order: what is compared, which way, and where NULLs go."""

    expression: Any
    descending: bool = False
    nulls_last: bool = True
    nullable: bool = True  # a NOT NULL column is ordered without a NULLS clause

    def ordered(self) -> Any:
        term = self.expression.desc() if self.descending else self.expression.asc()
        if not self.nullable:
            return term  # so that SQLite still reads it in an index's order
        return term.nulls_last() if self.nulls_last else term.nulls_first()

    def beyond(self, value: object) -> ColumnElement[bool] | None:
        """Rows whose term comes strictly after ``value`` (None: no row can)."""
        if value is None:
            return self.expression.is_not(None) if not self.nulls_last else None
        later = self.expression < value if self.descending else self.expression > value
        return or_(later, self.expression.is_(None)) if self.nulls_last and self.nullable else later

    def equal(self, value: object) -> ColumnElement[bool]:
        return self.expression.is_(None) if value is None else self.expression == value


# Newest notice first (undated ones last), then the plan's own order. NULL places are spelled
# out so that SQLite and PostgreSQL agree; these are SQLite's own, so its index still serves.
_NOTICE_KEYS = (
    _SortKey(Notice.year, descending=True),
    _SortKey(Notice.doc_date, descending=True),
    _SortKey(Notice.id, nullable=False),
    _SortKey(Activity.position, nullable=False),
)
_NOTICE_KEYS_REVERSED = (
    _SortKey(Notice.year, nulls_last=False),
    _SortKey(Notice.doc_date, nulls_last=False),
    _SortKey(Notice.id, descending=True, nullable=False),
    _SortKey(Activity.position, descending=True, nullable=False),
)


def _sort_keys(order: ActivityOrder, descending: bool) -> list[_SortKey]:
    if order is ActivityOrder.NOTICE:
        return list(_NOTICE_KEYS_REVERSED if descending else _NOTICE_KEYS)
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
    return [*(_SortKey(key, descending) for key in (column, *then)), *_NOTICE_KEYS]


def _after(keys: list[_SortKey], values: tuple[object, ...]) -> ColumnElement[bool]:
    """Rows that come after the one whose sort key is ``values``, in the order of ``keys``.

    (k1, k2, …) after (v1, v2, …): k1 beyond v1, or k1 equal to v1 and (k2, …) after (v2, …).
    The first term also stands alone (at or beyond v1), which an index on it can serve.
    """
    later: ColumnElement[bool] | None = None
    for key, value in reversed(list(zip(keys, values, strict=True))):
        beyond = key.beyond(value)
        if later is None:
            later = beyond if beyond is not None else false()
        else:
            tie = and_(key.equal(value), later)
            later = tie if beyond is None else or_(beyond, tie)
    assert later is not None
    first, value = keys[0], values[0]
    beyond = first.beyond(value)
    at_or_beyond = first.equal(value) if beyond is None else or_(beyond, first.equal(value))
    return and_(at_or_beyond, later)


def _department_rows(session: Session, activity_ids: list[int]) -> Iterator[tuple[int, str, str]]:
    """(activity id, role, name) of each department of the activities, in their order."""
    for start in range(0, len(activity_ids), _IN_CHUNK):
        chunk = activity_ids[start : start + _IN_CHUNK]
        query = (
            select(ActivityDepartment.activity_id, ActivityDepartment.role, ActivityDepartment.name)
            .where(ActivityDepartment.activity_id.in_(chunk))
            .order_by(ActivityDepartment.activity_id, ActivityDepartment.position)
        )
        yield from session.connection().execute(query)


def department_names(
    session: Session, activity_ids: list[int]
) -> dict[int, tuple[list[str], list[str]]]:
    """Lead and cooperating department names of each activity, in their order."""
    names: dict[int, tuple[list[str], list[str]]] = {}
    for activity_id, role, name in _department_rows(session, activity_ids):
        lead, cooperating = names.setdefault(activity_id, ([], []))
        (lead if role == "lead" else cooperating).append(name)
    return names


def read_rows(session: Session, query: Select[*tuple[Any, ...]]) -> list[tuple[int, ActivityRow]]:
    """The activities ``query`` (of ROW_COLUMNS) finds, by id, with their departments.

    Made from the driver's rows as they come, a few hundred at a time, and with one object for
    each value the rows repeat (see _Shared): a month or a year of the calendar is thousands
    of rows, and all of them held as read beside what they become doubled what a read took.
    """
    shared = _Shared()
    found: list[tuple[int, ActivityRow]] = []
    activities: dict[int, ActivityData] = {}
    for chunk in session.connection().execute(query).partitions(_FETCH_ROWS):
        for row in chunk:
            line = activity_row(row, ([], []), shared)
            found.append((row.id, line))
            activities[row.id] = line.activity
    for activity_id, role, name in _department_rows(session, list(activities)):
        activity = activities[activity_id]
        (activity.lead if role == "lead" else activity.cooperating).append(shared(name))
    return found


# A notice's 文号, title, 成文日期 and year, as each of its activity rows shows them.
_NoticeParts = tuple[str | None, str, dt.date | None, int | None]


class _Shared:
    """One object for each value a read repeats.

    The driver hands every row its own copy of each text and date: a notice's title and 文号
    on each of its activities, the same department names, deadlines ("全年") and periods over
    and over. A month or a year of the calendar is thousands of rows, mostly such repeats.
    Only immutable values are shared (texts, dates, periods); each activity keeps its own
    ActivityData and department lists, which an edit may change.
    """

    __slots__ = ("_notices", "_values")

    def __init__(self) -> None:
        self._values: dict[object, Any] = {}
        # per notice id: what each of its activities repeats of it
        self._notices: dict[int, _NoticeParts] = {}

    def __call__(self, value: _T) -> _T:
        return value if value is None else self._values.setdefault(value, value)  # type: ignore[no-any-return]

    def notice(self, row: Row[*tuple[Any, ...]]) -> _NoticeParts:
        """The 文号, title, 成文日期 and year of the row's notice."""
        known = self._notices.get(row.notice_id)
        if known is None:
            doc_number = None
            if row.code is not None and row.year is not None and row.number is not None:
                doc_number = format_doc_number(row.code, row.year, row.number)
            known = (doc_number, row.notice_title, self(row.doc_date), row.year)
            self._notices[row.notice_id] = known
        return known


def activity_row(
    row: Row[Any, *tuple[Any, ...]],
    departments: tuple[list[str], list[str]],
    shared: _Shared | None = None,
) -> ActivityRow:
    if shared is None:
        shared = _Shared()
    doc_number, notice_title, notice_date, notice_year = shared.notice(row)
    period = stored_period(row.start_date, row.end_date, row.start_time, row.end_time)
    activity = ActivityData(
        title=shared(row.title),
        text=row.text,
        section=shared(row.section),
        deadline=shared(row.deadline),
        period=shared(period),
        lead=departments[0],
        cooperating=departments[1],
        leader=shared(row.leader),
        status=ActivityStatus(row.status),
        note=shared(row.note),
        responsible_person=shared(row.responsible_person),
        place=shared(row.place),
        participants=shared(row.participants),
        supervision_note=row.supervision_note,
    )
    return ActivityRow(
        notice_id=row.notice_id,
        position=row.position,
        doc_number=doc_number,
        notice_title=notice_title,
        activity=activity,
        notice_version=row.notice_version,
        notice_date=notice_date,
        notice_year=notice_year,
    )
