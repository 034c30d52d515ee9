"""Times of day in an event's 时间 as clerks write them: 上午9时30分, 下午4时20分至5时10分, 14:30.

``split_times`` takes them out of the text and leaves the dates for the 完成时限 parser, so
"3月8日（星期二）下午4时20分至5时10分" reads as the day 3月8日 from 16:20 to 17:10.
"""

from __future__ import annotations

import re
from datetime import time

from unionoffice.domain.chinese_numerals import ChineseNumeralError, chinese_to_int

_AFTERNOON = ("下午", "傍晚", "晚上", "晚间", "夜间", "晚")
_PART_OF_DAY = "凌晨|早上|早晨|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|晚"
_CN_CLOCK_RE = re.compile(r"[零〇○一二三四五六七八九十两]+(?=[时点分])")
_TIME_RE = re.compile(
    rf"(?P<part>{_PART_OF_DAY})?"
    r"(?P<hour>\d{1,2})(?:[:：](?P<minute>\d{2})|[时点](?:(?P<minutes>\d{1,2})分|(?P<half>半))?)"
)
# A character every time of day, weekday or part of the day is written with.
_ANY_TIME_RE = re.compile(r"[时点:：午晚晨期周拜天]")
_WEEKDAY_RE = re.compile(r"[（(]?(?:星期|礼拜|周)[一二三四五六日天][）)]?")
# What is left of a range once its times are gone: "9月20日至" from "9月20日4时至5时".
_DANGLING_RANGE_RE = re.compile(r"^[至到\-—~～]+|[至到\-—~～]+$")
_PARTS_OF_DAY_RE = re.compile(r"凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|全天|整天")


def format_clock(value: time) -> str:
    """ "9:30", "14:00": a time of day as schedules print it (no leading zero)."""
    return f"{value.hour}:{value.minute:02d}"


def format_times(start: time | None, end: time | None) -> str:
    """ "14:30—16:30", "9:30", "17:00前" (a deadline within the day), or "" without times."""
    if start is not None and end is not None:
        return f"{format_clock(start)}—{format_clock(end)}"
    if start is not None:
        return format_clock(start)
    if end is not None:
        return f"{format_clock(end)}前"
    return ""


def strip_weekday(text: str) -> str:
    """ "3月8日（星期二）上午" -> "3月8日上午": the weekday repeats the date."""
    return _WEEKDAY_RE.sub("", text)


def split_times(text: str) -> tuple[str, time | None, time | None]:
    """The text without its times of day (and 上午/下午 words), the first time and the second.

    A second time without 上午/下午 takes the first one's: 下午4时20分至5时10分 ends at 17:10.
    Text with no time, or with an impossible one (25时), gives (text, None, None).
    """
    if not _ANY_TIME_RE.search(text):
        return text, None, None  # most 完成时限 name no time: decided at once
    text = _CN_CLOCK_RE.sub(_arabic, strip_weekday(text))
    matches = []
    for match in _TIME_RE.finditer(text):
        matches.append(match)
        if len(matches) == 2:
            break
    if not matches:
        return _without_parts_of_day(text), None, None
    rest = text
    for match in reversed(matches):
        rest = rest[: match.start()] + rest[match.end() :]
    rest = _DANGLING_RANGE_RE.sub("", _without_parts_of_day(rest))
    start = _clock(matches[0], None)
    end = _clock(matches[1], matches[0]["part"]) if len(matches) == 2 else None
    if start is None or (len(matches) == 2 and end is None):
        return rest, None, None  # "25时" is a typo: the day still stands
    return rest, start, end


def _arabic(match: re.Match[str]) -> str:
    try:
        return str(chinese_to_int(match[0]))
    except ChineseNumeralError:
        return match[0]


def _without_parts_of_day(text: str) -> str:
    return _PARTS_OF_DAY_RE.sub("", text)


def _clock(match: re.Match[str], earlier_part: str | None) -> time | None:
    hour = int(match["hour"])
    minute_text = match["minute"] or match["minutes"]
    minute = 30 if match["half"] else int(minute_text) if minute_text else 0
    part = match["part"] or earlier_part
    # 下午4时 is 16:00; 中午12时 stays noon but 中午1时 is 13:00.
    if (part in _AFTERNOON and hour < 12) or (part in ("中午", "午间") and hour < 11):
        hour += 12
    if hour == 24 and minute == 0:
        hour, minute = 23, 59
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)
