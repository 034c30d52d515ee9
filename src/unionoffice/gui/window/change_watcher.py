"""Other clerks' changes arrive by themselves: the change feed read every few seconds, off the
UI thread, so a slow or stopped server never holds the window.

One read at a time: a tick while the previous read still waits is skipped. A read that fails
(the server stopped, the network gone) is said once through ``reachable(False, reason)``, and
the next read that succeeds says ``reachable(True, "")``; the window shows both in its status
line and the views keep what they show meanwhile.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from unionoffice.domain.errors import UnionOfficeError

if TYPE_CHECKING:
    from unionoffice.storage.services.change_feed import ChangeFeed, FeedUpdate

log = logging.getLogger(__name__)

POLL_MS = 2_000


class _Read(QRunnable):
    def __init__(self, watcher: ChangeWatcher, feed: ChangeFeed, last: int) -> None:
        super().__init__()
        self.watcher, self.feed, self.last = watcher, feed, last

    def run(self) -> None:
        try:
            update = self.feed.since(self.last)
        except UnionOfficeError as exc:
            self._tell(self.watcher._failed, str(exc))
        except Exception as exc:  # a driver's own error type: unreachable all the same
            log.warning("reading the change feed failed: %s", exc)
            self._tell(self.watcher._failed, str(exc).splitlines()[0] if str(exc) else repr(exc))
        else:
            self._tell(self.watcher._read, update)

    @staticmethod
    def _tell(signal: object, value: object) -> None:
        # RuntimeError: the window closed while the server kept us waiting.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)  # type: ignore[attr-defined]


class ChangeWatcher(QObject):
    """Reads the change feed every ``interval_ms`` while started."""

    arrived = Signal(object)  # FeedUpdate with something in it
    reachable = Signal(bool, str)  # the database could (not) be read, and why not
    _read = Signal(object)
    _failed = Signal(str)

    def __init__(
        self,
        feed: ChangeFeed,
        last: int,
        *,
        interval_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.feed = feed
        self.last = last
        self.unreachable = ""  # why the last read failed ("" when it did not)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setObjectName("change_watcher")
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)
        self._read.connect(self._on_read)
        self._failed.connect(self._on_failed)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        """Read what changed since the last read (skipped while a read is under way)."""
        if self._busy:
            return
        self._busy = True
        QThreadPool.globalInstance().start(_Read(self, self.feed, self.last))

    def _on_read(self, update: FeedUpdate) -> None:
        self._busy = False
        self.last = update.last
        if self.unreachable:
            self.unreachable = ""
            self.reachable.emit(True, "")
        if update.changes:
            self.arrived.emit(update)

    def note_unreachable(self, reason: str) -> None:
        """A view could not read either: said once, and the next good read says it is back."""
        if not self.unreachable:
            self.unreachable = reason or "无法读取数据库"
            self.reachable.emit(False, self.unreachable)

    def _on_failed(self, reason: str) -> None:
        self._busy = False
        if not self.unreachable:  # said once, not every few seconds
            self.unreachable = reason or "无法读取数据库"
            self.reachable.emit(False, self.unreachable)
