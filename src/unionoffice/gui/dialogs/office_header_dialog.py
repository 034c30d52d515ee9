"""添加本单位红头: the office's red-header .docx made into a template (设置 → 模板).

The program finds the 文号 paragraph and where the body starts (office_header); the clerk sees
them chosen in two lists and can choose others — when nothing was found the lists ask. Each
choice builds a trial template in a temporary folder and paints the specimen notice on its
page (template_preview, the same layout the export writes), so what the clerk keeps is what
Word will print. The layout is ui/office_header_dialog.ui.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.docx import ExportOptions, TemplateInfo, user_template_dir
from unionoffice.exporting.docx.notice_writer import export_notice
from unionoffice.exporting.docx.office_header import (
    HeaderPlaces,
    find_header_places,
    make_office_template,
    open_office_file,
)
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.template_preview import template_pages
from unionoffice.gui import messages
from unionoffice.gui.editor.page_preview import PageCanvas
from unionoffice.gui.forms import child, fill_slot, load_form

TRIAL_NAME = "红头预览"
NO_NUMBER = "（红头中没有文号）"
END_OF_FILE = "（文件末尾）"


def preview_area(parent: QWidget) -> tuple[QScrollArea, PageCanvas]:
    """A scrolling column of A4 pages, as the editor's 页面预览 shows them."""
    canvas = PageCanvas(parent)
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setWidget(canvas)
    return area, canvas


class OfficeHeaderDialog(QDialog):
    """Choose where the 文号 and the body go in ``source``; ``accept`` keeps the template."""

    def __init__(
        self, source: Path, user_dir: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        load_form("office_header_dialog", self)
        self.source = source
        self.user_dir = user_dir or user_template_dir()
        self.made: TemplateInfo | None = None
        self._trial = tempfile.TemporaryDirectory(prefix="unionoffice-header-")
        self.finished.connect(lambda _result: self._trial.cleanup())

        self.places: HeaderPlaces = find_header_places(open_office_file(source))
        child(self, QLabel, "source_label").setText(f"红头文件：{source}")
        self.name = child(self, QLineEdit, "name")
        self.name.setText(source.stem)
        self.number_paragraph = child(self, QComboBox, "number_paragraph")
        self.body_paragraph = child(self, QComboBox, "body_paragraph")
        self.note = child(self, QLabel, "found_note")
        self.buttons = child(self, QDialogButtonBox, "buttons")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加为模板")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        child(self, QPushButton, "open_specimen_button").clicked.connect(self.open_specimen)
        area, self.canvas = preview_area(self)
        fill_slot(self, "preview_slot", area)

        self.number_paragraph.addItem(NO_NUMBER, None)
        for paragraph in self.places.paragraphs:
            self.number_paragraph.addItem(paragraph.label(), paragraph.index)
            self.body_paragraph.addItem(paragraph.label(), paragraph.index)
        self.body_paragraph.addItem(END_OF_FILE, len(self.places.paragraphs))
        self._select(self.number_paragraph, self.places.number)
        self._select(self.body_paragraph, self.places.body)
        self.number_paragraph.currentIndexChanged.connect(self.refresh)
        self.body_paragraph.currentIndexChanged.connect(self.refresh)
        self.refresh()

    @staticmethod
    def _select(combo: QComboBox, index: int | None) -> None:
        if index is None:
            combo.setCurrentIndex(-1)  # nothing found: the clerk chooses
            return
        combo.setCurrentIndex(combo.findData(index))

    def chosen(self) -> tuple[int | None, int | None]:
        """(文号 paragraph, body paragraph) as chosen; the body None while not chosen."""
        body = self.body_paragraph.currentData()
        return self.number_paragraph.currentData(), body

    def refresh(self) -> None:
        """Build the trial template from the choices and paint its page."""
        number, body = self.chosen()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if body is None:
            self.note.setStyleSheet("color: #b00020;")
            self.note.setText("没有找到红线和正文的位置，请选择正文从哪一段开始（红线下的第一段）。")
            self.canvas.set_pages([])
            ok.setEnabled(False)
            return
        try:
            self._make(TRIAL_NAME, number, body, Path(self._trial.name))
            pages = template_pages(TRIAL_NAME, user_dir=Path(self._trial.name))
        except UnionOfficeError as exc:
            self.note.setStyleSheet("color: #b00020;")
            self.note.setText(str(exc))
            self.canvas.set_pages([])
            ok.setEnabled(False)
            return
        found = self.places.found and (number, body) == (self.places.number, self.places.body)
        self.note.setStyleSheet("color: #2e7d32;" if found else "color: #555;")
        self.note.setText(
            "已自动找到文号和正文的位置；右侧是用这个红头写出的样张。"
            if found
            else "右侧是按所选位置写出的样张；如不对，请重新选择。"
        )
        self.canvas.set_pages(pages[:1])
        ok.setEnabled(True)

    def _make(self, name: str, number: int | None, body: int, folder: Path) -> TemplateInfo:
        return make_office_template(self.source, name, number=number, body=body, user_dir=folder)

    def open_specimen(self) -> None:
        """The specimen written with the trial template, opened by the PC's word processor."""
        folder = Path(self._trial.name)
        try:
            path = export_notice(
                specimen_notice(),
                folder / "样张.docx",
                ExportOptions(template=TRIAL_NAME, letterhead=SPECIMEN_LETTERHEAD),
                user_dir=folder,
            )
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def accept(self) -> None:
        number, body = self.chosen()
        if body is None:
            return
        name = self.name.text().strip()
        existing = self.user_dir / f"{name}.docx"
        if name and existing.is_file() and not messages.confirm(
            self, f"本单位已有名为“{name}”的模板，用这个红头替换它吗？"
        ):
            return
        try:
            self.made = self._make(name, number, body, self.user_dir)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return
        super().accept()
