"""The 督办 list as tables: the same columns printed (HTML that Qt prints) and in Excel,
each 牵头部门 on a page (a sheet) of its own so that it can be sent to that department."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from unionoffice.domain.supervision import SupervisionItem, count_text
from unionoffice.output_files import write_atomically

COLUMNS = (
    "序号",
    "活动内容",
    "完成时限",
    "到期",
    "所属公文",
    "年度",
    "责任领导",
    "进度",
    "督办情况",
)
WRAPPED = frozenset({1, 2, 4, 8})  # columns whose text wraps (0-based)
_WIDTHS = (6, 40, 16, 12, 26, 7, 10, 8, 36)  # Excel characters
_PRINT_WIDTHS = (4, 26, 11, 8, 15, 5, 7, 6, 18)  # percent of the printed page
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_OVERDUE = "B00020"
Groups = Sequence[tuple[str, Sequence[SupervisionItem]]]


def cells(number: int, item: SupervisionItem, today: dt.date) -> tuple[str, ...]:
    """One item's cells, as text, in COLUMNS order."""
    activity = item.activity
    return (
        str(number),
        activity.title,
        activity.deadline,
        item.urgency(today),
        item.notice_text,
        str(item.notice_year or ""),
        activity.leader or "",
        str(activity.status),
        activity.supervision_note,
    )


def supervision_html(title: str, groups: Groups, today: dt.date) -> str:
    """The list as HTML for Qt to print: a heading and a ruled table per department, each
    department from a new page."""
    head = "".join(
        f'<th width="{width}%">{html.escape(name)}</th>'
        for name, width in zip(COLUMNS, _PRINT_WIDTHS, strict=True)
    )
    parts = []
    for index, (department, items) in enumerate(groups):
        rows = []
        for number, item in enumerate(items, start=1):
            style = f' style="color:#{_OVERDUE}"' if item.overdue(today) else ""
            row = "".join(f"<td>{html.escape(text)}</td>" for text in cells(number, item, today))
            rows.append(f"<tr{style}>{row}</tr>")
        breaking = ' style="page-break-before:always"' if index else ""
        parts.append(
            f'<h3 align="center"{breaking}>{html.escape(title)}</h3>'
            f"<p><b>牵头部门：{html.escape(department)}</b>　{count_text(items, today)}</p>"
            '<table width="100%" border="1" cellspacing="0" cellpadding="3"'
            ' style="border-collapse:collapse">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    if not parts:
        parts.append(f'<h3 align="center">{html.escape(title)}</h3><p>（没有需要督办的事项）</p>')
    return (
        "<html><body style=\"font-family:'SimSun','宋体','Noto Serif CJK SC',serif;"
        f'font-size:10pt">{"".join(parts)}</body></html>'
    )


def sheet_name(department: str, taken: set[str]) -> str:
    """An Excel sheet name for ``department``: at most 31 characters, none of []:*?/\\."""
    base = re.sub(r"[\[\]:*?/\\]", "", department)[:28] or "督办"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{n}", n + 1
    taken.add(name)
    return name


def render_supervision_xlsx(title: str, groups: Groups, today: dt.date) -> bytes:
    """The list as an Excel workbook (.xlsx bytes): a sheet per 牵头部门, each with the
    title, the department, a header row and one row an item (overdue ones in red)."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    taken: set[str] = set()
    for department, items in groups or [("督办", [])]:
        sheet = book.create_sheet(sheet_name(department, taken))
        sheet.append([title])
        sheet["A1"].font = Font(name="宋体", size=14, bold=True)
        sheet.append([f"牵头部门：{department}", "", "", count_text(items, today)])
        sheet.append(list(COLUMNS))
        for column, width in enumerate(_WIDTHS, start=1):
            header = sheet.cell(row=3, column=column)
            header.font = Font(name="宋体", bold=True)
            header.fill = PatternFill("solid", fgColor="E8E8E8")
            header.border = _BORDER
            sheet.column_dimensions[get_column_letter(column)].width = width
        for number, item in enumerate(items, start=1):
            sheet.append(list(cells(number, item, today)))
            overdue = item.overdue(today)
            for column in range(1, len(COLUMNS) + 1):
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.border = _BORDER
                cell.alignment = Alignment(vertical="top", wrap_text=column - 1 in WRAPPED)
                if overdue:
                    cell.font = Font(name="宋体", color=_OVERDUE)
        sheet.freeze_panes = "A4"
        sheet.print_title_rows = "3:3"
        sheet.page_setup.orientation = "landscape"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_supervision_xlsx(path: str | Path, title: str, groups: Groups, today: dt.date) -> Path:
    return write_atomically(path, render_supervision_xlsx(title, groups, today))
