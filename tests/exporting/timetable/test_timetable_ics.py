"""The calendar file, parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from icalendar import Calendar

from unionoffice.domain.notice import NoticeData
from unionoffice.exporting.timetable import (
    build_timetable,
    render_timetable_ics,
    write_timetable_ics,
)

STAMP = datetime(2021, 4, 1, 8, 0, tzinfo=UTC)


def events(data: bytes) -> list:
    return Calendar.from_ical(data).walk("VEVENT")


def test_one_all_day_event_per_dated_activity(sample):
    found = events(render_timetable_ics(build_timetable([sample]), stamp=STAMP))
    assert len(found) == 20  # (二) has no 完成时限
    first = found[0]
    assert str(first["SUMMARY"]) == sample.activities[0].title
    start, end = first.decoded("DTSTART"), first.decoded("DTEND")
    assert type(start) is date and type(end) is date  # VALUE=DATE, all day
    assert (start, end) == (date(2021, 4, 1), date(2021, 5, 1))  # DTEND is exclusive
    whole_year = found[1]
    assert (whole_year.decoded("DTSTART"), whole_year.decoded("DTEND")) == (
        date(2021, 1, 1), date(2022, 1, 1)
    )  # fmt: skip
    assert whole_year.decoded("DTSTAMP") == STAMP


def test_description_in_chinese(sample):
    first = events(render_timetable_ics(build_timetable([sample]), stamp=STAMP))[0]
    description = str(first["DESCRIPTION"])
    assert "完成时限：4月份" in description
    assert "牵头部门：省总宣教部" in description
    assert "配合部门：西宁市总工会、海西州总工会" in description
    assert "来源：青总办〔2021〕15号" in description
    assert "组织省级宣讲团成员" in description


def test_uids_are_unique_and_stable(sample):
    timetable = build_timetable([sample])
    first = [str(e["UID"]) for e in events(render_timetable_ics(timetable, stamp=STAMP))]
    later = STAMP + timedelta(days=30)
    again = [str(e["UID"]) for e in events(render_timetable_ics(timetable, stamp=later))]
    assert first == again and len(set(first)) == len(first)
    assert first[0] == "notice-15-activity-1@unionoffice"
    sample.id = None
    unsaved = render_timetable_ics(build_timetable([sample]), stamp=STAMP)
    assert str(events(unsaved)[0]["UID"]) != first[0]
    assert events(unsaved)[0]["UID"] == events(render_timetable_ics(
        build_timetable([sample]), stamp=later
    ))[0]["UID"]  # fmt: skip


def test_calendar_header_and_written_file(sample, tmp_path: Path):
    target = tmp_path / "安排.ics"
    count = write_timetable_ics(build_timetable([sample]), target, stamp=STAMP)
    data = target.read_bytes()
    assert count == 20
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert "UnionOffice" in str(calendar["PRODID"])
    assert str(calendar["X-WR-CALNAME"]) == "2021年庆祝建党100周年暨庆“五一”系列活动安排表"


def test_empty_plan_gives_a_valid_empty_calendar():
    notice = NoticeData("关于开展活动的通知", year=2021)
    assert events(render_timetable_ics(build_timetable([notice]), stamp=STAMP)) == []
