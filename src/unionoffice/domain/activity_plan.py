"""The activity plan (活动方案) of a notice as a 附件 of its own: where it goes, its sections,
its items numbered in their own sequence, as paragraphs or as a table sized by its content.

The plan goes into the attachment that holds its sections (the 活动内容 of an imported
方案), or stays in the notice's own text when its sections are there; a notice with neither
gets the plan as a new attachment on a new page, listed in the 附件说明, so its （一）（二）
never follow on from the notice's own headings.
"""

from __future__ import annotations

import enum
import itertools
import math
import re
from collections.abc import Sequence

from unionoffice.domain.headings import heading_number
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_parts import Attachment, is_section_heading
from unionoffice.domain.notice_text import format_deadline, split_activity_title, text_width
from unionoffice.domain.page_layout import MM_PER_PT, Align, Cell, Paragraph, Role, Table
from unionoffice.domain.page_spec import GBT9704
from unionoffice.domain.time_of_day import split_times

TABLE_HEADINGS = ("序号", "活动内容", "完成时限", "牵头部门", "配合部门")
# A plan of events that names no departments: where and who instead.
EVENT_TABLE_HEADINGS = ("序号", "活动内容", "时间", "地点", "参加对象")
_BOOK_TITLE = re.compile(r"《(.+?)》")
_SLACK = 0.3  # 字
_PLAN_WORDS = ("方案", "安排", "计划", "要点", "安排表", "清单", "一览表")


class PlanLayout(enum.StrEnum):
    """How the activities of a notice appear in its 活动方案 attachment."""

    PARAGRAPHS = "paragraphs"  # （一）标题。正文…  then 完成时限：/牵头部门：/配合部门： lines
    TABLE = "table"  # 序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门, header row repeated


def is_event(activity: ActivityData) -> bool:
    """An event rather than a task: it has a place or participants, or its 时间 names a time
    of day ("上午9时30分"). Its date line is then 时间：, as notices of events write it."""
    if activity.place.strip() or activity.participants.strip():
        return True
    _rest, start, end = split_times(activity.deadline)
    return start is not None or end is not None


def plan_title(notice: NoticeData) -> str:
    """The plan's title when it becomes an attachment of its own: the 《…》 the title
    印发s, else what the notice is about and 活动安排."""
    found = _BOOK_TITLE.search(notice.title)
    if found:
        return found[1].strip()
    core = notice.title.strip()
    organ = (notice.organ or "").strip()
    if organ and core.startswith(organ):
        core = core[len(organ) :].strip()
    core = core.removeprefix("关于")
    core = re.sub(r"的(通知|意见|决定|通报|函)$", "", core)
    if not core:
        return "活动安排"
    return core + ("安排" if core.endswith("活动") else "活动安排")


MAIN_TEXT = -1  # plan_attachment's answer when the plan belongs in the notice's own text


def plan_attachment(
    notice: NoticeData, main: list[Block], attachments: list[Attachment]
) -> tuple[list[Block], list[Attachment], int | None]:
    """The main text and attachments with the plan's sections in place, and where the plan
    goes: an attachment's index, MAIN_TEXT, or None without activities.

    The plan goes into the attachment holding its section headings; else into the notice's
    own text when that holds them (the notice's items, as 一、重点工作任务 of an imported
    notice); else into the attachment the notice 印发s or that is a plan by its title
    (…方案, …安排, …要点). Sections the chosen part lacks are added at its end. Without any
    of these the plan is a new last attachment, with a 一级 heading for each section.
    """
    if not notice.activities:
        return main, attachments, None
    sections = _sections(notice.activities)
    for index, attachment in enumerate(attachments):
        if _held(attachment.blocks) & set(sections):
            return main, _with_sections(attachments, index, sections), index
    if _held(main) & set(sections):
        missing = [Block.heading(1, s) for s in sections if s not in _held(main)]
        return [*main, *missing], attachments, MAIN_TEXT
    title = plan_title(notice)
    for index, attachment in enumerate(attachments):
        if attachment.title == title or attachment.title.endswith(_PLAN_WORDS):
            return main, _with_sections(attachments, index, sections), index
    blocks = [Block.heading(1, s) for s in sections]
    return main, [*attachments, Attachment(title, blocks)], len(attachments)


def _held(blocks: Sequence[Block]) -> set[str]:
    return {b.text.strip() for b in blocks if is_section_heading(b)}


def _with_sections(
    attachments: list[Attachment], index: int, sections: Sequence[str]
) -> list[Attachment]:
    attachment = attachments[index]
    held = _held(attachment.blocks)
    missing = [Block.heading(1, s) for s in sections if s not in held]
    result = list(attachments)
    result[index] = Attachment(attachment.title, [*attachment.blocks, *missing])
    return result


def _sections(activities: Sequence[ActivityData]) -> list[str]:
    names = [(a.section or "").strip() for a in activities]
    return list(dict.fromkeys(name for name in names if name))


# -- as paragraphs --------------------------------------------------------------------------


def activity_paragraphs(activities: Sequence[ActivityData], first_number: int) -> list[Paragraph]:
    """（一）标题。正文… (the title sentence in the 二级 font), then 完成时限：(时间： for an
    event)/地点：/参加对象：/牵头部门：/配合部门：/责任领导：/责任人： lines."""
    result = []
    for number, activity in enumerate(activities, start=first_number):
        head, rest = split_activity_title(activity)
        head = heading_number(2, number) + head
        result.append(
            Paragraph(
                Role.HEADING2,
                head + rest,
                first_indent=2,
                head_length=len(head) if rest else -1,
            )
        )
        for label, value in activity_details(activity):
            result.append(Paragraph(Role.BODY, f"{label}：{value}", first_indent=2))
    return result


