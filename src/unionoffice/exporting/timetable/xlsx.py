"""The timetable as a spreadsheet (.xlsx) for offices that keep their 台账 in Excel or WPS:
the PDF's columns plus 文号, 开始日期 and 结束日期 (and an event's 时间, 地点, 参加对象 and 责任人
when any row has them), a frozen header row, fitted column widths, an autofilter, and a 进度
column limited to 未开始 / 进行中 / 已完成."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from unionoffice.domain.notice import ActivityStatus
from unionoffice.exporting.timetable.model import Timetable, TimetableRow, printable
from unionoffice.exporting.timetable.output import write_atomically

SHEET_TITLE = "活动安排表"
DATE_FORMAT = "yyyy-mm-dd"
_FONT_NAME = "宋体"
_MAX_WIDTH = {"活动内容": 60, "配合部门": 36, "牵头部门": 28, "地点": 30, "参加对象": 30}
_DEFAULT_MAX_WIDTH = 24
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _start(row: TimetableRow) -> date | None:
    return row.period.start if row.period else None


def _end(row: TimetableRow) -> date | None:
    return row.period.end if row.period else None


def _content(row: TimetableRow) -> str:
    title, detail = row.content
    if not detail:
        return title
    separator = "" if title.endswith(("。", "！", "？", "：")) else "。"
    return f"{title}{separator}{detail}"


# Header, and how a row fills the column (序号 is filled in by position).
SheetColumn = tuple[str, Callable[[TimetableRow], object]]
COLUMNS: tuple[SheetColumn, ...] = (
    ("序号", lambda row: None),
    ("文号", lambda row: row.notice.doc_number or ""),
    ("活动内容", _content),
    ("完成时限", lambda row: row.activity.deadline),
    ("开始日期", _start),
    ("结束日期", _end),
    ("牵头部门", lambda row: row.lead_text),
    ("配合部门", lambda row: row.cooperating_text),
    ("责任领导", lambda row: row.activity.leader or ""),
    ("进度", lambda row: str(row.activity.status)),
    ("备注", lambda row: row.activity.note),
)
HEADERS = tuple(header for header, _ in COLUMNS)
# An event's columns, after 结束日期, each only when some row fills it.
EVENT_COLUMNS: tuple[SheetColumn, ...] = (
    ("时间", lambda row: row.times_text),
    ("地点", lambda row: row.activity.place),
    ("参加对象", lambda row: row.activity.participants),
    ("责任人", lambda row: row.activity.responsible_person or ""),
)


def sheet_columns(timetable: Timetable) -> tuple[SheetColumn, ...]:
    """COLUMNS with the event columns some row fills, after 结束日期."""
    filled = tuple(
        column for column in EVENT_COLUMNS if any(column[1](row) for row in timetable.rows)
    )
    at = HEADERS.index("结束日期") + 1
    return (*COLUMNS[:at], *filled, *COLUMNS[at:])


def render_timetable_xlsx(timetable: Timetable) -> bytes:
    """The workbook as bytes: header in row 1, one activity per row below."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    workbook.properties.title = _clean(timetable.title)
    workbook.properties.creator = "UnionOffice"
    columns = sheet_columns(timetable)
    headers = tuple(header for header, _ in columns)
    sheet.append(headers)
    for seq, row in enumerate(timetable.rows, start=1):
        sheet.append([seq, *(_clean(fill(row)) for _, fill in columns[1:])])
    _format(sheet, timetable, headers)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_timetable_xlsx(timetable: Timetable, path: str | Path) -> Path:
    """Write the workbook atomically to ``path``."""
    return write_atomically(path, render_timetable_xlsx(timetable))


def _format(sheet: Worksheet, timetable: Timetable, headers: tuple[str, ...]) -> None:
    last_row = len(timetable.rows) + 1
    last_column = get_column_letter(len(headers))
    header_font = Font(name=_FONT_NAME, bold=True)
    body_font = Font(name=_FONT_NAME)
    fill = PatternFill("solid", fgColor="D9D9D9")
    wrap = Alignment(wrap_text=True, vertical="center")
    centered = Alignment(wrap_text=True, vertical="center", horizontal="center")
    date_columns = {headers.index("开始日期") + 1, headers.index("结束日期") + 1}
    center_columns = {1, *date_columns, headers.index("进度") + 1}
    if "时间" in headers:
        center_columns.add(headers.index("时间") + 1)
    for cells in sheet.iter_rows(min_row=1, max_row=last_row):
        for cell in cells:
            cell.border = _BORDER
            if cell.row == 1:
                cell.font, cell.fill, cell.alignment = header_font, fill, centered
                continue
            cell.font = body_font
            cell.alignment = centered if cell.column in center_columns else wrap
            if cell.column in date_columns:
                cell.number_format = DATE_FORMAT
    for index, header in enumerate(headers, start=1):
        letter = get_column_letter(index)
        values = [header, *(cell.value for (cell,) in sheet[f"{letter}2" : f"{letter}{last_row}"])]
        limit = _MAX_WIDTH.get(header, _DEFAULT_MAX_WIDTH)
        widest = max(_display_width(value) for value in values)
        sheet.column_dimensions[letter].width = min(max(widest + 2, 6), limit)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{last_column}{last_row}"
    status_letter = get_column_letter(headers.index("进度") + 1)
    choices = ",".join(str(status) for status in ActivityStatus)
    validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    validation.add(f"{status_letter}2:{status_letter}{max(last_row, 2) + 500}")
    sheet.add_data_validation(validation)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddHeader.center.text = str(_clean(timetable.title)).replace("&", "&&")  # & is a code
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"


def _clean(value: object) -> object:
    """Strings without the control characters the spreadsheet's XML cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", printable(value)) if isinstance(value, str) else value


def _display_width(value: object) -> int:
    """Columns a value needs: Chinese characters count double."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in str(value))
