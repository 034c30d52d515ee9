"""打印 inside the program: a notice's GB/T 9704 pages and an activity timetable, through Qt's
print preview (page setup, printer choice, printing to the office printer), no outside viewer.

A notice is painted sheet by sheet by the same code as the 页面预览 (PageCanvas.paint_sheet),
so paper shows what the preview shows. A timetable is the very PDF that 另存为 writes: its pages
are rendered by pdfium (pypdfium2, which the PDF importer brings) at the printer's resolution
and drawn onto the printer's pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from unionoffice.domain.page_layout import PAGE_HEIGHT_MM, PAGE_WIDTH_MM, Page
from unionoffice.gui.editor.page_preview import PageCanvas

# Rendering a PDF page finer than this gains nothing on an office laser printer and costs
# memory: an A3 page at 600 dpi is 280 MB of pixels.
MAX_RENDER_DPI = 300
PAINT_PX_PER_MM = 10.0  # about 250 dpi: fine enough for hinting, scaled to the printer


def notice_printer(title: str) -> QPrinter:
    """An A4 printer for notices: the layout places everything, so no printer margins."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def paint_notice(printer: QPrinter, pages: Sequence[Page]) -> int:
    """Paint the notice's pages (those the print dialog asked for) onto ``printer``; how many."""
    chosen = _chosen(printer, len(pages))
    if not chosen:
        return 0
    painter = QPainter(printer)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    canvas = PageCanvas()
    try:
        for count, index in enumerate(chosen):
            if count:
                printer.newPage()
            sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            device = min(sheet.width() / PAGE_WIDTH_MM, sheet.height() / PAGE_HEIGHT_MM)
            # The sheet is painted at a screen-like scale and the painter scales it to the
            # printer: text then spaces the same as the 页面预览 (a font's metrics and its
            # letter spacing are not scaled alike between a screen and a 1200 dpi printer).
            painter.save()
            painter.translate(sheet.topLeft())
            painter.scale(device / PAINT_PX_PER_MM, device / PAINT_PX_PER_MM)
            size = QSizeF(PAGE_WIDTH_MM * PAINT_PX_PER_MM, PAGE_HEIGHT_MM * PAINT_PX_PER_MM)
            canvas.paint_sheet(painter, pages[index], QRectF(QPointF(0, 0), size), PAINT_PX_PER_MM)
            painter.restore()
    finally:
        painter.end()
        canvas.deleteLater()
    return len(chosen)


def pdf_printer(pdf_data: bytes, title: str) -> QPrinter:
    """A printer whose paper is the PDF's first page (A4 or A3, landscape for timetables)."""
    import pypdfium2

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)
    document = pypdfium2.PdfDocument(pdf_data)
    try:
        width_pt, height_pt = document[0].get_size() if len(document) else (595.0, 842.0)
    finally:
        document.close()
    orientation = (
        QPageLayout.Orientation.Landscape
        if width_pt > height_pt
        else QPageLayout.Orientation.Portrait
    )
    portrait = QSizeF(min(width_pt, height_pt), max(width_pt, height_pt))
    size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(
        QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    )
    return printer


def paint_pdf(printer: QPrinter, pdf_data: bytes) -> int:
    """Paint the PDF's pages (those the print dialog asked for), each fitted to a printer page."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf_data)
    painter: QPainter | None = None
    printed = 0
    try:
        chosen = _chosen(printer, len(document))
        if not chosen:
            return 0
        painter = QPainter(printer)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpi = min(printer.resolution(), MAX_RENDER_DPI)
        for index in chosen:
            if printed:
                printer.newPage()
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=False)
            image = _as_image(bitmap)
            sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            fitted = QSizeF(image.width(), image.height()).scaled(
                sheet.size(), Qt.AspectRatioMode.KeepAspectRatio
            )
            painter.drawImage(QRectF(sheet.topLeft(), fitted), image)
            printed += 1
            page.close()
    finally:
        if painter is not None:
            painter.end()
        document.close()
    return printed


def _as_image(bitmap: object) -> QImage:
    """A pdfium bitmap (BGRA or BGR bytes) as a QImage that owns a copy of its pixels."""
    width, height = bitmap.width, bitmap.height  # type: ignore[attr-defined]
    stride = bitmap.stride  # type: ignore[attr-defined]
    channels = bitmap.n_channels  # type: ignore[attr-defined]
    formats = {4: QImage.Format.Format_ARGB32, 3: QImage.Format.Format_BGR888}
    buffer = bytes(bitmap.buffer)  # type: ignore[attr-defined]
    return QImage(buffer, width, height, stride, formats[channels]).copy()


def _chosen(printer: QPrinter, count: int) -> list[int]:
    """The page indexes the print dialog's range names (all when it names none)."""
    if count == 0:
        return []
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        return list(range(count))
    return list(range(max(first, 1) - 1, min(last if last > 0 else count, count)))

