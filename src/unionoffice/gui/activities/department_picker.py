"""The editor of a 牵头部门 / 配合部门 cell: tick departments from the master list, in order.

The line at the top holds the chosen names as they will be saved ("省总宣教部、省总组织部");
the list below has a tick at each chosen one. Typing filters the list by the name being
typed (after the last 、); ticking a department replaces that search with the department.
A name that is not on the list is simply typed and kept, as the clerk wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.activity_table_text import (
    NAME_SEPARATOR,
    join_department_names,
    split_department_names,
)

_SEPARATORS = "、，,;；/ \u3000"


class _CheckList(QListWidget):
    """The departments; a click or the space bar ticks one, Up at the top goes back."""

    toggle_requested = Signal(QListWidgetItem)
    leave_up = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and item is not None:
            self.toggle_requested.emit(item)
            return
        if event.key() == Qt.Key.Key_Up and item is not None and self._first_shown() is item:
            self.leave_up.emit()
            return
        super().keyPressEvent(event)

    def _first_shown(self) -> QListWidgetItem | None:
        return next((i for i in self.all_items() if not i.isHidden()), None)

    def all_items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]


class DepartmentPicker(QFrame):
    """Chooses several departments: ticked from ``department_names`` or typed."""

    focus_left = Signal()  # focus went to a widget outside the picker: the edit is done

    def __init__(self, department_names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._known = list(dict.fromkeys(n for n in department_names if n.strip()))
        self.line = QLineEdit(self)
        self.line.setPlaceholderText("输入可筛选；列表中没有的部门直接输入")
        self.line.setClearButtonEnabled(True)
        self.list = _CheckList(self)
        self.list.setUniformItemSizes(True)
        for name in self._known:
            item = QListWidgetItem(name, self.list)
            # Ticked by the picker on a click anywhere in the row, not by the check box alone.
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.empty_label = QLabel("列表中没有匹配的部门，按回车按所输入的保存", self)
        self.empty_label.setWordWrap(True)
        self.hint = QLabel("单击勾选，可多选；回车确定，Esc 取消", self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #666;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(3)
        layout.addWidget(self.line)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.line)

        self.line.textChanged.connect(self._sync)
        self.list.itemClicked.connect(self._on_click)
        self.list.toggle_requested.connect(self.toggle)
        self.list.leave_up.connect(self.line.setFocus)
        for child in (self.line, self.list):
            child.installEventFilter(self)
        self._sync()

    def showEvent(self, event: QShowEvent) -> None:
        # The view selects all of an editor's line when it opens; the clerk goes on typing.
        super().showEvent(event)
        self.line.deselect()
        self.line.end(False)

    # -- value -----------------------------------------------------------------------------

    def names(self) -> list[str]:
        """The chosen names, in order, as they are to be saved."""
        return list(dict.fromkeys(split_department_names(self.line.text())))

    def text(self) -> str:
        return join_department_names(self.names())

    def set_names(self, names: Sequence[str]) -> None:
        # A separator at the end: the next name is typed (or ticked) right away.
        text = join_department_names(names)
        self.line.setText(f"{text}{NAME_SEPARATOR}" if text else "")
        self.line.end(False)

    def known_names(self) -> list[str]:
        return list(self._known)

    def shown_names(self) -> list[str]:
        """The departments the list shows now (after filtering)."""
        return [i.text() for i in self.list.all_items() if not i.isHidden()]

    def ticked_names(self) -> list[str]:
        return [i.text() for i in self.list.all_items() if i.checkState() == Qt.CheckState.Checked]

    def _search(self) -> str:
        """The name being typed, when it is a search (not finished, not a department)."""
        text = self.line.text()
        if not text or text[-1] in _SEPARATORS:
            return ""
        typed = split_department_names(text)
        last = typed[-1] if typed else ""
        return "" if last in self._known else last

    # -- ticking ---------------------------------------------------------------------------

    def toggle(self, item: QListWidgetItem) -> None:
        """Tick a department (after those chosen) or untick it."""
        name = item.text()
        names = split_department_names(self.line.text())
        if name in names:
            names = [n for n in names if n != name]
        else:
            if self._search():
                names = names[:-1]  # what was typed was a search for this department
            names.append(name)
        self.set_names(list(dict.fromkeys(names)))

    def _on_click(self, item: QListWidgetItem) -> None:
        self.toggle(item)
        self.line.setFocus()  # typing goes on filtering the list

    def _sync(self) -> None:
        chosen = set(split_department_names(self.line.text()))
        search = self._search().casefold()
        for item in self.list.all_items():
            item.setHidden(bool(search) and search not in item.text().casefold())
            ticked = Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked
            if item.checkState() != ticked:
                item.setCheckState(ticked)
        self.empty_label.setVisible(bool(search) and not self.shown_names())

    # -- keys and focus --------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            shown = [i for i in self.list.all_items() if not i.isHidden()]
            if shown:
                self.list.setFocus()
                self.list.setCurrentItem(shown[0])
            return True
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            self._check_focus_left(event)
        return False

    def _check_focus_left(self, event: QFocusEvent) -> None:
        if event.reason() in (
            Qt.FocusReason.ActiveWindowFocusReason,  # another program: come back to the edit
            Qt.FocusReason.PopupFocusReason,  # the line's own context menu
        ):
            return
        now = QApplication.focusWidget()
        if now is None or now is self or self.isAncestorOf(now):
            return
        self.focus_left.emit()
