"""发文登记簿: every number of a 机关代字 and year with its title, date, state, who and when;
缺号 where they fall; 作废 with a reason; printed and exported to Excel like the paper register.

It is not modal: a clerk keeps it open beside the editor, and it follows every 取号, 退回 and
作废 the window makes (AppContext.changed with the series in ``numbers``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPageLayout, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.doc_number import MAX_YEAR, MIN_YEAR
from unionoffice.domain.errors import NotFoundError, UnionOfficeError
from unionoffice.domain.register import RegisterLine, register_lines
from unionoffice.exporting.register import (
    COLUMNS,
    register_html,
    register_title,
    write_register_xlsx,
)
from unionoffice.exporting.register.tables import cells
from unionoffice.gui import file_filters, messages
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.background_reads import BackgroundReads
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.operations.export_actions import export_folder

AnyIndex = QModelIndex | QPersistentModelIndex
_GREY = QColor("#888888")
_VOID = QColor("#b00020")


class RegisterModel(QAbstractTableModel):
    """The register's lines as a read-only table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[RegisterLine] = []

    def set_lines(self, lines: list[RegisterLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells(line)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole:
            if line.missing:
                return _GREY
            if line.state == "作废":
                return _VOID
        return None


@dataclass(frozen=True)
class _Read:
    codes: list[str] | None  # the series offered, when the dialog has none yet
    series: str
    lines: list[RegisterLine]


def _read_register(context: AppContext, series: str, year: int, codes_wanted: bool) -> _Read:
    """The register of ``series`` in ``year`` (the first series when it is not one of them);
    no Qt: any thread."""
    codes = context.organs.series_codes() if codes_wanted else None
    if codes is not None and series not in codes:
        series = codes[0] if codes else ""
    lines: list[RegisterLine] = []
    if series:
        try:
            register = context.numbering.register(series, year)
        except NotFoundError:
            register = None
        if register is not None:
            ids = [row.notice_id for row in register.rows if row.notice_id is not None]
            summaries = context.notices.list(ids=ids, include_deleted=True) if ids else []
            lines = register_lines(register, {s.id: s.date for s in summaries})
    return _Read(codes, series, lines)


class RegisterDialog(QDialog):
    """The register of the series and year chosen at the top."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        series: str = "",
        year: int | None = None,
        number: int | None = None,
        reads: BackgroundReads | None = None,
    ) -> None:
        """Opens on ``series`` (else the first) and ``year`` (else this year) with ``number``
        chosen; ``reads``: the window's background reads (without: read on the spot)."""
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self._wanted_series = series
        self._wanted_number = number
        self.setWindowTitle("发文登记簿")
        self.series = QComboBox(self)
        self.series.setEditable(False)
        self.year = QSpinBox(self)
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(year or dt.date.today().year)
        self.year.setSuffix(" 年")
        self.model = RegisterModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.summary = QLabel(self)
        self.void_button = QPushButton("作废…", self)
        self.void_button.setToolTip("作废所选文号（写明原因）；所属公文变回草稿，可重新取号")
        self.open_button = QPushButton("打开公文", self)
        self.print_button = QPushButton("打印…", self)
        self.excel_button = QPushButton("导出 Excel…", self)
        self.void_button.clicked.connect(self.void_selected)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(self.print_register)
        self.excel_button.clicked.connect(self.export_excel)
        top = QHBoxLayout()
        top.addWidget(QLabel("机关代字：", self))
        top.addWidget(self.series)
        top.addWidget(QLabel("年份：", self))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.summary)
        under = QHBoxLayout()
        for button in (self.void_button, self.open_button, self.print_button, self.excel_button):
            under.addWidget(button)
        under.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        under.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(under)
        self.resize(980, 560)
        self.series.currentTextChanged.connect(lambda _code: self.reload())
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        context.changed.connect(self._on_changes)
        self.reload()

    # -- what is shown ---------------------------------------------------------------------

    def title(self) -> str:
        return register_title(self.series.currentText(), self.year.value())

    def reload(self) -> None:
        """Read the register of the series and year chosen (off the UI thread in the window:
        the lines shown stay until the answer comes)."""
        context, year = self.context, self.year.value()
        wanted = self.series.currentText() or self._wanted_series
        codes_wanted = self.series.count() == 0

        def read() -> _Read:
            return _read_register(context, wanted, year, codes_wanted)

        if self.reads is None:
            self._show(read())
        else:
            self.summary.setText("正在读取…")
            self.reads.start(
                ("register", id(self)),
                read,
                self._show,
                what="发文登记簿",
                on_failed=lambda error: self.summary.setText(f"无法读取：{error}"),
            )

    def _show(self, shown: _Read) -> None:
        if shown.codes is not None:
            self.series.blockSignals(True)
            self.series.clear()
            self.series.addItems(shown.codes)
            self.series.setCurrentText(shown.series)
            self.series.blockSignals(False)
        lines = shown.lines
        self.model.set_lines(lines)
        given = sum(1 for line in lines if not line.missing)
        missing = sum(1 for line in lines if line.missing)
        self.summary.setText(f"共 {given} 个文号" + (f"，缺号 {missing} 段" if missing else ""))
        if self._wanted_number is not None:
            self.select_number(self._wanted_number)
            self._wanted_number = None
        self._update_buttons()

    def _on_changes(self, changes: Changes) -> None:
        shown = (self.series.currentText(), self.year.value())
        if changes.everything or shown in changes.numbers or changes.organs:
            self.reload()

    def selected_line(self) -> RegisterLine | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.lines[rows[0].row()] if rows else None

    def select_number(self, number: int) -> None:
        for row, line in enumerate(self.model.lines):
            if line.first == number and not line.missing:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        line = self.selected_line()
        self.void_button.setEnabled(line is not None and line.voidable)
        self.open_button.setEnabled(line is not None and line.notice_id is not None)
        self.print_button.setEnabled(bool(self.model.lines))
        self.excel_button.setEnabled(bool(self.model.lines))

    # -- what the clerk does ---------------------------------------------------------------

    def void_selected(self) -> bool:
        line = self.selected_line()
        if line is None or not line.voidable:
            return False
        reason = messages.ask_text(
            self,
            f"作废文号 {line.doc_number}？作废后该号不再使用，仍留在登记簿中。"
            + ("\n所属公文将变回草稿，可以重新取号。" if line.notice_id is not None else "")
            + "\n\n请填写作废原因：",
        )
        if reason is None:
            return False
        if not reason.strip():
            messages.show_error(self, "作废文号须填写原因")
            return False
        code, year = self.series.currentText(), self.year.value()
        workbench = self.context.workbench
        # An open editor's typing is saved first, and then shows the notice a draft again
        # (as 督办 does): else it kept showing the voided number and its next save clashed.
        if (
            line.notice_id is not None
            and workbench.working_copy(line.notice_id) is not None
            and not workbench.save_all()
        ):
            messages.show_error(self, "该公文在编辑器中的修改未能保存，请先处理后再作废文号")
            return False
        try:
            if line.notice_id is not None:
                self.context.notices.give_back_number(line.notice_id, reason)
            else:
                self.context.numbering.void(line.doc_number, reason)
        except UnionOfficeError as exc:
            messages.show_error(self, f"作废失败：{exc}")
            return False
        notices = frozenset({line.notice_id}) if line.notice_id is not None else frozenset()
        self.context.notify(Changes(notices=notices, numbers=frozenset({(code, year)})))
        if line.notice_id is not None:
            workbench.show_stored(line.notice_id)
        return True

    def open_selected(self) -> None:
        line = self.selected_line()
        if line is not None and line.notice_id is not None:
            self.context.workbench.request_notice(line.notice_id)

    def print_register(self) -> PrintPreview:
        """The register on A4, in Qt's print preview (printer, page setup, 打印)."""
        document = QTextDocument(self)
        document.setHtml(register_html(self.title(), self.model.lines))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title())
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)  # seven columns
        self.preview = PrintPreview(printer, document.print_, self.title(), self)
        self.preview.open()
        return self.preview

    def export_excel(self) -> Path | None:
        folder = export_folder(self.context.settings.export_folder)
        start = str(folder / f"{self.title().replace('　', '-')}.xlsx")
        chosen, _ = QFileDialog.getSaveFileName(self, "导出发文登记簿", start, file_filters.EXCEL)
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            path = write_register_xlsx(target, self.title(), self.model.lines)
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        self.context.workbench.show_status(f"已导出发文登记簿：{path}", 8000)
        return path
