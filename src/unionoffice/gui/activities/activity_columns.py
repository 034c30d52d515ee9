"""The columns both activity tables show, and what one row shows in each of them.

A row's display texts are computed once per change of the row (``row_view``); ``cell_data``
answers the roles for a cell from them, the same way in the notice's table and in 全部活动.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from unionoffice.domain.activity_criteria import is_overdue
from unionoffice.domain.activity_table_text import join_department_names, split_department_names
from unionoffice.domain.deadline import Period
from unionoffice.domain.deadline_year import before_notice, next_year_deadline
from unionoffice.domain.notice import ActivityData, ActivityStatus

ACTIVITY_ROLE = Qt.ItemDataRole.UserRole + 1  # the ActivityData of the row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a key that sorts the column as a clerk expects
UNPARSED_COLOUR = QColor("#fde2b8")  # 完成时限 that names no dates
OVERDUE_COLOUR = QColor("#fbe4e4")  # past its end and not 已完成
DOUBTFUL_COLOUR = QColor("#fff0a8")  # ends before the notice's date: next year's, probably
DONE_COLOUR = QColor("#5a7d5a")
_NO_DATE_KEY = 10**9  # 完成时限 without dates sort after every date


class Column(enum.IntEnum):
    NUMBER = 0
    TITLE = 1
    DEADLINE = 2
    PERIOD = 3
    TIME = 4  # an event's times of day, read from 完成时限 as the dates are
    PLACE = 5
    PARTICIPANTS = 6
    LEAD = 7
    COOPERATING = 8
    LEADER = 9
    PERSON = 10  # 责任人
    STATUS = 11


HEADERS = {
    Column.NUMBER: "序号",
    Column.TITLE: "活动内容",
    Column.DEADLINE: "完成时限",
    Column.PERIOD: "起止日期",
    Column.TIME: "时间",
    Column.PLACE: "地点",
    Column.PARTICIPANTS: "参加对象",
    Column.LEAD: "牵头部门",
    Column.COOPERATING: "配合部门",
    Column.LEADER: "责任领导",
    Column.PERSON: "责任人",
    Column.STATUS: "进度",
}
EDITABLE = frozenset(
    {
        Column.TITLE,
        Column.DEADLINE,
        Column.PLACE,
        Column.PARTICIPANTS,
        Column.LEAD,
        Column.COOPERATING,
        Column.LEADER,
        Column.PERSON,
        Column.STATUS,
    }
)
# Columns a clerk may hide (header menu), remembered per table in the settings.
HIDEABLE = frozenset(Column) - {Column.NUMBER, Column.TITLE}
# An event's columns: a notice's plan shows them when it fills them (column_chooser.py).
EVENT_COLUMNS = frozenset({Column.TIME, Column.PLACE, Column.PARTICIPANTS, Column.PERSON})
DEPARTMENT_COLUMNS = frozenset({Column.LEAD, Column.COOPERATING})
STATUS_TEXTS = frozenset(str(s) for s in ActivityStatus)
# The ActivityData field each plain text column edits.
_TEXT_FIELDS = {
    Column.TITLE: "title",
    Column.DEADLINE: "deadline",
    Column.PLACE: "place",
    Column.PARTICIPANTS: "participants",
}
_OPTIONAL_FIELDS = {Column.LEADER: "leader", Column.PERSON: "responsible_person"}  # "" is None
TIME_TIP = "时间从完成时限中读出，如“3月8日上午9时30分”“下午2时30分至4时30分”；请在完成时限中修改"


_CENTRED = frozenset({Column.NUMBER, Column.TIME, Column.STATUS})


def split_names(text: str) -> list[str]:
    """ "省总宣教部、省总组织部" (or with ，,; between) as a list of names."""
    return split_department_names(text)


def format_period(period: Period | None) -> str:
    if period is None:
        return "无法识别"
    if period.start == period.end:
        return f"{period.start.month}月{period.start.day}日"
    if period.start.year != period.end.year:
        start, end = period.start, period.end
        return f"{start.year}年{start.month}月{start.day}日—{end.year}年{end.month}月{end.day}日"
    return f"{period.start.month}月{period.start.day}日—{period.end.month}月{period.end.day}日"


def cell_value(activity: ActivityData, column: Column) -> Any:
    """What an edit of ``column`` replaces: a list of names, or the text."""
    if column == Column.LEAD:
        return list(activity.lead)
    if column == Column.COOPERATING:
        return list(activity.cooperating)
    if column in _TEXT_FIELDS:
        return getattr(activity, _TEXT_FIELDS[column])
    if column in _OPTIONAL_FIELDS:
        return getattr(activity, _OPTIONAL_FIELDS[column]) or ""
    if column == Column.STATUS:
        return str(activity.status)
    raise ValueError(f"column {column} cannot be edited")


def edited_value(activity: ActivityData, column: Column, value: Any) -> Any | None:
    """The value an edit typed as ``value`` stands for, or None when it would change nothing.

    Raises ValueError for a value the column cannot hold (an unknown 进度).
    """
    if column not in EDITABLE:
        raise ValueError(f"column {column} cannot be edited")
    if column == Column.STATUS and str(value) not in STATUS_TEXTS:
        raise ValueError(f"“{value}”不是进度（应为未开始、进行中或已完成）")
    old = cell_value(activity, column)
    if column in DEPARTMENT_COLUMNS:
        new: Any = split_names(value) if isinstance(value, str) else [str(n) for n in value]
    else:
        new = str(value).strip()
    return None if new == old else new


def set_field(activity: ActivityData, column: Column, value: Any) -> None:
    """Set one field of ``activity`` from a cell value (text, or names for departments)."""
    if column in _TEXT_FIELDS:
        setattr(activity, _TEXT_FIELDS[column], str(value).strip())
    elif column in _OPTIONAL_FIELDS:
        setattr(activity, _OPTIONAL_FIELDS[column], str(value).strip() or None)
    elif column in DEPARTMENT_COLUMNS:
        names = split_names(value) if isinstance(value, str) else list(value)
        if column == Column.LEAD:
            activity.lead = names
        else:
            activity.cooperating = names
    elif column == Column.STATUS:
        activity.status = ActivityStatus(str(value))
    else:
        raise ValueError(f"column {column} cannot be edited")


@dataclass
class RowView:
    """What a row shows, computed once per change of the row."""

    texts: dict[Column, str]
    period: Period | None
    overdue: bool
    unparsed: bool
    number: int
    # Ends before the notice's 成文日期 ("4月份" on a December notice): flagged, not red,
    # with the 完成时限 that means the next year when one reads back right.
    doubtful: bool = False
    next_year: str | None = None
    notice_date: dt.date | None = None


def row_view(
    number: int,
    activity: ActivityData,
    period: Period | None,
    today: dt.date,
    *,
    notice_date: dt.date | None = None,
    year: int | None = None,
) -> RowView:
    doubtful = before_notice(period, notice_date)
    next_year = None
    if doubtful and notice_date is not None:
        next_year = next_year_deadline(activity.deadline, year or notice_date.year, notice_date)
    return RowView(
        texts={
            Column.NUMBER: str(number),
            Column.TITLE: activity.title,
            Column.DEADLINE: activity.deadline,
            Column.PERIOD: format_period(period) if activity.deadline.strip() else "",
            Column.TIME: period.times_text if period is not None else "",
            Column.PLACE: activity.place,
            Column.PARTICIPANTS: activity.participants,
            Column.LEAD: join_department_names(activity.lead),
            Column.COOPERATING: join_department_names(activity.cooperating),
            Column.LEADER: activity.leader or "",
            Column.PERSON: activity.responsible_person or "",
            Column.STATUS: str(activity.status),
        },
        period=period,
        overdue=is_overdue(activity, period, today) and not doubtful,
        unparsed=bool(activity.deadline.strip()) and period is None,
        number=number,
        doubtful=doubtful,
        next_year=next_year,
        notice_date=notice_date,
    )


def doubtful_tip(view: RowView) -> str:
    """Why a period is flagged, and the fix a right click offers."""
    written = view.notice_date
    when = f"{written.year}年{written.month}月{written.day}日" if written else "成文日期"
    fix = f"右击选择“完成时限改为次年”即改为“{view.next_year}”" if view.next_year else "请核对年份"
    return f"起止日期在成文日期（{when}）之前就已结束，可能是指次年；{fix}"


def _sort_key(view: RowView, activity: ActivityData, column: Column) -> Any:
    if column == Column.NUMBER:
        return view.number
    if column in (Column.DEADLINE, Column.PERIOD):
        if view.period is None:
            return _NO_DATE_KEY
        # by start, then the shorter first: 4月1日 before 4月份 before 第二季度
        return view.period.start.toordinal() * 1000 + min(view.period.days, 999)
    if column == Column.TIME:
        # by the hour it starts (or ends), then by the day; untimed rows after
        period = view.period
        clock = period.start_time or period.end_time if period is not None else None
        if period is None or clock is None:
            return _NO_DATE_KEY * 10
        return (clock.hour * 60 + clock.minute) * 10**6 + period.start.toordinal()
    if column == Column.STATUS:
        return list(ActivityStatus).index(activity.status)
    return view.texts[column]


def cell_data(view: RowView, activity: ActivityData, column: int, role: int) -> Any:
    """Data of one cell for the roles both models share."""
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        return view.texts[Column(column)]
    if role == Qt.ItemDataRole.BackgroundRole:
        if column == Column.PERIOD and view.unparsed:
            return QBrush(UNPARSED_COLOUR)
        if column in (Column.DEADLINE, Column.PERIOD) and view.doubtful:
            return QBrush(DOUBTFUL_COLOUR)
        if view.overdue:
            return QBrush(OVERDUE_COLOUR)
        return None
    if role == Qt.ItemDataRole.ForegroundRole and activity.status is ActivityStatus.DONE:
        return QBrush(DONE_COLOUR)
    if role == Qt.ItemDataRole.ToolTipRole:
        if column == Column.PERIOD and view.unparsed:
            return (
                f"无法从“{activity.deadline}”推算日期，日历中不显示此项；可改写为“4月份”“6月底前”等"
            )
        if column in (Column.DEADLINE, Column.PERIOD) and view.doubtful:
            return doubtful_tip(view)
        if view.overdue:
            return "已过完成时限，尚未完成"
        if column == Column.TIME:
            return TIME_TIP
        if column == Column.TITLE and activity.text:
            return activity.text
        return None
    if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTRED:
        return int(Qt.AlignmentFlag.AlignCenter)
    if role == ACTIVITY_ROLE:
        return activity
    if role == SORT_ROLE:
        return _sort_key(view, activity, Column(column))
    return None
