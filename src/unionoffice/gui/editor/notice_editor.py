"""One open notice: header fields, body, 版记 and its activity plan, saved as you type.

The editor holds a working copy (NoticeData) and saves it whole through
NoticeService.update a moment after typing stops, off the UI thread and retried until it lands
(saving.py). The version read with the notice must still be the stored one; if someone else
saved in between, the clerk's text stays in the editor and a bar offers to keep theirs, to
save the clerk's over it or to choose part by part (conflicts.py). Every edit, in the fields,
the body or the activity table, is one step of the notice's undo history (see
notice_undo.py); 页面预览 shows the pages as they will print. The layout is
ui/notice_editor.ui; the body, the plan and the preview are widgets of their own, put into it
here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QToolButton,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.doc_number import DocNumber
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_body import OrganDefaults
from unionoffice.domain.notice_merge import on_stored
from unionoffice.gui import messages
from unionoffice.gui.activities.activity_model import ActivityTableModel
from unionoffice.gui.activities.activity_view import ActivityTableView
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.date_fields import NO_DATE, from_qdate, to_qdate
from unionoffice.gui.editor.body_editor import ATTACHMENT, BodyEditor
from unionoffice.gui.editor.conflict_dialog import ConflictDialog
from unionoffice.gui.editor.conflicts import ConflictHandling
from unionoffice.gui.editor.mark_fields import MarkFields
from unionoffice.gui.editor.notice_undo import NoticeHistory, NoticeUndoStack
from unionoffice.gui.editor.opening import EditorOpening, read_opening
from unionoffice.gui.editor.page_preview import PagePreview
from unionoffice.gui.editor.recovery import RecoveryKeeper
from unionoffice.gui.editor.saving import WAIT_S, NoticeSaver, Outcome, SaveAttempt, SaveCopy
from unionoffice.gui.forms import child, fill_slot, load_form
from unionoffice.storage.services.search import recipients_in_use

FORM_MINIMUM = 150  # the 发文机关 field's width in ui/notice_editor.ui
BODY_TAB, ACTIVITY_TAB = 0, 1
HEADING_BUTTONS = {  # the 正文 bar's buttons in the form, and the body level each one sets
    "heading_1": 1,
    "heading_2": 2,
    "heading_3": 3,
    "heading_4": 4,
    "heading_0": 0,
    "heading_attachment": ATTACHMENT,
}


def fit_text_width(edit: QLineEdit, text: str, most: int = 340) -> None:
    """Keep ``edit`` at least as wide as ``text`` (within ``most`` pixels, the form's
    minimum at least)."""
    needed = edit.fontMetrics().horizontalAdvance(text) + 16  # frame and text margins
    edit.setMinimumWidth(min(max(needed, FORM_MINIMUM), most))


class NoticeEditor(ConflictHandling):
    """Edits one notice; its undo stack holds every edit of the fields, body and table."""

    saved = Signal(int, int)  # notice id, new version
    changed = Signal(object)  # Changes: what a save or 取号 changed, for the other views
    title_changed = Signal(str)
    status_message = Signal(str)
    save_pending_changed = Signal()  # a save failed and waits for a retry, or landed at last

    def __init__(
        self,
        context: AppContext,
        notice_id: int,
        *,
        autosave_ms: int | None = None,
        keep_recovery: bool = False,
        opening: EditorOpening | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``autosave_ms``: the delay after typing stops (default: the setting);
        ``keep_recovery``: keep the unsaved working copy in a recovery file, as the window does;
        ``opening``: what the editor shows, read already off the UI thread (else read here)."""
        super().__init__(parent)
        self.context = context
        self.db = context.db
        self.notices = context.notices
        self.numbering = context.numbering
        if opening is None:
            opening = read_opening(context, notice_id)
        self._data: NoticeData = opening.notice
        self._dirty = False
        self._edits = 0  # counts edits, so a save knows whether typing went on meanwhile
        self._heard_version = 0  # another save heard of while ours was on its way
        self._save_note = ""  # why the next save is made (恢复到第 3 版), for the 痕迹
        self._loading = True
        self.settings = context.settings
        self.undo_stack = NoticeUndoStack(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(
            autosave_ms if autosave_ms is not None else self.settings.autosave_ms
        )
        self._timer.timeout.connect(self.save_in_background)
        self.saver = NoticeSaver(self.notices, self._take_copy, parent=self)
        self.saver.landed.connect(self._on_landed)
        self.saver.conflicted.connect(self._on_conflict)
        self.saver.failed.connect(self._on_save_failed)
        # the unsaved working copy goes to a recovery file a moment after each edit
        self.recovery = (
            RecoveryKeeper(context.recovery_store, self.collect, self) if keep_recovery else None
        )

        organ_list = opening.organs
        self.activity_model = ActivityTableModel(
            self._data.activities,
            year=self._data.plan_year,
            not_before=self._data.date,
            undo_stack=self.undo_stack,
            parent=self,
        )
        self.activity_view = ActivityTableView(
            self.activity_model, opening.departments, self, settings=self.settings
        )
        letterheads = {o.name: o.header_text for o in organ_list}
        defaults = {o.name: OrganDefaults(o.name, o.default_distributor) for o in organ_list}
        self.preview = PagePreview(
            self.collect,
            lambda notice: letterheads.get(notice.organ or "", ""),
            defaults=lambda notice: defaults.get(notice.organ or "", OrganDefaults()),
            parent=self,
        )
        self._build(opening.series_codes)
        self.history = self._watch_history()
        self.organ.setCompleter(QCompleter([o.name for o in organ_list], self.organ))
        self._fill()
        self._loading = False
        self.show_preview(self.settings.page_preview)
        self.activity_model.edited.connect(self._on_edited)
        self.activity_model.rowsInserted.connect(self._update_tab_titles)
        self.activity_model.rowsRemoved.connect(self._update_tab_titles)

    # -- layout ----------------------------------------------------------------------------

    def _build(self, series_codes: list[str]) -> None:
        load_form("notice_editor", self)
        self.conflict_bar = child(self, QFrame, "conflict_bar")
        self.conflict_label = child(self, QLabel, "conflict_label")
        self.overwrite_button = child(self, QPushButton, "overwrite_button")
        self.overwrite_button.clicked.connect(self.save_over_theirs)
        self.theirs_button = child(self, QPushButton, "theirs_button")
        self.theirs_button.clicked.connect(self.take_theirs)
        self.choose_button = child(self, QPushButton, "choose_button")
        self.choose_button.clicked.connect(self.choose_parts)
        self.conflict_dialog: ConflictDialog | None = None
        self.conflict_bar.hide()

        self.organ = child(self, QLineEdit, "organ")
        # The whole name stays visible however narrow the editor gets beside the preview.
        self.organ.textChanged.connect(lambda text: fit_text_width(self.organ, text))
        self.series = child(self, QComboBox, "series")
        self.series.addItems(series_codes)
        self.year = child(self, QSpinBox, "year")
        self.doc_number = child(self, QLineEdit, "doc_number")
        self.allocate_button = child(self, QPushButton, "allocate_button")
        self.allocate_button.clicked.connect(self.allocate_number)
        self.next_number = child(self, QLabel, "next_number")
        self.title = child(self, QLineEdit, "title")
        self.recipients = child(self, QLineEdit, "recipients")
        completer = QCompleter(recipients_in_use(self.db), self.recipients)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.recipients.setCompleter(completer)
        self.marks = MarkFields(self)

        self.body = BodyEditor(self)
        fill_slot(self, "body_slot", self.body)
        for name, level in HEADING_BUTTONS.items():
            button = child(self, QToolButton, name)
            button.clicked.connect(lambda _=False, lv=level: self._set_level(lv))

        self.attachment_note = child(self, QLineEdit, "attachment_note")
        self.signature = child(self, QLineEdit, "signature")
        self.date = child(self, QDateEdit, "date")
        self.remark = child(self, QLineEdit, "remark")
        self.cc = child(self, QLineEdit, "cc")
        self.distributor = child(self, QLineEdit, "distributor")
        self.distribution_date = child(self, QDateEdit, "distribution_date")
        for edit in (self.date, self.distribution_date):
            edit.setMinimumDate(NO_DATE)  # the "未填" the code reads as no date

        self.tabs = child(self, QTabWidget, "tabs")
        self.tabs.addTab(self.activity_view, "活动安排")
        # a corner widget of the tabs, which Designer cannot place
        self.preview_button = QToolButton(self)
        self.preview_button.setText("页面预览")
        self.preview_button.setCheckable(True)
        self.preview_button.setToolTip("在右侧显示公文打印出来的样子（A4，GB/T 9704 版式）")
        self.preview_button.toggled.connect(self._on_preview_toggled)
        self.tabs.setCornerWidget(self.preview_button, Qt.Corner.TopRightCorner)
        self.splitter = child(self, QSplitter, "splitter")
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setCollapsible(0, False)
        self.preview.hide()

        line_edits: tuple[QLineEdit, ...] = (
            self.organ,
            self.title,
            self.recipients,
            self.attachment_note,
            self.signature,
            self.remark,
            self.cc,
            self.distributor,
        )
        for line_edit in line_edits:
            line_edit.textChanged.connect(self._on_edited)
        self.title.textChanged.connect(self.title_changed)
        self.marks.connect(self._on_edited)
        self.series.currentTextChanged.connect(self._on_number_fields)
        self.year.valueChanged.connect(self._on_number_fields)
        self.date.dateChanged.connect(self._on_dates)
        self.distribution_date.dateChanged.connect(self._on_edited)
        self.body.blocks_changed.connect(self._on_edited)

    def _watch_history(self) -> NoticeHistory:
        history = NoticeHistory(
            self.undo_stack,
            self.body,
            reveal_body=lambda: self.tabs.setCurrentIndex(BODY_TAB),
            reveal_activity=self._reveal_activity,
            is_loading=lambda: self._loading,
            parent=self,
        )
        history.watch_line_edit("发文机关", self.organ)
        history.watch_combo("机关代字", self.series)
        history.watch_spin_box("年份", self.year)
        history.watch_line_edit("标题", self.title)
        history.watch_line_edit("主送机关", self.recipients)
        self.marks.watch(history)
        history.watch_line_edit("附件说明", self.attachment_note)
        history.watch_line_edit("署名", self.signature)
        history.watch_date("成文日期", self.date)
        history.watch_line_edit("附注", self.remark)
        history.watch_line_edit("抄送", self.cc)
        history.watch_line_edit("印发机关", self.distributor)
        history.watch_date("印发日期", self.distribution_date)
        history.watch_activities(self.activity_model)
        return history

    def _reveal_activity(self, row: int | None) -> None:
        """After undoing a table edit: the 活动安排 tab, at the row it changed."""
        self.tabs.setCurrentIndex(ACTIVITY_TAB)
        count = self.activity_model.rowCount()
        if row is not None and count:
            self.activity_view.select_row(min(row, count - 1))
        self.activity_view.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- 页面预览 ----------------------------------------------------------------------------

    def show_preview(self, visible: bool) -> None:
        """Show or hide the page preview beside the editor."""
        self.preview_button.setChecked(visible)
        self.preview.setVisible(visible)

    def _on_preview_toggled(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        if visible and self.splitter.sizes()[1] == 0:
            total = max(self.splitter.width(), 800)
            self.splitter.setSizes([total * 3 // 5, total * 2 // 5])
        if not self._loading:
            self.settings.page_preview = visible

    def _fill(self) -> None:
        data = self._data
        self.organ.setText(data.organ or "")
        self.series.setCurrentText(data.series_code or "")
        self.year.setValue(data.year or data.plan_year)
        self.title.setText(data.title)
        self.recipients.setText(data.recipients)
        self.marks.fill(data)
        self.body.set_blocks(data.body)
        self.attachment_note.setText(data.attachment_note)
        self.signature.setText(data.signature)
        self.date.setDate(to_qdate(data.date))
        self.remark.setText(data.remark)
        self.cc.setText(data.cc)
        self.distributor.setText(data.distributor)
        self.distribution_date.setDate(to_qdate(data.distribution_date))
        self._show_number()
        self._update_tab_titles()

    def _show_number(self) -> None:
        data = self._data
        numbered = data.number is not None
        self.doc_number.setText(data.doc_number or "未取号（草稿）")
        self.series.setEnabled(not numbered)
        self.year.setEnabled(not numbered)
        self.allocate_button.setEnabled(not numbered)
        self.next_number.setText("" if numbered else self._next_number_text())

    def number_value(self) -> int | None:
        """The notice's 文号 sequence number as stored, None for a draft."""
        return self._data.number

    def _next_number_text(self) -> str:
        code = self.series.currentText().strip()
        if not code:
            return "请先选择机关代字"
        try:
            return f"将取：{self.numbering.next_number(code, self.year.value())}"
        except UnionOfficeError:
            return "新的机关代字，从 1 号开始"

    def _update_tab_titles(self) -> None:
        self.tabs.setTabText(ACTIVITY_TAB, f"活动安排（{self.activity_model.rowCount()}）")

    # -- what is being edited --------------------------------------------------------------

    @property
    def notice_id(self) -> int:
        assert self._data.id is not None
        return self._data.id

    @property
    def version(self) -> int | None:
        return self._data.version

    @property
    def doc_number_text(self) -> str | None:
        return self._data.doc_number

    def display_title(self) -> str:
        title = self.title.text().strip() or "（无标题）"
        organ = self._data.organ or ""
        if organ and title.startswith(organ) and len(title) > len(organ):
            title = title[len(organ) :]
        return title if len(title) <= 20 else title[:19] + "…"

    def is_dirty(self) -> bool:
        return self._dirty

    def collect(self) -> NoticeData:
        """The working copy with every field as it stands in the widgets."""
        data = dataclasses.replace(
            self._data,
            organ=self.organ.text().strip() or None,
            title=self.title.text().strip(),
            recipients=self.recipients.text().strip(),
            body=self.body.blocks(),
            attachment_note=self.attachment_note.text().strip(),
            signature=self.signature.text().strip(),
            date=from_qdate(self.date.date()),
            remark=self.remark.text().strip(),
            cc=self.cc.text().strip(),
            distributor=self.distributor.text().strip(),
            distribution_date=from_qdate(self.distribution_date.date()),
            activities=self.activity_model.activities(),
            **self.marks.values(),
        )
        if data.number is None:
            data.series_code = self.series.currentText().strip() or None
            data.year = self.year.value()
        return data

    # -- edits and saving ------------------------------------------------------------------

    def _set_level(self, level: int) -> None:
        self.body.set_level(level)
        self.body.setFocus()

    def set_heading_level(self, level: int) -> None:
        """Set the level of the body line under the cursor (from the 格式 menu)."""
        self.tabs.setCurrentIndex(BODY_TAB)
        self._set_level(level)

    def _on_number_fields(self) -> None:
        if self._loading:
            return
        self.next_number.setText(self._next_number_text())
        self.activity_model.set_context(self.year.value(), from_qdate(self.date.date()))
        self._on_edited()

    def _on_dates(self) -> None:
        if self._loading:
            return
        self.activity_model.set_context(self.year.value(), from_qdate(self.date.date()))
        self._on_edited()

    def _on_edited(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._edits += 1
        self._timer.start()
        self.preview.schedule()
        if self.recovery is not None:
            self.recovery.note_edit()
        if not self.saver.waiting_to_retry():
            self.status_message.emit("有修改，稍后自动保存…")

    def _take_copy(self) -> SaveCopy:
        """For a save: the working copy, the copy it was based on, the edit count and why
        the save is made (for the 痕迹)."""
        return SaveCopy(self.collect(), self._data, self._edits, self._save_note)

    def save_in_background(self) -> None:
        """Autosave: start saving off the UI thread; how it went arrives by signal."""
        self._timer.stop()
        if self._dirty:
            self.saver.start()

    def save(self, timeout_s: float = WAIT_S) -> bool:
        """Save now if anything changed and wait for it (up to ``timeout_s``); False, with the
        reason shown, when it did not land (it is retried, and kept in the recovery file)."""
        self._timer.stop()
        if not self._dirty:
            return True
        outcome = self.saver.save_and_wait(timeout_s)
        if outcome is Outcome.WAITING:
            self._show_conflict(
                "数据库没有应答，保存还在等待。您的修改仍在编辑器中（也已存入恢复文件），"
                "数据库恢复后会自动保存。",
                retry=True,
            )
            if self.recovery is not None:
                self.recovery.write_now()
        return outcome is Outcome.LANDED and not self._dirty

    def _on_landed(self, attempt: SaveAttempt) -> None:
        assert attempt.version is not None
        sent = attempt.sent
        if attempt.note == self._save_note:
            self._save_note = ""  # said once, with the save it was for
        plan_changed = sent.activities != self._data.activities
        self._data = dataclasses.replace(sent, version=attempt.version)
        if attempt.edits == self._edits:
            self._dirty = False
            if self.recovery is not None:
                self.recovery.discard(self.notice_id)
        else:
            self._timer.start()  # what was typed meanwhile goes with the next save
        self.conflict_bar.hide()
        self.status_message.emit(f"已自动保存 {dt.datetime.now():%H:%M:%S}")
        self.save_pending_changed.emit()
        self.saved.emit(self.notice_id, attempt.version)
        self.changed.emit(Changes.of_notice(self.notice_id, activities=plan_changed))
        self._catch_up_on_heard_save()

    def _on_save_failed(self, reason: str, retry_in_s: int) -> None:
        self._show_conflict(
            f"保存失败：{reason}。您的修改仍在编辑器中（也已存入恢复文件），"
            f"{retry_in_s} 秒后自动重试。",
            retry=True,
        )
        if self.recovery is not None:
            self.recovery.write_now()
        self.save_pending_changed.emit()
        self._catch_up_on_heard_save()

    def save_pending(self) -> bool:
        """A save failed and is waiting to be tried again (the window counts such notices)."""
        return self._dirty and self.saver.waiting_to_retry()

    def retry_save(self) -> None:
        """The database answers again: a waiting save goes now."""
        self.saver.retry_now()

    def allocate_number(self) -> bool:
        """取号: after the clerk confirms, save, then take the series' next number."""
        upcoming = self._next_number_text().removeprefix("将取：")
        if not messages.confirm(
            self,
            f"为本文取号{'：' + upcoming if '〔' in upcoming else ''}？\n\n"
            "取号后文号即登记在发文登记簿中，不能删除；取错了可以“退回文号”（作废，需写原因）。",
        ):
            return False
        if not self._dirty:
            self._dirty = True  # the series and year on screen must be stored first
        if not self.save():
            return False
        try:
            number = self.notices.allocate_number(self.notice_id)
        except UnionOfficeError as exc:
            messages.show_error(self, f"取号失败：{exc}")
            return False
        self._number_changed(f"已取号：{number}", number)
        return True

    def give_back_number(self, reason: str) -> bool:
        """退回文号: void this notice's number in the register with ``reason``; the notice is
        a draft again and may take another number."""
        if not self.save():
            return False
        try:
            number = self.notices.give_back_number(self.notice_id, reason)
        except UnionOfficeError as exc:
            messages.show_error(self, f"退回文号失败：{exc}")
            return False
        self._number_changed(f"已退回文号 {number}（作废：{reason.strip()}）", number)
        return True

    def _number_changed(self, message: str, number: DocNumber) -> None:
        """After 取号 or 退回: the stored number, status and version on screen."""
        fresh = self.notices.get(self.notice_id)
        self._data = dataclasses.replace(
            self._data,
            version=fresh.version,
            number=fresh.number,
            series_code=fresh.series_code,
            year=fresh.year,
            status=fresh.status,
        )
        self._loading = True
        self._show_number()
        self._loading = False
        self.preview.schedule()  # the 文号 under the red header
        self.focus_title()  # what the clerk usually writes next
        self.status_message.emit(message)
        assert fresh.version is not None
        self.saved.emit(self.notice_id, fresh.version)
        numbers = frozenset({(number.series_code, number.year)})
        self.changed.emit(Changes(notices=frozenset({self.notice_id}), numbers=numbers))

    def focus_title(self) -> None:
        """The cursor in the title, all of it selected: typing replaces it (a new notice's
        "关于……的通知", or the title after 取号)."""
        self.tabs.setCurrentIndex(BODY_TAB)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def show_activity(self, position: int) -> None:
        self.tabs.setCurrentIndex(ACTIVITY_TAB)
        self.activity_view.select_row(position)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def apply_working_copy(self, copy: NoticeData) -> None:
        """Put a recovered working copy into the widgets; it is saved like any edit.

        The 文号 stays as stored; the version stays as the copy read it, so a notice changed
        by someone else since then gives the conflict bar, not a silent overwrite.
        """
        stored = self._data
        if stored.number is not None:
            copy = dataclasses.replace(
                copy, number=stored.number, series_code=stored.series_code, year=stored.year
            )
        self._show_data(dataclasses.replace(copy, id=stored.id, status=stored.status))
        self._on_edited()

    def _show_data(self, data: NoticeData) -> None:
        """Put ``data`` in every widget and the plan table, with no undo step and no edit."""
        self._put(data)
        self.undo_stack.clear()

    def _put(self, data: NoticeData) -> None:
        self._loading = True
        self._data = data
        self._fill()
        model = self.activity_model
        model.remove_activities(range(model.rowCount()))
        model.insert_activities(0, data.activities)
        model.set_context(data.plan_year, data.date)
        self._loading = False
        self.preview.schedule()

    def replace_content(self, content: NoticeData, note: str = "") -> bool:
        """Show ``content`` (its text; the 文号, status and version stay as stored) and save
        it now, making no undo step: for ``content_command.ReplaceContentCommand``."""
        stored = self._data
        data = on_stored(content, stored)
        self._put(data)
        # the save compares the plan with the one before, to say whether it changed
        self._data = dataclasses.replace(data, activities=stored.activities)
        self._dirty = True
        self._save_note = note
        return self.save()

    def set_autosave_delay(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def shutdown(self, *, saved: bool | None = None) -> bool:
        """Before the editor closes: save what is pending (unless the caller has: ``saved``)
        and stop the timers; what could not be saved stays in the recovery file."""
        ok = self.save() if saved is None else saved
        self._timer.stop()
        self.saver.stop()
        self.preview.stop()
        if self.recovery is not None:
            if ok:
                self.recovery.stop()
            else:
                self.recovery.write_now()
        return ok
