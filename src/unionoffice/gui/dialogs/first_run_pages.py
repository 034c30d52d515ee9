"""The pages of the first-run wizard, each checking its own fields with the storage rules."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
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
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from unionoffice.domain.doc_number import MAX_YEAR, MIN_YEAR, format_doc_number
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
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #666;"


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class SetupPage(QWizardPage):
    """A page with a red line for what is wrong with its fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = _error_label(self)

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
        super().__init__(parent)
        self.setTitle("欢迎使用工会公文助手")
        self.setSubTitle("这个数据库还是空的。请选择如何开始：")
        self.create_own = QRadioButton("新建本单位的数据", self)
        self.create_own.setChecked(True)
        self.try_demo = QRadioButton("先用示例数据试用", self)
        for choice in (self.create_own, self.try_demo):
            font = choice.font()
            font.setBold(True)
            choice.setFont(font)
        # With the demo the wizard ends here: 下一步 turns into 完成 (setFinalPage makes
        # QWizard lay out its buttons again; completeChanged would not).
        self.try_demo.toggled.connect(self.setFinalPage)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_own)
        layout.addWidget(
            _indented(_hint("依次填写发文机关、机关代字（文号）和部门名单，约需两三分钟。", self))
        )
        layout.addSpacing(8)
        layout.addWidget(self.try_demo)
        layout.addWidget(
            _indented(
                _hint(
                    "填入青海省总工会的几份示例公文和活动安排，可以随意修改、删除。"
                    "示例数据写入当前数据库；正式使用时，可在“设置”中换用一个新的数据库文件。",
                    self,
                )
            )
        )
        layout.addStretch(1)
        layout.addWidget(
            _hint(
                f"数据库：{where}\n点“取消”会先打开空的主窗口，下次启动时还会显示本向导。",
                self,
            )
        )
        layout.addWidget(self.error)

    def nextId(self) -> int:
        return -1 if self.try_demo.isChecked() else ORGAN


def _indented(widget: QWidget) -> QWidget:
    widget.setContentsMargins(24, 0, 0, 0)
    return widget


class OrganPage(SetupPage):
    """发文机关: its name and the texts that follow from it until the clerk changes them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle("发文机关")
        self.setSubTitle("印在公文版头和版记上的单位名称。后三项按名称自动填写，可以修改。")
        self.name = QLineEdit(self)
        self.name.setPlaceholderText("如：青海省总工会办公室")
        self.header_text = QLineEdit(self)
        self.header_text.setPlaceholderText("如：青海省总工会办公室文件")
        self.recipients = QPlainTextEdit(self)
        self.recipients.setPlaceholderText("如：各市（州）总工会，省级各产业工会：")
        self.recipients.setTabChangesFocus(True)
        self.recipients.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.distributor = QLineEdit(self)
        self.distributor.setPlaceholderText("如：青海省总工会办公室")
        # What each follower was last set to; a text still equal to it was not edited.
        self._suggested = {"header": "", "recipients": "", "distributor": ""}
        self.name.textChanged.connect(self._follow_name)
        self.name.textChanged.connect(self.completeChanged)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        form.addRow("发文机关名称", self.name)
        form.addRow("发文机关标志", self.header_text)
        form.addRow("", _hint("红头上的大字，通常为名称加“文件”。", self))
        form.addRow("默认主送机关", self.recipients)
        form.addRow("默认印发机关", self.distributor)
        form.addRow("", _hint("新建公文时自动填入，每篇公文仍可单独修改。", self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)

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
        super().__init__(parent)
        self.setTitle("机关代字（文号）")
        self.setSubTitle(
            "文号由机关代字、年份和序号组成，如“青总办〔2025〕15号”中的“青总办”。"
            "每行填一个机关代字，各自按年份从 1 号编起。"
        )
        self.year = QSpinBox(self)
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year)
        self.year.setGroupSeparatorShown(False)
        self.year.valueChanged.connect(self._update_previews)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["机关代字", "该年已用到", "下一个文号", ""])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 20)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.CODE, QHeaderView.ResizeMode.Stretch)
        for column in (self.USED, self.NEXT, self.REMOVE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton("添加机关代字", self)
        self.add_button.clicked.connect(lambda: self.add_row().setFocus())

        year_row = QHBoxLayout()
        year_row.addWidget(QLabel("起始年份", self))
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(
            _hint(
                "这一年在使用本程序之前已经发过文的，请在“该年已用到”填写最后一个号，"
                "程序从下一个号接着编，这些号记入发文登记。",
                self,
            )
        )
        layout.addWidget(self.error)
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
        super().__init__(parent)
        self.setTitle("部门")
        self.setSubTitle(
            "活动安排中的牵头部门、配合部门从这个名单中选择。"
            "已按总工会的常见部门填好，请按本单位实际增删、修改。"
        )
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setStyleSheet("QListWidget::item { padding: 3px 4px; }")
        for name in USUAL_DEPARTMENTS:
            self._append(name)
        self.list.setCurrentRow(0)
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText("新部门名称，如“法律工作部”")
        # Enter adds the department instead of pressing the wizard's default button.
        self.new_name.installEventFilter(self)
        self.add_button = QPushButton("添加", self)
        self.add_button.clicked.connect(self.add_department)
        self.up_button = QPushButton("上移", self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button = QPushButton("下移", self)
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.rename_button = QPushButton("改名", self)
        self.rename_button.clicked.connect(self.rename_current)
        self.remove_button = QPushButton("删除", self)
        self.remove_button.clicked.connect(self.remove_current)

        buttons = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        lists = QHBoxLayout()
        lists.addWidget(self.list, 1)
        lists.addLayout(buttons)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_name, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 1)
        layout.addLayout(add_row)
        layout.addWidget(_hint("双击部门可修改名称；拖动或用“上移”“下移”调整顺序。", self))
        layout.addWidget(self.error)

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
        super().__init__(parent)
        self.setTitle("确认")
        self.setSubTitle("请核对以下内容。点“完成”保存并打开主窗口，点“上一步”返回修改。")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.error)

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
