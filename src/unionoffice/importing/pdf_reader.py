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
_WRAP_MARGIN = 2.5  # character widths between a wrapped line's end and its cell's right edge
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
        rows = tuple(
            tuple(_cell_text(page, cell) for cell in row.cells) for row in table.rows if row.cells
        )
        if rows:
            placed.append((float(table.bbox[1]), 1, Table(rows)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [element for _, _, element in placed]


def _cell_text(page: Any, box: tuple[float, float, float, float] | None) -> str:
    """A cell's text: lines that reach the cell's right edge were wrapped there and run on
    into the next ("宣传教育部、市工" + "人文化宫"); shorter lines end a paragraph."""
    if box is None:
        return ""  # covered by a merged cell
    parts: list[str] = []
    wrapped = False
    # Characters whose middle is in the cell, as pdfplumber's own table text has them.
    for line in page.filter(lambda obj: _inside(obj, [box])).extract_text_lines():
        text = str(line["text"]).strip()
        if parts and wrapped:
            parts[-1] += text
        else:
            parts.append(text)
        chars = line.get("chars") or []
        width = max((float(c["x1"]) - float(c["x0"]) for c in chars), default=10.0)
        wrapped = float(line["x1"]) >= box[2] - _WRAP_MARGIN * width
    return "\n".join(parts).strip()


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(obj.get("x0", 0)) + float(obj.get("x1", 0))) / 2
    y = (float(obj.get("top", 0)) + float(obj.get("bottom", 0))) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)
