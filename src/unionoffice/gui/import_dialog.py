"""导入: files or a whole folder of .docx/.txt notices, in the background, then a summary.

The importer runs on a worker thread (``importing.service.import_paths``), one transaction a
file. A file imported before (same content) is a question for the clerk, asked on the UI thread
while the worker waits: 跳过, 全部跳过, 仍然导入 or 全部导入. At the end the tree is read again,
the first new notice opens and a summary lists every file: created, skipped or failed and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.importing.service import ImportResult, import_paths
from unionoffice.storage.services.notices import NoticeService

if TYPE_CHECKING:
    from unionoffice.gui.main_window import MainWindow

FILE_FILTER = "公文（*.docx *.txt）;;Word 文档（*.docx）;;文本文件（*.txt）"
DUPLICATE_CHOICES = ["跳过", "全部跳过", "仍然导入", "全部导入"]
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


class ImportController(QObject):
    """The window's 导入 commands."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.task: BackgroundTask | None = None
        self.summary: ImportSummaryDialog | None = None

    def _forget_task(self) -> None:
        self.task = None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "导入公文（.docx、.txt）", self.window.settings.import_folder, FILE_FILTER
        )
        if paths:
            self.window.settings.import_folder = str(Path(paths[0]).parent)
            self.start([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.window, "导入文件夹中的全部公文（含子文件夹）", self.window.settings.import_folder
        )
        if folder:
            self.window.settings.import_folder = folder
            self.start([Path(folder)])

    def start(self, paths: list[Path]) -> BackgroundTask | None:
        """Import ``paths`` in the background; the summary shows when it is done."""
        if self.task is not None and self.task.is_running():
            return None
        db = self.window.db

        def work(context: TaskContext) -> ImportOutcome:
            decided: list[bool] = []  # 全部跳过 / 全部导入: the answer for every later file
            total = [0]

            def on_duplicate(path: Path, existing: int) -> bool:
                if decided:
                    return decided[0]
                title = NoticeService(db).get(existing, include_deleted=True).title
                answer = context.ask(
                    f"“{path.name}”与已有的公文“{title}”内容相同（以前导入过）。\n要再导入一份吗？",
                    DUPLICATE_CHOICES,
                )
                if answer in (1, 3):
                    decided.append(answer == 3)
                return answer in (2, 3)

            def progress(done: int, count: int, result: ImportResult) -> None:
                total[0] = count
                context.report(done, count, f"正在导入（{done}/{count}）：{result.path.name}")

            context.report(0, 0, "正在查找要导入的文件…")
            results = import_paths(
                db, paths, on_duplicate, progress=progress, cancelled=context.cancelled
            )
            return ImportOutcome(results, context.cancelled(), total[0])

        self.task = BackgroundTask(self.window, "正在导入公文…", work, on_done=self._finished)
        self.task.finished.connect(self._forget_task)
        return self.task.start()

    def _finished(self, outcome: ImportOutcome) -> None:
        window = self.window
        created = outcome.created_ids
        window.context.notify(Changes(notices=frozenset(created), activities=frozenset(created)))
        if created:
            window.open_notice(created[0])
        titles = {s.id: s.doc_number or s.title for s in window.tree.summaries()}
        self.summary = ImportSummaryDialog(outcome, titles, window)
        self.summary.open_requested.connect(window.open_notice)
        self.summary.open()
        window.statusBar().showMessage(self.summary.headline, 8000)


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
