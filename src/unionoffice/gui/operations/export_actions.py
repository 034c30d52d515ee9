"""导出 Word (Ctrl+E) of the open or selected notice, and 批量导出 of several into a folder.

One notice is written at once (a tenth of a second); several go through a background task with
a progress dialog. Errors a clerk can act on (the file is open in Word, the folder cannot be
written, a broken template) are shown as the exporter words them; nothing else is changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.exporting.docx import (
    ExportOptions,
    Letterhead,
    export_notice,
    export_warnings,
    file_name_for,
)
from unionoffice.gui import messages
from unionoffice.gui.dialogs.export_dialog import ExportChoice, ExportDialog
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.organs import OrganService

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext


@dataclass(frozen=True)
class BatchResult:
    """One notice of a batch export: the file written, or why not."""

    label: str
    path: Path | None = None
    error: str | None = None
    warning: str | None = None  # written, but lacking something (成文日期)


def export_options(db: Database, notice: NoticeData, choice: ExportChoice) -> ExportOptions:
    """The export options for ``notice``: its organ's 发文机关标志, the clerk's choices."""
    organ = notice.organ or ""
    info = next((o for o in OrganService(db).organs() if o.name == organ), None)
    return ExportOptions(
        template=choice.template,
        letterhead=Letterhead(
            header_text=info.header_text if info else "",
            organ_name=organ,
            distributor=info.default_distributor if info else "",
        ),
        plan_layout=choice.plan_layout,
    )


def documents_folder() -> Path:
    """The clerk's documents folder (文档), made when the account has none yet; the home
    folder when it cannot be made."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(found) if found else Path.home()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return Path.home()
    return folder


def export_folder(remembered: str) -> Path:
    """Where a save dialog starts: the folder used last, while it still exists (a USB stick
    taken out, a folder deleted), else the documents folder."""
    folder = Path(remembered) if remembered else None
    return folder if folder is not None and folder.is_dir() else documents_folder()


