"""A notice as JSON and back, losing nothing: the editor's crash-recovery copy is kept this way.

``notice_from_json(notice_to_json(n)) == n`` for every NoticeData. Unknown keys are ignored and
missing keys take their defaults, so a copy written by an older program still reads.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import (
    ActivityData,
    ActivityStatus,
    Block,
    BlockKind,
    NoticeData,
    NoticeStatus,
)

FORMAT_VERSION = 1

_TEXT_FIELDS = (
    "recipients",
    "attachment_note",
    "signature",
    "remark",
    "cc",
    "distributor",
    "folder",
    "copy_number",
    "secrecy",
    "secrecy_term",
    "urgency",
    "issuer",
    "attendees",
    "absentees",
    "observers",
)


class NoticeJsonError(ValueError):
    """The text is not a notice written by ``notice_to_json``."""


def notice_to_dict(notice: NoticeData) -> dict[str, Any]:
    """Plain JSON types only: strings, numbers, lists, dicts and None."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": notice.id,
        "version": notice.version,
        "title": notice.title,
        "organ": notice.organ,
        "series_code": notice.series_code,
        "year": notice.year,
        "number": notice.number,
        "status": str(notice.status),
        "body": [{"kind": str(b.kind), "text": b.text, "level": b.level} for b in notice.body],
        "date": _date_text(notice.date),
        "distribution_date": _date_text(notice.distribution_date),
        "activities": [_activity_to_dict(a) for a in notice.activities],
    }
    for name in _TEXT_FIELDS:
        data[name] = getattr(notice, name)
    return data


def notice_from_dict(data: dict[str, Any]) -> NoticeData:
    """The NoticeData ``notice_to_dict`` was made from; NoticeJsonError when it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        raise NoticeJsonError("不是公文数据")
    try:
        notice = NoticeData(
            title=data["title"],
            organ=_optional_str(data.get("organ")),
            series_code=_optional_str(data.get("series_code")),
            year=_optional_int(data.get("year")),
            number=_optional_int(data.get("number")),
            status=NoticeStatus(data.get("status", NoticeStatus.DRAFT)),
            body=[
                Block(BlockKind(b["kind"]), str(b["text"]), int(b.get("level", 0)))
                for b in data.get("body", [])
            ],
            date=_date(data.get("date")),
            distribution_date=_date(data.get("distribution_date")),
            activities=[_activity_from_dict(a) for a in data.get("activities", [])],
            id=_optional_int(data.get("id")),
            version=_optional_int(data.get("version")),
        )
        for name in _TEXT_FIELDS:
            setattr(notice, name, str(data.get(name) or ""))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise NoticeJsonError(f"公文数据不完整：{exc}") from exc
    return notice


def notice_to_json(notice: NoticeData) -> str:
    return json.dumps(notice_to_dict(notice), ensure_ascii=False, indent=1)


def notice_from_json(text: str) -> NoticeData:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise NoticeJsonError(f"不是有效的 JSON：{exc}") from exc
    return notice_from_dict(data)


def _activity_to_dict(activity: ActivityData) -> dict[str, Any]:
    period = activity.period
    return {
        "title": activity.title,
        "text": activity.text,
        "section": activity.section,
        "deadline": activity.deadline,
        "start": _date_text(period.start) if period else None,
        "end": _date_text(period.end) if period else None,
        "lead": list(activity.lead),
        "cooperating": list(activity.cooperating),
        "leader": activity.leader,
        "status": str(activity.status),
        "note": activity.note,
        "supervision_note": activity.supervision_note,
        "start_time": _time_text(period.start_time) if period else None,
        "end_time": _time_text(period.end_time) if period else None,
        "responsible_person": activity.responsible_person,
        "place": activity.place,
        "participants": activity.participants,
    }


def _activity_from_dict(data: dict[str, Any]) -> ActivityData:
    start, end = _date(data.get("start")), _date(data.get("end"))
    start_time, end_time = _time(data.get("start_time")), _time(data.get("end_time"))
    return ActivityData(
        title=str(data["title"]),
        text=str(data.get("text") or ""),
        section=_optional_str(data.get("section")),
        deadline=str(data.get("deadline") or ""),
        period=Period(start, end, start_time, end_time) if start and end else None,
        lead=[str(name) for name in data.get("lead", [])],
        cooperating=[str(name) for name in data.get("cooperating", [])],
        leader=_optional_str(data.get("leader")),
        status=ActivityStatus(data.get("status", ActivityStatus.NOT_STARTED)),
        note=str(data.get("note") or ""),
        responsible_person=_optional_str(data.get("responsible_person")),
        place=str(data.get("place") or ""),
        participants=str(data.get("participants") or ""),
        supervision_note=str(data.get("supervision_note") or ""),
    )


def _date_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _time_text(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _time(value: object) -> dt.time | None:
    return dt.time.fromisoformat(str(value)) if value else None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def _optional_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"不是整数：{value!r}")
    return int(value)
