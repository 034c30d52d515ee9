"""Days that are not what their weekday says: 法定节假日, 调休 working days, and the clerk's
own corrections, as values the calendar and its editor show (storage keeps them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

WEEKDAY_NAMES = "一二三四五六日"


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # 放假
    WORKDAY = "workday"  # 调休上班, on a weekend
    NORMAL = "normal"  # an ordinary day: the clerk cancelled what the library says


class DaySource(StrEnum):
    LIBRARY = "library"
    CLERK = "clerk"


@dataclass(frozen=True)
class SpecialDay:
    """One day that is not what its weekday says (or, ``NORMAL``, a library day undone)."""

    day: dt.date
    kind: DayKind
    name: str
    source: DaySource = DaySource.LIBRARY


@dataclass(frozen=True)
class DayEntry:
    """A row of the 节假日 editor: what the day is now, and what the library says of it."""

    current: SpecialDay
    library: SpecialDay | None

    @property
    def differs_from_library(self) -> bool:
        """True when 恢复 would change something."""
        if self.library is None:
            return True
        current = self.current
        return (current.kind, current.name) != (self.library.kind, self.library.name)


def describe_day(day: dt.date) -> str:
    """'2026年2月14日（星期六）', for messages."""
    return f"{day.year}年{day.month}月{day.day}日（星期{WEEKDAY_NAMES[day.weekday()]}）"
