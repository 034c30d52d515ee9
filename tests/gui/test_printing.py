"""打印公文 from the program: the notice's GB/T 9704 pages in Qt's print preview, printed
through Qt's PDF printer and read back."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from unionoffice.domain.page_layout import PAGE_HEIGHT_MM, PAGE_WIDTH_MM
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.operations import printing

MM_PER_POINT = 25.4 / 72


def _plain(text: str) -> str:
    """Text without spaces; Kangxi radicals (some fonts map 工 to ⼯) as the characters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _print_to_pdf(preview: PrintPreview, target) -> PdfReader:
    widget = preview.findChild(QPrintPreviewWidget)
    preview.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer().setOutputFileName(str(target))
    widget.print_()
    return PdfReader(str(target))


def test_ctrl_shift_p_prints_the_notice_as_its_preview_lays_it_out(
    qtbot, window, demo_ids, shown_messages, tmp_path
) -> None:
    editor = window.open_notice(demo_ids[0])
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    preview = window.print_preview
    assert isinstance(preview, PrintPreview) and preview.isVisible()
    pages = editor.preview.current_pages()
    widget = preview.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() == len(pages), timeout=10_000)
    printed = _print_to_pdf(preview, tmp_path / "公文.pdf")
    assert len(printed.pages) == len(pages) >= 2
    width, height = (float(v) * MM_PER_POINT for v in printed.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (round(PAGE_WIDTH_MM), round(PAGE_HEIGHT_MM))
    # the words on paper are the words of the layout, page by page
    for page, laid_out in zip(printed.pages, pages, strict=True):
        on_paper = _plain(page.extract_text())
        expected = _plain("".join(line.text for line in laid_out.lines))
        assert SequenceMatcher(None, expected, on_paper).ratio() > 0.9
    assert shown_messages == []
    preview.reject()


def test_printing_without_an_open_notice_says_what_to_do(window, shown_messages) -> None:
    window.print_notice_action.trigger()
    assert shown_messages == [("info", "请先打开要打印的公文。")]


def test_a_page_range_prints_only_those_pages(qtbot, window, demo_ids, tmp_path) -> None:
    editor = window.open_notice(demo_ids[0])
    pages = editor.preview.current_pages()
    printer = printing.notice_printer("范围")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "第二页.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert printing.paint_notice(printer, pages) == 1
    (page,) = PdfReader(str(tmp_path / "第二页.pdf")).pages
    expected = _plain("".join(line.text for line in pages[1].lines))
    assert SequenceMatcher(None, expected, _plain(page.extract_text())).ratio() > 0.9