def open_path(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportController(QObject):
    """The window's Word export commands; ``dialog`` is the open export dialog (tests use it)."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.workbench = context.workbench
        self.parent_widget = parent  # for the dialogs and messages
        self.dialog: ExportDialog | None = None
        self.task: BackgroundTask | None = None
        self.last_results: list[BatchResult] = []

    def _forget_task(self) -> None:
        self.task = None

    def _default_folder(self) -> Path:
        return export_folder(self.context.settings.export_folder)

    def export_word(self) -> None:
        """Ctrl+E: the open notice, else the notices selected in the tree."""
        current = self.workbench.current_notice_id()
        if current is not None:
            self.export_one(current)
            return
        ids = self.workbench.selected_notice_ids()
        if not ids:
            messages.show_info(self.parent_widget, "请先打开公文，或在左侧目录中选择要导出的公文。")
        elif len(ids) == 1:
            self.export_one(ids[0])
        else:
            self.export_many(ids)

    def export_selected(self, ids: list[int]) -> None:
        """From the tree's context menu."""
        if len(ids) == 1:
            self.export_one(ids[0])
        elif ids:
            self.export_many(ids)

    def _notice(self, notice_id: int) -> NoticeData | None:
        """The notice as the clerk sees it: the open editor's copy (saved first) or the stored."""
        self.workbench.save_all()
        copy = self.workbench.working_copy(notice_id)
        if copy is not None:
            return copy
        try:
            return self.context.notices.get(notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self.parent_widget, str(exc))
            return None

    # -- one notice ------------------------------------------------------------------------

    def export_one(self, notice_id: int) -> ExportDialog | None:
        notice = self._notice(notice_id)
        if notice is None:
            return None
        default = self._default_folder() / f"{file_name_for(notice)}.docx"
        self.dialog = ExportDialog(
            self.context.settings, default_file=default, parent=self.parent_widget
        )
        self.dialog.accepted.connect(lambda: self._write_one(notice, self.dialog))
        self.dialog.open()
        return self.dialog

    def _write_one(self, notice: NoticeData, dialog: ExportDialog | None) -> Path | None:
        assert dialog is not None
        choice = dialog.choice()
        options = export_options(self.context.db, notice, choice)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = export_notice(notice, choice.target, options)
        except UnionOfficeError as exc:
            QApplication.restoreOverrideCursor()
            messages.show_error(self.parent_widget, f"导出失败：{exc}")
            return None
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            messages.show_error(self.parent_widget, f"导出失败，无法写入“{choice.target}”：{exc}")
            return None
        QApplication.restoreOverrideCursor()
        self.workbench.show_status(f"已导出：{path}", 8000)
        warnings = export_warnings(notice, options)
        if warnings:  # written all the same: the clerk fills the gap before it goes out
            lines = "\n".join(f"· {w}" for w in warnings)
            messages.show_info(self.parent_widget, f"已导出“{path.name}”，但请注意：\n{lines}")
        if choice.open_after:
            open_path(path)
        return path

    # -- several notices -------------------------------------------------------------------

    def export_many(self, notice_ids: list[int]) -> ExportDialog | None:
        self.workbench.save_all()
        self.dialog = ExportDialog(
            self.context.settings,
            default_folder=self._default_folder(),
            count=len(notice_ids),
            parent=self.parent_widget,
        )
        self.dialog.accepted.connect(lambda: self._start_batch(notice_ids, self.dialog))
        self.dialog.open()
        return self.dialog

    def _start_batch(self, notice_ids: list[int], dialog: ExportDialog | None) -> None:
        assert dialog is not None
        choice = dialog.choice()
        db = self.context.db

        def work(context: TaskContext) -> list[BatchResult]:
            service = NoticeService(db)
            results: list[BatchResult] = []
            used: set[str] = set()
            choice.target.mkdir(parents=True, exist_ok=True)
            for done, notice_id in enumerate(notice_ids):
                if context.cancelled():
                    break
                label = f"编号 {notice_id}"
                try:
                    notice = service.get(notice_id)
                    label = notice.doc_number or notice.title
                    context.report(done, len(notice_ids), f"正在导出：{label}")
                    name = _unique(file_name_for(notice), used)
                    options = export_options(db, notice, choice)
                    path = export_notice(notice, choice.target / f"{name}.docx", options)
                    warning = "；".join(export_warnings(notice, options)) or None
                    results.append(BatchResult(label, path, warning=warning))
                except (UnionOfficeError, OSError) as exc:
                    results.append(BatchResult(label, error=str(exc)))
            context.report(len(notice_ids), len(notice_ids))
            return results

        self.task = BackgroundTask(
            self.parent_widget,
            "正在导出 Word…",
            work,
            on_done=lambda results: self._batch_done(results, choice),
        )
        self.task.finished.connect(self._forget_task)
        self.task.start()

    def _batch_done(self, results: list[BatchResult], choice: ExportChoice) -> None:
        self.last_results = results
        written = [r for r in results if r.path is not None]
        failed = [r for r in results if r.error is not None]
        warned = [r for r in written if r.warning]
        text = f"已导出 {len(written)} 件公文到“{choice.target}”。"
        if warned:
            lines = "\n".join(f"· {r.label}：{r.warning}" for r in warned[:20])
            text += f"\n\n{len(warned)} 件需要补充：\n{lines}"
        if failed:
            lines = "\n".join(f"· {r.label}：{r.error}" for r in failed[:20])
            text += f"\n\n{len(failed)} 件未能导出：\n{lines}"
            messages.show_error(self.parent_widget, text)
        elif warned:
            messages.show_info(self.parent_widget, text)
        else:
            self.workbench.show_status(text, 8000)
        if choice.open_after and written:
            open_path(choice.target)


def _unique(name: str, used: set[str]) -> str:
    stem, counter = name, 2
    while name.lower() in used:
        name, counter = f"{stem}（{counter}）", counter + 1
    used.add(name.lower())
    return name
