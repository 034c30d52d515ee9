"""Activity plans written as a table: 序号|活动内容|完成时限|牵头部门|配合部门|责任领导, task lists
(序号|工作任务|责任单位|完成时限|责任人) and event tables (活动名称|时间|地点|参加对象)."""

from __future__ import annotations

from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import ActivityData
from unionoffice.domain.text import collapse_spaces
from unionoffice.importing.activity_info import (
    ActivityInfo,
    first_sentence,
    normalise_value,
    parse_info,
    split_deadline_note,
    split_departments,
    split_inline_info,
)
from unionoffice.importing.document import Table
from unionoffice.importing.patterns import LABEL_RE

# Checked in this order: "牵头领导" is a leader, "活动地点" a place, "活动名称" a name, before the
# looser words.
_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("seq", ("序号", "编号")),
    ("note", ("备注",)),
    ("leader", ("责任领导", "分管领导", "牵头领导", "领导")),
    ("person", ("责任人", "负责人", "经办人")),
    ("contact", ("联系人", "联系方式", "联系电话")),
    ("lead", ("牵头", "主办")),
    ("cooperating", ("配合", "协办", "参与", "协助", "协同")),
    ("responsible", (
        "责任部门", "责任单位", "责任部室", "责任处室", "责任科室", "负责部门", "负责单位",
        "承办", "责任主体",
    )),
    ("place", ("地点", "场地", "地址")),
    ("participants", ("对象", "参加人员", "参赛人员", "参会人员", "参加范围")),
    ("deadline", ("时限", "时间", "期限", "节点", "进度", "日期")),
    ("name", ("活动名称", "项目名称", "名称")),
    ("content", ("内容", "任务", "措施", "事项", "重点工作", "活动", "项目", "工作")),
)  # fmt: skip
_INFO_KINDS = frozenset(
    {"deadline", "lead", "cooperating", "responsible", "leader", "person", "place",
     "participants", "contact"}
)  # fmt: skip
_HEADER_ROWS = 3


def column_kind(header: str) -> str | None:
    """What a header cell names: "content", "deadline", "lead", … or None."""
    text = collapse_spaces(header)
    if not text or len(text) > 12:
        return None
    for kind, words in _COLUMN_WORDS:
        if any(word in text for word in words):
            return kind
    return None


def _header(table: Table) -> tuple[int, dict[str, int]] | None:
    best: tuple[int, dict[str, int]] | None = None
    for row_index, row in enumerate(table.rows[:_HEADER_ROWS]):
        columns: dict[str, int] = {}
        for column, cell in enumerate(row):
            kind = column_kind(cell)
            if kind is not None and kind not in columns:
                columns[kind] = column
        has_text = "content" in columns or "name" in columns
        if not has_text or not _INFO_KINDS & columns.keys():
            continue
        if best is None or len(columns) >= len(best[1]):
            best = (row_index, columns)
    return best


def table_activities(
    table: Table, section: str | None, first_leads: bool = False
) -> list[ActivityData] | None:
    """The activities of a plan table, or None when the table is not one."""
    header = _header(table)
    if header is None:
        return None
    header_row, columns = header
    activities: list[ActivityData] = []
    for row in table.rows[header_row + 1 :]:
        cells = {kind: row[i].strip() if i < len(row) else "" for kind, i in columns.items()}
        filled = {c.strip() for c in row if c.strip()}
        content = cells.get("content") or cells.get("name") or ""
        if len(filled) == 1 and (not content or len(set(row)) == 1):
            label = filled.pop()
            if label.isdigit():
                continue
            heading = split_heading(label)
            section = heading[2] if heading else label  # a merged row naming a group
            continue
        if not content:
            continue
        activity = _row_activity(cells, section, first_leads)
        if activity is not None:
            activities.append(activity)
    return activities


def _row_activity(
    cells: dict[str, str], section: str | None, first_leads: bool
) -> ActivityData | None:
    content = _joined(cells.get("content", ""))
    heading = split_heading(content)
    if heading is not None and heading[0] >= 3:
        content = heading[2]
    content, inline = split_inline_info(content)
    name = _joined(cells.get("name", ""))
    title = name or first_sentence(content)
    if not title:
        return None
    labelled = ActivityInfo()
    column = {kind: _column_value(cells.get(kind, ""), labelled) for kind in _INFO_KINDS}
    deadline, deadline_note = split_deadline_note(column["deadline"])
    info = ActivityInfo(
        deadline=deadline,
        lead=split_departments(column["lead"]),
        cooperating=split_departments(column["cooperating"]),
        responsible=split_departments(column["responsible"]),
        leaders=split_departments(column["leader"]),
        persons=split_departments(column["person"]),
        place=normalise_value(_joined(column["place"])),
        participants=normalise_value(_joined(column["participants"])),
        contacts=[normalise_value(column["contact"])] if column["contact"].strip() else [],
        notes=[deadline_note] if deadline_note else [],
    )
    info.merge(labelled)
    if inline is not None:
        info.merge(inline)
    activity = ActivityData(title=title, text=content or name, section=section)
    activity.note = _joined(cells.get("note", ""))
    return info.apply_to(activity, first_leads)


def _column_value(cell: str, labelled: ActivityInfo) -> str:
    """A cell's own value; labelled lines in it ("责任领导：张明" under 牵头部门) go to
    ``labelled``."""
    match = LABEL_RE.search(cell)
    if match is None:
        return cell
    extra = parse_info(cell[match.start() :])
    if extra is not None:
        labelled.merge(extra)
    return cell[: match.start()]


def _joined(cell: str) -> str:
    """A cell's paragraphs as one text: joined directly unless a sentence ended."""
    text = ""
    for part in (p.strip() for p in cell.split("\n")):
        if part:
            text += ("\n" if text and text[-1] in "。！？；：" else "") + part
    return text
