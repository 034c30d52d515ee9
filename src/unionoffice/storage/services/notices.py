"""Notices: create, read, update with a version check, list for the tree, recycle bin."""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.doc_number import (
    DocNumber,
    NumberRun,
    format_doc_number,
    validate_year,
)
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import ActivityData, NoticeData, NoticeStatus
from unionoffice.domain.notice_summary import NoticeSummary
from unionoffice.storage.database import Database
from unionoffice.storage.mapping import (
    apply_fields,
    department_rows,
    notice_to_data,
    period_columns,
    replace_activities,
)
from unionoffice.storage.models import (
    Activity,
    ActivityDepartment,
    DocNumberSeries,
    Notice,
    Organ,
    RegisterEntry,
)
from unionoffice.storage.notice_rows import insert_notice
from unionoffice.storage.services.history import record_save
from unionoffice.storage.services.numbering import allocate_in, set_number_in
from unionoffice.storage.services.organs import find_or_create_organ, find_or_create_series

_BY_SOURCE_HASH = select(Notice.id).where(Notice.source_hash == bindparam("source_hash")).limit(1)


def _load(session: Session, notice_id: int, *, include_deleted: bool = False) -> Notice:
    notice = session.scalar(
        select(Notice)
        .where(Notice.id == notice_id)
        .options(
            selectinload(Notice.blocks),
            selectinload(Notice.activities).selectinload(Activity.departments),
            selectinload(Notice.organ),
            selectinload(Notice.series),
        )
    )
    if notice is None or (notice.deleted_at is not None and not include_deleted):
        raise NotFoundError(f"没有编号为 {notice_id} 的公文")
    return notice


def _create_in(
    session: Session,
    data: NoticeData,
    source_hash: str | None = None,
    source_text: str | None = None,
    *,
    clerk: str = "",
) -> int:
    """Add a new notice inside the caller's transaction; its id. ``clerk`` takes its 文号."""
    return insert_notice(
        session.connection(), data, source_hash=source_hash, source_text=source_text, clerk=clerk
    )


