"""Word (.docx) notices from templates, laid out to GB/T 9704-2012.

from unionoffice.exporting.docx import ExportOptions, Letterhead, export_notice
export_notice(notice, "out.docx", ExportOptions(letterhead=Letterhead("青海省总工会办公室文件")))
"""

from unionoffice.exporting.docx.errors import ExportError, TemplateError
from unionoffice.exporting.docx.notice_writer import (
    ExportResult,
    export_notice,
    export_notices,
    export_warnings,
    file_name_for,
    render_notice,
    save_atomically,
)
from unionoffice.exporting.docx.options import (
    WINDOWS_FONTS,
    ExportOptions,
    FontSet,
    Letterhead,
    PlanLayout,
    SignatureLayout,
)
from unionoffice.exporting.docx.templates import (
    DEFAULT_TEMPLATE,
    TemplateInfo,
    available_templates,
    find_template,
    shipped_template_dir,
    user_template_dir,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "WINDOWS_FONTS",
    "ExportError",
    "ExportOptions",
    "ExportResult",
    "FontSet",
    "Letterhead",
    "PlanLayout",
    "SignatureLayout",
    "TemplateError",
    "TemplateInfo",
    "available_templates",
    "export_notice",
    "export_notices",
    "export_warnings",
    "file_name_for",
    "find_template",
    "render_notice",
    "save_atomically",
    "shipped_template_dir",
    "user_template_dir",
]
