"""Reads a clerk's click starts (open a notice, another month in the calendar), off the UI thread.

On an office server a read can wait: a paused server, a network that drops packets. The window
must keep answering meanwhile, so each such read runs on a pool of its own (a stuck read never
holds the saves or the change feed, which use the global pool) and its answer comes back to the
UI thread. A read that has not answered after ``NOTE_AFTER_MS`` is named through ``waiting``
(the window's status line), so the clerk knows what the window waits for.

Reads are keyed: a newer read of the same key (the calendar stepped on twice, a notice
double-clicked twice) makes the older one's answer void, so only the latest is shown and a
failure is said once.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from unionoffice.domain.errors import DatabaseError, UnionOfficeError

log = logging.getLogger(__name__)

NOTE_AFTER_MS = 400
# A stuck read holds one thread until the server answers or the connection dies: a few
# threads let other reads (another notice, the calendar) go on meanwhile.
POOL_THREADS = 4

_pool: QThreadPool | None = None


def read_pool() -> QThreadPool:
    """The pool of the window's reads (app.py waits for it, briefly, at exit)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("database_reads")
        _pool.setMaxThreadCount(POOL_THREADS)
        _pool.setExpiryTimeout(10_000)
    return _pool


@dataclass
class _Pending:
    number: int
    what: str
    on_done: Callable[[Any], None]
    on_failed: Callable[[BaseException], None] | None


class _Read(QRunnable):
    def __init__(self, reads: BackgroundReads, key: Hashable, number: int, work: Callable[[], Any]):
        super().__init__()
        self.reads, self.key, self.number, self.work = reads, key, number, work

    def run(self) -> None:
        try:
            answer: tuple[bool, Any] = (True, self.work())
        except UnionOfficeError as exc:
            answer = (False, exc)
        except Exception as exc:  # a driver's own error: reported the same way, never lost
            log.exception("a background read failed")
            answer = (False, DatabaseError(f"读取数据库失败：{exc}"))
        # RuntimeError: the window closed while the server kept us waiting.
        with contextlib.suppress(RuntimeError):
            self.reads._answered.emit(self.key, self.number, answer)


class BackgroundReads(QObject):
    """Runs ``work`` off the UI thread and hands its result to ``on_done`` on the UI thread."""

    waiting = Signal(str)  # what the window waits for ("" when nothing waits long)
    idle = Signal()  # the last answer still to come has been handed over
    _answered = Signal(object, int, object)

    def __init__(self, parent: QObject | None = None, *, note_after_ms: int = NOTE_AFTER_MS):
        super().__init__(parent)
        self._numbers = itertools.count(1)
        self._pending: dict[Hashable, _Pending] = {}
        self._said = ""
        self._note = QTimer(self)
        self._note.setSingleShot(True)
        self._note.setInterval(note_after_ms)
        self._note.timeout.connect(self._say_waiting)
        self._answered.connect(self._on_answer)

    def start(
        self,
        key: Hashable,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        what: str,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read ``work()`` in the background. ``what`` names it for the status line (公文《…》);
        ``on_failed`` gets a UnionOfficeError (default: logged only, the caller's view keeps
        what it shows)."""
        number = next(self._numbers)
        self._pending[key] = _Pending(number, what, on_done, on_failed)
        if not self._note.isActive() and not self._said:
            self._note.start()
        read_pool().start(_Read(self, key, number, work))

    def is_pending(self, key: Hashable) -> bool:
        return key in self._pending

    def busy(self) -> bool:
        return bool(self._pending)

    def forget(self) -> None:
        """Drop every answer still to come (the window shows another database now)."""
        self._pending.clear()
        self._update_waiting()

    def _on_answer(self, key: Hashable, number: int, answer: tuple[bool, Any]) -> None:
        pending = self._pending.get(key)
        if pending is None or pending.number != number:
            return  # a newer read of the same thing was started: this answer is stale
        del self._pending[key]
        self._update_waiting()
        ok, value = answer
        try:
            if ok:
                pending.on_done(value)
            elif pending.on_failed is not None:
                pending.on_failed(value)
            else:
                log.warning("reading %s failed: %s", pending.what, value)
        finally:
            if not self._pending:
                self.idle.emit()

    def _say_waiting(self) -> None:
        if self._pending:
            names = "、".join(dict.fromkeys(p.what for p in self._pending.values()))
            self._said = f"正在读取{names}，等待数据库服务器回应…"
            self.waiting.emit(self._said)

    def _update_waiting(self) -> None:
        if not self._pending:
            self._note.stop()
            if self._said:
                self._said = ""
                self.waiting.emit("")
        elif self._said:
            self._say_waiting()
