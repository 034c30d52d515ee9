"""Which columns an activity table shows: a right click on the header ticks them, and the
choice is kept in the settings (the notices' plan tables share one, 全部活动 has its own).

Columns the clerk never chose show by default, except an event's 时间, 地点, 参加对象 and 责任人
in a notice's plan: those show when the plan fills them, so a plan of tasks keeps its width
for 活动内容 and a plan of events shows where and when. What the clerk ticks or unticks holds
from then on, for every plan, until 恢复默认列.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView

from unionoffice.gui.activities.activity_columns import EVENT_COLUMNS, Column
from unionoffice.gui.settings import Settings


class ColumnChooser(QObject):
    """Shows and hides ``hideable`` columns of ``table``, remembering the clerk's choices in
    the list options ``{setting}_hidden_columns`` and ``{setting}_shown_columns``.

    ``filled(column)``, when given, says whether an event column has anything to show; a
    column the clerk has not chosen then follows it (call ``update`` when the rows change).
    """

    def __init__(
        self,
        table: QTableView,
        hideable: Iterable[Column],
        settings: Settings | None = None,
        setting: str = "",
        filled: Callable[[Column], bool] | None = None,
    ) -> None:
        super().__init__(table)
        self.table = table
        self.hideable = sorted(hideable)
        self.settings = settings if setting else None
        self.setting = setting
        self.filled = filled
        # Without settings (a test, a lone widget) the choices live as long as the table.
        self._choices: dict[Column, bool] = {}
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.update()

    def choices(self) -> dict[Column, bool]:
        """The columns the clerk chose to show (True) or hide (False)."""
        if self.settings is None:
            return dict(self._choices)
        found: dict[Column, bool] = {}
        for visible, suffix in ((True, "shown"), (False, "hidden")):
            names = {str(n) for n in getattr(self.settings, f"{self.setting}_{suffix}_columns")}
            found.update({c: visible for c in self.hideable if c.name in names})
        return found

    def is_chosen(self, column: Column) -> bool:
        return column in self.choices()

    def update(self) -> None:
        """Show and hide the columns as chosen, the others by default."""
        choices = self.choices()
        for column in self.hideable:
            visible = choices.get(column)
            if visible is None:
                visible = column not in EVENT_COLUMNS or self.filled is None or self.filled(column)
            if self.table.isColumnHidden(column) == visible:
                self.table.setColumnHidden(column, not visible)

    def hidden_columns(self) -> list[Column]:
        return [column for column in self.hideable if self.table.isColumnHidden(column)]

    def set_visible(self, column: Column, visible: bool) -> None:
        """Show or hide one column, and keep that choice."""
        if column not in self.hideable:
            raise ValueError(f"column {column.name} cannot be hidden")
        choices = self.choices()
        choices[column] = visible
        self._keep(choices)

    def reset(self) -> None:
        """恢复默认列: forget every choice."""
        self._keep({})

    def _keep(self, choices: dict[Column, bool]) -> None:
        if self.settings is None:
            self._choices = choices
        else:
            for visible, suffix in ((True, "shown"), (False, "hidden")):
                names = [c.name for c in self.hideable if choices.get(c) is visible]
                setattr(self.settings, f"{self.setting}_{suffix}_columns", names)
        self.update()

    def menu(self) -> QMenu:
        """One ticked entry per column that may be hidden, and 恢复默认列."""
        menu = QMenu(self.table)
        model = self.table.model()
        for column in self.hideable:
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = QAction(str(title), menu)
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction("恢复默认列")
        reset.setToolTip("时间、地点、参加对象、责任人在方案填写了时显示，其他列都显示")
        reset.triggered.connect(self.reset)
        reset.setEnabled(bool(self.choices()))
        return menu

    def _show_menu(self, position: QPoint) -> None:
        header = self.table.horizontalHeader()
        self.menu().popup(header.viewport().mapToGlobal(position))
