"""Activity rows as the tab-separated text Excel and WPS put on the clipboard, both ways.

Excel writes one row a line and one cell a tab; a cell holding a tab, a line break or a
double quote is written in double quotes with its quotes doubled. Rows read back map to
activities by a header row when there is one, otherwise in the table's column order; a
leading 序号 column is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import ActivityData, ActivityStatus

NAME_SEPARATOR = "、"
_NAME_SEPARATORS_RE = re.compile(r"[、，,;；/\s\u3000]+")


class PasteError(UnionOfficeError):
    """Text that cannot become activities; the message says which cell and why."""


def split_department_names(text: str) -> list[str]:
    """ "省总宣教部、省总组织部" (or with ，,;； / spaces or line breaks between) as names."""
    return [name for name in _NAME_SEPARATORS_RE.split(text) if name]


def join_department_names(names: Iterable[str]) -> str:
    return NAME_SEPARATOR.join(names)


# -- tab-separated text -----------------------------------------------------------------------


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells from clipboard text; the line break after the last row is not a row.

    A cell that opens with a double quote runs to the matching closing quote ("" inside is
    one quote) and may hold tabs and line breaks. A quote that is never closed is taken as
    an ordinary character, as Excel does.
    """
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    at, length = 0, len(text)
    while at < length:
        char = text[at]
        if char == '"' and not cell:
            closing = _closing_quote(text, at + 1)
            if closing is not None:
                cell.append(text[at + 1 : closing].replace('""', '"'))
                at = closing + 1
                continue
        if char == "\t":
            row.append("".join(cell))
            cell = []
        elif char in "\r\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
            if char == "\r" and text.startswith("\n", at + 1):
                at += 1
        else:
            cell.append(char)
        at += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _closing_quote(text: str, start: int) -> int | None:
    at = start
    while True:
        found = text.find('"', at)
        if found < 0:
            return None
        if text.startswith('"', found + 1):
            at = found + 2
            continue
        return found


def format_tsv(rows: Iterable[Sequence[str]]) -> str:
    """Rows as Excel puts them on the clipboard, quoting cells that need it."""
    return "".join("\t".join(_quoted(cell) for cell in row) + "\n" for row in rows)


