"""JSON shapes of the command line (``show --json``, ``list --json``, register)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.domain.notice_summary import NoticeSummary
from unionoffice.storage.services.numbering import RegisterRow


def notice_json(notice: NoticeData) -> dict[str, Any]:
    return {
        "id": notice.id,
        "org": notice.organ,
        "doc_number": notice.doc_number,
        "title": notice.title,
        "recipients": notice.recipients,
        "date": notice.date.isoformat() if notice.date else None,
        "copy_number": notice.copy_number or None,
        "secrecy": notice.secrecy or None,
        "secrecy_term": notice.secrecy_term or None,
        "urgency": notice.urgency or None,
        "issuer": notice.issuer or None,
        "attendees": notice.attendees or None,
        "absentees": notice.absentees or None,
        "observers": notice.observers or None,
        "outline": notice.outline,
        "activities": [activity_json(i, a) for i, a in enumerate(notice.activities, start=1)],
    }


def activity_json(seq: int, activity: ActivityData) -> dict[str, Any]:
    """One activity; an event's times of day as "HH:MM" (China time), null for a task."""
    period = activity.period
    return {
        "seq": seq,
        "section": activity.section,
        "title": activity.title,
        "deadline": activity.deadline,
        "start": period.start.isoformat() if period else None,
        "end": period.end.isoformat() if period else None,
        "start_time": _clock(period.start_time) if period else None,
        "end_time": _clock(period.end_time) if period else None,
        "place": activity.place or None,
        "participants": activity.participants or None,
        "lead": list(activity.lead),
        "cooperating": list(activity.cooperating),
        "leader": activity.leader or None,
        "responsible_person": activity.responsible_person or None,
        "status": str(activity.status),
    }


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def summary_json(summary: NoticeSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "doc_number": summary.doc_number,
        "title": summary.title,
        "status": str(summary.status),
        "year": summary.year,
        "date": summary.date.isoformat() if summary.date else None,
        "org": summary.organ,
        "activity_count": summary.activity_count,
    }


def register_row_json(row: RegisterRow) -> dict[str, Any]:
    return {
        "doc_number": row.doc_number,
        "number": row.number,
        "state": row.state,
        "notice_id": row.notice_id,
        "title": row.title,
        "manual": row.manual,
        "void_reason": row.void_reason or None,
        "allocated_at": row.allocated_at.isoformat(),
    }
