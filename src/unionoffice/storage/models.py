"""The schema, in SQLAlchemy 2 typed ORM. Alembic migrations own the real DDL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations can refer to them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        str: String(),
        dt.datetime: DateTime(timezone=True),
        dt.date: Date(),
        dt.time: Time(),
    }


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Organ(Base):
    """发文机关: the office that issues notices, with its red-header text and defaults."""

    __tablename__ = "organs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    header_text: Mapped[str] = mapped_column(String(100), default="")
    default_recipients: Mapped[str] = mapped_column(Text, default="")
    default_distributor: Mapped[str] = mapped_column(String(100), default="")

    series: Mapped[list[DocNumberSeries]] = relationship(back_populates="organ")
    departments: Mapped[list[Department]] = relationship(
        back_populates="organ", order_by="Department.position"
    )


class DocNumberSeries(Base):
    """A 文号 series: one 机关代字 (青总办, 青总办通 …), numbered afresh each year."""

    __tablename__ = "doc_number_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    organ_id: Mapped[int | None] = mapped_column(ForeignKey("organs.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(String(200), default="")

    organ: Mapped[Organ | None] = relationship(back_populates="series")


class RegisterEntry(Base):
    """发文登记: one row per 文号 ever given out, so a number is never given twice or lost.

    The unique constraint is the last guard against two processes taking the same number.
    """

    __tablename__ = "register_entries"
    __table_args__ = (
        UniqueConstraint("series_id", "year", "number"),
        CheckConstraint("number >= 1", name="number_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(ForeignKey("doc_number_series.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    notice_id: Mapped[int | None] = mapped_column(
        ForeignKey("notices.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(Text, default="")
    manual: Mapped[bool] = mapped_column(Boolean, default=False)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    allocated_at: Mapped[dt.datetime] = mapped_column(default=_now)
    allocated_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    voided_by: Mapped[str] = mapped_column(String(100), default="", server_default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column()

    series: Mapped[DocNumberSeries] = relationship()
    notice: Mapped[Notice | None] = relationship()


class Notice(Base):
    """公文: one notice with its header fields, body blocks and activities."""

    __tablename__ = "notices"
    __table_args__ = (
        UniqueConstraint("series_id", "year", "number"),
        Index("ix_notices_year_series", "year", "series_id"),
        # The order of the 全部活动 table (newest first), so it is walked, not sorted.
        Index("ix_notices_activity_order", text("year DESC"), text("doc_date DESC"), "id"),
        # A search word in an organ's name finds its notices; the 回收站's few notices every
        # search takes away (migration 0015).
        Index("ix_notices_organ", "organ_id"),
        Index(
            "ix_notices_in_bin",
            "id",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organ_id: Mapped[int | None] = mapped_column(ForeignKey("organs.id", ondelete="SET NULL"))
    series_id: Mapped[int | None] = mapped_column(
        ForeignKey("doc_number_series.id", ondelete="RESTRICT")
    )
    year: Mapped[int | None] = mapped_column(Integer)
    number: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="草稿")
    title: Mapped[str] = mapped_column(Text, default="")
    recipients: Mapped[str] = mapped_column(Text, default="")
    attachment_note: Mapped[str] = mapped_column(Text, default="")
    signature: Mapped[str] = mapped_column(String(200), default="")
    doc_date: Mapped[dt.date | None] = mapped_column()
    remark: Mapped[str] = mapped_column(Text, default="")
    cc: Mapped[str] = mapped_column(Text, default="")
    distributor: Mapped[str] = mapped_column(String(200), default="")
    distribution_date: Mapped[dt.date | None] = mapped_column()
    folder: Mapped[str] = mapped_column(String(200), default="")
    # 份号, 密级, 保密期限, 紧急程度 and 签发人 (GB/T 9704 7.2); empty when the notice has none.
    copy_number: Mapped[str] = mapped_column(String(20), default="", server_default="")
    secrecy: Mapped[str] = mapped_column(String(10), default="", server_default="")
    secrecy_term: Mapped[str] = mapped_column(String(20), default="", server_default="")
    urgency: Mapped[str] = mapped_column(String(10), default="", server_default="")
    issuer: Mapped[str] = mapped_column(String(100), default="", server_default="")
    # 纪要: 出席, 请假 and 列席 as the clerk writes them
    attendees: Mapped[str] = mapped_column(Text, default="", server_default="")
    absentees: Mapped[str] = mapped_column(Text, default="", server_default="")
    observers: Mapped[str] = mapped_column(Text, default="", server_default="")
    source_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    # The whole text of an imported file, so nothing the importer could not place is lost.
    source_text: Mapped[str | None] = mapped_column(Text, deferred=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(default=_now, onupdate=_now)
    deleted_at: Mapped[dt.datetime | None] = mapped_column()
    # Optimistic locking: a save based on an old version is refused, never silently applied.
    version: Mapped[int] = mapped_column(Integer, default=1)

    organ: Mapped[Organ | None] = relationship()
    series: Mapped[DocNumberSeries | None] = relationship()
    blocks: Mapped[list[BodyBlock]] = relationship(
        back_populates="notice", order_by="BodyBlock.position", cascade="all, delete-orphan"
    )
    activities: Mapped[list[Activity]] = relationship(
        back_populates="notice", order_by="Activity.position", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class BodyBlock(Base):
    """One paragraph, heading (level 1–4) or attachment title of a notice body."""

    __tablename__ = "body_blocks"
    __table_args__ = (UniqueConstraint("notice_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="paragraph")
    level: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")

    notice: Mapped[Notice] = relationship(back_populates="blocks")


class Department(Base):
    """A department of an organ's master list (省总宣教部 …), offered in the table editor."""

    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("organ_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organ_id: Mapped[int | None] = mapped_column(ForeignKey("organs.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)

    organ: Mapped[Organ | None] = relationship(back_populates="departments")
    aliases: Mapped[list[DepartmentAlias]] = relationship(
        back_populates="department", order_by="DepartmentAlias.id", cascade="all, delete-orphan"
    )


