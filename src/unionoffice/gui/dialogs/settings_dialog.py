"""设置: the database, Word export defaults, autosave delay and the PDF font (常规), the Word
templates and the office's own red header (模板), the 法定节假日 / 调休 days of the calendar
(节假日) and the 发文机关, 机关代字 and 部门 (机关与部门).

Everything on 常规 is read from and written to the typed Settings registry when 确定 is
pressed. A new database is opened (and upgraded) before anything is switched; when it cannot be
opened the clerk stays on the current one and sees why. A font file is checked before it is
kept. 节假日 and 机关与部门 changes are saved one by one as they are made; the calendar, tree
and lists show them when the dialog closes. The layout is ui/settings_dialog.ui (常规 and the
buttons); the other two pages have forms of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.docx import available_templates
from unionoffice.exporting.timetable import find_cjk_font
from unionoffice.gui import file_filters
from unionoffice.gui.dialogs.export_dialog import fill_plan_combo, fill_template_combo
from unionoffice.gui.dialogs.holiday_editor import HolidayEditor
from unionoffice.gui.dialogs.organ_settings import OrganSettingsPage
from unionoffice.gui.dialogs.template_settings import TemplateSettingsPage
from unionoffice.gui.forms import child, load_form
from unionoffice.gui.window.switching import switch_database
from unionoffice.output_files import expand_home
from unionoffice.storage.database import default_database_path, os_user
from unionoffice.storage.services.organs import OrganService

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow


class SettingsDialog(QDialog):
    """The 设置 dialog of one main window; ``accept`` applies and may switch the database."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        load_form("settings_dialog", self)
        self.main_window = window
        self.settings = window.settings
        self.replacement: MainWindow | None = None

        self.current_database = window.db.describe()
        self.database = child(self, QLineEdit, "database")
        self.database.setText(self.current_database)
        child(self, QPushButton, "browse_database_button").clicked.connect(self.browse_database)
        default_db = child(self, QPushButton, "default_database_button")
        default_db.setToolTip(str(default_database_path()))
        default_db.clicked.connect(lambda: self.database.setText(str(default_database_path())))
        child(self, QLabel, "database_note").setText(
            f"当前使用：{self.current_database}\n修改后将关闭当前数据库并打开新的数据库。"
        )

        self.template = child(self, QComboBox, "template")
        fill_template_combo(self.template, available_templates(), self.settings.export_template)
        self.plan = child(self, QComboBox, "plan")
        fill_plan_combo(self.plan, self.settings.export_plan_layout)

        self.autosave = child(self, QSpinBox, "autosave")
        self.autosave.setValue(self.settings.autosave_ms)
        self.font_path = child(self, QLineEdit, "font_path")
        self.font_path.setText(self.settings.cjk_font_path)
        child(self, QPushButton, "browse_font_button").clicked.connect(self.browse_font)
        child(self, QPushButton, "check_font_button").clicked.connect(self.check_font)
        self.font_status = child(self, QLabel, "font_status")
        self.clerk_name = child(self, QLineEdit, "clerk_name")
        self.clerk_name.setText(self.settings.clerk_name)
        self.clerk_name.setPlaceholderText(f"留空则用电脑的登录名（{os_user()}）")

        self.error_label = child(self, QLabel, "error_label")
        self.error_label.hide()
        self.font_path.textChanged.connect(lambda _text: self.error_label.hide())
        buttons = child(self, QDialogButtonBox, "buttons")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # 节假日 and 机关与部门 are widgets of their own (their own forms), after 常规
        self.tabs = child(self, QTabWidget, "tabs")
        self.holidays = HolidayEditor(window.calendar.days, window.calendar.year, self)
        self.tabs.addTab(self.holidays, "节假日")
        self.organs = OrganSettingsPage(OrganService(window.db), self, notify=window.context.notify)
        self.tabs.addTab(self.organs, "机关与部门")
        self.templates = TemplateSettingsPage(parent=self)
        self.tabs.insertTab(1, self.templates, "模板")
        self.templates.changed.connect(self._refill_templates)
        self.finished.connect(self._show_holiday_changes)
        self.finished.connect(self._show_organ_changes)
        self.check_font()  # say at once which font the timetables use, or that none is found

    def _refill_templates(self) -> None:
        """A template added or removed on 模板 is offered as the default at once."""
        current = str(self.template.currentData() or "")
        self.template.clear()
        fill_template_combo(self.template, available_templates(), current)

    def _show_holiday_changes(self) -> None:
        """节假日 changes were saved as made, so 取消 keeps them too: the calendar shows them."""
        if self.holidays.changed_any and self.replacement is None:
            self.main_window.context.notify(Changes(calendar_days=True))

    def _show_organ_changes(self) -> None:
        """机关与部门 changes were saved as made. Renaming an organ or a department changes
        the lines of every notice and activity that names it, so all views read again."""
        if self.organs.changed_any and self.replacement is None:
            self.main_window.context.notify(Changes(organs=True, departments=True, everything=True))

    def browse_database(self) -> None:
        current = self.database.text().strip()
        start = current if "://" not in current else ""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            "选择或新建数据库文件",
            start,
            file_filters.DATABASE,
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.database.setText(chosen)

    def browse_font(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "选择中文 TrueType 字体", self.font_path.text(), file_filters.FONTS
        )
        if chosen:
            self.font_path.setText(chosen)
            self.check_font()

    def check_font(self) -> bool:
        """Say which font the PDF will use; False (with the reason) when there is none."""
        try:
            font = find_cjk_font(self.font_path.text().strip() or None)
        except UnionOfficeError as exc:
            self.font_status.setStyleSheet("color: #b00020;")
            self.font_status.setText(str(exc))
            return False
        self.font_status.setStyleSheet("color: #2e7d32;")
        self.font_status.setText(f"将使用：{font.path}")
        return True

    def _database_changed(self) -> bool:
        wanted = self.database.text().strip()
        return bool(wanted) and wanted != self.current_database

    def accept(self) -> None:
        if self.font_path.text().strip() and not self.check_font():
            self.error_label.setText("字体文件不可用，请更换或清空（自动查找）。")
            self.error_label.show()
            self.tabs.setCurrentIndex(0)
            return
        settings = self.settings
        settings.export_template = str(self.template.currentData() or "")
        settings.export_plan_layout = str(self.plan.currentData() or "")
        settings.autosave_ms = self.autosave.value()
        settings.cjk_font_path = self.font_path.text().strip()
        settings.clerk_name = self.clerk_name.text().strip()
        if self.main_window.is_attached():
            self.main_window.db.clerk = settings.clerk_name or os_user()
        for editor in self.main_window.editors():
            editor.set_autosave_delay(settings.autosave_ms)
        if self._database_changed():
            wanted = self.database.text().strip()
            if "://" not in wanted:
                wanted = str(expand_home(wanted))
            self.replacement = switch_database(self.main_window, wanted)
            if self.replacement is None:
                return  # the reason was shown; the dialog stays open to correct it
        super().accept()
