"""法定节假日 and 调休 working days: seeded from the chinesecalendar library, set by the clerk.

A year is copied from the library into ``calendar_days`` the first time it is shown, so the
clerk can see and change every day; a day the clerk has set is never overwritten. Years the
library does not know yet (the State Council publishes each year's 安排 in November) are
entered by the clerk. The library is imported on first use: start-up does not need it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from unionoffice.domain.calendar_days import (
    DayEntry,
    DayKind,
    DaySource,
    SpecialDay,
    describe_day,
)
from unionoffice.domain.errors import DatabaseError, UnionOfficeError
from unionoffice.storage.database import Database
from unionoffice.storage.models import CalendarDay

MAX_NAME_LENGTH = 20
MAX_RANGE_DAYS = 31
FIRST_YEAR, LAST_YEAR = 1990, 2100

# The library's English holiday names; a name it adds later falls back to its own Chinese.
_CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


class CalendarDayError(UnionOfficeError):
    """A holiday or 调休 day the clerk entered cannot be kept as it is."""


class HolidayLibrary:
    """The chinesecalendar package as SpecialDays, imported and converted once, on first use."""

    def __init__(self) -> None:
        self._days: dict[dt.date, SpecialDay] | None = None
        self._years: frozenset[int] = frozenset()

    def _load(self) -> dict[dt.date, SpecialDay]:
        if self._days is None:
            self._days = _library_days()
            self._years = frozenset(day.year for day in self._days)
        return self._days

    def years(self) -> frozenset[int]:
        """The years whose 放假安排 the library holds."""
        self._load()
        return self._years

    def day(self, day: dt.date) -> SpecialDay | None:
        return self._load().get(day)

    def days_of(self, year: int) -> list[SpecialDay]:
        return sorted((d for d in self._load().values() if d.day.year == year), key=lambda d: d.day)


def _library_days() -> dict[dt.date, SpecialDay]:
    try:
        from chinese_calendar import constants
    except ImportError:  # a build without the library: the clerk enters every year
        return {}

    def chinese(english: str) -> str:
        if english in _CHINESE_NAMES:
            return _CHINESE_NAMES[english]
        try:
            name = str(constants.Holiday(english).chinese)
        except (ValueError, AttributeError):
            name = "节假日"
        return name[:MAX_NAME_LENGTH]

    days = {
        day: SpecialDay(day, DayKind.HOLIDAY, chinese(english))
        for day, english in constants.holidays.items()
    }
    for day, english in constants.workdays.items():
        # The library lists every working day it knows of; only weekend ones are 调休.
        if day.weekday() >= 5:
            days[day] = SpecialDay(day, DayKind.WORKDAY, f"{chinese(english)}调休")
    return days


_SHARED_LIBRARY = HolidayLibrary()


class CalendarDayService:
    """Reads and changes the special days of the calendar; one instance per window is enough."""

    def __init__(self, db: Database, library: HolidayLibrary | None = None) -> None:
        self.db = db
        self.library = library if library is not None else _SHARED_LIBRARY
        self._seeded: set[int] = set()
        # Years whose library days could not be written (a read-only database): they are
        # merged in when read instead, so the calendar still shows them.
        self._unsaved: set[int] = set()

    # -- reading ------------------------------------------------------------------------------

    def special_days(self, first: dt.date, last: dt.date) -> dict[dt.date, SpecialDay]:
        """Holidays and 调休 working days in ``first``..``last`` by date, in one query.

        Ordinary days are left out, including library days the clerk set back to ordinary.
        """
        self.ensure_seeded(range(first.year, last.year + 1))
        query = select(CalendarDay).where(CalendarDay.day.between(first, last))
        with self.db.read_session() as session:
            rows = {row.day: _special(row) for row in session.scalars(query)}
        for year in self._unsaved & set(range(first.year, last.year + 1)):
            for library_day in self.library.days_of(year):
                if first <= library_day.day <= last:
                    rows.setdefault(library_day.day, library_day)
        return {day: found for day, found in rows.items() if found.kind is not DayKind.NORMAL}

    def year_entries(self, year: int) -> list[DayEntry]:
        """Every stored day of ``year`` (ordinary ones too), with the library's view of each."""
        _check_year(year)
        self.ensure_seeded([year])
        query = (
            select(CalendarDay)
            .where(CalendarDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
            .order_by(CalendarDay.day)
        )
        with self.db.read_session() as session:
            current = {row.day: _special(row) for row in session.scalars(query)}
        if year in self._unsaved:
            for library_day in self.library.days_of(year):
                current.setdefault(library_day.day, library_day)
        return [DayEntry(current[day], self.library.day(day)) for day in sorted(current)]

    def missing_years(self, years: Iterable[int]) -> list[int]:
        """The years of ``years`` that neither the library nor the clerk has filled in."""
        wanted = sorted(set(years))
        if not wanted:
            return []
        with self.db.read_session() as session:
            filled = {
                year
                for year in wanted
                if session.scalar(select(CalendarDay.day).where(_in_year(year)).limit(1))
                is not None
            }
        unfilled = [year for year in wanted if year not in filled]
        if not unfilled:  # the usual case: no need to load the library at all
            return []
        known = self.library.years()
        return [year for year in unfilled if year not in known]

    # -- seeding ------------------------------------------------------------------------------

    def ensure_seeded(self, years: Iterable[int]) -> None:
        """Copy the library's days of ``years`` into the table, once per year and service.

        A year that already holds library rows was seeded before (this or an earlier run), so
        the library is not even imported for it.
        """
        wanted = [year for year in years if year not in self._seeded]
        if not wanted:
            return
        with self.db.read_session() as session:
            seeded_before = {
                year
                for year in wanted
                if session.scalar(
                    select(CalendarDay.day)
                    .where(_in_year(year), CalendarDay.source == DaySource.LIBRARY.value)
                    .limit(1)
                )
                is not None
            }
        for year in wanted:
            if year not in seeded_before:
                try:
                    self._seed_year(year)
                except DatabaseError:
                    self._unsaved.add(year)
            self._seeded.add(year)

    def _seed_year(self, year: int) -> None:
        days = self.library.days_of(year)
        if not days:
            return
        with self.db.read_session() as session:
            present = set(session.scalars(select(CalendarDay.day).where(_in_year(year))))
        missing = [d for d in days if d.day not in present]
        if not missing:
            return
        insert = sqlite_insert if self.db.is_sqlite else postgresql_insert
        values = [
            {"day": d.day, "kind": d.kind.value, "name": d.name, "source": DaySource.LIBRARY.value}
            for d in missing
        ]
        # Another program may seed the same year at the same moment; its rows are as good.
        statement = insert(CalendarDay).values(values).on_conflict_do_nothing()
        with self.db.session() as session:
            session.execute(statement)

    # -- changing -----------------------------------------------------------------------------

    def set_day(self, day: dt.date, kind: DayKind | str, name: str = "") -> SpecialDay | None:
        """Make ``day`` a holiday, a 调休 working day or an ordinary day; returns what it is now."""
        return self.set_days(day, day, kind, name)[0]

    def set_days(
        self, first: dt.date, last: dt.date, kind: DayKind | str, name: str = ""
    ) -> list[SpecialDay | None]:
        """The same for every day of ``first``..``last`` (a whole 国庆 at once), in one go."""
        return self._set(_check_range(first, last), kind, name)

    def clear_days(self, days: Sequence[dt.date]) -> None:
        """Make ``days`` ordinary (the clerk's 取消), in one transaction."""
        self._set([_check_day(day) for day in days], DayKind.NORMAL, "")

    def _set(self, days: list[dt.date], kind: DayKind | str, name: str) -> list[SpecialDay | None]:
        """An ordinary day the library knows nothing of needs no row: it is removed (None)."""
        kind = _check_kind(kind)
        name = _check_name(kind, name)
        if kind is DayKind.WORKDAY:
            weekdays = [day for day in days if day.weekday() < 5]
            if weekdays:
                raise CalendarDayError(
                    f"{describe_day(weekdays[0])}本来就是工作日，不必设为调休上班；"
                    "调休上班日只能是星期六或星期日。"
                )
        self.ensure_seeded({day.year for day in days})
        results: list[SpecialDay | None] = []
        with self.db.session() as session:
            for day in days:
                row = session.get(CalendarDay, day)
                if kind is DayKind.NORMAL and self.library.day(day) is None:
                    if row is not None:
                        session.delete(row)
                    results.append(None)
                    continue
                if row is None:
                    row = CalendarDay(day=day)
                    session.add(row)
                row.kind, row.name, row.source = kind.value, name, DaySource.CLERK.value
                results.append(SpecialDay(day, kind, name, DaySource.CLERK))
        return results

    def reset_day(self, day: dt.date) -> SpecialDay | None:
        """Undo the clerk's setting of ``day``: back to what the library says, or ordinary."""
        return self.reset_days([day])[0]

    def reset_days(self, days: Sequence[dt.date]) -> list[SpecialDay | None]:
        """The same for several days, in one transaction."""
        days = [_check_day(day) for day in days]
        library_days = [self.library.day(day) for day in days]
        with self.db.session() as session:
            session.execute(delete(CalendarDay).where(CalendarDay.day.in_(days)))
            for library_day in library_days:
                if library_day is not None:
                    session.add(
                        CalendarDay(
                            day=library_day.day,
                            kind=library_day.kind.value,
                            name=library_day.name,
                            source=DaySource.LIBRARY.value,
                        )
                    )
        return library_days


def _special(row: CalendarDay) -> SpecialDay:
    return SpecialDay(row.day, DayKind(row.kind), row.name, DaySource(row.source))


def _in_year(year: int) -> ColumnElement[bool]:
    return CalendarDay.day.between(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CalendarDayError(f"只能设置{FIRST_YEAR}年至{LAST_YEAR}年的节假日。")


def _check_kind(kind: DayKind | str) -> DayKind:
    try:
        return DayKind(kind)
    except ValueError:
        raise CalendarDayError("日期类型只能是：放假、调休上班或普通工作日。") from None


def _check_name(kind: DayKind, name: str) -> str:
    name = re.sub(r"\s+", " ", name or "").strip()
    if kind is DayKind.NORMAL:
        return ""
    if kind is DayKind.HOLIDAY and not name:
        raise CalendarDayError("请填写节日名称，如“春节”“国庆节”。")
    if len(name) > MAX_NAME_LENGTH:
        raise CalendarDayError(f"名称“{name[:10]}…”太长，最多 {MAX_NAME_LENGTH} 个字。")
    return name


def _check_day(day: dt.date) -> dt.date:
    if not isinstance(day, dt.date):
        raise CalendarDayError("请填写日期。")
    _check_year(day.year)
    return day


def _check_range(first: dt.date, last: dt.date) -> list[dt.date]:
    _check_day(first)
    _check_day(last)
    if last < first:
        raise CalendarDayError("结束日期不能早于开始日期。")
    count = (last - first).days + 1
    if count > MAX_RANGE_DAYS:
        raise CalendarDayError(f"一次最多设置 {MAX_RANGE_DAYS} 天，请分几次录入。")
    return [first + dt.timedelta(days=offset) for offset in range(count)]
