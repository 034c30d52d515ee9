"""Titles and scope lines of a timetable, in the words clerks use.

A notice titled 关于印发《开展庆祝建党 100 周年暨庆"五一" 系列活动方案》的通知 gives the table
title 2021年庆祝建党100周年暨庆“五一”系列活动安排表.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.text import nfc
from unionoffice.exporting.timetable.model import SortOrder, format_chinese_date

if TYPE_CHECKING:
    from unionoffice.exporting.timetable.selection import TimetableFilter

_PLAN_NAME_RE = re.compile(r"《(?P<name>[^》]+)》")
_ABOUT_RE = re.compile(r"^.*?关于")
_KIND_SUFFIX_RE = re.compile(r"的(?:通知|通报|意见|函|决定|报告)$")
_LEADING_VERB_RE = re.compile(r"^(?:印发|开展|举办|组织|做好|关于)")
_PLAN_SUFFIX_RE = re.compile(r"(?:实施方案|方案|计划|安排|要点)$")
_YEAR_PREFIX_RE = re.compile(r"^\d{4}年")
# Whitespace goes, except between two Latin letters or digits ("COVID 19" stays readable).
_SPACE_RE = re.compile(r"(?<![A-Za-z0-9])[\s\u3000]+|[\s\u3000]+(?![A-Za-z0-9])")
_TITLE_SUFFIX = "安排表"


def tidy_title(text: str) -> str:
    """Drop stray spaces around Chinese text and pair straight double quotes as “…”."""
    text = _SPACE_RE.sub("", nfc(text).strip())
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an unpaired quote: leave the quotes as they are
        return text
    quoted = [f"“{part}”" if index % 2 else part for index, part in enumerate(parts)]
    return "".join(quoted)


def plan_name(notice_title: str) -> str:
    """The plan a notice announces, e.g. 庆祝建党100周年暨庆“五一”系列活动."""
    title = tidy_title(notice_title)
    match = _PLAN_NAME_RE.search(title)
    name = match["name"] if match else _KIND_SUFFIX_RE.sub("", _ABOUT_RE.sub("", title, count=1))
    previous = None
    while previous != name:
        previous = name
        name = _LEADING_VERB_RE.sub("", name)
    stripped = _PLAN_SUFFIX_RE.sub("", name)
    return stripped or name


def notice_timetable_title(notice: NoticeData) -> str:
    """2021年庆祝建党100周年暨庆“五一”系列活动安排表."""
    name = plan_name(notice.title)
    if not _YEAR_PREFIX_RE.match(name):
        name = f"{notice.plan_year}年{name}"
    return f"{name}{_TITLE_SUFFIX}"


def title_for(notices: Sequence[NoticeData], flt: TimetableFilter) -> str:
    """The title of one notice's plan, or of a year's (or month's, or department's) plans."""
    if len(notices) == 1:
        return notice_timetable_title(notices[0])
    if flt.month is not None:
        when = f"{flt.month[0]}年{flt.month[1]}月"
    elif flt.year is not None:
        when = f"{flt.year}年"
    else:
        years = sorted({notice.plan_year for notice in notices})
        when = f"{years[0]}年" if len(years) == 1 else f"{years[0]}—{years[-1]}年"
    department = tidy_title(flt.department) if flt.department else ""
    return f"{when}{department}活动{_TITLE_SUFFIX}"


def subtitle_for(notices: Sequence[NoticeData], row_count: int) -> str:
    """文号 and date of one notice; how many notices and activities for several."""
    if len(notices) == 1:
        notice = notices[0]
        parts = [notice.doc_number or "", format_chinese_date(notice.date) if notice.date else ""]
        return "　　".join(part for part in parts if part)
    return f"共{len(notices)}份公文，{row_count}项活动"


def describe_scope(flt: TimetableFilter) -> str:
    """The filters in one line, e.g. 省总宣教部牵头的活动；2021年4月进行的活动."""
    parts = []
    if flt.department:
        role = "牵头" if flt.lead_only else "牵头或配合"
        parts.append(f"{tidy_title(flt.department)}{role}的活动")
    if flt.month is not None:
        parts.append(f"{flt.month[0]}年{flt.month[1]}月进行的活动")
    elif flt.year is not None:
        parts.append(f"{flt.year}年内的活动")
    if flt.overdue_on is not None:
        parts.append(f"截至{format_chinese_date(flt.overdue_on)}逾期未完成的活动")
    if flt.sort is SortOrder.START:
        parts.append("按开始日期排序")
    return "；".join(parts)
