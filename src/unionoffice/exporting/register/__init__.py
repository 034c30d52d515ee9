"""The 发文登记簿 on paper and in Excel: its lines as a table (HTML for printing, .xlsx)."""

from unionoffice.exporting.register.tables import (
    COLUMNS,
    register_html,
    register_title,
    render_register_xlsx,
    write_register_xlsx,
)

__all__ = [
    "COLUMNS",
    "register_html",
    "register_title",
    "render_register_xlsx",
    "write_register_xlsx",
]
