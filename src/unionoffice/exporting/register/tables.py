"""The register as a table: the same columns on paper (HTML that Qt prints) and in Excel."""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from unionoffice.domain.register import RegisterLine
from unionoffice.output_files import write_atomically

COLUMNS = ("文号", "标题", "日期", "状态", "取号人", "取号时间", "备注")
_WIDTHS = (22, 50, 12, 8, 10, 18, 36)  # Excel characters
_PRINT_WIDTHS = (15, 34, 9, 6, 8, 12, 16)  # percent of the printed page
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def register_title(series_code: str, year: int) -> str:
    return f"发文登记簿　{series_code}　{year}年"


def cells(line: RegisterLine) -> tuple[str, ...]:
    """One line's cells, as text, in COLUMNS order."""
    return (
        line.doc_number,
        line.title,
        f"{line.date:%Y-%m-%d}" if line.date else "",
        line.state,
        line.taken_by,
        f"{line.taken_at:%Y-%m-%d %H:%M}" if line.taken_at else "",
        line.remark,
    )


def register_html(title: str, lines: Sequence[RegisterLine]) -> str:
    """The register as an HTML table, ruled like the paper register, for Qt to print."""
    head = "".join(
        f'<th width="{width}%">{html.escape(name)}</th>'
        for name, width in zip(COLUMNS, _PRINT_WIDTHS, strict=True)
    )
    rows = []
    for line in lines:
        style = ' style="color:#888"' if line.missing else ""
        row = "".join(f"<td>{html.escape(text)}</td>" for text in cells(line))
        rows.append(f"<tr{style}>{row}</tr>")
    return (
        "<html><body style=\"font-family:'SimSun','宋体','Noto Serif CJK SC',serif;"
        'font-size:10pt">'
        f'<h3 align="center">{html.escape(title)}</h3>'
        '<table width="100%" border="1" cellspacing="0" cellpadding="3"'
        ' style="border-collapse:collapse">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p>共 {sum(1 for line in lines if not line.missing)} 个文号"
        f"，缺号 {sum(1 for line in lines if line.missing)} 段</p>"
        "</body></html>"
    )


def render_register_xlsx(title: str, lines: Sequence[RegisterLine]) -> bytes:
    """The register as an Excel workbook (.xlsx bytes): a title row, a header, one row a line."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "发文登记簿"
    sheet.append([title])
    sheet["A1"].font = Font(name="宋体", size=14, bold=True)
    sheet.append(list(COLUMNS))
    for column, width in enumerate(_WIDTHS, start=1):
        header = sheet.cell(row=2, column=column)
        header.font = Font(name="宋体", bold=True)
        header.fill = PatternFill("solid", fgColor="E8E8E8")
        header.border = _BORDER
        sheet.column_dimensions[get_column_letter(column)].width = width
    for line in lines:
        sheet.append(list(cells(line)))
        for column in range(1, len(COLUMNS) + 1):
            cell = sheet.cell(row=sheet.max_row, column=column)
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=column in (2, 7))
            if line.missing:
                cell.font = Font(name="宋体", color="888888")
    sheet.freeze_panes = "A3"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_register_xlsx(path: str | Path, title: str, lines: Sequence[RegisterLine]) -> Path:
    return write_atomically(path, render_register_xlsx(title, lines))
