"""Between ORM rows and the domain's NoticeData / ActivityData values."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import CompoundSelect, Connection, bindparam, insert, literal, select, union_all
from sqlalchemy.orm import Session

from unionoffice.domain.deadline import Period, parse_deadline
from unionoffice.domain.notice import (
    ActivityData,
    ActivityStatus,
    Block,
    BlockKind,
    NoticeData,
    NoticeStatus,
)
from unionoffice.storage.models import (
    Activity,
    ActivityDepartment,
    BodyBlock,
    Department,
    DepartmentAlias,
    Notice,
    Organ,
)

# The tables themselves, and the statements built once, for Core INSERTs.
_BODY_BLOCKS = BodyBlock.metadata.tables[BodyBlock.__tablename__]
_ACTIVITIES = Activity.metadata.tables[Activity.__tablename__]
_ACTIVITY_DEPARTMENTS = ActivityDepartment.metadata.tables[ActivityDepartment.__tablename__]
_DEPARTMENTS = Department.metadata.tables[Department.__tablename__]
_DEPARTMENT_ALIASES = DepartmentAlias.metadata.tables[DepartmentAlias.__tablename__]
_NEW_BODY_BLOCKS = insert(_BODY_BLOCKS)
_NEW_ACTIVITIES = insert(_ACTIVITIES)
_NEW_ACTIVITY_DEPARTMENTS = insert(_ACTIVITY_DEPARTMENTS)
_ACTIVITY_IDS = (
    select(_ACTIVITIES.c.id)
    .where(_ACTIVITIES.c.notice_id == bindparam("notice_id"))
    .order_by(_ACTIVITIES.c.position)
)

# A department's name or alias -> (its id, its name): how names are stored (0012's aliases).
KnownDepartments = dict[str, tuple[int, str]]


def notice_to_data(notice: Notice) -> NoticeData:
    return _notice_data(
        notice,
        [Block(BlockKind(b.kind), b.text, b.level) for b in notice.blocks],
        [activity_to_data(a) for a in notice.activities],
    )


def _notice_data(notice: Notice, body: list[Block], activities: list[ActivityData]) -> NoticeData:
    """The notice's own fields as read, with ``body`` and ``activities`` given."""
    return NoticeData(
        id=notice.id,
        version=notice.version,
        title=notice.title,
        organ=notice.organ.name if notice.organ else None,
        series_code=notice.series.code if notice.series else None,
        year=notice.year,
        number=notice.number,
        status=NoticeStatus(notice.status),
        recipients=notice.recipients,
        body=body,
        attachment_note=notice.attachment_note,
        signature=notice.signature,
        date=notice.doc_date,
        remark=notice.remark,
        cc=notice.cc,
        distributor=notice.distributor,
        distribution_date=notice.distribution_date,
        folder=notice.folder,
        copy_number=notice.copy_number,
        secrecy=notice.secrecy,
        secrecy_term=notice.secrecy_term,
        urgency=notice.urgency,
        issuer=notice.issuer,
        attendees=notice.attendees,
        absentees=notice.absentees,
        observers=notice.observers,
        activities=activities,
    )


def as_stored(
    notice: Notice, data: NoticeData, known: KnownDepartments | None = None
) -> NoticeData:
    """The notice as a save of ``data`` has just stored it, without reading its body and
    activities back (apply_fields and replace_activities wrote them from ``data`` and
    expired them): periods derived, names cleaned and aliases written as their departments
    (``known``, what replace_activities returned), as a read would give them."""
    known = known or {}
    year = data.plan_year
    activities = []
    for item in data.activities:
        derived = parse_deadline(item.deadline, year, not_before=data.date)
        period = None
        if derived is not None:
            period = stored_period(derived.start, derived.end, derived.start_time, derived.end_time)
        activities.append(
            dataclasses.replace(
                item,
                period=period,
                lead=_clean_names(item.lead, known),
                cooperating=_clean_names(item.cooperating, known),
                leader=item.leader or None,
                responsible_person=item.responsible_person or None,
            )
        )
    body = [Block(BlockKind(str(b.kind)), b.text, b.level) for b in data.body]
    return _notice_data(notice, body, activities)


def stored_period(
    start: dt.date | None,
    end: dt.date | None,
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
) -> Period | None:
    """The period a row holds, or None without both dates; times that cannot belong together
    (written by hand elsewhere) are left out rather than refused."""
    if start is None or end is None or start > end:
        return None
    try:
        return Period(start, end, start_time, end_time)
    except ValueError:
        return Period(start, end)


