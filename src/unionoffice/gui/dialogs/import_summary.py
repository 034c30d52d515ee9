"""导入结果: every file of an import, what became of it (created, skipped, failed and why) and
what the importer understood of it (文号, title, date, number of activities), with anything
doubtful marked for the clerk to check; a new notice opens from its row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.importing.service import ImportResult

_STATUS_TEXT = {
    "created": "已导入",
    "updated": "已更新",
    "update": "未更新",
    "skipped": "已跳过",
    "failed": "失败",
}
_FAILED_COLOUR = QColor("#b00020")
_DOUBT_COLOUR = QColor("#fde2b8")  # the table editors' colour for dates that cannot be read
COLUMNS = ("文件", "结果", "文号", "标题", "成文日期", "活动", "说明")
FILE, STATUS, NUMBER, TITLE, DATE, ACTIVITIES, NOTE = range(len(COLUMNS))


@dataclass(frozen=True)
class ImportOutcome:
    """What a run of the importer did; ``cancelled`` when the clerk stopped it."""

    results: list[ImportResult]
    cancelled: bool = False
    total: int = 0

    def of(self, status: str) -> list[ImportResult]:
        return [r for r in self.results if r.status == status]

    @property
    def created_ids(self) -> list[int]:
        return [r.notice_id for r in self.results if r.status == "created" and r.notice_id]


class ImportSummaryDialog(QDialog):
    """Every file of an import and what was understood of it; double-click a new notice to
    open it. ``titles`` names the notices a skipped file repeats (文号 or title)."""

    open_requested = Signal(int)

    def __init__(
        self, outcome: ImportOutcome, titles: dict[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入结果")
        self.outcome = outcome
        created, skipped, failed = (outcome.of(s) for s in ("created", "skipped", "failed"))
        counts = f"新建 {len(created)} 件，跳过重复 {len(skipped)} 件，失败 {len(failed)} 件"
        updated = outcome.of("updated")
        if updated:
            counts += f"，按文件更新 {len(updated)} 件"
        if outcome.cancelled:
            handled = len(created) + len(skipped) + len(failed) + len(updated)
            rest = max(outcome.total - handled - len(outcome.of("update")), 0)
            self.headline = f"已取消导入（{rest} 个文件未处理）。{counts}"
        else:
            self.headline = f"导入完成：{counts}"
        doubtful = sum(1 for r in created if r.warnings)
        if doubtful:
            self.headline += f"；{doubtful} 件有需核对之处"
        heading = QLabel(self.headline, self)
        heading.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(len(outcome.results), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (FILE, TITLE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        for column in (STATUS, NUMBER, DATE, ACTIVITIES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, result in enumerate(outcome.results):
            self._fill_row(row, result, titles)
        self.table.setColumnWidth(FILE, 200)
        self.table.setColumnWidth(TITLE, 300)
        # rows grow to their wrapped text once the columns have their widths
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.cellDoubleClicked.connect(self._on_double_click)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if created:
            hint = QLabel(
                "请核对识别出的文号、标题和成文日期；橙底为需核对之处。"
                "双击“已导入”的一行可打开该公文修改。",
                self,
            )
            hint.setStyleSheet("color: #666;")
            layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1180, 460)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _fill_row(self, row: int, result: ImportResult, titles: dict[int, str]) -> None:
        notes = list(result.warnings)
        if result.status == "failed":
            notes = [result.error or "", *notes]
        elif result.skipped is not None:
            notes = [result.skipped]
        elif result.status == "skipped":
            repeated = titles.get(result.duplicate_of or 0, str(result.duplicate_of))
            notes = [f"与已有公文“{repeated}”重复", *notes]
        facts = result.facts
        cells = [result.path.name, _STATUS_TEXT[result.status], "", "", "", "", "；".join(notes)]
        if facts is not None:
            cells[NUMBER] = facts.doc_number or "（未编号）"
            cells[TITLE] = facts.title
            cells[DATE] = facts.date.isoformat() if facts.date else "（未识别）"
            cells[ACTIVITIES] = str(facts.activity_count)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(result.path) if column == FILE else text)
            if result.status == "failed":
                item.setForeground(QBrush(_FAILED_COLOUR))
            elif _doubtful(result, column):
                item.setBackground(QBrush(_DOUBT_COLOUR))
            item.setData(Qt.ItemDataRole.UserRole, result.notice_id)
            if column == ACTIVITIES:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)

    def row_texts(self) -> list[tuple[str, str, str]]:
        """File, result and note of each row (for tests and for copying)."""
        return [
            (self._text(row, FILE), self._text(row, STATUS), self._text(row, NOTE))
            for row in range(self.table.rowCount())
        ]

    def row_cells(self) -> list[dict[str, str]]:
        """Every cell of each row by its column's header."""
        return [
            {title: self._text(row, column) for column, title in enumerate(COLUMNS)}
            for row in range(self.table.rowCount())
        ]

    def is_marked(self, row: int, column: int) -> bool:
        """Whether the cell is marked for the clerk to check."""
        item = self.table.item(row, column)
        return item is not None and item.background().color() == _DOUBT_COLOUR

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _on_double_click(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        notice_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if notice_id is not None:
            self.open_requested.emit(int(notice_id))


def _doubtful(result: ImportResult, column: int) -> bool:
    """Whether to mark the cell: a 文号, title or date not found, or a warning."""
    facts = result.facts
    if result.status != "created" or facts is None:
        return False
    return {
        NUMBER: facts.doc_number is None,
        TITLE: any("标题" in w for w in result.warnings),
        DATE: facts.date is None,
        NOTE: bool(result.warnings),
    }.get(column, False)