class NoticeService:
    """Every change to a notice is one transaction; a failed change leaves nothing behind."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def create(
        self, data: NoticeData, *, source_hash: str | None = None, source_text: str | None = None
    ) -> int:
        """Store a new notice. A 文号 given in ``data`` must be free (it is registered).

        ``source_text`` keeps the whole text of an imported file with the notice.
        """
        try:
            with self.db.session() as session:
                return _create_in(session, data, source_hash, source_text, clerk=self.db.clerk)
        except IntegrityError as exc:
            raise ConflictError(f"保存失败，数据与已有记录冲突：{exc.orig}") from exc

    def create_many(self, notices: Sequence[NoticeData]) -> builtins.list[int]:
        """Store several new notices in one transaction (all or none); their ids in order.

        The same mapping as ``create``; for bulk loads (an archive, the benchmark's data set),
        where one transaction per notice would cost more than the notices themselves.
        """
        try:
            with self.db.session() as session:
                return [_create_in(session, data, clerk=self.db.clerk) for data in notices]
        except IntegrityError as exc:
            raise ConflictError(f"保存失败，数据与已有记录冲突：{exc.orig}") from exc

    def get(self, notice_id: int, *, include_deleted: bool = False) -> NoticeData:
        with self.db.read_session() as session:
            return notice_to_data(_load(session, notice_id, include_deleted=include_deleted))

    def update(self, data: NoticeData, *, note: str = "") -> int:
        """Save an edited notice; returns the new version.

        ``data.version`` must be the version that was read: if someone saved in between, the
        save is refused (ConflictError) and nothing is written. The 文号 is not changed here
        (see allocate_number / set_number); a draft may change its series and year. The save
        is kept in the notice's 痕迹, ``note`` saying why (恢复到第 3 版 …).
        """
        if data.id is None or data.version is None:
            raise ValueError("update needs a notice read from the database (id and version)")
        try:
            with self.db.session() as session:
                notice = _load(session, data.id)
                if notice.version != data.version:
                    raise ConflictError(_stale_message(notice))
                before = notice_to_data(notice)
                # Touch the row so the version moves even when only blocks or activities change.
                notice.updated_at = dt.datetime.now(dt.UTC)
                apply_fields(session, notice, data)
                wanted_organ = (data.organ or "").strip()
                if wanted_organ != (notice.organ.name if notice.organ else ""):
                    notice.organ = (
                        find_or_create_organ(session, wanted_organ)[0] if wanted_organ else None
                    )
                if notice.number is None:
                    notice.series = (
                        find_or_create_series(session, data.series_code, notice.organ)[0]
                        if data.series_code
                        else None
                    )
                    notice.year = validate_year(data.year) if data.year else None
                known = replace_activities(session, notice, data)
                if data.status is not NoticeStatus.DRAFT or notice.number is None:
                    notice.status = str(_status_after_edit(notice, data.status))
                session.flush()
                record_save(session, notice, before, self.db.clerk, note, saved=data, known=known)
                return notice.version
        except StaleDataError as exc:
            raise ConflictError("该公文已被其他用户修改，请刷新后再改") from exc

    def update_activity(
        self, notice_id: int, version: int, position: int, activity: ActivityData
    ) -> int:
        """Save one edited activity of a notice (from the 全部活动 table); the new version.

        Writes the fields a table cell edits (活动内容, 完成时限 and its period with its times
        of day, departments, 责任领导, 责任人, 地点, 参加对象, 进度) of the activity at
        ``position``. As with ``update``, ``version`` must
        be the notice's version when the row was read, or nothing is written (ConflictError).
        """
        try:
            with self.db.session() as session:
                notice = _load(session, notice_id)
                if notice.version != version:
                    raise ConflictError(_stale_message(notice))
                if not 0 <= position < len(notice.activities):
                    raise NotFoundError(f"“{notice.title}”中没有第 {position + 1} 项活动")
                before = notice_to_data(notice)
                row = notice.activities[position]
                year = notice.year or (notice.doc_date or dt.date.today()).year
                period = parse_deadline(activity.deadline, year, not_before=notice.doc_date)
                row.title = activity.title
                row.deadline = activity.deadline
                for column, value in period_columns(period).items():
                    setattr(row, column, value)
                row.leader = activity.leader or None
                row.status = str(activity.status)
                row.place, row.participants = activity.place, activity.participants
                row.responsible_person = activity.responsible_person or None
                if row.departments:
                    # Old rows must be gone before new ones take their (role, position) places.
                    row.departments.clear()
                    session.flush()
                row.departments = department_rows(session, notice.organ, activity)
                # Touch the notice so its version moves, as every other save of it does.
                notice.updated_at = dt.datetime.now(dt.UTC)
                session.flush()
                record_save(session, notice, before, self.db.clerk)
                return notice.version
        except StaleDataError as exc:
            raise ConflictError("该公文已被其他用户修改，请刷新后再改") from exc

    def allocate_number(self, notice_id: int) -> DocNumber:
        """取号: give the notice the next number of its series and year."""
        with self.db.session() as session:
            notice = _load(session, notice_id)
            if notice.number is not None:
                raise ConflictError(f"该公文已有文号 {_doc_number(notice)}")
            if notice.series is None:
                raise ConflictError("请先选择机关代字（文号序列）再取号")
            year = notice.year or (notice.doc_date or dt.date.today()).year
            before = notice_to_data(notice)
            number = allocate_in(session, notice.series, year, notice, by=self.db.clerk)
            session.flush()
            record_save(session, notice, before, self.db.clerk, "取号")
            return number

    def give_back_number(self, notice_id: int, reason: str) -> DocNumber:
        """退回文号: the notice's number is voided in the register with ``reason`` (it is never
        given again) and the notice is a draft without a number, free to take another."""
        reason = reason.strip()
        if not reason:
            raise ConflictError("退回文号须填写原因，会记入发文登记簿")
        with self.db.session() as session:
            notice = _load(session, notice_id)
            if notice.number is None or notice.series is None or notice.year is None:
                raise ConflictError("该公文还没有文号")
            returned = DocNumber(notice.series.code, notice.year, notice.number)
            before = notice_to_data(notice)
            entry = session.scalar(
                select(RegisterEntry).where(
                    RegisterEntry.series_id == notice.series_id,
                    RegisterEntry.year == notice.year,
                    RegisterEntry.number == notice.number,
                )
            )
            if entry is None:
                raise NotFoundError(f"登记簿中没有文号 {returned}")
            entry.title = notice.title  # the register keeps what the number was taken for
            entry.voided = True
            entry.void_reason = reason
            entry.voided_by = self.db.clerk
            entry.voided_at = dt.datetime.now(dt.UTC)
            entry.notice = None
            notice.number = None
            notice.status = str(NoticeStatus.DRAFT)
            session.flush()
            record_save(session, notice, before, self.db.clerk, "退回文号")
            return returned

    def set_number(self, notice_id: int, doc_number: DocNumber) -> list[NumberRun]:
        """Give the notice a number chosen by hand; refused unless it is free."""
        try:
            with self.db.session() as session:
                notice = _load(session, notice_id)
                if notice.number is not None:
                    raise ConflictError(f"该公文已有文号 {_doc_number(notice)}")
                before = notice_to_data(notice)
                runs = set_number_in(session, doc_number, notice, by=self.db.clerk)[1]
                session.flush()
                record_save(session, notice, before, self.db.clerk, "编号")
                return runs
        except IntegrityError:
            raise ConflictError(f"文号 {doc_number} 刚被其他用户占用") from None

    def list(
        self,
        *,
        year: int | None = None,
        series_code: str | None = None,
        include_deleted: bool = False,
        only_deleted: bool = False,
        ids: Iterable[int] | None = None,
    ) -> builtins.list[NoticeSummary]:
        """The notices' lines for the tree and ``list``; ``ids``: only those notices (after a
        save, the views reread the notices that changed and nothing else)."""
        if year is not None:
            validate_year(year)
        counted = select(Activity.notice_id, func.count(Activity.id).label("n"))
        wanted = sorted(set(ids)) if ids is not None else None
        if wanted is not None:
            counted = counted.where(Activity.notice_id.in_(wanted))
        counts = counted.group_by(Activity.notice_id).subquery()
        # Plain columns, not ORM objects: the tree lists every notice of the archive at start.
        query = (
            select(
                Notice.id,
                Notice.year,
                Notice.number,
                Notice.title,
                Notice.status,
                Notice.doc_date,
                Notice.folder,
                Notice.deleted_at,
                DocNumberSeries.code,
                Organ.name.label("organ_name"),
                func.coalesce(counts.c.n, 0).label("activity_count"),
            )
            .outerjoin(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
            .outerjoin(Organ, Notice.organ_id == Organ.id)
            .outerjoin(counts, counts.c.notice_id == Notice.id)
            # NULLS LAST spelled out: PostgreSQL puts NULLs first in a descending order, SQLite
            # last, and drafts (no number, often no year) belong at the end on both.
            .order_by(
                Notice.year.desc().nulls_last(),
                Notice.series_id.nulls_last(),
                Notice.number.desc().nulls_last(),
                Notice.id,
            )
        )
        if year is not None:
            query = query.where(Notice.year == year)
        if wanted is not None:
            query = query.where(Notice.id.in_(wanted))
        if series_code is not None:
            query = query.where(DocNumberSeries.code == series_code)
        if only_deleted:
            query = query.where(Notice.deleted_at.is_not(None))
        elif not include_deleted:
            query = query.where(Notice.deleted_at.is_(None))
        with self.db.read_session() as session:
            # Core rows (no ORM result layer) unpacked by position: a third of the time.
            shared: dict[object, Any] = {}
            return [_summary(*row, shared=shared) for row in session.connection().execute(query)]

    def delete(self, notice_id: int) -> None:
        """Move to the 回收站; the notice and its 文号 stay until the bin is emptied."""
        with self.db.session() as session:
            _load(session, notice_id).deleted_at = dt.datetime.now(dt.UTC)

    def restore(self, notice_id: int) -> None:
        with self.db.session() as session:
            _load(session, notice_id, include_deleted=True).deleted_at = None

    def purge_deleted(self) -> int:
        """Empty the 回收站. Register rows keep the 文号 and title, so no number is reused."""
        with self.db.session() as session:
            notices = session.scalars(select(Notice).where(Notice.deleted_at.is_not(None))).all()
            for notice in notices:
                session.delete(notice)
            return len(notices)

    def source_text(self, notice_id: int) -> str | None:
        """The original text of an imported notice, as it was read from the file."""
        with self.db.read_session() as session:
            notice = session.get(Notice, notice_id)
            if notice is None:
                raise NotFoundError(f"没有编号为 {notice_id} 的公文")
            return notice.source_text

    def find_by_source_hash(self, source_hash: str) -> int | None:
        """A notice imported from a file of the same content, if any (asked once a file)."""
        with self.db.read_connection() as connection:
            return connection.execute(_BY_SOURCE_HASH, {"source_hash": source_hash}).scalar()

    def find_by_doc_number(self, doc_number: DocNumber) -> int | None:
        """The notice (not in the 回收站) that has ``doc_number``, if any."""
        with self.db.read_session() as session:
            return session.scalar(
                select(Notice.id)
                .join(DocNumberSeries, Notice.series_id == DocNumberSeries.id)
                .where(
                    DocNumberSeries.code == doc_number.series_code,
                    Notice.year == doc_number.year,
                    Notice.number == doc_number.number,
                    Notice.deleted_at.is_(None),
                )
                .limit(1)
            )

    def departments_in_use(self) -> builtins.list[str]:
        """Every department name written on an activity, most used first."""
        with self.db.read_session() as session:
            query = (
                select(ActivityDepartment.name)
                .group_by(ActivityDepartment.name)
                .order_by(func.count().desc(), ActivityDepartment.name)
            )
            return list(session.scalars(query))


def _status_after_edit(notice: Notice, wanted: NoticeStatus) -> NoticeStatus:
    if notice.number is None:
        return NoticeStatus.DRAFT if wanted is NoticeStatus.NUMBERED else wanted
    if wanted is NoticeStatus.DRAFT:
        return NoticeStatus.NUMBERED  # a numbered notice cannot go back to being a draft
    return wanted


def _doc_number(notice: Notice) -> str | None:
    if notice.series is None or notice.year is None or notice.number is None:
        return None
    return format_doc_number(notice.series.code, notice.year, notice.number)


def _stale_message(notice: Notice) -> str:
    when = notice.updated_at.astimezone().strftime("%H:%M:%S") if notice.updated_at else ""
    return f"“{notice.title}”已在 {when} 被其他用户修改，您的修改未保存；请刷新后再改"


_STATUSES = {str(status): status for status in NoticeStatus}


def _summary(
    notice_id: int,
    year: int | None,
    number: int | None,
    title: str,
    status: str,
    date: dt.date | None,
    folder: str,
    deleted_at: dt.datetime | None,
    series_code: str | None,
    organ: str | None,
    activity_count: int,
    *,
    shared: dict[object, Any] | None = None,
) -> NoticeSummary:
    """``shared``: one object for each value the notices of a list repeat (their series,
    organ, folder, year and date), where the driver gives each row its own copy."""
    if shared is not None:
        year, date = shared.setdefault(year, year), shared.setdefault(date, date)
        series_code, organ = (
            shared.setdefault(series_code, series_code),
            shared.setdefault(organ, organ),
        )
        folder = shared.setdefault(folder, folder)
    doc_number = None
    if series_code is not None and year is not None and number is not None:
        doc_number = format_doc_number(series_code, year, number)
    return NoticeSummary(
        id=notice_id,
        number=number,
        doc_number=doc_number,
        series_code=series_code,
        year=year,
        title=title,
        status=_STATUSES.get(status) or NoticeStatus(status),
        date=date,
        organ=organ,
        folder=folder,
        activity_count=int(activity_count),
        deleted=deleted_at is not None,
    )
