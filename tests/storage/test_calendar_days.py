"""法定节假日 and 调休 days: seeded from chinesecalendar, corrected by the clerk, never lost."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from sqlalchemy import delete, event, func, select

from unionoffice.domain.calendar_days import DayKind, DaySource, SpecialDay
from unionoffice.domain.errors import DatabaseError
from unionoffice.storage.database import Database
from unionoffice.storage.models import CalendarDay
from unionoffice.storage.services.calendar_days import (
    CalendarDayError,
    CalendarDayService,
    HolidayLibrary,
)

d = dt.date


def _stored(db: Database) -> dict[dt.date, tuple[str, str, str]]:
    with db.read_session() as session:
        return {r.day: (r.kind, r.name, r.source) for r in session.scalars(select(CalendarDay))}


class CountingLibrary(HolidayLibrary):
    """The real library, counting how often the service asks it for a year's days."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[int] = []

    def days_of(self, year: int) -> list[SpecialDay]:
        self.asked.append(year)
        return super().days_of(year)


def test_the_library_knows_2026_in_chinese() -> None:
    library = HolidayLibrary()
    assert {2004, 2025, 2026} <= library.years() and 2027 not in library.years()
    spring = library.day(d(2026, 2, 17))
    assert spring == SpecialDay(d(2026, 2, 17), DayKind.HOLIDAY, "春节")
    assert library.day(d(2026, 2, 14)) == SpecialDay(d(2026, 2, 14), DayKind.WORKDAY, "春节调休")
    assert library.day(d(2026, 2, 13)) is None  # an ordinary Friday
    names = {day.name for day in library.days_of(2026) if day.kind is DayKind.HOLIDAY}
    assert names == {"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"}
    assert all(day.day.weekday() >= 5 for day in library.days_of(2025) if day.kind == "workday")


def test_a_year_is_seeded_once_on_first_need(db) -> None:
    library = CountingLibrary()
    service = CalendarDayService(db, library)
    october = service.special_days(d(2025, 10, 1), d(2025, 10, 31))
    assert [day.day for day in october.values() if day.kind is DayKind.HOLIDAY] == [
        d(2025, 10, n) for n in range(1, 9)
    ]
    assert october[d(2025, 10, 6)].name == "中秋节"  # 2025: 中秋 falls inside 国庆
    assert october[d(2025, 10, 11)] == SpecialDay(d(2025, 10, 11), DayKind.WORKDAY, "国庆节调休")
    assert d(2025, 10, 9) not in october  # ordinary days are left out
    stored = _stored(db)
    assert len(stored) == len(HolidayLibrary().days_of(2025))  # the whole year, not a month
    assert {source for _k, _n, source in stored.values()} == {"library"}
    service.special_days(d(2025, 5, 1), d(2025, 5, 31))
    assert library.asked == [2025]  # once per service
    # A later run finds the year in the table and does not ask the library again.
    later = CountingLibrary()
    assert CalendarDayService(db, later).special_days(d(2025, 10, 1), d(2025, 10, 31)) == october
    assert later.asked == []


def test_a_month_across_new_year_reads_both_years(db) -> None:
    days = CalendarDayService(db).special_days(d(2025, 12, 29), d(2026, 2, 1))
    assert days[d(2026, 1, 1)].name == "元旦" and days[d(2026, 1, 4)].kind is DayKind.WORKDAY


def test_the_clerk_changes_a_day_and_seeding_keeps_it(db) -> None:
    service = CalendarDayService(db)
    service.set_day(d(2026, 10, 8), "holiday", "  国庆节 ")  # before the year was ever seeded
    service.set_day(d(2026, 10, 7), DayKind.NORMAL)  # a library holiday made ordinary
    service.set_day(d(2026, 2, 28), DayKind.WORKDAY, "")  # kept with no name
    days = service.special_days(d(2026, 1, 1), d(2026, 12, 31))
    assert days[d(2026, 10, 8)] == SpecialDay(d(2026, 10, 8), DayKind.HOLIDAY, "国庆节", "clerk")
    assert d(2026, 10, 7) not in days
    assert days[d(2026, 10, 6)].source is DaySource.LIBRARY  # the rest was seeded around them
    assert days[d(2026, 2, 28)] == SpecialDay(d(2026, 2, 28), DayKind.WORKDAY, "", "clerk")
    # Seeding again (a new run, a new library version) never overwrites the clerk.
    db_rows = _stored(db)
    with db.session() as session:
        session.execute(delete(CalendarDay).where(CalendarDay.source == "library"))
    CalendarDayService(db).special_days(d(2026, 1, 1), d(2026, 12, 31))
    assert _stored(db) == db_rows
    assert db_rows[d(2026, 10, 7)] == ("normal", "", "clerk")


