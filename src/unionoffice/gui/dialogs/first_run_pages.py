"""The pages of the first-run wizard, each checking its own fields with the storage rules.

Each page's layout and texts are a form, ui/first_run_*.ui; the code fills, follows and checks.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QWidget,
    QWizardPage,
)

from unionoffice.domain.doc_number import MAX_YEAR, MIN_YEAR, format_doc_number
from unionoffice.gui.forms import child, load_form
from unionoffice.storage.services.office_setup import (
    NUMBERS_USED_MAX,
    USUAL_DEPARTMENTS,
    OfficeSetup,
    SeriesStart,
    SetupError,
    clean_departments,
    clean_organ_fields,
    clean_series,
    clean_series_code,
    suggested_distributor,
    suggested_header_text,
    suggested_recipients,
)

WELCOME, ORGAN, SERIES, DEPARTMENTS, SUMMARY = range(5)


class SetupPage(QWizardPage):
    """A page with a red line for what is wrong with its fields."""

    def __init__(self, form: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        load_form(form, self)
        self.error = child(self, QLabel, "error")
        self.error.hide()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def passes(self, check: Callable[[], object]) -> bool:
        """Run a storage rule; False, with its message shown, when the fields break it."""
        try:
            check()
        except SetupError as exc:
            self.show_error(str(exc))
            return False
        self.show_error("")
        return True


class WelcomePage(SetupPage):
    """新建本单位的数据 or 先用示例数据试用; with the demo the wizard ends here."""

    def __init__(self, where: str, parent: QWidget | None = None) -> None:
        super().__init__("first_run_welcome", parent)
        self.create_own = child(self, QRadioButton, "create_own")
        self.try_demo = child(self, QRadioButton, "try_demo")
        # With the demo the wizard ends here: 下一步 turns into 完成 (setFinalPage makes
        # QWizard lay out its buttons again; completeChanged would not).
        self.try_demo.toggled.connect(self.setFinalPage)
        child(self, QLabel, "where").setText(
            f"数据库：{where}\n点“取消”会先打开空的主窗口，下次启动时还会显示本向导。"
        )

    def nextId(self) -> int:
        return -1 if self.try_demo.isChecked() else ORGAN


class OrganPage(SetupPage):
    """发文机关: its name and the texts that follow from it until the clerk changes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("first_run_organ", parent)
        self.name = child(self, QLineEdit, "name")
        self.header_text = child(self, QLineEdit, "header_text")
        self.recipients = child(self, QPlainTextEdit, "recipients")
        self.recipients.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.distributor = child(self, QLineEdit, "distributor")
        # What each follower was last set to; a text still equal to it was not edited.
        self._suggested = {"header": "", "recipients": "", "distributor": ""}
        self.name.textChanged.connect(self._follow_name)
        self.name.textChanged.connect(self.completeChanged)

    def _follow_name(self, name: str) -> None:
        followers = (
            ("header", suggested_header_text(name), self.header_text.text, self.header_text),
            ("recipients", suggested_recipients(name), self.recipients.toPlainText, None),
            ("distributor", suggested_distributor(name), self.distributor.text, self.distributor),
        )
        for key, suggestion, current, line_edit in followers:
            if current() != self._suggested[key]:
                continue  # the clerk wrote this one
            self._suggested[key] = suggestion
            if line_edit is not None:
                line_edit.setText(suggestion)
            else:
                self.recipients.setPlainText(suggestion)

    def values(self) -> tuple[str, str, str, str]:
        return (
            self.name.text(),
            self.header_text.text(),
            self.recipients.toPlainText(),
            self.distributor.text(),
        )

    def isComplete(self) -> bool:
        return bool(self.name.text().strip())

    def validatePage(self) -> bool:
        return self.passes(lambda: clean_organ_fields(*self.values()))


