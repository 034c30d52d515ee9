"""What both activity tables look like: column widths, sorting by header, the colour legend."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from unionoffice.gui.activities.activity_columns import (
    DOUBTFUL_COLOUR,
    OVERDUE_COLOUR,
    UNPARSED_COLOUR,
    Column,
)


def legend() -> QLabel:
    label = QLabel(
        f"<span style='background:{OVERDUE_COLOUR.name()}'>&nbsp;红底&nbsp;</span> 已过期未完成"
        f"　<span style='background:{UNPARSED_COLOUR.name()}'>&nbsp;橙底&nbsp;</span> "
        "完成时限无法推算日期"
        f"　<span style='background:{DOUBTFUL_COLOUR.name()}'>&nbsp;黄底&nbsp;</span> "
        "早于成文日期（可能指次年，右击可改）"
    )
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def prepare_table(table: QTableView) -> None:
    """Look and column widths both tables share; headers sort (none at first)."""
    table.setAlternatingRowColors(True)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    header.setSortIndicatorClearable(True)
    table.setSortingEnabled(True)
    widths = {
        Column.NUMBER: 56,
        Column.DEADLINE: 100,
        Column.PERIOD: 140,
        Column.TIME: 96,
        Column.PLACE: 150,
        Column.PARTICIPANTS: 150,
        Column.LEAD: 170,
        Column.COOPERATING: 200,
        Column.LEADER: 80,
        Column.PERSON: 70,
        Column.STATUS: 70,
    }
    for column, width in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
