"""Who has an SQLite database open: a shared lock on ``<file>.lock`` for as long as a process
uses the database, and an exclusive one for restore, upgrade and copy-to.

Replacing the file under a process that still has it open loses data: that process goes on
writing into the old file (on Linux) and hands out 文号 that the restored file gives again.
So every process that opens the database holds a shared lock on a small file beside it, and
an operation that replaces or rewrites the whole database takes the lock exclusively, which
succeeds only when no other process has the database open. In this process the Database
objects on one file share one lock; before exclusive use their pooled connections are closed,
so that afterwards they open the new file.

The lock file is never deleted: unlinking it while another process waits on it would give the
two of them different files. It is empty and harmless. A folder that cannot hold it (a
read-only share, a CD) cannot hold writes either, and the database is then only read.
"""

from __future__ import annotations

import os
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Protocol

import portalocker

from unionoffice.domain.errors import DatabaseError, DatabaseInUseError

# How long an opening process waits while another one restores or upgrades the database.
WAIT_FOR_EXCLUSIVE_S = 60.0
_POLL_S = 0.05

LOCK_SUFFIX = ".lock"


def lock_path_for(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + LOCK_SUFFIX)


class DatabaseUser(Protocol):
    """A Database object: before exclusive use it closes its pooled connections."""

    def release_connections(self) -> None: ...


@dataclass(eq=False)
class _Holder:
    """This process's lock on one database file, shared by its Database objects."""

    lock_path: Path
    handle: IO[bytes] | None
    exclusive: bool = False
    # Weakly: a Database that is dropped without dispose() stops counting.
    members: weakref.WeakSet[DatabaseUser] = field(default_factory=weakref.WeakSet)

    @property
    def users(self) -> int:
        return len(self.members)


_guard = threading.Condition()
_holders: dict[Path, _Holder] = {}


def _key(database_path: Path) -> Path:
    return Path(os.path.normcase(os.path.abspath(database_path)))


def _open_lock_file(lock_path: Path) -> IO[bytes] | None:
    try:
        return lock_path.open("ab")
    except OSError:
        return None  # a read-only folder: nothing can be written there, so nothing to guard


def _lock(handle: IO[bytes], flags: portalocker.LockFlags) -> bool:
    try:
        portalocker.lock(handle, flags | portalocker.LockFlags.NON_BLOCKING)
    except portalocker.LockException:
        return False
    return True


def _lock_shared_waiting(handle: IO[bytes], where: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _lock(handle, portalocker.LockFlags.SHARED):
        if time.monotonic() >= deadline:
            raise DatabaseInUseError(
                f"数据库“{where}”正在由另一个程序恢复、升级或复制，已等待 {timeout:.0f} 秒；"
                "请等它完成后再试"
            )
        time.sleep(_POLL_S)


def join(database_path: Path, user: DatabaseUser) -> None:
    """Count ``user`` among this process's users of the database, taking the shared lock.

    Waits while another process uses the database exclusively (a restore in progress).
    """
    key = _key(database_path)
    with _guard:
        holder = _holders.get(key)
        while holder is not None and holder.exclusive:
            _guard.wait()
            holder = _holders.get(key)
        if holder is None:
            lock_path = lock_path_for(key)
            handle = _open_lock_file(lock_path)
            if handle is not None:
                try:
                    _lock_shared_waiting(handle, database_path, WAIT_FOR_EXCLUSIVE_S)
                except DatabaseInUseError:
                    handle.close()
                    raise
            holder = _Holder(lock_path, handle)
            _holders[key] = holder
        holder.members.add(user)


def leave(database_path: Path, user: DatabaseUser) -> None:
    """``user`` no longer uses the database; the last one lets go of the lock."""
    key = _key(database_path)
    with _guard:
        holder = _holders.get(key)
        if holder is None:
            return
        holder.members.discard(user)
        _forget_if_unused(key, holder)
        _guard.notify_all()


def _close(holder: _Holder) -> None:
    if holder.handle is not None:
        try:
            portalocker.unlock(holder.handle)
        finally:
            holder.handle.close()


@contextmanager
def exclusive_use(database_path: Path, purpose: str) -> Iterator[None]:
    """Use the database alone, for ``purpose`` (恢复, 升级, 复制 …), or refuse.

    Refuses with DatabaseInUseError while any other process has the database open. This
    process's own Database objects on the file close their pooled connections first and
    reopen the file afterwards.
    """
    key = _key(database_path)
    with _guard:
        holder = _holders.get(key)
        if holder is not None and holder.exclusive:
            raise DatabaseInUseError(f"数据库“{database_path}”正在{purpose}，请稍后再试")
        if holder is None:
            holder = _Holder(lock_path_for(key), _open_lock_file(lock_path_for(key)))
            _holders[key] = holder
        handle = holder.handle
        if handle is None:
            _forget_if_unused(key, holder)
            raise DatabaseError(f"数据库“{database_path}”所在的文件夹不能写入，无法{purpose}")
        if holder.users:
            portalocker.unlock(handle)  # shared → exclusive is not atomic anywhere
        if not _lock(handle, portalocker.LockFlags.EXCLUSIVE):
            if holder.users:
                _lock_shared_waiting(handle, database_path, WAIT_FOR_EXCLUSIVE_S)
            _forget_if_unused(key, holder)
            raise DatabaseInUseError(
                f"数据库“{database_path}”正被另一个程序使用（如打开着的工会公文助手窗口、"
                f"正在进行的导入或命令），为免丢失数据，未{purpose}。"
                "请先关闭其他窗口、等命令结束后再试"
            )
        holder.exclusive = True
        for member in list(holder.members):
            member.release_connections()
    try:
        yield
    finally:
        with _guard:
            holder.exclusive = False
            portalocker.unlock(handle)
            if holder.users:
                _lock_shared_waiting(handle, database_path, WAIT_FOR_EXCLUSIVE_S)
            else:
                _forget_if_unused(key, holder)
            _guard.notify_all()


def _forget_if_unused(key: Path, holder: _Holder) -> None:
    if holder.users <= 0 and not holder.exclusive:
        _close(holder)
        _holders.pop(key, None)


def in_exclusive_use(database_path: Path) -> bool:
    """Whether this process is using the database alone right now."""
    with _guard:
        holder = _holders.get(_key(database_path))
        return holder is not None and holder.exclusive
