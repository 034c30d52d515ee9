"""Guards for the office PC at start-up: one window per user, and a warning for a database on a
network drive.

Two windows of one clerk on one SQLite file would each keep their own undo history and
autosave over each other's typing; on Windows a second double-click on the icon is the usual
way to get there. So the window holds a QLockFile in the user data folder for as long as it
runs, and a second start is refused with a message. A lock left by a program that crashed is
stale (its process is gone) and is taken over.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_data_path
from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QWidget

from unionoffice.gui import messages

if TYPE_CHECKING:  # the storage layer is imported by the worker that opens the database
    from unionoffice.storage.database import Database

# The folder of the default database (storage.database.default_database_path).
DATA_FOLDER_NAME = "UnionOffice"
LOCK_FILE_NAME = "window.lock"


def lock_path() -> Path:
    """The single-instance lock file in the user data folder (tests point it elsewhere)."""
    return user_data_path(DATA_FOLDER_NAME, appauthor=False) / LOCK_FILE_NAME


class InstanceLock:
    """This user's one window: a QLockFile, taken without waiting."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or lock_path()
        self._lock: QLockFile | None = None

    def acquire(self) -> bool:
        """Whether this process now holds the lock (False: another window of this user runs).

        A folder where no lock can be made (a read-only profile) lets the window start: the
        lock guards against a mistake, it must never keep a clerk out.
        """
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True
        lock = QLockFile(str(self.path))
        lock.setStaleLockTime(0)  # stale only when its process is gone, however long it ran
        if lock.tryLock(0):
            self._lock = lock
            return True
        return lock.error() != QLockFile.LockError.LockFailedError

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def holder_pid(self) -> int | None:
        """The process id of the window holding the lock, when the lock file says."""
        info = QLockFile(str(self.path)).getLockInfo()  # PySide6: (pid, host, app) or False
        pid = info[0] if isinstance(info, tuple) and info else 0
        return int(pid) if pid else None


def already_running_message(pid: int | None) -> str:
    where = f"（进程号 {pid}）" if pid else ""
    return (
        f"工会公文助手已经打开{where}。为免两个窗口同时改动同一个数据库，同一台电脑上只能打开一个"
        "窗口：请在任务栏中切换到已打开的窗口。若确实没有打开的窗口，请稍等片刻再试，"
        "或重新启动电脑"
    )


@contextmanager
def single_window(parent: QWidget | None = None) -> Iterator[bool]:
    """Hold the single-instance lock while the window runs; yields False (after telling the
    clerk) when another window of this user holds it."""
    lock = InstanceLock()
    if not lock.acquire():
        text = already_running_message(lock.holder_pid())
        if sys.stderr is not None:  # started from a console: say it there too
            print(text, file=sys.stderr)
        messages.show_error(parent, text)
        yield False
        return
    try:
        yield True
    finally:
        lock.release()


def warn_if_on_network_drive(parent: QWidget, db: Database) -> bool:
    """Tell the clerk once the database is open that it lies on a network drive."""
    warning = db.location_warning()
    if warning:
        messages.show_info(parent, warning)
    return warning is not None
