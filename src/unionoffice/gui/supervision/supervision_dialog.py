"""督办: the activities due in the next days and those overdue, under each 牵头部门, with the
notice, its year and the 责任领导; 进度 and 督办情况 changed in place (undoable, Ctrl+Z); the
list printed, or saved as PDF or Excel, a department to a page to send round.

Like the 发文登记簿 it is not modal: it stays open beside the editor and follows every change
the window makes (AppContext.changed), reading again only when activities changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPoint, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QTextDocument, QUndoStack
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.deadline_year import next_year_deadline
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.supervision import (
    DEFAULT_DAYS,
    FollowUp,
    SupervisionItem,
    SupervisionQuery,
    count_text,
    supervision_title,
)
from unionoffice.gui import file_filters, messages
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.background_reads import BackgroundReads
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.operations.export_actions import documents_folder
from unionoffice.gui.supervision.supervision_commands import FollowUpCommand, NextYearCommand
from unionoffice.gui.supervision.supervision_model import (
    STATUS_TEXTS,
    AnyIndex,
    Col,
    SupervisionModel,
)

ALL_DEPARTMENTS = "全部牵头部门"


class _StatusDelegate(QStyledItemDelegate):
    """进度 chosen from its three values."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        if index.column() != Col.STATUS:
            return super().createEditor(parent, option, index)
        editor = QComboBox(parent)
        editor.addItems(STATUS_TEXTS)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data()))
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)


@dataclass(frozen=True)
class _Read:
    items: list[SupervisionItem]
    departments: list[str] | None  # the 牵头部门 to offer, when they were read again