class SeriesPage(SetupPage):
    """机关代字: one row each, with the numbers already used this year by hand."""

    CODE, USED, NEXT, REMOVE = range(4)

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__("first_run_series", parent)
        self.year = child(self, QSpinBox, "year")
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year)
        self.year.setGroupSeparatorShown(False)
        self.year.valueChanged.connect(self._update_previews)
        self.table = child(self, QTableWidget, "table")
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 20)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.Stretch)
        for column in (self.USED, self.NEXT, self.REMOVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = child(self, QPushButton, "add_button")
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())
        self.add_row()

    def add_row(self, code: str = "", used: int = 0) -> QLineEdit:
        """A new row at the end; its 机关代字 field."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        code_edit = QLineEdit(code, self.table)
        code_edit.setPlaceholderText("如：青总办")
        code_edit.textChanged.connect(self._update_previews)
        code_edit.textChanged.connect(self.completeChanged)
        used_spin = QSpinBox(self.table)
        used_spin.setRange(0, NUMBERS_USED_MAX)
        used_spin.setSpecialValueText("尚未发文")
        used_spin.setPrefix("第 ")
        used_spin.setSuffix(" 号")
        used_spin.setValue(used)
        used_spin.valueChanged.connect(self._update_previews)
        remove = QToolButton(self.table)
        remove.setText("删除")
        remove.setToolTip("删除这个机关代字")
        remove.clicked.connect(lambda: self._remove_row_of(remove))
        self.table.setCellWidget(row, self.CODE, code_edit)
        self.table.setCellWidget(row, self.USED, used_spin)
        self.table.setCellWidget(row, self.NEXT, QLabel(self.table))
        self.table.setCellWidget(row, self.REMOVE, remove)
        self._update_previews()
        self.completeChanged.emit()
        return code_edit

    def _remove_row_of(self, button: QToolButton) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, self.REMOVE) is button:
                self.table.removeRow(row)
                break
        self.completeChanged.emit()

    def code_edit(self, row: int) -> QLineEdit:
        widget = self.table.cellWidget(row, self.CODE)
        assert isinstance(widget, QLineEdit)
        return widget

    def used_spin(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, self.USED)
        assert isinstance(widget, QSpinBox)
        return widget

    def next_label(self, row: int) -> QLabel:
        widget = self.table.cellWidget(row, self.NEXT)
        assert isinstance(widget, QLabel)
        return widget

    def starts(self) -> list[SeriesStart]:
        return [
            SeriesStart(self.code_edit(row).text(), self.used_spin(row).value())
            for row in range(self.table.rowCount())
        ]

    def _update_previews(self) -> None:
        year = self.year.value()
        for row, start in enumerate(self.starts()):
            try:
                code = clean_series_code(start.code)
                shown = format_doc_number(code, year, start.numbers_used + 1)
            except SetupError:
                shown = "—"
            self.next_label(row).setText(f"  {shown}  ")

    def isComplete(self) -> bool:
        return any(start.code.strip() for start in self.starts())

    def validatePage(self) -> bool:
        return self.passes(lambda: clean_series(self.starts()))


class DepartmentsPage(SetupPage):
    """The department master list: prefilled with a 总工会's usual ones, edited in place."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("first_run_departments", parent)
        self.list = child(self, QListWidget, "list")
        for name in USUAL_DEPARTMENTS:
            self._append(name)
        self.list.setCurrentRow(0)
        self.new_name = child(self, QLineEdit, "new_name")
        # Enter adds the department instead of pressing the wizard's default button.
        self.new_name.installEventFilter(self)
        self.add_button = child(self, QPushButton, "add_button")
        self.add_button.clicked.connect(self.add_department)
        self.up_button = child(self, QPushButton, "up_button")
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = child(self, QPushButton, "down_button")
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.rename_button = child(self, QPushButton, "rename_button")
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button = child(self, QPushButton, "remove_button")
        self.remove_button.clicked.connect(self.remove_current)

    def _append(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.list)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.new_name
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_department()
            return True
        return super().eventFilter(watched, event)

    def names(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def add_department(self) -> None:
        name = self.new_name.text().strip()
        if not name:
            return
        if name in (existing.strip() for existing in self.names()):
            self.show_error(f"部门“{name}”已在名单中")
            return
        self.show_error("")
        self.list.setCurrentItem(self._append(name))
        self.new_name.clear()

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def validatePage(self) -> bool:
        return self.passes(lambda: clean_departments(self.names()))


class SummaryPage(SetupPage):
    """What will be written, for a last look before 完成."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("first_run_summary", parent)
        self.summary = child(self, QLabel, "summary")

    def show_setup(self, setup: OfficeSetup) -> None:
        numbers = "<br>".join(
            html.escape(
                f"{start.code}（下一个文号："
                f"{format_doc_number(start.code, setup.year, start.numbers_used + 1)}）"
            )
            for start in setup.series
        )
        departments = "、".join(setup.departments) or "（暂不填写）"
        rows = [
            ("发文机关", html.escape(setup.organ_name)),
            ("发文机关标志", html.escape(setup.header_text)),
            ("默认主送机关", html.escape(setup.default_recipients or "（不填）")),
            ("默认印发机关", html.escape(setup.default_distributor)),
            ("机关代字", numbers),
            (f"部门（{len(setup.departments)} 个）", html.escape(departments)),
        ]
        cells = "".join(
            f"<tr><td style='color:#555; padding:4px 16px 4px 0; white-space:nowrap'>{label}</td>"
            f"<td style='padding:4px 0'>{value}</td></tr>"
            for label, value in rows
        )
        self.summary.setText(f"<table>{cells}</table>")