def _quoted(cell: str) -> str:
    if any(char in cell for char in '\t\r\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


# -- rows as activities -----------------------------------------------------------------------

# The columns a pasted row fills when it has no header: what ``activity_cells`` copies. An
# event's 地点, 参加对象 and 责任人 come last, so rows copied before they existed paste as then.
FIELDS_IN_TABLE_ORDER = (
    "title", "deadline", "lead", "cooperating", "leader", "status",
    "place", "participants", "responsible_person",
)  # fmt: skip
COPIED_HEADERS = (
    "序号", "活动内容", "完成时限", "牵头部门", "配合部门", "责任领导", "进度",
    "地点", "参加对象", "责任人",
)  # fmt: skip

_NUMBER, _IGNORED = "number", "ignored"
# Headers clerks write over these columns (ours, the Excel 台账's and common variants).
_HEADER_NAMES = {
    _NUMBER: "序号 编号 No No. NO NO.",
    "title": "活动内容 活动名称 活动 内容 工作内容 工作任务 主要内容 工作事项 事项 项目 活动项目 "
    "重点工作 主要工作",
    "deadline": "完成时限 时限 时间 完成时间 活动时间 时间安排 截止时间 计划时间",
    "lead": "牵头部门 牵头单位 牵头 责任部门 责任单位 负责部门 主办部门",
    "cooperating": "配合部门 配合单位 配合 协办部门 参与部门",
    "leader": "责任领导 分管领导 负责领导 领导",
    "status": "进度 状态 完成情况 进展",
    "note": "备注 说明",
    "place": "地点 活动地点 举办地点 地址",
    "participants": "参加对象 参加人员 参与对象 参加范围 对象",
    "responsible_person": "责任人 负责人 具体负责人",
    _IGNORED: "起止日期 开始日期 结束日期 文号 所属公文",
}
_HEADER_FIELDS = {name: field for field, names in _HEADER_NAMES.items() for name in names.split()}
_STATUS_WORDS = {
    "": ActivityStatus.NOT_STARTED,
    "未开始": ActivityStatus.NOT_STARTED,
    "未启动": ActivityStatus.NOT_STARTED,
    "进行中": ActivityStatus.IN_PROGRESS,
    "正在进行": ActivityStatus.IN_PROGRESS,
    "推进中": ActivityStatus.IN_PROGRESS,
    "已完成": ActivityStatus.DONE,
    "完成": ActivityStatus.DONE,
    "已结束": ActivityStatus.DONE,
}
_ROW_NUMBER_RE = re.compile(r"^[(（]?\d{1,4}[)）.．、]?$")
_HEADER_SPACES_RE = re.compile(r"[\s\u3000*＊:：]+")


def activities_from_rows(rows: Sequence[Sequence[str]]) -> list[ActivityData]:
    """The activities the pasted rows describe; empty rows are skipped.

    Raises PasteError, naming the row (as counted in the pasted text) and the cell, for a
    进度 that is none of ours.
    """
    lines = {
        number: [cell.strip() for cell in row]
        for number, row in enumerate(rows, start=1)
        if any(cell.strip() for cell in row)
    }
    filled = list(lines.values())
    header_at = _header_row(filled)
    if header_at is not None:
        fields = [_header_field(cell) or _IGNORED for cell in filled[header_at]]
    else:
        fields = list(FIELDS_IN_TABLE_ORDER)
        if _has_number_column(filled):
            fields.insert(0, _NUMBER)
    first = 0 if header_at is None else header_at + 1
    activities = []
    for number, row in list(lines.items())[first:]:
        activity = _activity(row, fields, number)
        if activity is not None:
            activities.append(activity)
    return activities


def activities_from_text(text: str) -> list[ActivityData]:
    """``activities_from_rows(parse_tsv(text))``."""
    return activities_from_rows(parse_tsv(text))


def activity_cells(number: int, activity: ActivityData) -> list[str]:
    """One activity as the cells of COPIED_HEADERS, for pasting into a spreadsheet."""
    return [
        str(number),
        activity.title,
        activity.deadline,
        join_department_names(activity.lead),
        join_department_names(activity.cooperating),
        activity.leader or "",
        str(activity.status),
        activity.place,
        activity.participants,
        activity.responsible_person or "",
    ]


def _header_field(cell: str) -> str | None:
    return _HEADER_FIELDS.get(_HEADER_SPACES_RE.sub("", cell))


def _header_row(rows: list[list[str]]) -> int | None:
    """The row naming the columns: every filled cell a known header, 活动内容 among them.

    Rows above it may only be a sheet title (one filled cell), which is dropped with it.
    """
    for at, row in enumerate(rows[:5]):
        filled = [cell for cell in row if cell]
        fields = [_header_field(cell) for cell in filled]
        if len(filled) >= 2 and all(fields) and "title" in fields:
            return at
        if len(filled) > 1:
            return None
    return None


def _has_number_column(rows: list[list[str]]) -> bool:
    firsts = [row[0] for row in rows if len(row) > 1 and row[0]]
    widest = max((len(row) for row in rows), default=0)
    return widest > 1 and bool(firsts) and all(_ROW_NUMBER_RE.match(cell) for cell in firsts)


def _activity(row: Sequence[str], fields: Sequence[str], line: int) -> ActivityData | None:
    values: dict[str, str] = {}
    for field, cell in zip(fields, row, strict=False):
        if field in (_NUMBER, _IGNORED) or not cell:
            continue
        values[field] = f"{values[field]}、{cell}" if field in values else cell
    if not values:
        return None  # only a 序号, or columns we do not keep
    status_text = _HEADER_SPACES_RE.sub("", values.get("status", ""))
    status = _STATUS_WORDS.get(status_text)
    if status is None:
        allowed = "、".join(str(s) for s in ActivityStatus)
        raise PasteError(f"第 {line} 行的进度“{values['status']}”无法识别，应为{allowed}之一")
    return ActivityData(
        title=_one_line(values.get("title", "")),
        deadline=_one_line(values.get("deadline", "")),
        lead=split_department_names(values.get("lead", "")),
        cooperating=split_department_names(values.get("cooperating", "")),
        leader=_one_line(values.get("leader", "")) or None,
        status=status,
        note=values.get("note", ""),
        place=_one_line(values.get("place", "")),
        participants=_one_line(values.get("participants", "")),
        responsible_person=_one_line(values.get("responsible_person", "")) or None,
    )


def _one_line(text: str) -> str:
    # Excel wraps long Chinese text with Alt+Enter; the lines are one title.
    return "".join(line.strip() for line in text.splitlines())
