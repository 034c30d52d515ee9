"""The printed 活动安排表: A4 (or A3) landscape PDF, built with reportlab platypus.

Title, 文号 and date, then one table: 序号 | 活动内容 | 完成时限 | 牵头部门 | 配合部门
(| 责任领导 | 进度), long cells wrapping inside their column, the header row repeated on every
page, "第 N 页 共 M 页" at the foot and, on request, a month grid shading each activity's months.
Chinese text is set in a TrueType font embedded as a subset (see fonts.py).
"""

from __future__ import annotations

import enum
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from unionoffice.exporting.timetable.fonts import CjkFont, find_cjk_font, register_font
from unionoffice.exporting.timetable.model import Timetable
from unionoffice.exporting.timetable.output import write_atomically
from unionoffice.exporting.timetable.pdf_canvas import NumberedCanvas
from unionoffice.exporting.timetable.pdf_table import PdfStyles, markup, timetable_flowables


class PageSize(enum.StrEnum):
    A4 = "A4"
    A3 = "A3"


@dataclass(frozen=True)
class PdfOptions:
    """How the PDF looks: paper, month grid, titles only (``brief``), and which font."""

    page_size: PageSize = PageSize.A4
    month_grid: bool = False
    brief: bool = False
    font: CjkFont | None = None


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    page_count: int


_MARGIN = 15 * mm


def render_timetable_pdf(timetable: Timetable, options: PdfOptions | None = None) -> RenderedPdf:
    """Lay out ``timetable`` and return the PDF bytes and page count (also for print preview)."""
    options = options or PdfOptions()
    font_name = register_font(options.font or find_cjk_font())
    page = landscape(A3 if options.page_size is PageSize.A3 else A4)
    scale = page[0] / landscape(A4)[0]
    styles = PdfStyles(font_name, scale)
    buffer = io.BytesIO()
    pages: list[int] = []
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * mm,
        title=timetable.title,
        author="UnionOffice 工会公文助手",
        subject=timetable.subtitle,
        creator="UnionOffice",
        initialFontName=font_name,  # else an unused, unembedded Helvetica is listed
    )
    story: list[Flowable] = [Paragraph(markup(timetable.title), styles.title)]
    for line in (timetable.subtitle, timetable.scope):
        if line:
            story.append(Paragraph(markup(line), styles.subtitle))
    story.append(Spacer(1, 3 * mm * scale))
    story += timetable_flowables(
        timetable, styles, doc.width, month_grid=options.month_grid, brief=options.brief
    )
    canvasmaker = functools.partial(
        NumberedCanvas,
        footer_font=font_name,
        footer_size=9 * scale,
        footer_margin=_MARGIN * 0.6,
        pages_seen=pages,
    )
    doc.build(story, canvasmaker=canvasmaker)
    return RenderedPdf(buffer.getvalue(), pages[0] if pages else 0)


def write_timetable_pdf(
    timetable: Timetable, path: str | Path, options: PdfOptions | None = None
) -> int:
    """Write the PDF atomically to ``path``; return its page count."""
    rendered = render_timetable_pdf(timetable, options)
    write_atomically(path, rendered.data)
    return rendered.page_count
