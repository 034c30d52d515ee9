"""文号 allocation and the 发文登记 register: never the same number twice, never a silent gap."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from unionoffice.domain.doc_number import (
    DocNumber,
    NumberRun,
    format_doc_number,
    missing_runs,
    parse_doc_number,
    validate_series_code,
    validate_year,
)
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import NoticeStatus
from unionoffice.domain.register import Register, RegisterRow
from unionoffice.storage.database import Database
from unionoffice.storage.models import DocNumberSeries, Notice, RegisterEntry
from unionoffice.storage.services.organs import find_or_create_series

# How often allocation retries when another process won the race for the same number; only
# PostgreSQL without the row lock can get here, SQLite serialises writers at BEGIN.
_ALLOCATION_ATTEMPTS = 5


@dataclass(frozen=True)
class Allocation:
    doc_number: DocNumber
    series_created: bool


def _series_by_code(session: Session, code: str) -> DocNumberSeries:
    series = session.scalar(select(DocNumberSeries).where(DocNumberSeries.code == code))
    if series is None:
        raise NotFoundError(f"没有机关代字为“{code}”的文号序列")
    return series


def _lock_series(session: Session, series: DocNumberSeries) -> None:
    """Serialise allocation per series: a row lock on PostgreSQL (SQLite is already locked)."""
    if session.get_bind().dialect.name == "sqlite":
        return  # the write transaction began IMMEDIATE; SQLite has no row locks to take
    session.execute(
        select(DocNumberSeries.id).where(DocNumberSeries.id == series.id).with_for_update()
    )


def highest_number(session: Session, series: DocNumberSeries, year: int) -> int:
    return (
        session.scalar(
            select(func.max(RegisterEntry.number)).where(
                RegisterEntry.series_id == series.id, RegisterEntry.year == year
            )
        )
        or 0
    )


def allocate_in(
    session: Session,
    series: DocNumberSeries,
    year: int,
    notice: Notice | None = None,
    *,
    by: str = "",
) -> DocNumber:
    """Give out the next number of ``series`` in ``year`` inside the caller's transaction;
    ``by``: the clerk taking it, for the register."""
    validate_year(year)
    _lock_series(session, series)
    number = highest_number(session, series, year) + 1
    entry = RegisterEntry(series=series, year=year, number=number, title="", allocated_by=by)
    _bind(entry, notice)
    session.add(entry)
    session.flush()
    return DocNumber(series.code, year, number)


def _bind(entry: RegisterEntry, notice: Notice | None) -> None:
    if notice is None:
        return
    entry.notice = notice
    entry.title = notice.title
    notice.series = entry.series
    notice.year = entry.year
    notice.number = entry.number
    if notice.status == NoticeStatus.DRAFT:
        notice.status = NoticeStatus.NUMBERED


def set_number_in(
    session: Session,
    doc_number: DocNumber,
    notice: Notice | None = None,
    *,
    by: str = "",
    series: DocNumberSeries | None = None,
    gap: bool = True,
) -> tuple[DocNumber, list[NumberRun]]:
    """Take a number chosen by hand, only if it is free (or reserved and unused, for a notice).

    Returns the number and the run of numbers this leaves unassigned below it, so the caller
    can say so rather than skip them silently (not looked for when ``gap`` is False: a
    notice stored with the number it was written with). ``series``: the number's series,
    when the caller has just looked it up.
    """
    if series is None:
        series, _ = find_or_create_series(session, doc_number.series_code)
    _lock_series(session, series)
    entry = session.scalar(
        select(RegisterEntry).where(
            RegisterEntry.series_id == series.id,
            RegisterEntry.year == doc_number.year,
            RegisterEntry.number == doc_number.number,
        )
    )
    if entry is not None:
        if entry.voided:
            raise ConflictError(f"文号 {doc_number} 已作废（{entry.void_reason}），不能再用")
        if entry.notice_id is not None or notice is None:
            owner = f"：{entry.title}" if entry.title else ""
            raise ConflictError(f"文号 {doc_number} 已被占用{owner}")
        _bind(entry, notice)  # a reserved number now goes to its notice
        session.flush()
        return doc_number, []
    highest = highest_number(session, series, doc_number.year) if gap else doc_number.number
    entry = RegisterEntry(
        series=series,
        year=doc_number.year,
        number=doc_number.number,
        title="",
        manual=True,
        allocated_by=by,
    )
    _bind(entry, notice)
    session.add(entry)
    session.flush()
    missing = [(highest + 1, doc_number.number - 1)] if doc_number.number > highest + 1 else []
    return doc_number, missing


class NumberingService:
    """文号 allocation, manual numbers, voiding and the register, each one transaction."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def allocate(self, series_code: str, year: int) -> Allocation:
        """Reserve the next number of a series (created on first use) for ``year``."""
        series_code = validate_series_code(series_code)
        validate_year(year)
        for attempt in range(_ALLOCATION_ATTEMPTS):
            try:
                with self.db.session() as session:
                    series, created = find_or_create_series(session, series_code)
                    number = allocate_in(session, series, year, by=self.db.clerk)
                    return Allocation(number, created)
            except IntegrityError:
                if attempt == _ALLOCATION_ATTEMPTS - 1:
                    raise ConflictError("文号分配冲突，请重试") from None
        raise AssertionError("unreachable")

    def set_number(self, doc_number: DocNumber | str) -> tuple[DocNumber, list[NumberRun]]:
        value = _as_doc_number(doc_number)
        try:
            with self.db.session() as session:
                return set_number_in(session, value, by=self.db.clerk)
        except IntegrityError:
            raise ConflictError(f"文号 {value} 刚被其他用户占用") from None

    def void(self, doc_number: DocNumber | str, reason: str) -> RegisterRow:
        """Mark a number 作废 with a reason; it stays in the register and is never reused."""
        value = _as_doc_number(doc_number)
        reason = reason.strip()
        if not reason:
            raise ConflictError("作废文号须填写原因")
        with self.db.session() as session:
            series = _series_by_code(session, value.series_code)
            entry = session.scalar(
                select(RegisterEntry).where(
                    RegisterEntry.series_id == series.id,
                    RegisterEntry.year == value.year,
                    RegisterEntry.number == value.number,
                )
            )
            if entry is None:
                raise NotFoundError(f"登记簿中没有文号 {value}")
            if entry.voided:
                raise ConflictError(f"文号 {value} 已经作废")
            entry.voided = True
            entry.void_reason = reason
            entry.voided_by = self.db.clerk
            entry.voided_at = dt.datetime.now(dt.UTC)
            if entry.notice is not None:
                entry.notice.status = NoticeStatus.VOID
            session.flush()
            return _row(entry)

    def register(self, series_code: str, year: int) -> Register:
        """The 发文登记 of one series and year, with the numbers missing below the highest."""
        validate_year(year)
        with self.db.read_session() as session:
            series = _series_by_code(session, validate_series_code(series_code))
            entries = session.scalars(
                select(RegisterEntry)
                .where(RegisterEntry.series_id == series.id, RegisterEntry.year == year)
                .order_by(RegisterEntry.number)
            ).all()
            rows = [_row(entry) for entry in entries]
        taken = {row.number for row in rows}
        missing = missing_runs(taken, max(taken, default=0))
        return Register(series.code, year, rows, missing)

    def next_number(self, series_code: str, year: int) -> DocNumber:
        """What allocate would give now (for display; allocation itself may differ later)."""
        with self.db.read_session() as session:
            series = session.scalar(
                select(DocNumberSeries).where(DocNumberSeries.code == series_code)
            )
            highest = highest_number(session, series, year) if series is not None else 0
        return DocNumber(series_code, year, highest + 1)


def _as_doc_number(value: DocNumber | str) -> DocNumber:
    return value if isinstance(value, DocNumber) else parse_doc_number(value)


def _row(entry: RegisterEntry) -> RegisterRow:
    title = entry.notice.title if entry.notice is not None else entry.title
    return RegisterRow(
        doc_number=format_doc_number(entry.series.code, entry.year, entry.number),
        series_code=entry.series.code,
        year=entry.year,
        number=entry.number,
        notice_id=entry.notice_id,
        title=title,
        manual=entry.manual,
        voided=entry.voided,
        void_reason=entry.void_reason,
        allocated_at=entry.allocated_at,
        allocated_by=entry.allocated_by,
        voided_by=entry.voided_by,
        voided_at=entry.voided_at,
    )
