"""The timetable as a calendar file (RFC 5545, via the ``icalendar`` library): one event per
activity period, so leaders see the plan in their phone or Outlook calendar. A task is an
all-day event across its period; an event with times of day (上午9时30分) is timed, in China
time (Asia/Shanghai, written out as the file's VTIMEZONE so no time-zone database is needed).

UIDs depend on the notice and the activity's place in it, so importing a newer export of the
same plan updates the events instead of doubling them.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from unionoffice.domain.deadline import Period
from unionoffice.exporting.timetable.model import Timetable, TimetableRow, printable
from unionoffice.exporting.timetable.output import write_atomically

PRODID = "-//UnionOffice//工会公文助手//ZH"
UID_DOMAIN = "unionoffice"
CHINA_TZID = "Asia/Shanghai"  # UTC+8 all year: China has kept no summer time since 1991


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
    if any(row.period is not None and row.period.timed for row in timetable.rows):
        calendar.add_component(_china_time_zone())
    for row in timetable.rows:
        period = row.period
        if period is None:
            continue
        event = Event()
        event.add("uid", event_uid(row))
        event.add("dtstamp", stamp)
        if period.timed:
            start, end = event_times(period)
            event.add("dtstart", start, parameters={"TZID": CHINA_TZID})
            if end is not None:
                event.add("dtend", end, parameters={"TZID": CHINA_TZID})
        else:
            event.add("dtstart", period.start)
            event.add("dtend", period.end + timedelta(days=1))  # a DATE DTEND is exclusive
        if row.activity.place:
            event.add("location", printable(row.activity.place))
        event.add("summary", printable(row.content[0]))
        event.add("description", printable(_description(row)))
        # A month-long plan item does not make anyone busy; an event at 9:30 does.
        event.add("transp", "OPAQUE" if period.timed else "TRANSPARENT")
        if row.activity.lead:
            event.add("categories", [printable(name) for name in row.activity.lead])
        calendar.add_component(event)
    return calendar


def event_times(period: Period) -> tuple[datetime, datetime | None]:
    """China-time start and end of a timed period (naive: the file names the zone).

    An event that gives only its start ends when it starts unless it runs over several days
    (then at the end of its last day); one that gives only an end ("17时前") is that moment.
    """
    if period.start_time is None:
        assert period.end_time is not None
        moment = datetime.combine(period.end, period.end_time)
        return moment, None
    start = datetime.combine(period.start, period.start_time)
    if period.end_time is not None:
        return start, datetime.combine(period.end, period.end_time)
    if period.end > period.start:
        return start, datetime.combine(period.end + timedelta(days=1), time())
    return start, None


def _china_time_zone() -> Timezone:
    zone = Timezone()
    zone.add("tzid", CHINA_TZID)
    standard = TimezoneStandard()
    standard.add("dtstart", datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", timedelta(hours=8))
    standard.add("tzoffsetto", timedelta(hours=8))
    standard.add("tzname", "CST")
    zone.add_component(standard)
    return zone


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
    for label, value in (
        ("地点", activity.place),
        ("参加对象", activity.participants),
        ("责任人", activity.responsible_person or ""),
    ):
        if value:
            lines.append(f"{label}：{value}")
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
