"""Printed activity timetables (活动安排表): PDF, spreadsheet and calendar file.

Pick rows with ``build_timetable(notices, TimetableFilter(...))``, then hand the ``Timetable``
to ``write_timetable_pdf``, ``write_timetable_xlsx`` or ``write_timetable_ics``. No Qt here:
the GUI's print preview renders the same PDF bytes with ``render_timetable_pdf``.
"""

from __future__ import annotations

from unionoffice.exporting.timetable.errors import FontNotFoundError, TimetableError
from unionoffice.exporting.timetable.fonts import CjkFont, find_cjk_font
from unionoffice.exporting.timetable.ics import (
    build_calendar,
    render_timetable_ics,
    write_timetable_ics,
)
from unionoffice.exporting.timetable.model import (
    Column,
    NoticeRef,
    SortOrder,
    Timetable,
    TimetableRow,
    months_covered,
)
from unionoffice.exporting.timetable.pdf import (
    PageSize,
    PdfOptions,
    RenderedPdf,
    render_timetable_pdf,
    write_timetable_pdf,
)
from unionoffice.exporting.timetable.selection import (
    TimetableFilter,
    build_timetable,
    is_overdue,
    select_rows,
)
from unionoffice.exporting.timetable.xlsx import render_timetable_xlsx, write_timetable_xlsx

__all__ = [
    "CjkFont",
    "Column",
    "FontNotFoundError",
    "NoticeRef",
    "PageSize",
    "PdfOptions",
    "RenderedPdf",
    "SortOrder",
    "Timetable",
    "TimetableError",
    "TimetableFilter",
    "TimetableRow",
    "build_calendar",
    "build_timetable",
    "find_cjk_font",
    "is_overdue",
    "months_covered",
    "render_timetable_ics",
    "render_timetable_pdf",
    "render_timetable_xlsx",
    "select_rows",
    "write_timetable_ics",
    "write_timetable_pdf",
    "write_timetable_xlsx",
]
