"""How the calendar colours its bars: by lead department or by notice, and the legend saying so.

Colours are stable: a department keeps its colour on every start (a hash of its name) and a
notice keeps its colour in every month (its id), so the clerk learns them.
"""

from __future__ import annotations

import html
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from unionoffice.domain.activity_criteria import ActivityRow

# Dark enough for white text on every one.
PALETTE = [
    QColor(name)
    for name in (
        "#4e79a7", "#f28e2b", "#59a14f", "#b6992d", "#499894", "#e15759", "#79706e", "#d37295",
        "#b07aa1", "#9d7660", "#2f6f9f", "#8c6d31", "#6a3d9a", "#1b9e77", "#d95f02", "#7570b3",
        "#a6761d", "#e7298a", "#386cb0", "#66a61e",
    )
]  # fmt: skip
NO_LEAD = "（未写牵头部门）"
LEGEND_ENTRIES = 8  # at most, in the legend line; every one is in its tooltip
LABEL_LIMIT = 20  # characters of a label in the legend line


class ColourBy(StrEnum):
    DEPARTMENT = "department"
    NOTICE = "notice"

    @property
    def label(self) -> str:
        return "按牵头部门着色" if self is ColourBy.DEPARTMENT else "按公文着色"


def department_colour(row: ActivityRow) -> QColor:
    """One colour per (first) lead department, the same on every start."""
    name = row.activity.lead[0] if row.activity.lead else ""
    return PALETTE[zlib.crc32(name.encode()) % len(PALETTE)]


def notice_colour(row: ActivityRow) -> QColor:
    """One colour per notice; consecutive notices differ."""
    return PALETTE[row.notice_id % len(PALETTE)]


def notice_label(row: ActivityRow) -> str:
    return f"{row.doc_number or '草稿'}　{row.notice_title}"


def colour_of(row: ActivityRow, by: ColourBy) -> QColor:
    return notice_colour(row) if by is ColourBy.NOTICE else department_colour(row)


@dataclass(frozen=True)
class LegendEntry:
    colour: QColor
    label: str
    count: int


def legend_entries(rows: Iterable[ActivityRow], by: ColourBy) -> list[LegendEntry]:
    """What each colour in view stands for, most bars first."""
    counts: Counter[str] = Counter()
    colours: dict[str, QColor] = {}
    for row in rows:
        if by is ColourBy.NOTICE:
            label = notice_label(row)
        else:
            label = row.activity.lead[0] if row.activity.lead else NO_LEAD
        counts[label] += 1
        if label not in colours:
            colours[label] = colour_of(row, by)
    return [LegendEntry(colours[label], label, count) for label, count in counts.most_common()]


def _swatch(entry: LegendEntry, limit: int | None = None) -> str:
    """A coloured square, the label (cut to ``limit`` characters) and the number of bars."""
    label = _short(entry.label) if limit is not None else entry.label
    return (
        f'<span style="color:{entry.colour.name()};">■</span>&nbsp;{html.escape(label)}'
        f'<span style="color:#888;">（{entry.count}）</span>'
    )


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def legend_html(entries: list[LegendEntry], shown: int = LEGEND_ENTRIES) -> str:
    """The legend line: the first ``shown`` entries, then how many there are in all."""
    parts = [_swatch(entry, LABEL_LIMIT) for entry in entries[:shown]]
    if len(entries) > shown:
        parts.append(f'<span style="color:#666;">等 {len(entries)} 种</span>')
    return "&nbsp;&nbsp; ".join(parts)


def legend_tooltip(entries: list[LegendEntry], by: ColourBy) -> str:
    title = "各公文的颜色" if by is ColourBy.NOTICE else "各牵头部门的颜色"
    return f"<b>{title}</b><br>" + "<br>".join(_swatch(entry) for entry in entries)


class ColourLegend(QLabel):
    """One line naming the colours in view: as many entries as fit, every one in the tooltip.

    It never asks for more width than it has (a long notice title must not widen the window).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.entries: list[LegendEntry] = []

    def set_entries(self, entries: list[LegendEntry], by: ColourBy) -> None:
        self.entries = entries
        self.setToolTip(legend_tooltip(entries, by) if entries else "")
        self._fit()

    def shown_count(self) -> int:
        """How many entries fit the width, leaving room for 等 N 种 when some do not."""
        metrics = self.fontMetrics()
        gap = metrics.horizontalAdvance("　　")
        tail = metrics.horizontalAdvance(f"等 {len(self.entries)} 种")
        used, count = 0, 0
        for index, entry in enumerate(self.entries):
            width = metrics.horizontalAdvance(f"■ {_short(entry.label)}（{entry.count}）") + gap
            last = index == len(self.entries) - 1
            if used + width + (0 if last else tail) > self.width():
                break
            used, count = used + width, count + 1
        return min(count, LEGEND_ENTRIES)

    def _fit(self) -> None:
        self.setText(legend_html(self.entries, self.shown_count()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()
