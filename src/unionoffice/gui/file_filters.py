"""The file-type filters of every file dialog, written the way Qt reads them.

Qt finds a filter's patterns between ASCII parentheses at its end ("Word 文档 (*.docx)");
with full-width brackets around the patterns it reads none and the dialog lists nothing, on
Windows' native dialog too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData


def file_filter(label: str, *patterns: str) -> str:
    """``label (*.a *.b)``: one entry of a file dialog's type list."""
    return f"{label} ({' '.join(patterns)})"


def filters(*entries: str) -> str:
    """Entries joined as QFileDialog takes them."""
    return ";;".join(entries)


ALL_FILES = file_filter("所有文件", "*")
IMPORTABLE = filters(
    file_filter("公文", "*.docx", "*.doc", "*.wps", "*.pdf", "*.txt"),
    file_filter("Word 文档", "*.docx", "*.doc"),
    file_filter("WPS 文档", "*.wps"),
    file_filter("PDF 文件", "*.pdf"),
    file_filter("文本文件", "*.txt"),
)
WORD = file_filter("Word 文档", "*.docx")
PDF = file_filter("PDF 文件", "*.pdf")
EXCEL = file_filter("Excel 工作簿", "*.xlsx")
CALENDAR = file_filter("日历文件", "*.ics")
FONTS = file_filter("TrueType 字体", "*.ttf", "*.ttc")
DATABASE = filters(file_filter("UnionOffice 数据库", "*.sqlite", "*.db"), ALL_FILES)
BACKUP = filters(file_filter("数据库备份", "*.sqlite", "*.db"), ALL_FILES)

# Every filter a dialog of the program shows, by what it is for (tests open each one).
EVERY_FILTER = {
    "import": IMPORTABLE,
    "word": WORD,
    "pdf": PDF,
    "excel": EXCEL,
    "calendar": CALENDAR,
    "fonts": FONTS,
    "database": DATABASE,
    "backup": BACKUP,
}


def dropped_imports(mime: QMimeData) -> list[Path]:
    """The files and folders dragged onto the window that import can take: local folders
    (read through, as 导入文件夹) and files of a kind the importer reads; [] for anything else
    (a web link, a picture), so the window refuses the drop rather than failing after it."""
    from unionoffice.importing.reading import SUPPORTED_SUFFIXES

    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in SUPPORTED_SUFFIXES]
