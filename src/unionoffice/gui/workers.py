"""Long work off the UI thread: import of a folder, batch export, timetables.

``BackgroundTask(parent, title, work, on_done=...)`` runs ``work(context)`` on a thread-pool
thread while a progress dialog (with 取消) shows what it reports (``show_progress=False``:
no dialog, for work the window shows in its own way, such as opening the database). The work
function never touches a widget: it reports through ``context.report``, checks
``context.cancelled()`` and, when it needs the clerk, calls ``context.ask`` which shows a
question on the UI thread and waits for the answer. Results and errors come back as queued
signals; ``on_done`` and ``on_failed`` run on the UI thread (Anki's ``aqt/operations`` works
the same way).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui import messages

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 300


@dataclass
class _Question:
    text: str
    choices: Sequence[str]
    default: int
    answered: threading.Event = field(default_factory=threading.Event)
    answer: int = -1


class TaskContext:
    """What the work function gets; every method is safe to call from the worker thread."""

    def __init__(self, task: BackgroundTask) -> None:
        self._task = task

    def report(self, done: int, total: int, text: str = "") -> None:
        self._task._progress.emit(done, total, text)

    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def ask(self, text: str, choices: Sequence[str], default: int = 0) -> int:
        """Ask the clerk (on the UI thread) and wait; -1 when the task is cancelled meanwhile."""
        question = _Question(text, list(choices), default)
        self._task._question.emit(question)
        while not question.answered.wait(0.05):
            if self.cancelled():
                return -1
        return question.answer


class BackgroundTask(QObject):
    """One piece of long work with a progress dialog; delete itself when finished."""

    finished = Signal()
    _progress = Signal(int, int, str)
    _question = Signal(object)
    _succeeded = Signal(object)
    _failed = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None] | None = None,
        cancellable: bool = True,
        show_progress: bool = True,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = parent
        self._work = work
        self._on_done = on_done
        self._on_failed = on_failed
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel = threading.Event()
        self._cancellable = cancellable
        self._stopped = threading.Event()
        self._abandoned = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.progress: QProgressDialog | None = None
        if show_progress:
            self.progress = QProgressDialog(title, "取消" if cancellable else "", 0, 0, parent)
            self.progress.setWindowTitle(messages.TITLE)
            self.progress.setWindowModality(Qt.WindowModality.WindowModal)
            self.progress.setMinimumDuration(SHOW_AFTER_MS)
            self.progress.setAutoClose(False)
            self.progress.setAutoReset(False)
            self.progress.setMinimumWidth(420)
            if not cancellable:
                self.progress.setCancelButton(None)
            self.progress.canceled.connect(self.cancel)
        self._progress.connect(self._show_progress)
        self._question.connect(self._answer)
        self._succeeded.connect(self._finish_ok)
        self._failed.connect(self._finish_failed)

    def start(self) -> BackgroundTask:
        if self.progress is not None:
            self.progress.setValue(0)  # starts the dialog's show-after timer
        self._pool.start(self._run)
        return self

    def _run(self) -> None:  # on the worker thread
        try:
            result = self._work(TaskContext(self))
        except BaseException as exc:  # reported on the UI thread, never lost in the pool
            if not isinstance(exc, UnionOfficeError):
                log.exception("background task failed")
            self._emit(self._failed, exc)
        else:
            self._emit(self._succeeded, result)
        finally:
            self._stopped.set()

    def _emit(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the task was deleted with its window: nobody is listening
            log.info("background task finished after its window was closed")

    # -- UI thread -------------------------------------------------------------------------

    def cancel(self) -> None:
        if not self._cancel.is_set():
            self._cancel.set()
            if self._cancellable and self.progress is not None:
                self.progress.setLabelText("正在取消，请稍候…")

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return not self._stopped.is_set()

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the worker has stopped."""
        return self._stopped.wait(timeout_s)

    def abandon(self) -> None:
        """Cancel, wait for the worker, and call neither ``on_done`` nor ``on_failed``."""
        self._abandoned = True
        self.cancel()
        self.wait()

    def _show_progress(self, done: int, total: int, text: str) -> None:
        if self._cancel.is_set() or self.progress is None:
            return
        if total and self.progress.maximum() != total:
            self.progress.setMaximum(total)
        if text:
            self.progress.setLabelText(text)
        self.progress.setValue(min(done, total) if total else 0)

    def _answer(self, question: _Question) -> None:
        question.answer = messages.choose(
            self._widget, question.text, question.choices, default=question.default
        )
        question.answered.set()

    def _close_progress(self) -> None:
        if self.progress is None:
            return
        self.progress.canceled.disconnect(self.cancel)
        self.progress.reset()
        self.progress.hide()
        self.progress.deleteLater()

    def _finish_ok(self, result: Any) -> None:
        self._close_progress()
        self.result = result
        try:
            if not self._abandoned:
                self._on_done(result)
        finally:
            self.finished.emit()
            self.deleteLater()

    def _finish_failed(self, error: BaseException) -> None:
        self._close_progress()
        self.error = error
        try:
            if self._abandoned:
                pass
            elif self._on_failed is not None:
                self._on_failed(error)
            elif isinstance(error, UnionOfficeError):
                messages.show_error(self._widget, str(error))
            else:
                messages.show_error(
                    self._widget, f"操作失败（程序内部错误 {type(error).__name__}）：{error}"
                )
        finally:
            self.finished.emit()
            self.deleteLater()


def running_tasks(widget: QWidget) -> list[BackgroundTask]:
    return [task for task in widget.findChildren(BackgroundTask) if task.is_running()]


def stop_tasks(widget: QWidget) -> None:
    """Cancel the widget's background tasks and wait for their threads to stop."""
    for task in running_tasks(widget):
        task.abandon()
