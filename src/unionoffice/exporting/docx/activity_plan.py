"""The activity plan (活动方案) inside a notice: numbered paragraphs as in the samples, or a
table whose header row repeats on every page."""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH

from unionoffice.domain.headings import heading_number
from unionoffice.domain.notice import ActivityData
from unionoffice.domain.notice_text import format_deadline, split_activity_title
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.options import PlanLayout
from unionoffice.exporting.docx.styles import Role

TABLE_HEADINGS = ("序号", "活动内容", "完成时限", "牵头部门", "配合部门")
COLUMN_WIDTHS_MM = (14, 68, 22, 26, 26)  # 156 mm, the text block


def write_activities(
    cursor: Cursor, activities: Sequence[ActivityData], layout: PlanLayout, first_number: int = 1
) -> None:
    """Write activities at the cursor, numbered from ``first_number`` as level-2 items."""
    if not activities:
        return
    if layout is PlanLayout.TABLE:
        write_activity_table(cursor, activities)
    else:
        for offset, activity in enumerate(activities):
            write_activity_paragraphs(cursor, activity, first_number + offset)


def write_activity_paragraphs(cursor: Cursor, activity: ActivityData, number: int) -> None:
    """（一）标题。正文…, then 完成时限：/牵头部门：/配合部门：/责任领导： lines."""
    head, rest = split_activity_title(activity)
    paragraph = cursor.paragraph(Role.HEADING2, heading_number(2, number) + head)
    if rest:
        cursor.run(paragraph, rest, Role.BODY)
    for label, value in _detail_lines(activity):
        cursor.paragraph(Role.BODY, f"{label}：{value}")


def _detail_lines(activity: ActivityData) -> list[tuple[str, str]]:
    lines = [
        ("完成时限", format_deadline(activity.deadline)),
        ("牵头部门", "、".join(activity.lead)),
        ("配合部门", "、".join(activity.cooperating)),
        ("责任领导", activity.leader or ""),
    ]
    return [(label, value) for label, value in lines if value]


def write_activity_table(cursor: Cursor, activities: Sequence[ActivityData]) -> None:
    """序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门, the first row repeated on each page."""
    table = cursor.table(rows=1 + len(activities), cols=len(TABLE_HEADINGS))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    ooxml.set_column_widths(table, [round(mm / 25.4 * 1440) for mm in COLUMN_WIDTHS_MM])
    edge = ("single", 4)
    ooxml.set_table_borders(
        table, top=edge, left=edge, bottom=edge, right=edge, insideH=edge, insideV=edge
    )
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    header = table.rows[0]
    ooxml.repeat_as_header_row(header)
    ooxml.keep_row_together(header)
    for cell, text in zip(header.cells, TABLE_HEADINGS, strict=True):
        cursor.cell_paragraph(cell.paragraphs[0], Role.TABLE_HEADER, text)
    for number, (row, activity) in enumerate(zip(table.rows[1:], activities, strict=True), 1):
        head, rest = split_activity_title(activity)
        cells = row.cells
        seq = cursor.cell_paragraph(cells[0].paragraphs[0], Role.TABLE_TEXT, str(number))
        seq.alignment = WD_ALIGN_PARAGRAPH.CENTER
        content = cursor.cell_paragraph(cells[1].paragraphs[0], Role.TABLE_TEXT, "")
        cursor.run(content, head, Role.HEADING2)
        if rest:
            cursor.run(content, rest, Role.TABLE_TEXT)
        cursor.cell_paragraph(
            cells[2].paragraphs[0], Role.TABLE_TEXT, format_deadline(activity.deadline)
        )
        cursor.cell_paragraph(cells[3].paragraphs[0], Role.TABLE_TEXT, "、".join(activity.lead))
        if activity.leader:
            leader = f"责任领导：{activity.leader}"
            cursor.cell_paragraph(cells[3].add_paragraph(), Role.TABLE_TEXT, leader)
        cursor.cell_paragraph(
            cells[4].paragraphs[0], Role.TABLE_TEXT, "、".join(activity.cooperating)
        )
