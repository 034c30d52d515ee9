"""Notice (公文) and activity values: what importers produce, exporters consume and the
storage layer persists. Plain data, no database session attached."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from unionoffice.domain.deadline import Period, parse_deadline
from unionoffice.domain.doc_number import DocNumber, format_doc_number


class NoticeStatus(enum.StrEnum):
    DRAFT = "草稿"
    NUMBERED = "已编号"
    ISSUED = "已印发"
    VOID = "作废"


class ActivityStatus(enum.StrEnum):
    NOT_STARTED = "未开始"
    IN_PROGRESS = "进行中"
    DONE = "已完成"


class BlockKind(enum.StrEnum):
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    # Starts an attachment (附件) on a new page; its text is the attachment's title.
    ATTACHMENT = "attachment"


@dataclass
class Block:
    """One block of a notice body: a paragraph, a heading of level 1–4, or an attachment title.

    Heading text is stored without its number; numbering (一、 （一） 1. （1）) is derived.
    """

    kind: BlockKind
    text: str
    level: int = 0

    def __post_init__(self) -> None:
        if self.kind is BlockKind.HEADING and self.level not in (1, 2, 3, 4):
            raise ValueError(f"a heading has level 1..4, not {self.level}")
        if self.kind is not BlockKind.HEADING:
            self.level = 0

    @classmethod
    def paragraph(cls, text: str) -> Block:
        return cls(BlockKind.PARAGRAPH, text)

    @classmethod
    def heading(cls, level: int, text: str) -> Block:
        return cls(BlockKind.HEADING, text, level)

    @classmethod
    def attachment(cls, title: str) -> Block:
        return cls(BlockKind.ATTACHMENT, title)


@dataclass
class ActivityData:
    """One item of an activity plan: what is done, by when, by whom; for an event also where,
    for whom and at what time of day (the period's start and end times).

    ``leader`` is the 责任领导, ``responsible_person`` the 责任人/负责人 (people, not
    departments); ``place`` the 地点 and ``participants`` the 参加对象/参加人员, as written.
    ``note`` is the plan's own 备注; ``supervision_note`` what the office wrote when it
    followed the item up (督办情况: "3月5日电话督促，已拟方案").
    """

    title: str
    text: str = ""
    section: str | None = None
    deadline: str = ""
    period: Period | None = None
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    leader: str | None = None
    status: ActivityStatus = ActivityStatus.NOT_STARTED
    note: str = ""
    responsible_person: str | None = None
    place: str = ""
    participants: str = ""
    supervision_note: str = ""

    def with_parsed_period(self, year: int, not_before: dt.date | None = None) -> ActivityData:
        """Fill ``period`` from ``deadline`` (the text stays as written)."""
        self.period = parse_deadline(self.deadline, year, not_before=not_before)
        return self


@dataclass
class NoticeData:
    """A whole notice as a clerk sees it, from red header to 版记."""

    title: str
    organ: str | None = None
    series_code: str | None = None
    year: int | None = None
    number: int | None = None
    status: NoticeStatus = NoticeStatus.DRAFT
    recipients: str = ""
    body: list[Block] = field(default_factory=list)
    attachment_note: str = ""
    signature: str = ""
    date: dt.date | None = None
    remark: str = ""
    cc: str = ""
    distributor: str = ""
    distribution_date: dt.date | None = None
    folder: str = ""
    # 版头 marks (GB/T 9704 7.2.1–7.2.3) and the 签发人 of an upward notice (7.2.5); empty: none.
    copy_number: str = ""  # 份号
    secrecy: str = ""  # 密级: 秘密, 机密 or 绝密
    secrecy_term: str = ""  # 保密期限, e.g. 1年
    urgency: str = ""  # 紧急程度: 加急 or 特急
    issuer: str = ""  # 签发人 (names separated by spaces); set: an upward notice (上行文)
    # 纪要 (GB/T 9704 8): who attended, who was excused (请假) and who sat in (列席), as written
    attendees: str = ""
    absentees: str = ""
    observers: str = ""
    activities: list[ActivityData] = field(default_factory=list)
    # Set when read from the database: the record's id and the version a save must match.
    id: int | None = None
    version: int | None = None

    @property
    def doc_number(self) -> str | None:
        """The formatted 文号, or None while the notice has no number."""
        if self.series_code and self.year and self.number:
            return format_doc_number(self.series_code, self.year, self.number)
        return None

    def set_doc_number(self, value: DocNumber | None) -> None:
        if value is None:
            self.number = None
            return
        self.series_code, self.year, self.number = value.series_code, value.year, value.number

    @property
    def outline(self) -> list[str]:
        """The level-1 heading texts, in order, without their 一、 numbering."""
        return [b.text for b in self.body if b.kind is BlockKind.HEADING and b.level == 1]

    @property
    def plan_year(self) -> int:
        """The year 完成时限 such as "4月份" refer to."""
        if self.year:
            return self.year
        if self.date:
            return self.date.year
        return dt.date.today().year
