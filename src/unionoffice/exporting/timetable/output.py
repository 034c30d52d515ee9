"""Write a finished file atomically: to a temporary name in the target folder, then renamed,
so a crash or a full disk never leaves half a timetable where the old one was."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from unionoffice.exporting.timetable.errors import TimetableError


def write_atomically(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder.

    Raises TimetableError with a Chinese message when the folder is missing or not writable.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise TimetableError(f"无法写入 {target}：这是一个文件夹，请给出文件名")
    folder = target.parent
    if not folder.is_dir():
        raise TimetableError(f"无法写入 {target}：文件夹 {folder} 不存在")
    temp_name = None
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o644)  # mkstemp makes 0600; a printed table is no secret
        os.replace(temp_name, target)
    except OSError as exc:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
        raise TimetableError(f"无法写入 {target}：{_reason(exc)}") from None
    return target


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有写入权限，或文件正被其他程序（如 WPS、Excel）打开"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == errno.EROFS:
        return "该位置只读"
    return exc.strerror or str(exc)
