"""Crash recovery in the window: keep each editor's unsaved copy on disk, offer it at start.

The editor autosaves a second or so after typing stops; its working copy goes to a recovery
file sooner (300 ms after an edit), so a crash or a failed save loses at most that much. The
file is deleted once the notice is saved. When the window opens and finds files left behind,
it asks the clerk to restore (恢复) or discard (丢弃) them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from unionoffice.domain.notice import NoticeData
from unionoffice.gui import messages
from unionoffice.storage.recovery import RecoveryRecord, RecoveryStore

if TYPE_CHECKING:
    from unionoffice.gui.app_context import AppContext

log = logging.getLogger(__name__)

RECOVERY_DELAY_MS = 300
RESTORE, DISCARD = 0, 1


class RecoveryKeeper(QObject):
    """Writes one editor's working copy (debounced, atomically) and deletes it after a save."""

    def __init__(
        self,
        store: RecoveryStore,
        collect: Callable[[], NoticeData],
        parent: QObject | None = None,
        *,
        delay_ms: int = RECOVERY_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setObjectName("recovery")
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.write_now)
        self.failed = False

    def note_edit(self) -> None:
        self._timer.start()

    def is_pending(self) -> bool:
        return self._timer.isActive()

    def write_now(self) -> None:
        self._timer.stop()
        try:
            self.store.write(self._collect())
            self.failed = False
        except OSError as exc:  # a full disk must not stop the clerk typing; saving still runs
            if not self.failed:
                log.warning("cannot write recovery file: %s", exc)
            self.failed = True

    def discard(self, notice_id: int) -> None:
        self._timer.stop()
        try:
            self.store.discard(notice_id)
        except OSError as exc:
            log.warning("cannot delete recovery file: %s", exc)

    def stop(self) -> None:
        self._timer.stop()


def describe_record(record: RecoveryRecord) -> str:
    notice = record.notice
    name = notice.doc_number or "草稿"
    return f"· {name}　{notice.title[:30]}（{record.written_at:%m月%d日 %H:%M}）"


def offer_recovery(context: AppContext, parent: QWidget) -> int:
    """Ask about working copies left by a crash; restore or discard them. How many restored."""
    from unionoffice.gui.editor.notice_editor import NoticeEditor

    store, workbench = context.recovery_store, context.workbench
    records = store.pending()
    known = {s.id for s in workbench.notice_summaries()}
    for record in [r for r in records if r.notice_id not in known]:
        store.discard(record.notice_id)  # the notice is gone (deleted, another database)
    records = [r for r in records if r.notice_id in known]
    if not records:
        return 0
    lines = "\n".join(describe_record(r) for r in records)
    answer = messages.choose(
        parent,
        "上次退出时，以下公文有尚未保存的修改：\n\n"
        f"{lines}\n\n恢复这些修改吗？恢复后会自动保存；丢弃则保留数据库中的版本。",
        ["恢复", "丢弃"],
    )
    if answer == RESTORE:
        restored = 0
        for record in records:
            editor = workbench.open_notice(record.notice_id)
            if isinstance(editor, NoticeEditor):
                editor.apply_working_copy(record.notice)
                restored += 1
        workbench.show_status(f"已恢复 {restored} 件公文的未保存修改", 8000)
        return restored
    if answer == DISCARD:
        for record in records:
            store.discard(record.notice_id)
    return 0  # closed without an answer: the files stay for the next start
