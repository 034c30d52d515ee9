"""导入: files or a whole folder of notices, in the background, then a summary; or the text of
one notice pasted (从剪贴板导入), checked and corrected before it is saved.

The importer runs on a worker thread (``importing.service.import_paths``), one transaction a
file. A file imported before (same content) is a question for the clerk, asked on the UI thread
while the worker waits: 跳过, 全部跳过, 仍然导入 or 全部导入. At the end the tree is read again,
the first new notice opens and a summary lists every file: created, skipped or failed and why.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.gui import file_filters
from unionoffice.gui.dialogs.file_update_dialog import Choice, FileUpdateDialog
from unionoffice.gui.dialogs.import_summary import ImportOutcome, ImportSummaryDialog
from unionoffice.gui.dialogs.paste_import import PasteImportDialog
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.importing.revisions import RevisionChoice
from unionoffice.importing.service import ImportResult, import_file, import_paths
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
        self.update_dialog: FileUpdateDialog | None = None
        self._outcome: ImportOutcome | None = None
        self._pending: list[int] = []  # results whose update the clerk is still to decide
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
        revisions = self._revisions()

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
                db,
                paths,
                on_duplicate,
                progress=progress,
                cancelled=context.cancelled,
                revisions=revisions,
                on_update="ask",
            )
            return ImportOutcome(results, context.cancelled(), total[0])

        self.task = BackgroundTask(
            self.parent_widget, "正在导入公文…", work, on_done=self._finished
        )
        self.task.finished.connect(self._forget_task)
        return self.task.start()

    def _revisions(self) -> RevisionChoice:
        return "original" if self.context.settings.import_keep_original else "accept"

    def _finished(self, outcome: ImportOutcome) -> None:
        """Files that update a notice are shown one by one for the clerk to decide; then the
        summary of the whole import."""
        self._outcome = outcome
        self._pending = [i for i, r in enumerate(outcome.results) if r.status == "update"]
        self._next_update()

    def _next_update(self) -> None:
        if not self._pending:
            assert self._outcome is not None
            self._show_summary(self._outcome)
            return
        index = self._pending.pop(0)
        assert self._outcome is not None
        update = self._outcome.results[index].update
        assert update is not None
        dialog = FileUpdateDialog(update, self.parent_widget)
        dialog.finished.connect(lambda _code: self._update_decided(index, dialog))
        self.update_dialog = dialog
        dialog.open()

    def _update_decided(self, index: int, dialog: FileUpdateDialog) -> None:
        self.update_dialog = None
        dialog.deleteLater()
        assert self._outcome is not None
        result = self._outcome.results[index]
        if dialog.choice is Choice.UPDATE:
            result = self._apply_update(result)
        elif dialog.choice is Choice.AS_NEW:
            result = import_file(
                self.context.db, result.path, "import", revisions=self._revisions(), on_update="new"
            )
            if result.notice_id is not None:
                self.context.notify(Changes.of_notice(result.notice_id) | _numbers_of([result]))
        else:
            result = dataclasses.replace(result, warnings=(*result.warnings, "已取消，公文未改动"))
        self._outcome.results[index] = result
        self._next_update()

    def _apply_update(self, result: ImportResult) -> ImportResult:
        """The file's text into its notice's editor as one undoable step, saved at once."""
        from unionoffice.gui.editor.content_command import apply_content
        from unionoffice.gui.editor.notice_editor import NoticeEditor

        update = result.update
        assert update is not None
        self.workbench.save_all()
        editor = self.workbench.open_notice(update.notice_id)
        if not isinstance(editor, NoticeEditor):
            return dataclasses.replace(result, error="无法打开该公文")
        if editor.version != update.stored.version and not update.stale:
            # saved by someone since the changes were shown: they would not be what is stored
            return dataclasses.replace(
                result, error="显示改动后该公文又被修改，未更新；请重新导入该文件核对"
            )
        label = f"按文件“{update.path.name}”更新"
        if not apply_content(editor, update.updated, label, note=label):
            return dataclasses.replace(result, error="保存失败，公文未更新（原因见编辑器上方）")
        return dataclasses.replace(
            result,
            notice_id=update.notice_id,
            updated_version=editor.version,
            warnings=(*result.warnings, update.describe()),
        )

    def _show_summary(self, outcome: ImportOutcome) -> None:
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
