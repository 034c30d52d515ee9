"""打印活动安排表 (Ctrl+P), 导出 Excel and 导出日历 from the window.

The dialog's choices become a ``TimetableFilter``; the notices are read, the table is built and
the PDF rendered (or the .xlsx / .ics written) on a worker thread; the PDF's own pages are shown
in the program's print preview (print_preview.py), printed from there, and saved as the same
bytes. A missing Chinese font shows the exporter's message, which says what to install.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.exporting.timetable import (
    PdfOptions,
    RenderedPdf,
    build_timetable,
    find_cjk_font,
    render_timetable_pdf,
    write_timetable_ics,
    write_timetable_xlsx,
)
from unionoffice.gui import file_filters, messages
from unionoffice.gui.dialogs.print_preview import PrintPreview
from unionoffice.gui.dialogs.timetable_dialog import Purpose, TimetableDialog, TimetableRequest
from unionoffice.gui.operations import printing
from unionoffice.gui.operations.export_actions import export_folder
from unionoffice.gui.tree.tree_nodes import short_title
from unionoffice.gui.workers import BackgroundTask, TaskContext
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext

_SUFFIX = {Purpose.EXCEL: ".xlsx", Purpose.CALENDAR: ".ics"}
_FILTERS = {Purpose.EXCEL: file_filters.EXCEL, Purpose.CALENDAR: file_filters.CALENDAR}


@dataclass(frozen=True)
class TimetableOutput:
    """What the worker made: a PDF to preview, or a written file with its row/event counts."""

    title: str
    rows: int
    pdf: RenderedPdf | None = None
    path: Path | None = None
    events: int = 0


def load_notices(db: Database, request: TimetableRequest) -> list[NoticeData]:
    service = NoticeService(db)
    if request.notice_ids:
        return [service.get(notice_id) for notice_id in dict.fromkeys(request.notice_ids)]
    summaries = sorted(service.list(year=request.year), key=lambda s: (s.date or dt.date.max, s.id))
    if not summaries:
        raise UnionOfficeError(f"{request.year}年没有公文")
    return [service.get(summary.id) for summary in summaries]


def make_timetable(
    db: Database,
    request: TimetableRequest,
    purpose: Purpose,
    *,
    target: Path | None = None,
    font_path: str = "",
    context: TaskContext | None = None,
) -> TimetableOutput:
    """Read, select and write; raises UnionOfficeError (FontNotFoundError …) in Chinese."""
    if context is not None:
        context.report(0, 0, "正在读取公文…")
    notices = load_notices(db, request)
    timetable = build_timetable(notices, request.filter, title=request.title)
    if not timetable.rows:
        raise UnionOfficeError("没有符合条件的活动。请放宽筛选条件后再试。")
    count = len(timetable.rows)
    if context is not None:
        context.report(0, 0, f"正在排版（{count} 项活动）…")
    if purpose is Purpose.PRINT:
        options = PdfOptions(
            page_size=request.page_size,
            month_grid=request.month_grid,
            brief=request.brief,
            font=find_cjk_font(font_path or None),
        )
        return TimetableOutput(timetable.title, count, pdf=render_timetable_pdf(timetable, options))
    assert target is not None
    if purpose is Purpose.EXCEL:
        return TimetableOutput(timetable.title, count, path=write_timetable_xlsx(timetable, target))
    events = write_timetable_ics(timetable, target, stamp=dt.datetime.now(dt.UTC))
    return TimetableOutput(timetable.title, count, path=target, events=events)


class TimetableController(QObject):
    """The window's timetable commands; ``dialog`` and ``preview`` are kept for tests."""

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.workbench = context.workbench
        self.parent_widget = parent  # for the dialogs and messages
        self.dialog: TimetableDialog | None = None
        self.preview: QDialog | None = None
        self.task: BackgroundTask | None = None
        self.last_output: TimetableOutput | None = None

    def _forget_task(self) -> None:
        self.task = None

    def print_timetable(self) -> TimetableDialog:
        return self.open_dialog(Purpose.PRINT)

    def export_excel(self) -> TimetableDialog:
        return self.open_dialog(Purpose.EXCEL)

    def export_calendar(self) -> TimetableDialog:
        return self.open_dialog(Purpose.CALENDAR)

    def _default_ids(self) -> list[int]:
        current = self.workbench.current_notice_id()
        if current is not None:
            return [current]
        return self.workbench.selected_notice_ids()

    def open_dialog(self, purpose: Purpose, notice_ids: list[int] | None = None) -> TimetableDialog:
        ids = self._default_ids() if notice_ids is None else notice_ids
        summaries = {s.id: s for s in self.workbench.notice_summaries()}
        chosen = [summaries[i] for i in ids if i in summaries]
        if len(chosen) == 1:
            title = short_title(chosen[0])
            title = title if len(title) <= 26 else title[:25] + "…"
            label = f"当前公文：{chosen[0].doc_number or '草稿'}　{title}"
        else:
            label = f"所选的 {len(chosen)} 件公文"
        years = sorted({s.year or (s.date.year if s.date else 0) for s in chosen} - {0})
        years = years or sorted({s.year for s in summaries.values() if s.year}, reverse=True)
        self.dialog = TimetableDialog(
            purpose,
            self.context.settings,
            notice_ids=[s.id for s in chosen],
            notice_label=label,
            years=years,
            departments=self.context.activities.department_names(),
            parent=self.parent_widget,
        )
        dialog = self.dialog
        dialog.accepted.connect(lambda: self.run(purpose, dialog.request()))
        dialog.open()
        return dialog

    def run(self, purpose: Purpose, request: TimetableRequest) -> BackgroundTask | None:
        """Make the timetable in the background; for Excel and 日历 ask for the file first."""
        target = None
        if purpose is not Purpose.PRINT:
            target = self._ask_target(purpose, request)
            if target is None:
                return None
        self.workbench.save_all()
        db, font = self.context.db, self.context.settings.cjk_font_path

        def work(context: TaskContext) -> TimetableOutput:
            return make_timetable(
                db, request, purpose, target=target, font_path=font, context=context
            )

        self.task = BackgroundTask(
            self.parent_widget,
            "正在生成活动安排表…",
            work,
            on_done=lambda output: self._done(purpose, request, output),
            cancellable=False,
        )
        self.task.finished.connect(self._forget_task)
        return self.task.start()

    def _ask_target(self, purpose: Purpose, request: TimetableRequest) -> Path | None:
        settings = self.context.settings
        folder = export_folder(settings.export_folder)
        name = f"{request.year}年活动安排表" if request.year else "活动安排表"
        chosen, _ = QFileDialog.getSaveFileName(
            self.parent_widget, purpose.value.rstrip("…"), str(folder / name) + _SUFFIX[purpose],
            _FILTERS[purpose],
        )  # fmt: skip
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != _SUFFIX[purpose]:
            target = target.with_name(target.name + _SUFFIX[purpose])
        settings.export_folder = str(target.parent)
        return target

    def _done(self, purpose: Purpose, request: TimetableRequest, output: TimetableOutput) -> None:
        self.last_output = output
        show_status = self.workbench.show_status
        if output.pdf is not None:
            data = output.pdf.data
            self.preview = PrintPreview(
                printing.pdf_printer(data, output.title),
                lambda printer: printing.paint_pdf(printer, data),
                output.title,
                self.parent_widget,
            )
            self.preview.offer_pdf(
                data, str(export_folder(self.context.settings.export_folder))
            )
            self.preview.open()
            show_status(f"活动安排表：{output.rows} 项活动，{output.pdf.page_count} 页", 8000)
        elif purpose is Purpose.EXCEL:
            show_status(f"已导出 Excel：{output.path}（{output.rows} 项活动）", 8000)
        else:
            text = f"已导出日历：{output.path}（{output.events} 个日程）"
            if output.events < output.rows:
                missing = output.rows - output.events
                messages.show_info(
                    self.parent_widget,
                    f"{text}。\n\n有 {missing} 项活动的完成时限没有具体日期"
                    "（如“根据工作需要”），未写入日历。",
                )
            show_status(text, 8000)