def period_columns(period: Period | None) -> dict[str, object]:
    """The activities columns that hold ``period`` (all None without one)."""
    if period is None:
        return {"start_date": None, "end_date": None, "start_time": None, "end_time": None}
    return {
        "start_date": period.start,
        "end_date": period.end,
        "start_time": period.start_time,
        "end_time": period.end_time,
    }


def activity_to_data(activity: Activity) -> ActivityData:
    period = stored_period(
        activity.start_date, activity.end_date, activity.start_time, activity.end_time
    )
    return ActivityData(
        title=activity.title,
        text=activity.text,
        section=activity.section,
        deadline=activity.deadline,
        period=period,
        lead=[d.name for d in activity.departments if d.role == "lead"],
        cooperating=[d.name for d in activity.departments if d.role == "cooperating"],
        leader=activity.leader,
        status=ActivityStatus(activity.status),
        note=activity.note,
        responsible_person=activity.responsible_person,
        place=activity.place,
        participants=activity.participants,
        supervision_note=activity.supervision_note,
    )


def apply_fields(session: Session, notice: Notice, data: NoticeData) -> None:
    """Copy the plain header fields and the body of ``data`` onto ``notice``."""
    apply_header(notice, data)
    if notice.blocks:
        # Old rows must be gone before new ones take their (notice, position) places.
        notice.blocks.clear()
    session.flush()  # and the notice needs its id
    insert_body(session, notice, data)


# The notices columns a whole-notice save copies from NoticeData, and the field each takes.
_HEADER_FIELDS = {
    "title": "title", "recipients": "recipients", "attachment_note": "attachment_note",
    "signature": "signature", "doc_date": "date", "remark": "remark", "cc": "cc",
    "distributor": "distributor", "distribution_date": "distribution_date", "folder": "folder",
    "copy_number": "copy_number", "secrecy": "secrecy", "secrecy_term": "secrecy_term",
    "urgency": "urgency", "issuer": "issuer", "attendees": "attendees",
    "absentees": "absentees", "observers": "observers",
}  # fmt: skip


def header_values(data: NoticeData) -> dict[str, object]:
    """The plain header fields of ``data`` (not the body) by notices column."""
    return {column: getattr(data, field) for column, field in _HEADER_FIELDS.items()}


def apply_header(notice: Notice, data: NoticeData) -> None:
    """Copy the plain header fields of ``data`` onto ``notice`` (not the body)."""
    for column, value in header_values(data).items():
        setattr(notice, column, value)


def insert_body(session: Session, notice: Notice, data: NoticeData) -> None:
    """Write the body of ``data`` as the rows of ``notice`` (flushed, with no rows left)."""
    write_body(session.connection(), notice.id, data)
    session.expire(notice, ["blocks"])


def write_body(connection: Connection, notice_id: int, data: NoticeData) -> None:
    """Write the body of ``data`` as the rows of the notice ``notice_id``, which has none."""
    if data.body:
        # One multi-row INSERT: a long notice has tens of thousands of paragraphs.
        connection.execute(
            _NEW_BODY_BLOCKS,
            [
                {"notice_id": notice_id, "position": i, "kind": str(b.kind), "level": b.level,
                 "text": b.text}
                for i, b in enumerate(data.body)
            ],
        )  # fmt: skip


def replace_activities(session: Session, notice: Notice, data: NoticeData) -> KnownDepartments:
    """Replace the notice's activities; periods are always derived from the 完成时限 text.
    Returns the department names and aliases the names were stored through.

    The old rows are gone (flushed) before the new ones are written (write_activities).
    """
    if notice.activities:
        notice.activities.clear()
    session.flush()  # the old rows go first, and the notice needs its id
    organ_id = notice.organ.id if notice.organ is not None else None
    known = write_activities(session.connection(), notice.id, organ_id, data)
    session.expire(notice, ["activities"])  # read back from the rows when next asked
    return known


