"""Between ORM rows and the domain's NoticeData / ActivityData values."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import insert, select
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
    Notice,
    Organ,
)


def notice_to_data(notice: Notice) -> NoticeData:
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
        body=[Block(BlockKind(b.kind), b.text, b.level) for b in notice.blocks],
        attachment_note=notice.attachment_note,
        signature=notice.signature,
        date=notice.doc_date,
        remark=notice.remark,
        cc=notice.cc,
        distributor=notice.distributor,
        distribution_date=notice.distribution_date,
        folder=notice.folder,
        activities=[activity_to_data(a) for a in notice.activities],
    )


def as_stored(notice: Notice, data: NoticeData) -> NoticeData:
    """The notice as a save of ``data`` has just stored it, without reading its body and
    activities back (apply_fields and replace_activities wrote them from ``data`` and
    expired them): periods derived, names cleaned, as a read would give them."""
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
                lead=_clean_names(item.lead),
                cooperating=_clean_names(item.cooperating),
                leader=item.leader or None,
                responsible_person=item.responsible_person or None,
            )
        )
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
        body=[Block(BlockKind(str(b.kind)), b.text, b.level) for b in data.body],
        attachment_note=notice.attachment_note,
        signature=notice.signature,
        date=notice.doc_date,
        remark=notice.remark,
        cc=notice.cc,
        distributor=notice.distributor,
        distribution_date=notice.distribution_date,
        folder=notice.folder,
        activities=activities,
    )


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
    )


def apply_fields(session: Session, notice: Notice, data: NoticeData) -> None:
    """Copy the plain header fields and the body of ``data`` onto ``notice``."""
    notice.title = data.title
    notice.recipients = data.recipients
    notice.attachment_note = data.attachment_note
    notice.signature = data.signature
    notice.doc_date = data.date
    notice.remark = data.remark
    notice.cc = data.cc
    notice.distributor = data.distributor
    notice.distribution_date = data.distribution_date
    notice.folder = data.folder
    if notice.blocks:
        # Old rows must be gone before new ones take their (notice, position) places.
        notice.blocks.clear()
    session.flush()  # and the notice needs its id
    if data.body:
        # One multi-row INSERT: a long notice has tens of thousands of paragraphs.
        session.execute(
            insert(BodyBlock),
            [
                {"notice_id": notice.id, "position": i, "kind": str(b.kind), "level": b.level,
                 "text": b.text}
                for i, b in enumerate(data.body)
            ],
        )  # fmt: skip
    session.expire(notice, ["blocks"])


def replace_activities(session: Session, notice: Notice, data: NoticeData) -> None:
    """Replace the notice's activities; periods are always derived from the 完成时限 text.

    The rows are written as two multi-row INSERTs rather than ORM objects: an imported plan
    can hold thousands of items, and one ORM object per row and department took a
    millisecond each, the write lock held all the while.
    """
    if notice.activities:
        notice.activities.clear()
    session.flush()  # the old rows go first, and the notice needs its id
    activity_rows = activity_values(notice.id, data)
    if activity_rows:
        ids = (
            session.execute(
                insert(Activity).returning(Activity.id, sort_by_parameter_order=True),
                activity_rows,
            )
            .scalars()
            .all()
        )
        known = _known_departments(session, notice.organ)
        department_rows = [
            {"activity_id": activity_id, "role": role, "position": i, "name": name,
             "department_id": known.get(name)}
            for activity_id, item in zip(ids, data.activities, strict=True)
            for role, names in (("lead", item.lead), ("cooperating", item.cooperating))
            for i, name in enumerate(_clean_names(names))
        ]  # fmt: skip
        if department_rows:
            session.execute(insert(ActivityDepartment), department_rows)
    session.expire(notice, ["activities"])  # read back from the rows when next asked


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
            }
        )
    return rows


def department_rows(
    session: Session, organ: Organ | None, activity: ActivityData
) -> list[ActivityDepartment]:
    """The 牵头 and 配合 names of ``activity`` as ORM rows, linked to the master list where
    they match (for the edit of one activity; whole plans use multi-row INSERTs)."""
    known = _known_departments(session, organ)
    return [
        ActivityDepartment(role=role, position=i, name=name, department_id=known.get(name))
        for role, names in (("lead", activity.lead), ("cooperating", activity.cooperating))
        for i, name in enumerate(_clean_names(names))
    ]


def _clean_names(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n.strip() for n in names if n and n.strip()))


def _known_departments(session: Session, organ: Organ | None) -> dict[str, int]:
    query = select(Department.name, Department.id)
    if organ is not None:
        query = query.where(Department.organ_id == organ.id)
    return {name: id_ for name, id_ in session.execute(query)}
