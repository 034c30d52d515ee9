"""A 完成时限 that ends before its notice was written: most likely meant for the next year.

A notice dated in December that says "4月份" means next April, but the year of a 完成时限 is
the notice's, so the period reads as last April and is overdue the day it is written. Such a
period is flagged (``before_notice``), and ``next_year_deadline`` offers the text that says
the next year in the clerk's own words ("次年4月份"), checked by reading it back.
"""

from __future__ import annotations

import datetime as dt
import re

from unionoffice.domain.deadline import Period, parse_deadline

_MONTH_RE = re.compile(r"(?<![\d年])(\d{1,2})(?=月)")
_BARE_FIRST_RE = re.compile(r"^(\d{1,2})(?=\s*[—–\-~～至到]\s*\d{1,2}月)")
_HAS_YEAR_RE = re.compile(r"\d{4}年|[次明本当]年|年底|年末|年终|全年|年内|年度")


def before_notice(period: Period | None, notice_date: dt.date | None) -> bool:
    """Whether the period ends before the notice's 成文日期 (so it cannot be what was meant)."""
    return period is not None and notice_date is not None and period.end < notice_date


def _shifted(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 2月29日
        return day.replace(year=day.year + 1, day=28)


def next_year_deadline(text: str, year: int, notice_date: dt.date | None) -> str | None:
    """The 完成时限 ``text`` rewritten to mean the same days of the next year, or None when
    the text already names a year or no rewriting reads back as that period."""
    period = parse_deadline(text, year, not_before=notice_date)
    if period is None or _HAS_YEAR_RE.search(text):
        return None
    wanted_end = _shifted(period.end)
    wanted_starts = {_shifted(period.start)}
    if notice_date is not None:
        wanted_starts.add(notice_date)  # "4月底前": from the notice's date to next 30 April
    stripped = text.strip()
    months = _BARE_FIRST_RE.sub(r"\1月", stripped)  # "4—7月份" -> "4月—7月份"
    every_month = _MONTH_RE.sub(lambda m: f"{year + 1}年{m[1]}", months)
    for candidate in (f"次年{stripped}", f"{year + 1}年{months}", every_month):
        found = parse_deadline(candidate, year, not_before=notice_date)
        if found is not None and found.end == wanted_end and found.start in wanted_starts:
            return candidate
    return None
