"""导入: files or a whole folder of notices, in the background, then a summary; or the text of
one notice pasted (从剪贴板导入), checked and corrected before it is saved.

The importer runs on a worker thread (``importing.service.import_paths``), one transaction a
file. A file imported before (same content) is a question for the clerk, asked on the UI thread
while the worker waits: 跳过, 全部跳过, 仍然导入 or 全部导入. At the end the tree is read again,
the first new notice opens and a summary lists every file: created, skipped or failed and why.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.gui import file_filters
from unionoffice.gui.dialogs.import_summary import ImportOutcome, ImportSummaryDialog
from unionoffice.gui.dialogs.paste_import import PasteImportDialog
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.importing.service import ImportResult, import_paths
from unionoffice.storage.services.notices import NoticeService

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext

FILE_FILTER = file_filters.IMPORTABLE
DUPLICATE_CHOICES = ["跳过", "全部跳过", "仍然导入", "全部导入"]


class ImportController(QObject):
    """The window's 导入 commands."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.workbench = context.workbench
        self.parent_widget = parent  # for the dialogs and messages
        self.task: BackgroundTask | None = None
        self.summary: ImportSummaryDialog | None = None
        self.paste_dialog: PasteImportDialog | None = None

    def _forget_task(self) -> None:
        self.task = None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            "导入公文（.docx、.doc、.wps、.pdf、.txt）",
            self.context.settings.import_folder,
            FILE_FILTER,
        )
        if paths:
            self.context.settings.import_folder = str(Path(paths[0]).parent)
            self.start([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.parent_widget,
            "导入文件夹中的全部公文（含子文件夹）",
            self.context.settings.import_folder,
        )
        if folder:
            self.context.settings.import_folder = folder
            self.start([Path(folder)])

    def paste_text(self) -> PasteImportDialog:
        """从剪贴板导入: the dialog, with the clipboard's text recognised at once."""
        dialog = PasteImportDialog(self.context.db, self.parent_widget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._pasted)
        dialog.destroyed.connect(self._forget_paste_dialog)
        self.paste_dialog = dialog
        dialog.open()
        dialog.paste_clipboard()
        return dialog

    def _forget_paste_dialog(self) -> None:
        self.paste_dialog = None

    def _pasted(self, result: ImportResult) -> None:
        assert result.notice_id is not None
        notice_id = result.notice_id
        self.context.notify(Changes.of_notice(notice_id) | _numbers_of([result]))
        facts = result.facts
        self.workbench.open_notice(notice_id)
        label = facts.doc_number or facts.title if facts is not None else ""
        self.workbench.show_status(f"已从剪贴板导入：{label}", 8000)

    def start(self, paths: list[Path]) -> BackgroundTask | None:
        """Import ``paths`` in the background; the summary shows when it is done."""
        if self.task is not None and self.task.is_running():
            return None
        db = self.context.db

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

        self.task = BackgroundTask(
            self.parent_widget, "正在导入公文…", work, on_done=self._finished
        )
        self.task.finished.connect(self._forget_task)
        return self.task.start()

    def _finished(self, outcome: ImportOutcome) -> None:
        created = outcome.created_ids
        self.context.notify(
            Changes(notices=frozenset(created), activities=frozenset(created))
            | _numbers_of(outcome.of("created"))
        )
        if created:
            self.workbench.open_notice(created[0])
        titles = {s.id: s.doc_number or s.title for s in self.workbench.notice_summaries()}
        self.summary = ImportSummaryDialog(outcome, titles, self.parent_widget)
        self.summary.open_requested.connect(self.workbench.open_notice)
        self.summary.open()
        self.workbench.show_status(self.summary.headline, 8000)


def _numbers_of(results: list[ImportResult]) -> Changes:
    """The 文号 registers the new notices' numbers were entered in."""
    registers = (r.facts.register for r in results if r.notice_id is not None and r.facts)
    return Changes(numbers=frozenset(register for register in registers if register is not None))