class SupervisionDialog(QDialog):
    """The 督办 list of the days and the 牵头部门 chosen at the top."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        reads: BackgroundReads | None = None,
    ) -> None:
        """``reads``: the window's background reads (without: the list is read on the spot)."""
        super().__init__(parent)
        self.context = context
        self.reads = reads
        self.setWindowTitle("督办")
        self.undo_stack = QUndoStack(self)
        self._writing = False  # our own change coming back through context.changed
        self.days = QSpinBox(self)
        self.days.setRange(0, 366)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(" 天内到期")
        self.days.setToolTip("列出在这些天内到期的活动，以及已过完成时限仍未完成的活动")
        self.department = QComboBox(self)
        self.earlier_years = QCheckBox("含往年逾期", self)
        self.earlier_years.setToolTip("也列出往年已过完成时限、仍未标为已完成的活动")
        self.show_done = QCheckBox("显示已完成", self)
        self.model = SupervisionModel(today, self)
        self.model.edit_wanted = self._edit
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(_StatusDelegate(self.tree))
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = self.tree.header()
        header.setStretchLastSection(True)
        for column, width in (
            (Col.TITLE, 280), (Col.DEADLINE, 100), (Col.DUE, 150), (Col.NOTICE, 170),
            (Col.YEAR, 50), (Col.LEADER, 70), (Col.STATUS, 64),
        ):  # fmt: skip
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.tree.doubleClicked.connect(self._on_double_click)
        self.summary = QLabel(self)
        self.undo_button = QPushButton("撤销", self)
        self.redo_button = QPushButton("重做", self)
        self.open_button = QPushButton("打开公文", self)
        self.print_button = QPushButton("打印…", self)
        self.pdf_button = QPushButton("导出 PDF…", self)
        self.excel_button = QPushButton("导出 Excel…", self)
        self.undo_action = self.undo_stack.createUndoAction(self, "撤销")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "重做")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([self.undo_action, self.redo_action])
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: self.undo_button.setToolTip(text))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_selected)
        self.print_button.clicked.connect(self.print_list)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.excel_button.clicked.connect(self.export_excel)
        top = QHBoxLayout()
        top.addWidget(QLabel("未来", self))
        top.addWidget(self.days)
        top.addWidget(QLabel("牵头部门：", self))
        top.addWidget(self.department)
        top.addWidget(self.earlier_years)
        top.addWidget(self.show_done)
        top.addStretch(1)
        top.addWidget(self.summary)
        hint = QLabel("双击“进度”或“督办情况”直接修改（Ctrl+Z 撤销）；右击可打开公文", self)
        hint.setStyleSheet("color: #666;")
        under = QHBoxLayout()
        for button in (
            self.undo_button, self.redo_button, self.open_button,
            self.print_button, self.pdf_button, self.excel_button,
        ):  # fmt: skip
            under.addWidget(button)
        under.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        under.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(hint)
        layout.addLayout(under)
        self.resize(1180, 640)
        self._departments_stale = True  # the 牵头部门 offered: read with the list
        for signal in (self.department.currentTextChanged, self.days.valueChanged):
            signal.connect(lambda *_: self.reload())
        for box in (self.earlier_years, self.show_done):
            box.toggled.connect(lambda *_: self.reload())
        context.changed.connect(self._on_changes)
        self.reload()

    # -- what is shown ---------------------------------------------------------------------

    def today(self) -> dt.date:
        return self.model.today()

    def query(self) -> SupervisionQuery:
        today = self.today()
        department = self.department.currentText()
        return SupervisionQuery(
            today=today,
            days=self.days.value(),
            overdue_since=None if self.earlier_years.isChecked() else dt.date(today.year, 1, 1),
            include_done=self.show_done.isChecked(),
            department=None if department in ("", ALL_DEPARTMENTS) else department,
        )

    def title(self) -> str:
        department = self.department.currentText()
        return supervision_title(
            self.today(), None if department in ("", ALL_DEPARTMENTS) else department
        )

    def reload(self) -> None:
        """Read the list again (off the UI thread in the window: the list shown stays until
        the answer comes)."""
        query, supervision = self.query(), self.context.supervision
        departments_wanted, self._departments_stale = self._departments_stale, False

        def read() -> _Read:
            names = supervision.lead_departments() if departments_wanted else None
            return _Read(supervision.items(query), names)

        def failed(error: BaseException) -> None:
            messages.show_error(self, f"无法读取督办清单：{error}")

        if self.reads is None:
            try:
                shown = read()
            except UnionOfficeError as exc:
                failed(exc)
                return
            self._show(query, shown)
        else:
            self.summary.setText("正在读取…")
            self.reads.start(
                ("supervision", id(self)),
                read,
                lambda shown: self._show(query, shown),
                what="督办清单",
                on_failed=failed,
            )

    def is_reading(self) -> bool:
        return self.reads is not None and self.reads.is_pending(("supervision", id(self)))

    def _show(self, query: SupervisionQuery, shown: _Read) -> None:
        if shown.departments is not None:
            self._fill_departments(shown.departments)
        self.model.set_items(shown.items, query.department)
        self.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.summary.setText(count_text(self.model.items(), self.today()))
        listed = bool(self.model.groups)
        for button in (self.print_button, self.pdf_button, self.excel_button):
            button.setEnabled(listed)

    def _fill_departments(self, names: list[str]) -> None:
        current = self.department.currentText()
        self.department.blockSignals(True)
        self.department.clear()
        self.department.addItems([ALL_DEPARTMENTS, *names])
        if current:
            self.department.setCurrentText(current)
        self.department.blockSignals(False)

    def _on_changes(self, changes: Changes) -> None:
        if self._writing:
            return  # shown already, in place
        if changes.departments or changes.everything:
            self._departments_stale = True
        if changes.touches_activities or self._departments_stale:
            self.reload()

    def selected_item(self) -> SupervisionItem | None:
        return self.model.item(self.tree.currentIndex())

    def select(self, notice_id: int, position: int) -> QModelIndex:
        found = self.model.indexes_of(notice_id, position)
        if found:
            self.tree.setCurrentIndex(found[0])
            return found[0]
        return QModelIndex()

    # -- what the clerk does ---------------------------------------------------------------

    def _edit(self, item: SupervisionItem, new: FollowUp) -> bool:
        old = FollowUp.of(item.activity)
        if not self._write_follow_up(item.notice_id, item.position, item.activity.title, old, new):
            return False
        self.undo_stack.push(FollowUpCommand(item, old, new, self._write_follow_up))
        return True

    def _write_follow_up(
        self, notice_id: int, position: int, title: str, seen: FollowUp, new: FollowUp
    ) -> bool:
        def write() -> Changes:
            return self.context.supervision.follow_up(notice_id, position, title, seen, new)

        if not self._write(notice_id, write):
            return False
        self.model.show_follow_up(notice_id, position, new)
        self.summary.setText(count_text(self.model.items(), self.today()))
        return True

    def _write_deadline(
        self, notice_id: int, position: int, title: str, seen: str, new: str
    ) -> bool:
        def write() -> Changes:
            return self.context.supervision.set_deadline(notice_id, position, title, seen, new)

        if not self._write(notice_id, write):
            return False
        self.reload()  # the period, and whether the item is due, follow the new text
        return True

    def _write(self, notice_id: int, write: Callable[[], Changes]) -> bool:
        """Save the notice's open editor first, write, tell the views; False on failure."""
        workbench = self.context.workbench
        if workbench.working_copy(notice_id) is not None and not workbench.save_all():
            messages.show_error(self, "该公文在编辑器中的修改未能保存，请先处理后再督办")
            return False
        try:
            changes = write()
        except UnionOfficeError as exc:
            messages.show_error(self, f"保存失败：{exc}")
            self.reload()
            return False
        self._writing = True
        try:
            self.context.notify(changes)
        finally:
            self._writing = False
        workbench.show_stored(notice_id)
        return True

    def move_to_next_year(self, item: SupervisionItem) -> bool:
        """The one-click fix of a period before the notice's date: 完成时限 of next year."""
        year = item.notice_year or (item.notice_date.year if item.notice_date else None)
        if year is None:
            return False
        new = next_year_deadline(item.activity.deadline, year, item.notice_date)
        if new is None:
            return False
        key = (item.notice_id, item.position, item.activity.title)
        if not self._write_deadline(*key, item.activity.deadline, new):
            return False
        self.undo_stack.push(NextYearCommand(item, new, self._write_deadline))
        return True

    def open_selected(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.context.workbench.request_notice(item.notice_id)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() not in (Col.STATUS, Col.NOTE) and self.model.item(index) is not None:
            self.open_selected()

    def context_menu(self, item: SupervisionItem) -> QMenu:
        menu = QMenu(self)
        menu.addAction("打开公文", lambda: self.context.workbench.request_notice(item.notice_id))
        if item.date_doubtful:
            year = item.notice_year or (item.notice_date.year if item.notice_date else 0)
            fix = next_year_deadline(item.activity.deadline, year, item.notice_date)
            if fix is not None:
                menu.addAction(f"完成时限改为次年（“{fix}”）", lambda: self.move_to_next_year(item))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        item = self.model.item(self.tree.indexAt(position))
        if item is not None:
            self.context_menu(item).popup(self.tree.viewport().mapToGlobal(position))

    def print_list(self) -> PrintPreview:
        """The list on A4 landscape, a department to a page, in Qt's print preview."""
        document = QTextDocument(self)
        document.setHtml(self._html())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title())
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        self.preview = PrintPreview(printer, document.print_, self.title(), self)
        self.preview.open()
        return self.preview

    def _html(self) -> str:
        from unionoffice.exporting.supervision import supervision_html

        return supervision_html(self.title(), self.model.groups, self.today())

    def _target(self, caption: str, suffix: str, file_filter: str) -> Path | None:
        folder = Path(self.context.settings.export_folder or documents_folder())
        start = str(folder / f"{self.title()}{suffix}")
        chosen, _ = QFileDialog.getSaveFileName(self, caption, start, file_filter)
        if not chosen:
            return None
        target = Path(chosen)
        return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)

    def export_pdf(self) -> Path | None:
        from unionoffice.exporting.supervision import write_supervision_pdf

        target = self._target("导出督办清单", ".pdf", file_filters.PDF)
        if target is None:
            return None
        try:
            path = write_supervision_pdf(target, self.title(), self.model.groups, self.today())
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        self.context.workbench.show_status(f"已导出督办清单：{path}", 8000)
        return path

    def export_excel(self) -> Path | None:
        from unionoffice.exporting.supervision import write_supervision_xlsx

        target = self._target("导出督办清单", ".xlsx", file_filters.EXCEL)
        if target is None:
            return None
        try:
            path = write_supervision_xlsx(target, self.title(), self.model.groups, self.today())
        except UnionOfficeError as exc:
            messages.show_error(self, str(exc))
            return None
        self.context.workbench.show_status(f"已导出督办清单：{path}", 8000)
        return path
