"""The 督办 list on paper, in PDF and in Excel: one part per 牵头部门, to send round."""

from unionoffice.exporting.supervision.pdf import render_supervision_pdf, write_supervision_pdf
from unionoffice.exporting.supervision.tables import (
    COLUMNS,
    cells,
    render_supervision_xlsx,
    supervision_html,
    write_supervision_xlsx,
)

__all__ = [
    "COLUMNS",
    "cells",
    "render_supervision_pdf",
    "render_supervision_xlsx",
    "supervision_html",
    "write_supervision_pdf",
    "write_supervision_xlsx",
]
