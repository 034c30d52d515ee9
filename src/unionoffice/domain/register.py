"""发文登记簿: the register of one 机关代字 and year, and its lines as the paper register shows
them — every number given, voided or reserved, and the runs of numbers never given (缺号)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from unionoffice.domain.doc_number import NumberRun, describe_runs


@dataclass(frozen=True)
class RegisterRow:
    """One line of the 发文登记 register."""

    doc_number: str
    series_code: str
    year: int
    number: int
    notice_id: int | None
    title: str
    manual: bool
    voided: bool
    void_reason: str
    allocated_at: dt.datetime
    allocated_by: str = ""
    voided_by: str = ""
    voided_at: dt.datetime | None = None

    @property
    def state(self) -> str:
        if self.voided:
            return "作废"
        return "已用" if self.notice_id is not None else "预留"


@dataclass(frozen=True)
class Register:
    series_code: str
    year: int
    rows: list[RegisterRow]
    missing: list[NumberRun]  # runs of numbers below the highest that were never given out


@dataclass(frozen=True)
class RegisterLine:
    """One line of the register as printed: a number given, or a run of 缺号."""

    first: int  # the number, or the first of a run of missing numbers
    doc_number: str  # 青总办〔2021〕3号, or 5—9号 for a run of missing numbers
    title: str = ""
    date: dt.date | None = None  # the notice's 成文日期, else the day the number was taken
    state: str = ""  # 已用, 预留, 作废, 缺号
    taken_by: str = ""
    taken_at: dt.datetime | None = None
    remark: str = ""  # why it was voided, by whom and when; 手工指定
    notice_id: int | None = None
    voidable: bool = False  # given and not voided: 作废 applies

    @property
    def missing(self) -> bool:
        return self.state == MISSING


MISSING = "缺号"


def register_lines(register: Register, dates: dict[int, dt.date | None]) -> list[RegisterLine]:
    """The register's lines in number order, runs of missing numbers where they fall.

    ``dates``: the 成文日期 of the notices the numbers went to, by notice id.
    """
    lines: list[RegisterLine] = []
    for row in register.rows:
        remark = ""
        if row.voided:
            details = "，".join(
                part
                for part in (f"{row.voided_at:%Y-%m-%d}" if row.voided_at else "", row.voided_by)
                if part
            )
            remark = f"作废：{row.void_reason}" + (f"（{details}）" if details else "")
        elif row.manual:
            remark = "手工指定"
        notice_date = dates.get(row.notice_id) if row.notice_id is not None else None
        lines.append(
            RegisterLine(
                first=row.number,
                doc_number=row.doc_number,
                title=row.title,
                date=notice_date or row.allocated_at.date(),
                state=row.state,
                taken_by=row.allocated_by,
                taken_at=row.allocated_at,
                remark=remark,
                notice_id=row.notice_id,
                voidable=not row.voided,
            )
        )
    for run in register.missing:
        lines.append(
            RegisterLine(first=run[0], doc_number=describe_runs([run]), state=MISSING)
        )
    return sorted(lines, key=lambda line: line.first)
