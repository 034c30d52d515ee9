"""The timetable as a calendar file (RFC 5545, via the ``icalendar`` library): one all-day
event per activity period, so leaders see the plan in their phone or Outlook calendar.

UIDs depend on the notice and the activity's place in it, so importing a newer export of the
same plan updates the events instead of doubling them.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event

from unionoffice.exporting.timetable.model import Timetable, TimetableRow, printable
from unionoffice.exporting.timetable.output import write_atomically

PRODID = "-//UnionOffice//工会公文助手//ZH"
UID_DOMAIN = "unionoffice"


def event_uid(row: TimetableRow) -> str:
    """A UID that stays the same across exports of the same notice's activity."""
    notice = row.notice
    if notice.id is not None:
        key = f"notice-{notice.id}"
    else:
        digest = hashlib.sha1(notice.label.encode("utf-8"), usedforsecurity=False).hexdigest()
        key = f"notice-{digest[:16]}"
    return f"{key}-activity-{row.position}@{UID_DOMAIN}"


def build_calendar(timetable: Timetable, *, stamp: datetime) -> Calendar:
    """The calendar of ``timetable``'s activities that have a period.

    ``stamp`` (an aware UTC datetime, usually now) is each event's DTSTAMP; it is passed in so
    the same input gives the same file.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", printable(timetable.title))
    for row in timetable.rows:
        period = row.period
        if period is None:
            continue
        event = Event()
        event.add("uid", event_uid(row))
        event.add("dtstamp", stamp)
        event.add("dtstart", period.start)
        event.add("dtend", period.end + timedelta(days=1))  # DTEND of a DATE event is exclusive
        event.add("summary", printable(row.content[0]))
        event.add("description", printable(_description(row)))
        event.add("transp", "TRANSPARENT")  # a month-long plan item does not make anyone busy
        if row.activity.lead:
            event.add("categories", [printable(name) for name in row.activity.lead])
        calendar.add_component(event)
    return calendar


def render_timetable_ics(timetable: Timetable, *, stamp: datetime) -> bytes:
    """The .ics file's bytes (UTF-8, CRLF line endings, long lines folded)."""
    return build_calendar(timetable, stamp=stamp).to_ical()


def write_timetable_ics(timetable: Timetable, path: str | Path, *, stamp: datetime) -> int:
    """Write the calendar atomically to ``path``; return how many events it holds."""
    calendar = build_calendar(timetable, stamp=stamp)
    write_atomically(path, calendar.to_ical())
    return len(calendar.walk("VEVENT"))


def _description(row: TimetableRow) -> str:
    activity = row.activity
    lines = [f"完成时限：{activity.deadline}"] if activity.deadline else []
    if activity.lead:
        lines.append(f"牵头部门：{row.lead_text}")
    if activity.cooperating:
        lines.append(f"配合部门：{row.cooperating_text}")
    if activity.leader:
        lines.append(f"责任领导：{activity.leader}")
    lines.append(f"进度：{activity.status}")
    source = row.notice.title
    if row.notice.doc_number:
        source = f"{row.notice.doc_number}　{source}"
    lines.append(f"来源：{source}")
    detail = row.content[1]
    if detail:
        lines += ["", detail]
    return "\n".join(lines)
