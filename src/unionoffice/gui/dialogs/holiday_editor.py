"""设置 → 节假日: a year's 法定节假日 and 调休 working days, which the clerk can add to, change,
clear or reset to the library's.

Each change is saved at once through CalendarDayService (one transaction); the calendar reads
the days again when the 设置 dialog closes. The layout is ui/holiday_editor.ui.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from unionoffice.domain.calendar_days import WEEKDAY_NAMES, DayEntry, DayKind, DaySource
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui.calendar.calendar_holidays import KIND_LABEL, ink, special_name
from unionoffice.gui.forms import child, load_form
from unionoffice.storage.services.calendar_days import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_NAME_LENGTH,
    CalendarDayService,
)

COLUMNS = ("日期", "星期", "类型", "名称", "来源")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument


class SpecialDayModel(QAbstractTableModel):
    """The stored days of one year, read-only; the editor changes them through the service."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[DayEntry] = []

    def set_entries(self, entries: list[DayEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        day = entry.current
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#888888") if day.kind is DayKind.NORMAL else ink(day)
        if role == Qt.ItemDataRole.ToolTipRole and entry.library is not None:
            library = entry.library
            return f"节假日库：{special_name(library)}（{KIND_LABEL[library.kind]}）"
        return None

    @staticmethod
    def _text(entry: DayEntry, column: int) -> str:
        day = entry.current
        if column == 0:
            return f"{day.day.month}月{day.day.day}日"
        if column == 1:
            return f"星期{WEEKDAY_NAMES[day.day.weekday()]}"
        if column == 2:
            return KIND_LABEL[day.kind]
        if column == 3:
            if day.kind is DayKind.NORMAL and entry.library is not None:
                return f"（已取消：{special_name(entry.library)}）"
            return day.name
        if day.source is DaySource.LIBRARY:
            return "节假日库"
        return "手工录入" if entry.library is None else "手工修改"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(date: QDate) -> dt.date:
    return dt.date(date.year(), date.month(), date.day())


class HolidayEditor(QWidget):
    """The 节假日 page: pick a year, see its special days, set or clear days."""

    changed = Signal()

    def __init__(
        self, service: CalendarDayService, year: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        load_form("holiday_editor", self)
        self.service = service
        self.changed_any = False

        self.year = child(self, QSpinBox, "year")
        self.year.setRange(FIRST_YEAR, LAST_YEAR)
        self.year.setValue(min(max(year, FIRST_YEAR), LAST_YEAR))
        self.summary = child(self, QLabel, "summary")
        self.model = SpecialDayModel(self)
        self.table = child(self, QTableView, "table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.ResizeToContents
        )

        self.first = child(self, QDateEdit, "first")
        self.last = child(self, QDateEdit, "last")
        for edit in (self.first, self.last):
            edit.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))
        self.kind = child(self, QComboBox, "kind")
        for kind in (DayKind.HOLIDAY, DayKind.WORKDAY, DayKind.NORMAL):
            self.kind.addItem(KIND_LABEL[kind], kind.value)
        self.kind.setItemText(2, "普通日（取消节假日）")
        self.name = child(self, QLineEdit, "name")
        self.name.setMaxLength(MAX_NAME_LENGTH + 10)  # longer is refused with a reason
        self.save_button = child(self, QPushButton, "save_button")
        self.clear_button = child(self, QPushButton, "clear_button")
        self.reset_button = child(self, QPushButton, "reset_button")
        self.error_label = child(self, QLabel, "error_label")
        self.error_label.hide()

        self.year.valueChanged.connect(lambda _y: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._on_selection())
        self.first.dateChanged.connect(self._on_first_changed)
        self.kind.currentIndexChanged.connect(lambda _i: self._on_kind())
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        self.reload()

    # -- reading ------------------------------------------------------------------------------

    def reload(self) -> None:
        year = self.year.value()
        try:
            entries = self.service.year_entries(year)
            missing = self.service.missing_years([year])
        except UnionOfficeError as exc:
            self._show_error(str(exc))
            return
        self.model.set_entries(entries)
        shown = [e.current for e in entries if e.current.kind is not DayKind.NORMAL]
        holidays = sum(1 for day in shown if day.kind is DayKind.HOLIDAY)
        if missing:
            self.summary.setStyleSheet("color: #7a4b00;")
            self.summary.setText(
                f"{year}年的节假日安排尚未收录。请按国务院办公厅的通知在下方录入，"
                "如“10月1日至10月7日 · 放假 · 国庆节”，调休上班的星期六、星期日逐日录入。"
            )
        else:
            self.summary.setStyleSheet("")
            self.summary.setText(
                f"{year}年：放假 {holidays} 天，调休上班 {len(shown) - holidays} 天。"
            )
        if self.first.date().year() != year:
            self.first.setDate(QDate(year, 1, 1))
        self._on_selection()

    def selected_entries(self) -> list[DayEntry]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.entries[row] for row in rows]

    def _on_selection(self) -> None:
        selected = self.selected_entries()
        self.clear_button.setEnabled(any(e.current.kind is not DayKind.NORMAL for e in selected))
        self.reset_button.setEnabled(
            any(e.current.source is DaySource.CLERK and e.differs_from_library for e in selected)
        )
        if len(selected) == 1:
            day = selected[0].current
            self.first.setDate(_qdate(day.day))
            self.last.setDate(_qdate(day.day))
            self.kind.setCurrentIndex(self.kind.findData(day.kind.value))
            self.name.setText(day.name)

    def _on_first_changed(self, date: QDate) -> None:
        """The end follows the start, so one day is one field to set."""
        if self.last.date() < date or self.last.date().year() != date.year():
            self.last.setDate(date)

    def _on_kind(self) -> None:
        self.name.setEnabled(self.kind.currentData() != DayKind.NORMAL.value)

    # -- changing -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Set the days of the form; False (with the reason shown, nothing changed) if refused."""
        first, last = _pydate(self.first.date()), _pydate(self.last.date())
        return self._change(
            lambda: self.service.set_days(first, last, self.kind.currentData(), self.name.text()),
            first,
        )

    def clear_selected(self) -> bool:
        """The selected days become ordinary days (a library day stays listed as 已取消)."""
        days = [e.current.day for e in self.selected_entries()]
        return bool(days) and self._change(lambda: self.service.clear_days(days), days[0])

    def reset_selected(self) -> bool:
        """The selected days go back to what the library says."""
        days = [e.current.day for e in self.selected_entries()]
        return bool(days) and self._change(lambda: self.service.reset_days(days), days[0])

    def _change(self, change: Callable[[], object], focus: dt.date) -> bool:
        try:
            change()
        except UnionOfficeError as exc:
            self._show_error(str(exc))
            return False
        self.error_label.hide()
        self.changed_any = True
        if focus.year != self.year.value():
            self.year.setValue(focus.year)  # reloads
        else:
            self.reload()
        self._select(focus)
        self.changed.emit()
        return True

    def _select(self, day: dt.date) -> None:
        for row, entry in enumerate(self.model.entries):
            if entry.current.day == day:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return
        self.table.clearSelection()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
