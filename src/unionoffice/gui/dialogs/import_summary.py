"""导入结果: every file of an import and what became of it (created, skipped, failed and why)."""

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

_STATUS_TEXT = {"created": "已导入", "skipped": "已跳过", "failed": "失败"}
_FAILED_COLOUR = QColor("#b00020")


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
        return [r.notice_id for r in self.results if r.notice_id is not None]


class ImportSummaryDialog(QDialog):
    """Every file of an import and what became of it; double-click a new notice to open it."""

    open_requested = Signal(int)

    def __init__(
        self, outcome: ImportOutcome, titles: dict[int, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("导入结果")
        self.outcome = outcome
        created, skipped, failed = (outcome.of(s) for s in ("created", "skipped", "failed"))
        counts = f"新建 {len(created)} 件，跳过重复 {len(skipped)} 件，失败 {len(failed)} 件"
        if outcome.cancelled:
            rest = max(outcome.total - len(created) - len(skipped) - len(failed), 0)
            self.headline = f"已取消导入（{rest} 个文件未处理）。{counts}"
        else:
            self.headline = f"导入完成：{counts}"
        heading = QLabel(self.headline, self)
        heading.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(len(outcome.results), 3, self)
        self.table.setHorizontalHeaderLabels(["文件", "结果", "说明"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, result in enumerate(outcome.results):
            self._fill_row(row, result, titles)
        self.table.setColumnWidth(0, 260)
        # rows grow to their wrapped text once the columns have their widths
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.table.cellDoubleClicked.connect(self._on_double_click)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if created:
            hint = QLabel("双击“已导入”的一行可打开该公文。", self)
            hint.setStyleSheet("color: #666;")
            layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 420)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _fill_row(self, row: int, result: ImportResult, titles: dict[int, str]) -> None:
        if result.status == "failed":
            note = result.error or ""
        elif result.skipped is not None:
            note = result.skipped
        elif result.status == "skipped":
            note = f"与已有公文“{titles.get(result.duplicate_of or 0, result.duplicate_of)}”重复"
        else:
            number = titles.get(result.notice_id or 0, "")
            note = "；".join([f"成为“{number}”", *result.warnings])
        cells = [result.path.name, _STATUS_TEXT[result.status], note]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(str(result.path) if column == 0 else text)
            if result.status == "failed":
                item.setForeground(QBrush(_FAILED_COLOUR))
            item.setData(Qt.ItemDataRole.UserRole, result.notice_id)
            self.table.setItem(row, column, item)

    def row_texts(self) -> list[tuple[str, str, str]]:
        """The table as text (for tests and for copying)."""
        return [
            tuple(self.table.item(row, column).text() for column in range(3))  # type: ignore[misc]
            for row in range(self.table.rowCount())
        ]

    def _on_double_click(self, row: int, _column: int) -> None:
        notice_id = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if notice_id is not None:
            self.open_requested.emit(int(notice_id))
