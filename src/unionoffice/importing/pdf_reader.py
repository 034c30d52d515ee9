"""PDF files with a text layer, read with pdfplumber: lines in reading order and ruled tables as
tables. pdfplumber places every character by its position, so the “” quotes a Word/WPS PDF
draws in a Latin font land where they are printed (pypdf puts them out of order).

A PDF without text (a scan) cannot be read: the clerk is told to run OCR first.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from unionoffice.importing.document import Element, ImportFileError, SourceDocument, Table

MAX_PDF_PAGES = 300
SCANNED_MESSAGE = (
    "这个 PDF 没有文字层（可能是扫描件或图片）：请先用 OCR 文字识别（如 WPS、Adobe Acrobat 的"
    "“文字识别”功能）转换为带文字的 PDF 或 Word 文档后再导入"
)


def read_pdf(path: Path) -> SourceDocument:
    """The lines and tables of every page, in reading order."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a dependency of the package
        raise ImportFileError("无法读取 PDF：缺少 pdfplumber 组件，请重新安装本程序") from None
    elements: list[Element] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pdfminer's notes on odd fonts are not the clerk's
            with pdfplumber.open(str(path)) as pdf:
                if len(pdf.pages) > MAX_PDF_PAGES:
                    raise ImportFileError(
                        f"PDF 共 {len(pdf.pages)} 页，超过 {MAX_PDF_PAGES} 页，不像是一篇公文"
                    )
                for page in pdf.pages:
                    elements.extend(_page_elements(page))
    except ImportFileError:
        raise
    # pdfminer and pdfplumber raise many kinds of errors for damaged or encrypted files.
    except Exception as exc:
        raise ImportFileError(
            f"PDF 文件已损坏或已加密，无法读取（{type(exc).__name__}）：请用 PDF 阅读器打开确认，"
            "或另存为 Word 文档后再导入"
        ) from None
    if not any(e.strip() if isinstance(e, str) else e.rows for e in elements):
        raise ImportFileError(SCANNED_MESSAGE)
    return SourceDocument(tuple(elements), path=path, encoding=None)


def _page_elements(page: Any) -> list[Element]:
    """The page's text lines outside its tables, and its tables, ordered top to bottom."""
    tables = [t for t in page.find_tables() if t.bbox[3] > t.bbox[1]]
    boxes = [t.bbox for t in tables]
    text_page = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    placed: list[tuple[float, int, Element]] = [
        (float(line["top"]), 0, str(line["text"])) for line in text_page.extract_text_lines()
    ]
    for table in tables:
        rows = tuple(tuple((cell or "").strip() for cell in row) for row in table.extract() if row)
        if rows:
            placed.append((float(table.bbox[1]), 1, Table(rows)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [element for _, _, element in placed]


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    y = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
