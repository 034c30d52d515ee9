"""Show the timetable PDF before it is printed: the very bytes ``render_timetable_pdf`` made.

PySide6-Essentials has no PDF renderer (QtPdf ships with the WebEngine add-on), so the PDF is
written to a temporary file and opened in the system's PDF viewer, where the clerk previews and
prints it; a small dialog offers 另存为 and opening it again. With a PDF renderer (QtPdf or
pypdfium2) the pages could be painted into a QPrintPreviewDialog instead.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.timetable import RenderedPdf
from unionoffice.exporting.timetable.output import write_atomically
from unionoffice.file_names import DEFAULT_MAX_CHARS, safe_file_name
from unionoffice.gui import messages

KEEP_TEMP_S = 24 * 60 * 60


def default_pdf_name(title: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """The timetable's title as a file name Windows accepts (no extension)."""
    return safe_file_name(title, fallback="活动安排表", max_chars=max_chars)


def temp_pdf_path(title: str) -> Path:
    """A new file in the temporary folder, named after the timetable."""
    folder = Path(tempfile.gettempdir()) / "UnionOffice"
    folder.mkdir(parents=True, exist_ok=True)
    yesterday = time.time() - KEEP_TEMP_S
    for old in folder.glob("*.pdf"):  # earlier previews, long closed in the viewer
        with contextlib.suppress(OSError):
            if old.stat().st_mtime < yesterday:
                old.unlink()
    name = default_pdf_name(title, max_chars=60)
    return folder / f"{name}-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.pdf"


def show_pdf(parent: QWidget, pdf: RenderedPdf, title: str, *, default_folder: str) -> QDialog:
    """Open the PDF in the system's viewer; the dialog that offers 另存为 (not yet shown)."""
    dialog = PdfReadyDialog(parent, pdf, title, default_folder=default_folder)
    dialog.open_in_viewer()
    return dialog


class PdfReadyDialog(QDialog):
    """The timetable is in a temporary PDF open in the viewer: 打开并打印, 另存为…, 关闭."""

    def __init__(
        self, parent: QWidget, pdf: RenderedPdf, title: str, *, default_folder: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("打印活动安排表")
        self.pdf = pdf
        self.title = title
        self.default_folder = default_folder
        self.path = write_atomically(temp_pdf_path(title), pdf.data)
        self.saved_copy: Path | None = None
        self.message = QLabel(
            f"《{title}》已生成，共 {pdf.page_count} 页（PDF）。\n\n"
            "已在 PDF 阅读器中打开，请在其中预览并打印（Ctrl+P）。\n"
            "若要留存或发给他人，请点“另存为…”。",
            self,
        )
        self.message.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #666;")
        self.open_button = QPushButton("再次打开", self)
        self.open_button.clicked.connect(self.open_in_viewer)
        self.save_button = QPushButton("另存为…", self)
        self.save_button.clicked.connect(self.save_as)
        buttons = QDialogButtonBox(self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def open_in_viewer(self) -> bool:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
        if not opened:
            self.message.setText(
                f"《{self.title}》已生成，共 {self.pdf.page_count} 页（PDF），但本机没有可打开 PDF "
                "的程序。请点“另存为…”保存后用 WPS 或其他 PDF 阅读器打开并打印。"
            )
        self.status.setText(f"临时文件：{self.path}")
        return opened

    def save_as(self) -> Path | None:
        start = str(Path(self.default_folder) / f"{default_pdf_name(self.title)}.pdf")
        chosen, _ = QFileDialog.getSaveFileName(self, "另存为 PDF", start, "PDF 文件（*.pdf）")
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            self.saved_copy = write_atomically(target, self.pdf.data)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        self.status.setText(f"已另存为：{self.saved_copy}")
        return self.saved_copy
