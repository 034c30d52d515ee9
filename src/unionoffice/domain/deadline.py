"""完成时限: what clerks write (4月份, 4—7月份, 3月底前, 第三季度, 全年 …) as a date range.

The text is always kept as written; the period is derived from it and may be None when no one
could say which dates are meant ("根据工作需要", "另行通知"). An event's 时间 may carry times of
day as well ("3月8日上午9时30分"): the period then has a start and perhaps an end time.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, time

from unionoffice.domain.chinese_numerals import ChineseNumeralError, chinese_to_int
from unionoffice.domain.text import collapse_spaces, nfc, normalize_range_dashes, to_ascii_digits
from unionoffice.domain.time_of_day import format_times, split_times


@dataclass(frozen=True)
class Period:
    """A closed range of days, start <= end, with the times of day an event starts and ends
    when the notice gives them (上午9时30分 → start_time 09:30)."""

    start: date
    end: date
    start_time: time | None = None
    end_time: time | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts after it ends: {self.start} > {self.end}")
        if (
            self.start == self.end
            and self.start_time is not None
            and self.end_time is not None
            and self.start_time > self.end_time
        ):
            raise ValueError(f"period ends before it starts: {self.end_time} < {self.start_time}")

    @property
    def timed(self) -> bool:
        """Whether the period says when in the day it starts or ends (an event, not a task)."""
        return self.start_time is not None or self.end_time is not None

    @property
    def times_text(self) -> str:
        """The times of day as schedules print them: "14:30—16:30", "9:30", "17:00前", ""."""
        return format_times(self.start_time, self.end_time)

    def union(self, other: Period) -> Period:
        """The days of both periods (times of day are dropped: they no longer apply)."""
        return Period(min(self.start, other.start), max(self.end, other.end))

    def overlaps(self, first: date, last: date) -> bool:
        return self.start <= last and first <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31))


_WHOLE_YEAR_WORDS = (
    "全年", "全年度", "年内", "本年度", "年度内", "长期", "常态化", "持续", "每月", "每季度",
    "每年", "贯穿全年", "全年持续", "常年",
)  # fmt: skip
_NAMED_DAYS = {
    "元旦": "1月1日",
    "五一": "5月1日",
    "七一": "7月1日",
    "八一": "8月1日",
    "国庆": "10月1日",
}
_NAMED_DAY_RE = re.compile(
    r"(元旦|五一|七一|八一|国庆)(?:节)?(?=前|期间|前后|$|-|、|,|，|和|及|或)"
)
_CN_NUMBER_RE = re.compile(r"[零〇○一二三四五六七八九十两]+(?=月|日|号|季度|年|-|、|和|及|,|至|到)")
_TRAILING_NOISE_RE = re.compile(r"(?:完成|结束|为止|止|内|期间|前后|左右|[。．.;；,，])+$")
_LEADING_NOISE_RE = re.compile(r"^(?:于|在|从|自|计划|预计|力争)+")
_DEADLINE_MARK = "≤"  # stands for 截至 / 截止 / 到 at the start, before 至 and 到 become dashes
_DEADLINE_PREFIX_RE = re.compile(f"^{_DEADLINE_MARK}")
_DEADLINE_SUFFIX_RE = re.compile(r"(?:以前|之前|前)$")
_LIST_SEPARATORS_RE = re.compile(r"[、,，;；和及或]")
# "2018.09", "2018.9.30", "2018/09": a 完成时限 column of a task list.
_DOTTED_DATE_RE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})[.．/](\d{1,2})(?:[.．/](\d{1,2}))?(?![\d.．/])"
)
# Notes in brackets ("（遇节假日顺延）") name no dates; the weekday is taken out with the times.
_BRACKET_NOTE_RE = re.compile(r"[（(][^（()）]*[）)]")
_POINT_RE = re.compile(
    r"^(?:(?P<year>\d{4}|次|明|当|本)年)?"
    r"(?:(?P<month>\d{1,2})月份?)?"
    r"(?:(?P<day>\d{1,2})[日号]?)?"
    r"(?P<part>上旬|中旬|下旬|初|中|底|末)?$"
)
_QUARTER_RE = re.compile(
    r"^(?:(?P<year>\d{4}|次|明)年)?第?(?P<quarter>[1-4])季度(?P<part>初|末|底)?$"
)
_HALF_RE = re.compile(r"^(?:(?P<year>\d{4}|次|明)年)?(?P<half>上|下)半年(?P<part>末|底)?$")
_YEAR_END_RE = re.compile(r"^(?:(?P<year>\d{4})年)?(?:年底|年末|年终)$")
_YEAR_ONLY_RE = re.compile(r"^(?P<year>\d{4})年(?:度|全年)?$")


def parse_deadline(text: str, year: int, *, not_before: date | None = None) -> Period | None:
    """Parse a 完成时限 into the period it names within ``year`` (the notice's year).

    ``not_before`` (usually the notice's 成文日期) starts the period of a pure deadline such
    as "3月底前"; without it such a period starts on 1 January. Times of day ("上午9时30分",
    "下午4时20分至5时10分") go to the period's start and end times. Returns None, never raises,
    for text that names no dates.
    """
    return _parse_deadline(text, year, not_before)


# A plan's 完成时限 are read when it is stored and again for its history, and a folder of
# notices repeats the same few ("3月底前", "全年"): each is worked out once.
@functools.lru_cache(maxsize=4096)
def _parse_deadline(text: str, year: int, not_before: date | None) -> Period | None:
    try:
        dates, first, second = split_times(nfc(to_ascii_digits(collapse_spaces(text))))
        dates = _BRACKET_NOTE_RE.sub("", dates)
        period = _parse(dates, year, not_before)
        if period is None or first is None:
            return period
        if second is None and _DEADLINE_SUFFIX_RE.search(_TRAILING_NOISE_RE.sub("", dates)):
            return Period(period.start, period.end, None, first)  # "3月31日17时前"
        return Period(period.start, period.end, first, second)
    except (ValueError, ChineseNumeralError):
        return None


def _normalize(text: str) -> str:
    text = to_ascii_digits(collapse_spaces(nfc(text)))
    text = _DOTTED_DATE_RE.sub(_dotted, text)
    text = re.sub(r"^(?:截至|截止到|截止|到)", _DEADLINE_MARK, text)
    text = normalize_range_dashes(text).replace("至", "-").replace("到", "-")
    text = _NAMED_DAY_RE.sub(lambda m: _NAMED_DAYS[m[1]], text)
    text = _CN_NUMBER_RE.sub(lambda m: str(chinese_to_int(m[0])), text)
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_NOISE_RE.sub("", text)
        text = _LEADING_NOISE_RE.sub("", text)
    return text


def _dotted(match: re.Match[str]) -> str:
    day = f"{int(match[3])}日" if match[3] else ""
    return f"{match[1]}年{int(match[2])}月{day}"


def _parse(text: str, year: int, not_before: date | None) -> Period | None:
    text = _normalize(text)
    if not text:
        return None
    year_match = re.match(r"^(\d{4})年(?=全年|年内|全年度|上半年|下半年|第|\d+季度)", text)
    if year_match:
        year = int(year_match[1])
        text = text[year_match.end() :]
    if text in _WHOLE_YEAR_WORDS or text.startswith(("全年", "长期", "常态", "持续", "贯穿全年")):
        return whole_year(year)
    if m := _YEAR_ONLY_RE.match(text):
        return whole_year(int(m["year"]))

    deadline = False
    if (prefix := _DEADLINE_PREFIX_RE.match(text)) is not None:
        deadline = True
        text = text[prefix.end() :]
    if (suffix := _DEADLINE_SUFFIX_RE.search(text)) is not None:
        deadline = True
        before_marker = text[: suffix.start()]
        # "6月前" means before June begins; "6月底前", "6月5日前" keep their own day.
        if re.fullmatch(r"(?:\d{4}年)?\d{1,2}月份?", before_marker):
            span = _parse_item(before_marker, year)
            if span is None:
                return None
            end = span.start.toordinal() - 1
            return _deadline(date.fromordinal(end), year, not_before)
        text = before_marker
    if not text:
        return None

    span = _parse_list(text, year)
    if span is None:
        return None
    if deadline or _is_end_of(text):
        return _deadline(span.end, year, not_before)
    return span


def _is_end_of(text: str) -> bool:
    """ "6月底", "年底", "三季度末": a clerk writing only an end means "by then"."""
    return "-" not in text and bool(re.search(r"(?:底|末|年终)$", text))


def _deadline(end: date, year: int, not_before: date | None) -> Period:
    start = (
        not_before if not_before is not None else date(end.year if end.year <= year else year, 1, 1)
    )
    return Period(min(start, end), end)


def _parse_list(text: str, year: int) -> Period | None:
    """ "3月、6月、9月", "3、6、9月", "一、二季度": the span from the first to the last."""
    items = [item for item in _LIST_SEPARATORS_RE.split(text) if item]
    if not items:
        return None
    # A bare number takes the unit of the next item that has one: "3、6月" -> 3月, 6月.
    for index in range(len(items) - 2, -1, -1):
        if items[index].isdigit():
            unit = re.search(r"(月份?|季度|日|号)$", items[index + 1])
            if unit:
                items[index] += unit[1]
    result: Period | None = None
    for item in items:
        span = _parse_range(item, year)
        if span is None:
            return None
        result = span if result is None else result.union(span)
    return result


def _parse_range(text: str, year: int) -> Period | None:
    parts = text.split("-")
    if len(parts) == 1:
        return _parse_item(text, year)
    if len(parts) != 2 or not parts[0] or not parts[1]:
        return None
    first_text, last_text = parts
    last_year = year
    year_match = re.match(r"^(\d{4})年", first_text)
    if year_match:
        last_year = int(year_match[1])
    last = _parse_item(last_text, last_year)
    if last is None:
        # "6月5-10日": the last part has a day only and takes the first part's month.
        month = re.search(r"(\d{1,2})月", first_text)
        if month and re.fullmatch(r"\d{1,2}[日号]", last_text):
            last = _parse_item(f"{month[1]}月{last_text}", last_year)
        if last is None:
            return None
    if first_text.isdigit():
        unit = re.search(r"(月份?|季度|日|号)", last_text)
        if unit is None:
            return None
        if unit[1] in ("日", "号"):
            first_text = f"{last.start.month}月{first_text}日"
        else:
            first_text += unit[1]
    first = _parse_item(first_text, year)
    if first is None:
        return None
    if last.end < first.start and not re.match(r"^(\d{4}|次|明)年", last_text):
        # "11月-2月" crosses into the next year.
        last = _parse_item(last_text, last.end.year + 1)
        if last is None:
            return None
    if last.end < first.start:
        return None
    return Period(first.start, last.end)


def _resolve_year(token: str | None, year: int) -> int:
    if token is None or token in ("当", "本"):
        return year
    if token in ("次", "明"):
        return year + 1
    return int(token)


def _parse_item(text: str, year: int) -> Period | None:
    if m := _QUARTER_RE.match(text):
        y = _resolve_year(m["year"], year)
        q = int(m["quarter"])
        return Period(date(y, 3 * q - 2, 1), month_end(y, 3 * q))
    if m := _HALF_RE.match(text):
        y = _resolve_year(m["year"], year)
        if m["half"] == "上":
            return Period(date(y, 1, 1), date(y, 6, 30))
        return Period(date(y, 7, 1), date(y, 12, 31))
    if m := _YEAR_END_RE.match(text):
        y = _resolve_year(m["year"], year)
        return Period(date(y, 12, 21), date(y, 12, 31))
    m = _POINT_RE.match(text)
    if not m or (m["month"] is None and m["day"] is None):
        return None
    y = _resolve_year(m["year"], year)
    if m["month"] is None:
        return None  # a day with no month names no date; ranges fill the month in first
    month = int(m["month"])
    if not 1 <= month <= 12:
        return None
    if m["day"] is not None:
        day = int(m["day"])
        if not text.endswith(("日", "号")) and m["part"] is None and "月" not in text:
            return None
        the_day = date(y, month, day)  # ValueError for 2月30日 -> None above
        return Period(the_day, the_day)
    part = m["part"]
    last_day = month_end(y, month).day
    if part in ("上旬", "初"):
        return Period(date(y, month, 1), date(y, month, 10))
    if part in ("中旬", "中"):
        return Period(date(y, month, 11), date(y, month, 20))
    if part in ("下旬", "底", "末"):
        return Period(date(y, month, 21), date(y, month, last_day))
    return Period(date(y, month, 1), date(y, month, last_day))