def activity_details(activity: ActivityData) -> list[tuple[str, str]]:
    """The filled ones of 完成时限 (时间 for an event), 地点, 参加对象, 牵头部门, 配合部门,
    责任领导, 责任人."""
    lines = [
        ("时间" if is_event(activity) else "完成时限", format_deadline(activity.deadline)),
        ("地点", activity.place.strip()),
        ("参加对象", activity.participants.strip()),
        ("牵头部门", "、".join(activity.lead)),
        ("配合部门", "、".join(activity.cooperating)),
        ("责任领导", activity.leader or ""),
        ("责任人", (activity.responsible_person or "").strip()),
    ]
    return [(label, value) for label, value in lines if value]


# -- as a table -----------------------------------------------------------------------------


def activity_table(activities: Sequence[ActivityData]) -> Table:
    """序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门, columns sized by what they hold; an
    event's 地点 and 参加对象 go under its content, 责任领导 and 责任人 under its lead
    departments. A plan of events that names no departments is 序号 | 活动内容 | 时间 | 地点 |
    参加对象 instead; the third column is 时间 whenever every dated item is an event."""
    dated = [a for a in activities if a.deadline.strip()]
    events_only = bool(dated) and all(is_event(a) for a in dated)
    named = any(a.lead or a.cooperating for a in activities)
    if not named and any(is_event(a) for a in activities):
        return _table(EVENT_TABLE_HEADINGS, [_event_row(n, a) for n, a in _numbered(activities)])
    headings = (*TABLE_HEADINGS[:2], "时间" if events_only else "完成时限", *TABLE_HEADINGS[3:])
    return _table(headings, [_task_row(n, a) for n, a in _numbered(activities)])


def _numbered(activities: Sequence[ActivityData]) -> list[tuple[int, ActivityData]]:
    return list(enumerate(activities, start=1))


def _table(headings: Sequence[str], rows: list[tuple[Cell, ...]]) -> Table:
    header = tuple(Cell((text,), align=Align.CENTER) for text in headings)
    return Table(column_widths(rows), header, tuple(rows))


def _content(activity: ActivityData, *extra: tuple[str, str]) -> Cell:
    head, rest = split_activity_title(activity)
    lines = [f"{label}：{value.strip()}" for label, value in extra if value and value.strip()]
    return Cell((head + rest, *lines), head_length=len(head))


def _task_row(number: int, activity: ActivityData) -> tuple[Cell, ...]:
    lead = ["、".join(activity.lead)]
    if activity.leader:
        lead.append(f"责任领导：{activity.leader}")
    if activity.responsible_person:
        lead.append(f"责任人：{activity.responsible_person}")
    return (
        Cell((str(number),), align=Align.CENTER),
        _content(activity, ("地点", activity.place), ("参加对象", activity.participants)),
        Cell((format_deadline(activity.deadline),)),
        Cell(tuple(lead)),
        Cell(("、".join(activity.cooperating),)),
    )


def _event_row(number: int, activity: ActivityData) -> tuple[Cell, ...]:
    return (
        Cell((str(number),), align=Align.CENTER),
        _content(
            activity,
            ("责任领导", activity.leader or ""),
            ("责任人", activity.responsible_person or ""),
        ),
        Cell((format_deadline(activity.deadline),)),
        Cell((activity.place.strip(),)),
        Cell((activity.participants.strip(),)),
    )


def column_widths(rows: Sequence[Sequence[Cell]]) -> tuple[float, ...]:
    """Widths (mm) across the text block: 序号 and 完成时限 as wide as their longest entry,
    the rest shared so that the rows take the fewest lines, 活动内容 the widest."""
    char = GBT9704.table_size_pt * MM_PER_PT
    padding = 2 * GBT9704.table_padding_x_mm
    # 字 across, less a little slack per column: a column exactly as wide as "序号" wraps it
    room = (GBT9704.text_width_mm - padding * len(TABLE_HEADINGS)) / char
    room -= _SLACK * len(TABLE_HEADINGS)
    texts = [[" ".join(cell.paragraphs) for cell in row] for row in rows]

    def longest(column: int, floor: float, cap: float) -> float:
        widest = max((text_width(row[column]) for row in texts), default=0.0)
        return math.ceil(min(max(widest, floor), cap))

    number = longest(0, 2, 3)
    deadline = longest(2, 4, 5)  # "根据工作安排" may take two lines
    flexible = room - number - deadline
    best: tuple[int, int, int, int] | None = None  # (cost, -content, lead, cooperating)
    for lead, cooperating in itertools.product(range(4, 13), range(4, 15)):
        content = math.floor(flexible - lead - cooperating)
        if content < 9:
            continue
        chars = (number, content, deadline, lead, cooperating)
        cells = [[_lines(t, w) for t, w in zip(row, chars, strict=True)] for row in texts]
        # the table's height, and a department list squeezed into a tall narrow column
        # counted against it too: a row as tall but with names on fewer lines reads better
        height = sum(max(row) for row in cells)
        squeezed = sum(row[3] + row[4] for row in cells)
        key = (height + squeezed, -content, lead, cooperating)
        if best is None or key < best:
            best = key
    assert best is not None
    lead_chars, cooperating_chars = float(best[2]), float(best[3])
    # the odd fraction of a 字 goes to the content
    content_chars = flexible - lead_chars - cooperating_chars
    widths = [
        (c + _SLACK) * char + padding for c in (number, content_chars, deadline, lead_chars)
    ]
    return (*widths, GBT9704.text_width_mm - sum(widths))  # 配合部门 takes the rest


def _lines(text: str, width: float) -> int:
    return max(1, math.ceil(text_width(text) / width))
