"""打印预览: Qt's print preview (pages, zoom, page setup, printer choice, 打印) for a notice or a
timetable, with 另存为 PDF for a timetable — nothing needs a PDF reader on the office PC."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QToolBar, QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.file_names import safe_file_name
from unionoffice.gui import file_filters, messages
from unionoffice.output_files import write_atomically


class PrintPreview(QPrintPreviewDialog):
    """The pages ``paint`` draws on ``printer``, previewed and printed from the program."""

    def __init__(
        self,
        printer: QPrinter,
        paint: Callable[[QPrinter], object],
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(printer, parent)
        # Qt does not own the printer, nor does the binding keep it: a printer made in the
        # call (notice_printer(...)) would be freed at once and the preview paint on freed
        # memory when it opens.
        self._printer = printer
        self.title = title
        self.setWindowTitle(f"打印预览 — {title}")
        self.paintRequested.connect(paint)
        self.resize(1000, 760)
        self.pdf_data: bytes | None = None
        self.default_folder = ""
        self.saved_copy: Path | None = None

    def offer_pdf(self, data: bytes, default_folder: str) -> None:
        """Add 另存为 PDF… to the toolbar: the very bytes the preview shows."""
        self.pdf_data = data
        self.default_folder = default_folder
        toolbar = self.findChild(QToolBar)
        self.save_action = QAction("另存为 PDF…", self)
        self.save_action.setToolTip("把这份安排表保存为 PDF 文件，留存或发给他人")
        self.save_action.triggered.connect(lambda _checked=False: self.save_as())
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.save_action)
        else:  # pragma: no cover - Qt's preview has always had its toolbar
            self.addAction(self.save_action)

    def save_as(self) -> Path | None:
        if self.pdf_data is None:
            return None
        name = safe_file_name(self.title, fallback="活动安排表")
        start = str(Path(self.default_folder) / f"{name}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", start, file_filters.PDF)
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            self.saved_copy = write_atomically(target, self.pdf_data)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        return self.saved_copy