def write_activities(
    connection: Connection, notice_id: int, organ_id: int | None, data: NoticeData
) -> KnownDepartments:
    """Write the activities of ``data`` as the rows of the notice ``notice_id``, which has
    none, linking their departments to the list of the organ ``organ_id``; returns the names
    and aliases the names were stored through.

    The rows are written as two multi-row INSERTs rather than ORM objects: an imported plan
    can hold thousands of items, and one ORM object per row and department took a
    millisecond each, the write lock held all the while. The INSERTs are Core statements:
    the ORM's bulk path cost more than the rows of a short plan.
    """
    activity_rows = activity_values(notice_id, data)
    if not activity_rows:
        return {}
    connection.execute(_NEW_ACTIVITIES, activity_rows)
    # The new rows' ids in their order, read back: on SQLite an INSERT … RETURNING in the
    # rows' order runs once a row, which cost more than the rest of a notice's save.
    ids = connection.execute(_ACTIVITY_IDS, {"notice_id": notice_id}).scalars().all()
    known = _known_departments(connection, organ_id)
    department_rows = [
        {"activity_id": activity_id, "role": role, "position": i, "name": name,
         "department_id": known.get(name, (None, name))[0]}
        for activity_id, item in zip(ids, data.activities, strict=True)
        for role, names in (("lead", item.lead), ("cooperating", item.cooperating))
        for i, name in enumerate(_clean_names(names, known))
    ]  # fmt: skip
    if department_rows:
        connection.execute(_NEW_ACTIVITY_DEPARTMENTS, department_rows)
    return known


def activity_values(notice_id: int, data: NoticeData) -> list[dict[str, object]]:
    """The activities table's rows for ``data``; periods (dates and times of day) derived from
    the 完成时限/时间 text."""
    year = data.plan_year
    rows: list[dict[str, object]] = []
    for position, item in enumerate(data.activities):
        period = parse_deadline(item.deadline, year, not_before=data.date)
        rows.append(
            {
                "notice_id": notice_id,
                "position": position,
                "section": item.section,
                "title": item.title,
                "text": item.text,
                "deadline": item.deadline,
                **period_columns(period),
                "leader": item.leader or None,
                "status": str(item.status),
                "note": item.note,
                "place": item.place,
                "participants": item.participants,
                "responsible_person": item.responsible_person or None,
                "supervision_note": item.supervision_note,
            }
        )
    return rows


def department_rows(
    session: Session, organ: Organ | None, activity: ActivityData
) -> list[ActivityDepartment]:
    """The 牵头 and 配合 names of ``activity`` as ORM rows, linked to the master list where
    they match (for the edit of one activity; whole plans use multi-row INSERTs)."""
    known = _known_departments(session.connection(), organ.id if organ is not None else None)
    return [
        ActivityDepartment(
            role=role, position=i, name=name, department_id=known.get(name, (None, name))[0]
        )
        for role, names in (("lead", activity.lead), ("cooperating", activity.cooperating))
        for i, name in enumerate(_clean_names(names, known))
    ]


def _clean_names(names: list[str], known: KnownDepartments) -> list[str]:
    """The names as stored: stripped, an alias written as its department's name, once each."""
    stripped = (n.strip() for n in names if n and n.strip())
    return list(dict.fromkeys(known.get(n, (None, n))[1] for n in stripped))


def _known_query(of_organ: bool) -> CompoundSelect:
    departments, aliases = _DEPARTMENTS, _DEPARTMENT_ALIASES
    own = select(
        departments.c.name, departments.c.id, departments.c.name.label("listed"), literal(1)
    )
    alias = select(aliases.c.name, departments.c.id, departments.c.name, literal(0)).join(
        departments, departments.c.id == aliases.c.department_id
    )
    if of_organ:
        own = own.where(departments.c.organ_id == bindparam("organ_id"))
        alias = alias.where(departments.c.organ_id == bindparam("organ_id"))
    return union_all(alias, own)


# Built once: a plan is saved often, and an import asks for every notice.
_KNOWN_OF_ORGAN = _known_query(of_organ=True)
_KNOWN_OF_ALL = _known_query(of_organ=False)


def _known_departments(connection: Connection, organ_id: int | None) -> KnownDepartments:
    """Name or alias (0012) -> (department id, its name) of the organ's list (all organs'
    without one; a department's own name wins over another's alias)."""
    if organ_id is None:
        rows = connection.execute(_KNOWN_OF_ALL).all()
    else:
        rows = connection.execute(_KNOWN_OF_ORGAN, {"organ_id": organ_id}).all()
    known: dict[str, tuple[int, str]] = {}
    # Aliases first, so that own names win.
    for written, id_, listed, _own in sorted(rows, key=lambda row: row[3]):
        known[written] = (id_, listed)
    return known
