"""A notice that is itself one event: "关于召开…会议的通知" with 一、会议时间 / 二、会议地点 /
三、参加人员 sections (or "时间：…" lines) and no plan of activities.

The event becomes one activity named after the title ("召开全市工会女职工工作会议"); the notice's
text stays in the body as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import ActivityData
from unionoffice.importing.activity_info import ActivityInfo, parse_info
from unionoffice.importing.document import Line, Table
from unionoffice.importing.patterns import LABEL_KIND, is_label_line

_EVENT_KINDS = frozenset({"deadline", "place", "participants", "person"})
_TITLE_RE = re.compile(r"^(?:.*?关于)?(?P<event>.+?)(?:的)?(?:通知|预通知|补充通知)$")


def _first_clause_dates(info: ActivityInfo) -> None:
    """ "2022年10月18日至20日，会期3天": the dates are the first clause, the rest a note."""
    head, comma, rest = info.deadline.partition("，")
    if comma and parse_deadline(info.deadline, 2000) is None and parse_deadline(head, 2000):
        info.deadline = head
        info.notes.append(rest)


def notice_event(elements: Sequence[Line | Table], title: str) -> ActivityData | None:
    """The event a notice announces, when its own sections give at least a time and a place or
    the people who attend; None otherwise."""
    info = ActivityInfo()
    for index, element in enumerate(elements):
        if isinstance(element, Table):
            continue
        heading = split_heading(element.text)
        text = heading[2] if heading else element.text
        if is_label_line(text):
            parsed = parse_info(text)
        elif heading is not None and (label := text.rstrip("：:")) in LABEL_KIND:
            following = elements[index + 1] if index + 1 < len(elements) else None
            if not isinstance(following, Line) or split_heading(following.text) is not None:
                continue
            parsed = parse_info(f"{label}：{following.text}")  # "一、会议地点" over its line
            if parsed is not None and LABEL_KIND[label] == "deadline":
                _first_clause_dates(parsed)
        else:
            continue
        label = re.split(r"[：:]", text, maxsplit=1)[0].strip("（( ")
        if parsed is not None and LABEL_KIND.get(label) in _EVENT_KINDS:
            info.merge(parsed)
    if not info.deadline or not (info.place or info.participants):
        return None
    match = _TITLE_RE.match(title)
    name = match["event"] if match else title
    if not name:
        return None
    return info.apply_to(ActivityData(title=name, text=title))
