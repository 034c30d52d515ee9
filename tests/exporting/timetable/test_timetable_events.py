"""Events in the timetables: 时间 and 地点 columns in the PDF and the spreadsheet when a row has
them (参加对象 and 责任人 too in the spreadsheet), timed China-time events in the .ics."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from openpyxl import load_workbook
from pypdf import PdfReader

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.exporting.timetable import (
    Column,
    SortOrder,
    TimetableFilter,
    build_timetable,
    render_timetable_ics,
    write_timetable_pdf,
    write_timetable_xlsx,
)
from unionoffice.exporting.timetable.ics import event_times
from unionoffice.exporting.timetable.xlsx import HEADERS


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


STAMP = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


def _events() -> NoticeData:
    notice = NoticeData(
        title="关于举办庆祝“三八”国际妇女节系列活动的通知",
        organ="白鹭湾区总工会",
        year=2024,
        date=date(2024, 3, 1),
        id=7,
        activities=[
            ActivityData(
                title="女职工素质提升讲座",
                deadline="3月6日（星期三）下午2时30分至4时30分",
                place="区工人文化宫二楼多功能厅",
                participants="各单位女职工代表",
                responsible_person="钟敏",
            ),
            ActivityData(title="女职工健步行活动", deadline="3月8日上午9时30分", place="滨海步道"),
            ActivityData(title="读书分享会", deadline="3月下旬", lead=["女职工部"]),
            ActivityData(title="篮球赛", deadline="3月25日至3月27日上午9时"),
        ],
    )
    for activity in notice.activities:
        activity.with_parsed_period(2024, not_before=notice.date)
    return notice


def test_the_time_and_place_columns_come_after_the_deadline() -> None:
    timetable = build_timetable([_events()])
    assert timetable.columns[:5] == (
        Column.SEQ, Column.CONTENT, Column.DEADLINE, Column.TIME, Column.PLACE,
    )  # fmt: skip
    without_times = _events()
    without_times.activities = without_times.activities[2:3]
    assert Column.TIME not in build_timetable([without_times]).columns
    assert Column.PLACE not in build_timetable([without_times]).columns


def test_the_pdf_prints_time_and_place(tmp_path) -> None:
    target = tmp_path / "安排.pdf"
    write_timetable_pdf(build_timetable([_events()]), target)
    text = pdf_text(target)
    for expected in ("时间", "地点", "14:30—16:30", "9:30", "区工人文化宫二楼", "滨海步道"):
        assert expected in text, expected


def test_the_spreadsheet_has_every_event_field(tmp_path) -> None:
    target = tmp_path / "台账.xlsx"
    write_timetable_xlsx(build_timetable([_events()]), target)
    sheet = load_workbook(target).active
    headers = [cell.value for cell in sheet[1]]
    at = headers.index("结束日期") + 1
    assert headers[at : at + 4] == ["时间", "地点", "参加对象", "责任人"]
    lecture = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert lecture["时间"] == "14:30—16:30" and lecture["地点"] == "区工人文化宫二楼多功能厅"
    assert (lecture["参加对象"], lecture["责任人"]) == ("各单位女职工代表", "钟敏")
    # a table of tasks keeps the columns it always had
    tasks = _events()
    tasks.activities = tasks.activities[2:3]
    write_timetable_xlsx(build_timetable([tasks]), target)
    assert tuple(cell.value for cell in load_workbook(target).active[1]) == HEADERS


def test_timed_events_are_in_china_time_and_tasks_stay_all_day() -> None:
    data = render_timetable_ics(build_timetable([_events()]), stamp=STAMP)
    calendar = Calendar.from_ical(data)
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Asia/Shanghai"
    assert zone.walk("STANDARD")[0].decoded("TZOFFSETTO") == timedelta(hours=8)
    lecture, walk, reading, games = calendar.walk("VEVENT")
    start, end = lecture.decoded("DTSTART"), lecture.decoded("DTEND")
    assert lecture["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert (start.replace(tzinfo=None), end.replace(tzinfo=None)) == (
        datetime(2024, 3, 6, 14, 30),
        datetime(2024, 3, 6, 16, 30),
    )
    assert start.utcoffset() == timedelta(hours=8)  # 06:30 UTC
    assert str(lecture["LOCATION"]) == "区工人文化宫二楼多功能厅"
    assert "参加对象：各单位女职工代表" in str(lecture["DESCRIPTION"])
    assert str(lecture["TRANSP"]) == "OPAQUE"
    assert walk.decoded("DTSTART").replace(tzinfo=None) == datetime(2024, 3, 8, 9, 30)
    assert "DTEND" not in walk  # ends when it starts: the notice gives no end
    assert type(reading.decoded("DTSTART")) is date and str(reading["TRANSP"]) == "TRANSPARENT"
    assert games.decoded("DTEND").replace(tzinfo=None) == datetime(2024, 3, 28)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("3月6日下午2时30分至4时30分", datetime(2024, 3, 6, 14, 30), datetime(2024, 3, 6, 16, 30)),
        ("3月8日上午9时30分", datetime(2024, 3, 8, 9, 30), None),
        ("3月31日17时前", datetime(2024, 3, 31, 17), None),
        ("3月25日至27日上午9时", datetime(2024, 3, 25, 9), datetime(2024, 3, 28)),
    ],
)
def test_event_times(text: str, start: datetime, end: datetime | None) -> None:
    activity = ActivityData(title="活动", deadline=text).with_parsed_period(2024)
    assert activity.period is not None and activity.period.timed
    assert event_times(activity.period) == (start, end)
    assert isinstance(start.time(), time)


def test_sorted_by_start_events_of_a_day_go_by_the_hour() -> None:
    notice = _events()
    notice.activities.append(
        ActivityData(title="晨练", deadline="3月6日上午7时").with_parsed_period(2024)
    )
    rows = build_timetable([notice], TimetableFilter(sort=SortOrder.START)).rows
    assert [row.activity.title for row in rows][:2] == ["晨练", "女职工素质提升讲座"]
