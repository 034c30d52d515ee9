"""督办: read the activities due soon or overdue, and write their 进度 and 督办情况.

A follow-up is written only when the activity still shows what the clerk saw (its title, 进度
and note), so an undo, or another clerk's edit in between, never overwrites newer work; the
notice's version moves as with every other save, so an open editor shows the new values.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from unionoffice.domain.changes import Changes
from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import ActivityStatus
from unionoffice.domain.supervision import FollowUp, SupervisionItem, SupervisionQuery
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import period_columns
from unionoffice.storage.models import Activity, ActivityDepartment, DocNumberSeries, Notice
from unionoffice.storage.services.activities import ROW_COLUMNS, activity_row, department_names


class SupervisionService:
    """The 督办 list and its in-place edits."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self, query: SupervisionQuery) -> list[SupervisionItem]:
        """Activities of notices not in the 回收站 whose period ends by ``query.last_day``
        (and not before ``overdue_since``), not yet 已完成 unless asked; by end date."""
        select_rows = (
            select(*ROW_COLUMNS)
            .join(Notice, Activity.notice_id == Notice.id)
            .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
            .where(
                Notice.deleted_at.is_(None),
                Activity.end_date.is_not(None),
                Activity.end_date <= query.last_day,
            )
            .order_by(Activity.end_date, Notice.id, Activity.position)
        )
        if query.overdue_since is not None:
            select_rows = select_rows.where(Activity.end_date >= query.overdue_since)
        if not query.include_done:
            select_rows = select_rows.where(Activity.status != str(ActivityStatus.DONE))
        if query.department:
            led = select(ActivityDepartment.activity_id).where(
                ActivityDepartment.role == "lead", ActivityDepartment.name == query.department
            )
            select_rows = select_rows.where(Activity.id.in_(led))
        with self.db.read_session() as session:
            found = session.execute(select_rows).all()
            names = department_names(session, [row.id for row in found])
        items = []
        for row in found:
            line = activity_row(row, names.get(row.id, ([], [])))
            items.append(
                SupervisionItem(
                    notice_id=line.notice_id,
                    position=line.position,
                    doc_number=line.doc_number,
                    notice_title=line.notice_title,
                    notice_year=line.notice_year,
                    notice_date=line.notice_date,
                    activity=line.activity,
                )
            )
        return items

    def lead_departments(self) -> list[str]:
        """Every department named as 牵头 on some activity, by name (for the filter)."""
        with self.db.read_session() as session:
            query = (
                select(ActivityDepartment.name)
                .where(ActivityDepartment.role == "lead")
                .distinct()
                .order_by(ActivityDepartment.name)
            )
            return list(session.scalars(query))

    def follow_up(
        self, notice_id: int, position: int, title: str, seen: FollowUp, new: FollowUp
    ) -> Changes:
        """Set the 进度 and 督办情况 of the activity at ``position`` of the notice, if it is
        still ``title`` showing ``seen`` (else ConflictError and nothing is written)."""
        with self.db.session() as session:
            notice, row = _activity_at(session, notice_id, position, title)
            if FollowUp(ActivityStatus(row.status), row.supervision_note) != seen:
                raise ConflictError(
                    f"“{row.title}”的进度或督办情况刚被修改为“{row.status}”"
                    f"{'：' + row.supervision_note if row.supervision_note else ''}，"
                    "请核对后再改"
                )
            row.status = str(new.status)
            row.supervision_note = new.note.strip()
            # Touch the notice so its version moves, as every other save of it does.
            notice.updated_at = dt.datetime.now(dt.UTC)
            session.flush()
        return Changes(activities=frozenset({notice_id}))

    def set_deadline(
        self, notice_id: int, position: int, title: str, seen: str, deadline: str
    ) -> Changes:
        """Rewrite the 完成时限 of the activity at ``position`` (the one-click 次年 fix of a
        period before the notice's date) and derive its period again, if it is still
        ``title`` with the 完成时限 ``seen``."""
        with self.db.session() as session:
            notice, row = _activity_at(session, notice_id, position, title)
            if row.deadline != seen:
                raise ConflictError(
                    f"“{row.title}”的完成时限刚被修改为“{row.deadline}”，请核对后再改"
                )
            year = notice.year or (notice.doc_date or dt.date.today()).year
            row.deadline = deadline
            period = parse_deadline(deadline, year, not_before=notice.doc_date)
            for column, value in period_columns(period).items():
                setattr(row, column, value)
            notice.updated_at = dt.datetime.now(dt.UTC)
            session.flush()
        return Changes(activities=frozenset({notice_id}))


def _activity_at(
    session: Session, notice_id: int, position: int, title: str
) -> tuple[Notice, Activity]:
    """The notice (not in the 回收站) and its activity at ``position``, which must still be
    ``title`` (ConflictError when the plan changed since it was read)."""
    notice = session.scalar(
        select(Notice).where(Notice.id == notice_id, Notice.deleted_at.is_(None))
    )
    if notice is None:
        raise NotFoundError("该公文已删除或不存在")
    row = session.scalar(
        select(Activity).where(Activity.notice_id == notice_id, Activity.position == position)
    )
    if row is None or row.title != title:
        raise ConflictError(f"“{notice.title}”的活动已被修改，请刷新督办清单后再改")
    return notice, row
