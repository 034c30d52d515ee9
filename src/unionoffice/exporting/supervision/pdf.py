"""The 督办 list as an A4 landscape PDF (reportlab, the timetable's fonts and page footer):
each 牵头部门 from a new page, its items in a ruled table whose header repeats."""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

from unionoffice.domain.supervision import count_text
from unionoffice.exporting.supervision.tables import COLUMNS, WRAPPED, Groups, cells
from unionoffice.exporting.timetable.fonts import CjkFont, find_cjk_font, register_font
from unionoffice.exporting.timetable.output import write_atomically
from unionoffice.exporting.timetable.pdf_canvas import NumberedCanvas
from unionoffice.exporting.timetable.pdf_table import PdfStyles, markup

_MARGIN = 15 * mm
_SHARES = (4, 26, 11, 8, 15, 5, 7, 6, 18)  # percent of the page width, as printed
_OVERDUE = colors.HexColor("#b00020")


def render_supervision_pdf(
    title: str, groups: Groups, today: dt.date, font: CjkFont | None = None
) -> bytes:
    """The list as PDF bytes."""
    font_name = register_font(font or find_cjk_font())
    styles = PdfStyles(font_name, 1.0)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * mm,
        title=title,
        author="UnionOffice 工会公文助手",
        creator="UnionOffice",
        initialFontName=font_name,
    )
    widths = [doc.width * share / sum(_SHARES) for share in _SHARES]
    red = ParagraphStyle("overdue", parent=styles.left, textColor=_OVERDUE)
    # (overdue, wrapped) -> the style of a cell
    cell_styles = {
        (False, True): styles.left,
        (True, True): red,
        (False, False): ParagraphStyle("centred", parent=styles.left, alignment=TA_CENTER),
        (True, False): ParagraphStyle("overdue-centred", parent=red, alignment=TA_CENTER),
    }
    story: list[Flowable] = []
    for index, (department, items) in enumerate(groups):
        if index:
            story.append(PageBreak())
        story.append(Paragraph(markup(title), styles.title))
        story.append(
            Paragraph(markup(f"牵头部门：{department}　{count_text(items, today)}"), styles.group)
        )
        header = [Paragraph(markup(name), styles.header) for name in COLUMNS]
        rows: list[list[Paragraph]] = [header]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ]
        for number, item in enumerate(items, start=1):
            overdue = item.overdue(today)
            rows.append(
                [
                    Paragraph(markup(text), cell_styles[overdue, column in WRAPPED])
                    for column, text in enumerate(cells(number, item, today))
                ]
            )
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(commands))
        story.append(table)
    if not story:
        story = [
            Paragraph(markup(title), styles.title),
            Paragraph(markup("（没有需要督办的事项）"), styles.subtitle),
        ]
    canvasmaker = functools.partial(
        NumberedCanvas, footer_font=font_name, footer_size=9, footer_margin=_MARGIN * 0.6
    )
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


def write_supervision_pdf(
    path: str | Path, title: str, groups: Groups, today: dt.date, font: CjkFont | None = None
) -> Path:
    """Write the PDF atomically to ``path``."""
    return write_atomically(path, render_supervision_pdf(title, groups, today, font))