class DepartmentAlias(Base):
    """Another name of a department (migration 0012): one the clerk added, or the name of a
    department merged into it; imports map names written this way to the department."""

    __tablename__ = "department_aliases"
    __table_args__ = (UniqueConstraint("department_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    department_id: Mapped[int] = mapped_column(ForeignKey("departments.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100), index=True)

    department: Mapped[Department] = relationship(back_populates="aliases")


class Activity(Base):
    """One item of a notice's activity plan: a task with a 完成时限, or an event with a time,
    a place and those who take part.

    The period (start/end date, and the times of day an event's 时间 gives) is derived from
    ``deadline`` whenever the activity is written, never edited on its own.
    """

    __tablename__ = "activities"
    __table_args__ = (
        Index("ix_activities_notice_position", "notice_id", "position"),
        Index("ix_activities_period", "start_date", "end_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[dt.date | None] = mapped_column()
    end_date: Mapped[dt.date | None] = mapped_column()
    leader: Mapped[str | None] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(10), default="未开始")
    note: Mapped[str] = mapped_column(Text, default="")
    # Migration 0008: an event's 地点, 参加对象/参加人员, 责任人 and times of day.
    place: Mapped[str] = mapped_column(Text, default="", server_default="")
    participants: Mapped[str] = mapped_column(Text, default="", server_default="")
    responsible_person: Mapped[str | None] = mapped_column(String(100))
    start_time: Mapped[dt.time | None] = mapped_column()
    end_time: Mapped[dt.time | None] = mapped_column()
    # Migration 0011: what the office noted when it followed the item up (督办情况).
    supervision_note: Mapped[str] = mapped_column(Text, default="", server_default="")

    notice: Mapped[Notice] = relationship(back_populates="activities")
    departments: Mapped[list[ActivityDepartment]] = relationship(
        back_populates="activity",
        order_by="(ActivityDepartment.role, ActivityDepartment.position)",
        cascade="all, delete-orphan",
    )


class ActivityDepartment(Base):
    """A department named on an activity as 牵头 (lead) or 配合 (cooperating), in order.

    ``name`` keeps what was written even when it names no department of the master list.
    """

    __tablename__ = "activity_departments"
    __table_args__ = (
        UniqueConstraint("activity_id", "role", "position"),
        CheckConstraint("role IN ('lead', 'cooperating')", name="role_known"),
        Index("ix_activity_departments_name", "name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = mapped_column(ForeignKey("activities.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(12))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    department_id: Mapped[int | None] = mapped_column(
        ForeignKey("departments.id", ondelete="SET NULL")
    )

    activity: Mapped[Activity] = relationship(back_populates="departments")
    department: Mapped[Department | None] = relationship()


class CalendarDay(Base):
    """A day that is not what its weekday says: a statutory holiday or a 调休 working day.

    Rows come from the chinesecalendar library (``source`` 'library') or from the clerk
    ('clerk'), who can also mark a library day back to an ordinary one ('normal'); seeding a
    year never overwrites a day the clerk has set.
    """

    __tablename__ = "calendar_days"

    day: Mapped[dt.date] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(10), default="clerk")

    __table_args__ = (
        CheckConstraint("kind IN ('holiday', 'workday', 'normal')", name="kind_known"),
        CheckConstraint("source IN ('library', 'clerk')", name="source_known"),
    )


class ChangeLogEntry(Base):
    """One change a write made (migration 0010), read by the other windows to show it live.

    ``kind``: notice (saved or new; ``version`` is its new version), removed, numbers
    (``detail`` "机关代字:年份"), departments, organs, calendar_days.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str] = mapped_column(String(120), default="", server_default="")
    changed_at: Mapped[dt.datetime] = mapped_column(
        server_default=text("CURRENT_TIMESTAMP"), default=_now
    )



class NoticeRevision(Base):
    """One save of a notice, its 痕迹 (migration 0014): the version the save made, when, who,
    a line of what changed, and ``patch``, the way back to the version before (JSON,
    domain.notice_patch). Differences, not copies: a notice saved a thousand times stays small.
    """

    __tablename__ = "notice_revisions"
    __table_args__ = (UniqueConstraint("notice_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notices.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[dt.datetime] = mapped_column(default=_now)
    clerk: Mapped[str] = mapped_column(String(100), default="", server_default="")
    summary: Mapped[str] = mapped_column(Text, default="", server_default="")
    patch: Mapped[str] = mapped_column(Text, default="", server_default="")
