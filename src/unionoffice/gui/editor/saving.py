"""Saving an open notice without holding the window: off the UI thread, retried until it lands.

On an office server a save can wait: the server restarts, the network drops, a paused server
answers nothing at all. The editor's working copy is therefore saved by a worker thread
(``NoticeSaver``); typing goes on meanwhile. A save that fails for such a reason is tried again
after 2, 5, 10, 20, 30 and then every 60 seconds, and at once when the window hears the
server again; the recovery file keeps the text until a save lands. A save that finds another
clerk's newer version is a conflict and is never retried: the clerk decides.

Only one save of a notice is on its way at a time: edits made meanwhile are saved by the next
one, with the version the first one gave back. ``save_and_wait`` is for the steps that need the
notice stored first (取号, closing the tab, quitting): it waits a bounded time and says whether
the save landed, so a silent server never freezes the window for long.
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import logging
import math
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from unionoffice.domain.errors import ConflictError, UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_diff import describe_conflict

if TYPE_CHECKING:
    from unionoffice.storage.services.notices import NoticeService

log = logging.getLogger(__name__)

RETRY_AFTER_S = (2, 5, 10, 20, 30, 60)  # then every 60 s
WAIT_S = 15.0  # the longest a step that needs the notice stored waits (connect timeout is 10 s)


class Outcome(enum.Enum):
    LANDED = "landed"
    CONFLICT = "conflict"
    FAILED = "failed"  # to be retried
    WAITING = "waiting"  # no answer yet within the wait


@dataclasses.dataclass(frozen=True)
class SaveCopy:
    """What a save takes from the editor when it starts."""

    sent: NoticeData  # the working copy
    base: NoticeData  # the copy as last read or saved, for describing a conflict
    edits: int  # the editor's edit count when the copy was taken
    note: str = ""  # why the save is made (恢复到第 3 版), for the 痕迹; "" for an edit


@dataclasses.dataclass(eq=False)
class SaveAttempt:
    """One save of a working copy; the worker fills in how it went."""

    sent: NoticeData
    base: NoticeData  # the copy as last read or saved, for describing a conflict
    edits: int  # the editor's edit count when the copy was taken
    note: str = ""
    version: int | None = None
    error: str = ""
    conflict: str = ""
    done: threading.Event = dataclasses.field(default_factory=threading.Event)
    settled: bool = False

    def run(self, notices: NoticeService) -> None:  # on a worker thread
        try:
            self.version = notices.update(self.sent, note=self.note)
        except ConflictError as exc:
            self.conflict = f"{exc}。{_differences(notices, self.base, self.sent)}"
        except Exception as exc:  # any failure is retried, never lost
            if not _is_expected(exc):
                log.exception("saving notice %s failed", self.sent.id)
            self.error = _first_line(exc)
        finally:
            self.done.set()

    @property
    def outcome(self) -> Outcome:
        if not self.done.is_set():
            return Outcome.WAITING
        if self.version is not None:
            return Outcome.LANDED
        return Outcome.CONFLICT if self.conflict else Outcome.FAILED


def _differences(notices: NoticeService, base: NoticeData, mine: NoticeData) -> str:
    """What differs between the clerk's copy and the one now in the database."""
    assert mine.id is not None
    try:
        current = notices.get(mine.id)
    except Exception:  # the conflict stands without its details
        return ""
    differences = describe_conflict(base, mine, current)
    if not differences:
        return "\n数据库中的版本与您的内容相同。"
    return f"\n与数据库中的版本不同：{differences}。"


def _is_expected(exc: Exception) -> bool:
    return isinstance(exc, UnionOfficeError)  # said in Chinese already; a traceback helps no one


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class NoticeSaver(QObject):
    """Saves one editor's working copy in the background and retries until it lands."""

    landed = Signal(object)  # the SaveAttempt that landed: its copy, edit count and version
    conflicted = Signal(str)  # what differs from the other clerk's version
    failed = Signal(str, int)  # why, seconds until the next try
    _finished = Signal(object)  # a SaveAttempt, from the worker thread

    def __init__(
        self,
        notices: NoticeService,
        take_copy: Callable[[], SaveCopy],
        *,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``take_copy`` gives what a save sends when it starts."""
        super().__init__(parent)
        self.notices = notices
        self._take_copy = take_copy
        self._pool = pool or QThreadPool.globalInstance()
        self._attempt: SaveAttempt | None = None
        self._failures = 0
        self.last_error = ""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.start)
        self._finished.connect(self._settle)

    # -- state -----------------------------------------------------------------------------

    def in_flight(self) -> bool:
        return self._attempt is not None and not self._attempt.settled

    def waiting_to_retry(self) -> bool:
        """A save failed and another try is due: the status bar shows such notices."""
        return bool(self.last_error)

    # -- saving ----------------------------------------------------------------------------

    def start(self) -> SaveAttempt:
        """Save the working copy now, off the UI thread (or join the save on its way)."""
        self._retry.stop()
        if self._attempt is not None and not self._attempt.settled:
            return self._attempt
        copy = self._take_copy()
        attempt = SaveAttempt(copy.sent, copy.base, copy.edits, copy.note)
        self._attempt = attempt
        self._pool.start(lambda: self._run(attempt))
        return attempt

    def _run(self, attempt: SaveAttempt) -> None:  # on the worker thread
        attempt.run(self.notices)
        with contextlib.suppress(RuntimeError):  # the editor closed while the server waited
            self._finished.emit(attempt)

    def save_and_wait(self, timeout_s: float = WAIT_S) -> Outcome:
        """Save now and wait up to ``timeout_s``: for 取号, closing and quitting."""
        attempt = self.start()
        if attempt.edits != self._take_copy().edits:  # the save on its way is older than the text
            attempt.done.wait(timeout_s)
            self._settle(attempt)
            if attempt.outcome is not Outcome.LANDED:
                return attempt.outcome
            attempt = self.start()
        attempt.done.wait(timeout_s)
        self._settle(attempt)
        return attempt.outcome

    def _settle(self, attempt: SaveAttempt) -> None:
        """Tell the editor how ``attempt`` went, once (the wait and the signal both come here)."""
        if attempt.settled or not attempt.done.is_set():
            return
        attempt.settled = True
        outcome = attempt.outcome
        if outcome is Outcome.LANDED:
            assert attempt.version is not None
            self._failures = 0
            self.last_error = ""
            self.landed.emit(attempt)
        elif outcome is Outcome.CONFLICT:
            self.last_error = ""
            self.conflicted.emit(attempt.conflict)
        else:
            delay = RETRY_AFTER_S[min(self._failures, len(RETRY_AFTER_S) - 1)]
            self._failures += 1
            self.last_error = attempt.error
            self._retry.start(int(delay * 1000))
            self.failed.emit(attempt.error, max(1, math.ceil(delay)))

    def retry_now(self) -> None:
        """The server answers again: try a waiting save at once."""
        if self._retry.isActive():
            self.start()

    def stop(self) -> None:
        """No more tries (the editor closes; what is unsaved stays in the recovery file)."""
        self._retry.stop()
