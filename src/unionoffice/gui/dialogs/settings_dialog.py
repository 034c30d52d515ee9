"""设置: the database, Word export defaults, autosave delay and the PDF font (常规), the
法定节假日 / 调休 days of the calendar (节假日) and the 发文机关, 机关代字 and 部门 (机关与部门).

Everything on 常规 is read from and written to the typed Settings registry when 确定 is
pressed. A new database is opened (and upgraded) before anything is switched; when it cannot be
opened the clerk stays on the current one and sees why. A font file is checked before it is
kept. 节假日 and 机关与部门 changes are saved one by one as they are made; the calendar, tree
and lists show them when the dialog closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.exporting.docx import available_templates
from unionoffice.exporting.timetable import find_cjk_font
from unionoffice.gui import file_filters
from unionoffice.gui.dialogs.export_dialog import plan_combo, template_combo
from unionoffice.gui.dialogs.holiday_editor import HolidayEditor
from unionoffice.gui.dialogs.organ_settings import OrganSettingsPage
from unionoffice.gui.window.switching import switch_database
from unionoffice.output_files import expand_home
from unionoffice.storage.database import default_database_path
from unionoffice.storage.services.organs import OrganService

if TYPE_CHECKING:
    from unionoffice.gui.window.main_window import MainWindow


def _browse_row(edit: QLineEdit, browse: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


class SettingsDialog(QDialog):
    """The 设置 dialog of one main window; ``accept`` applies and may switch the database."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.settings = window.settings
        self.replacement: MainWindow | None = None
        self.setWindowTitle("设置")

        self.current_database = window.db.describe()
        self.database = QLineEdit(self.current_database, self)
        self.database.setMinimumWidth(460)
        self.database.setToolTip(
            "SQLite 数据库文件的路径，或共用的 PostgreSQL 服务器地址，如\n"
            "postgresql+psycopg://用户名@服务器/office（密码不会保存在设置中）"
        )
        browse_db = QPushButton("浏览…", self)
        browse_db.clicked.connect(self.browse_database)
        default_db = QPushButton("默认位置", self)
        default_db.setToolTip(str(default_database_path()))
        default_db.clicked.connect(lambda: self.database.setText(str(default_database_path())))
        database_row = _browse_row(self.database, browse_db)
        database_row.addWidget(default_db)
        database_box = QGroupBox("数据库", self)
        database_form = QFormLayout(database_box)
        database_form.addRow("位置", database_row)
        note = QLabel(
            f"当前使用：{self.current_database}\n修改后将关闭当前数据库并打开新的数据库。"
        )
        note.setStyleSheet("color: #666;")
        database_form.addRow("", note)

        self.template = template_combo(self, available_templates(), self.settings.export_template)
        self.plan = plan_combo(self, self.settings.export_plan_layout)
        export_box = QGroupBox("导出 Word", self)
        export_form = QFormLayout(export_box)
        export_form.addRow("默认模板", self.template)
        export_form.addRow("活动方案排版", self.plan)

        self.autosave = QSpinBox(self)
        self.autosave.setRange(300, 60_000)
        self.autosave.setSingleStep(500)
        self.autosave.setSuffix(" 毫秒")
        self.autosave.setValue(self.settings.autosave_ms)
        self.font_path = QLineEdit(self.settings.cjk_font_path, self)
        self.font_path.setPlaceholderText("留空则自动查找（宋体、黑体、仿宋、文泉驿……）")
        browse_font = QPushButton("浏览…", self)
        browse_font.clicked.connect(self.browse_font)
        check_font = QPushButton("检查", self)
        check_font.clicked.connect(self.check_font)
        font_row = _browse_row(self.font_path, browse_font)
        font_row.addWidget(check_font)
        self.font_status = QLabel(self)
        self.font_status.setWordWrap(True)
        self.font_status.setStyleSheet("color: #666;")
        other_box = QGroupBox("编辑与打印", self)
        other_form = QFormLayout(other_box)
        other_form.addRow("停止输入后自动保存", self.autosave)
        other_form.addRow("活动安排表 PDF 字体", font_row)
        other_form.addRow("", self.font_status)

        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        general = QWidget(self)
        general_layout = QVBoxLayout(general)
        for box in (database_box, export_box, other_box):
            general_layout.addWidget(box)
        general_layout.addStretch(1)
        self.holidays = HolidayEditor(window.calendar.days, window.calendar.year, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(general, "常规")
        self.tabs.addTab(self.holidays, "节假日")
        self.organs = OrganSettingsPage(OrganService(window.db), self)
        self.tabs.addTab(self.organs, "机关与部门")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.finished.connect(self._show_holiday_changes)
        self.finished.connect(self._show_organ_changes)
        self.check_font()  # say at once which font the timetables use, or that none is found

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