def test_reset_goes_back_to_the_library(db) -> None:
    service = CalendarDayService(db)
    service.set_day(d(2026, 10, 7), DayKind.NORMAL)
    service.set_day(d(2026, 10, 10), DayKind.HOLIDAY, "补休")  # the library: a 调休 Saturday
    national_day = SpecialDay(d(2026, 10, 7), DayKind.HOLIDAY, "国庆节")
    assert service.reset_day(d(2026, 10, 7)) == national_day
    assert service.reset_day(d(2026, 10, 10)).kind is DayKind.WORKDAY  # type: ignore[union-attr]
    service.set_day(d(2026, 3, 8), DayKind.HOLIDAY, "妇女节")
    assert service.reset_day(d(2026, 3, 8)) is None  # the library knows nothing of it
    stored = _stored(db)
    assert d(2026, 3, 8) not in stored
    assert stored[d(2026, 10, 7)] == ("holiday", "国庆节", "library")
    entries = {e.current.day: e for e in service.year_entries(2026)}
    assert not entries[d(2026, 10, 7)].differs_from_library


def test_making_an_unknown_day_ordinary_leaves_no_row(db) -> None:
    service = CalendarDayService(db)
    service.set_day(d(2027, 2, 10), DayKind.HOLIDAY, "春节")
    assert service.set_day(d(2027, 2, 10), DayKind.NORMAL) is None
    assert d(2027, 2, 10) not in _stored(db)


def test_a_range_is_set_in_one_go(db) -> None:
    service = CalendarDayService(db)
    set_days = service.set_days(d(2027, 10, 1), d(2027, 10, 7), DayKind.HOLIDAY, "国庆节")
    assert [day.day for day in set_days if day] == [d(2027, 10, n) for n in range(1, 8)]
    days = service.special_days(d(2027, 10, 1), d(2027, 10, 31))
    assert len(days) == 7 and {day.name for day in days.values()} == {"国庆节"}


@pytest.mark.parametrize(
    ("first", "last", "kind", "name", "message"),
    [
        (d(2027, 2, 10), d(2027, 2, 10), DayKind.HOLIDAY, "  ", "请填写节日名称"),
        (d(2027, 2, 10), d(2027, 2, 10), "vacation", "春节", "日期类型只能是"),
        (d(2027, 2, 10), d(2027, 2, 10), DayKind.HOLIDAY, "节" * 21, "最多 20 个字"),
        (d(2027, 2, 10), d(2027, 2, 10), DayKind.WORKDAY, "", "本来就是工作日"),
        (d(2027, 2, 6), d(2027, 2, 8), DayKind.WORKDAY, "", "2027年2月8日（星期一）"),
        (d(2027, 2, 10), d(2027, 2, 9), DayKind.HOLIDAY, "春节", "结束日期不能早于开始日期"),
        (d(2027, 1, 1), d(2027, 3, 1), DayKind.HOLIDAY, "寒假", "一次最多设置 31 天"),
        (d(1900, 1, 1), d(1900, 1, 1), DayKind.HOLIDAY, "元旦", "只能设置1990年至2100年"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_changes(
    db, first, last, kind, name, message
) -> None:
    service = CalendarDayService(db)
    service.set_day(d(2027, 2, 6), DayKind.WORKDAY, "春节调休")
    before = _stored(db)
    with pytest.raises(CalendarDayError, match=message):
        service.set_days(first, last, kind, name)
    assert _stored(db) == before


def test_missing_years_until_the_clerk_enters_them(db) -> None:
    service = CalendarDayService(db)
    assert service.missing_years([2025, 2026, 2027, 2028]) == [2027, 2028]
    service.set_day(d(2027, 1, 1), DayKind.HOLIDAY, "元旦")
    assert service.missing_years([2026, 2027, 2028]) == [2028]
    assert service.missing_years([]) == []


def test_a_library_less_build_leaves_every_year_to_the_clerk(db, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)  # import fails
    service = CalendarDayService(db, HolidayLibrary())
    assert service.special_days(d(2026, 1, 1), d(2026, 12, 31)) == {}
    assert service.missing_years([2026]) == [2026]


def test_a_read_only_database_still_shows_the_library(db_path) -> None:
    db = Database(db_path)
    try:
        db.engine.dispose()

        @event.listens_for(db.engine, "connect")
        def _read_only(dbapi_connection, _record):
            dbapi_connection.execute("PRAGMA query_only = ON")

        service = CalendarDayService(db)
        days = service.special_days(d(2026, 2, 1), d(2026, 2, 28))
        assert days[d(2026, 2, 17)].name == "春节" and days[d(2026, 2, 14)].kind is DayKind.WORKDAY
        assert {e.current.day for e in service.year_entries(2026)} >= {d(2026, 2, 17)}
        with pytest.raises(DatabaseError, match="只读"):
            service.set_day(d(2026, 2, 13), DayKind.HOLIDAY, "春节")
        with db.read_session() as session:
            assert session.scalar(select(func.count()).select_from(CalendarDay)) == 0
    finally:
        db.dispose()


def test_the_library_is_not_imported_until_needed() -> None:
    code = (
        "import sys, unionoffice.storage.services.calendar_days; "
        "print('chinese_calendar' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
