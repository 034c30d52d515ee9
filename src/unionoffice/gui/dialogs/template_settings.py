"""设置 → 模板: the Word templates a notice can be exported with, each shown as a specimen
page; the office's own red header is added here (OfficeHeaderDialog) and a template of the
clerk's own can be removed. The shipped ones stay. The layout is ui/template_settings.ui.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.docx import TemplateInfo, available_templates, user_template_dir
from unionoffice.exporting.docx.template_preview import template_pages
from unionoffice.gui import file_filters, messages
from unionoffice.gui.dialogs.office_header_dialog import OfficeHeaderDialog, preview_area
from unionoffice.gui.forms import child, fill_slot, load_form

_INFO = Qt.ItemDataRole.UserRole


class TemplateSettingsPage(QWidget):
    """The 模板 page of 设置: the list, a specimen page of the one selected, add and remove."""

    changed = Signal()  # a template was added or removed

    def __init__(self, user_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form("template_settings", self)
        self.user_dir = user_dir or user_template_dir()
        self.template_list = child(self, QListWidget, "template_list")
        self.remove_button = child(self, QPushButton, "remove_button")
        self.hint = child(self, QLabel, "hint")
        child(self, QPushButton, "add_header_button").clicked.connect(self.add_office_header)
        child(self, QPushButton, "open_folder_button").clicked.connect(self.open_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        area, self.canvas = preview_area(self)
        fill_slot(self, "preview_slot", area)
        self._shown: TemplateInfo | None = None
        self.template_list.currentItemChanged.connect(lambda _now, _before: self._on_selected())
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.template_list.clear()
        for info in available_templates(self.user_dir):
            origin = "随程序提供" if info.shipped else "本单位"
            item = QListWidgetItem(f"{info.name}（{origin}）")
            item.setData(_INFO, info)
            self.template_list.addItem(item)
            if info.name == select:
                self.template_list.setCurrentItem(item)
        if self.template_list.currentItem() is None and self.template_list.count():
            self.template_list.setCurrentRow(0)

    def selected(self) -> TemplateInfo | None:
        item = self.template_list.currentItem()
        return item.data(_INFO) if item is not None else None

    def _on_selected(self) -> None:
        info = self.selected()
        self.remove_button.setEnabled(info is not None and not info.shipped)
        if self.isVisible():
            self.show_selected()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._shown != self.selected():
            self.show_selected()

    def show_selected(self) -> None:
        """Paint the specimen page of the selected template (only when the page is seen)."""
        info = self._shown = self.selected()
        if info is None:
            self.canvas.set_pages([])
            return
        try:
            pages = template_pages(info.path, user_dir=self.user_dir)
        except UnionOfficeError as exc:
            self.hint.setText(str(exc))
            self.canvas.set_pages([])
            return
        self.hint.setText(f"{info.path}")
        self.canvas.set_pages(pages[:1])

    def add_office_header(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "选择本单位的红头文件", "", file_filters.WORD
        )
        if chosen:
            self.add_from(Path(chosen))

    def add_from(self, source: Path) -> TemplateInfo | None:
        """Ask where the 文号 and body go in ``source`` and keep it as a template."""
        try:
            dialog = OfficeHeaderDialog(source, self.user_dir, self)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        if dialog.exec() != OfficeHeaderDialog.DialogCode.Accepted or dialog.made is None:
            return None
        self.reload(select=dialog.made.name)
        self.changed.emit()
        return dialog.made

    def remove_selected(self) -> None:
        info = self.selected()
        if info is None or info.shipped:
            return
        if not messages.confirm(self, f"删除模板“{info.name}”？（文件：{info.path}）"):
            return
        try:
            info.path.unlink()
        except OSError as exc:
            messages.show_error(self, f"无法删除“{info.path}”：{exc.strerror or exc}")
            return
        self.reload()
        self.changed.emit()

    def open_folder(self) -> None:
        self.user_dir.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.user_dir)))
