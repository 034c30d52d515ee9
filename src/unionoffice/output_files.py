"""Writing a finished file (a Word notice, a timetable, a backup) where the clerk asked.

A file is written to a temporary name in the target folder and renamed over the target, so a
crash or a full disk never leaves half a file where a good one was. Only a regular file or a
new name is ever replaced: a device, a pipe or a folder given as the target is refused (a
rename would put a plain file in place of ``/dev/null``). A rename that antivirus, OneDrive or
a search indexer blocks for a moment (Windows reports PermissionError) is tried again briefly.

A target is taken to be open in another program only when opening it for writing fails (as it
does on Windows while Word or Excel has it open): the ``~$`` owner file Word leaves beside a
document is no proof, since a crashed Word leaves it behind for ever.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from unionoffice.domain.errors import FileWriteError, UnionOfficeError

# Windows and most Linux file systems allow 255 characters (UTF-16 units) or bytes a name.
NAME_LIMIT = 255
RENAME_ATTEMPTS = 6
RENAME_FIRST_WAIT_S = 0.05


def expand_home(path: str | Path) -> Path:
    """``~/文档/x`` in the clerk's home folder; a ``~name`` that names no user stays as typed."""
    try:
        return Path(path).expanduser()
    except RuntimeError:  # Python cannot tell whose home "~0" is
        return Path(path)


def checked_target(path: str | Path, *, error: type[UnionOfficeError] = FileWriteError) -> Path:
    """``path`` as a file that may be written, or ``error`` saying in Chinese why not."""
    text = str(path)
    if not text.strip():
        raise error("没有给出要写入的文件名")
    target = expand_home(text)
    name = target.name
    if not name or name in (".", ".."):
        raise error(f"无法写入“{target}”：请给出文件名")
    too_long = len(name) > NAME_LIMIT or len(os.fsencode(name)) > NAME_LIMIT
    if too_long:
        raise error(
            f"文件名太长（{len(name)} 个字符），系统最多允许约 {NAME_LIMIT} 个字节，"
            f"请改短：{name[:30]}…"
        )
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    except NotADirectoryError:
        blocking = next(p for p in target.parents if p.exists() and not p.is_dir())
        raise error(f"无法写入“{target}”：“{blocking}”是文件，不是文件夹") from None
    except OSError as exc:
        raise error(f"无法写入“{target}”：{reason(exc)}") from None
    if status is not None:
        if stat.S_ISDIR(status.st_mode):
            raise error(f"无法写入“{target}”：这是一个文件夹，请给出文件名")
        if not stat.S_ISREG(status.st_mode):
            raise error(f"无法写入“{target}”：它不是普通文件（设备、管道等），不能用作输出文件")
    folder = target.parent
    if not folder.exists():
        raise error(f"无法写入“{target}”：文件夹“{folder}”不存在")
    if not folder.is_dir():
        raise error(f"无法写入“{target}”：“{folder}”是文件，不是文件夹")
    return target


def write_atomically(
    path: str | Path,
    content: bytes | Callable[[BinaryIO], None],
    *,
    error: type[UnionOfficeError] = FileWriteError,
    mode: int = 0o644,
) -> Path:
    """Write ``content`` (bytes, or a function writing to a binary stream) to ``path``.

    Raises ``error`` with a Chinese message when the target cannot be written; the old file,
    if any, is then as it was and no temporary file is left behind.
    """
    target = checked_target(path, error=error)
    problem = held_open_problem(target)
    if problem is not None:
        raise error(f"无法写入“{target}”：{problem}")
    temp_name: str | None = None
    try:
        try:
            handle, temp_name = tempfile.mkstemp(
                prefix=f".~{target.name[:40]}.", suffix=".tmp", dir=target.parent
            )
        except PermissionError:
            raise error(
                f"无法写入“{target}”：文件夹“{target.parent}”没有写入权限，请另选一个文件夹"
            ) from None
        with os.fdopen(handle, "wb") as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                content(stream)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp_name, mode)  # mkstemp makes 0600; a printed table is no secret
        try:
            replace_retrying(temp_name, target)
        except PermissionError:
            raise error(f"无法写入“{target}”：{_rename_refused(target)}") from None
        temp_name = None
    except OSError as exc:
        raise error(f"无法写入“{target}”：{reason(exc)}") from None
    finally:
        if temp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
    return target


def replace_retrying(source: str | Path, target: str | Path) -> None:
    """os.replace, tried again for about a second while another program holds the target."""
    wait = RENAME_FIRST_WAIT_S
    for attempt in range(RENAME_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == RENAME_ATTEMPTS - 1:
                raise
            time.sleep(wait)
            wait *= 2


# Who leaves an owner file beside a document it has open: Word and WPS (``~$`` in place of
# the first two characters of a long name, or before a short one), Excel (``~$`` before the
# name) and LibreOffice (``.~lock.NAME#``).
def owner_files(target: Path) -> list[Path]:
    """The owner files an office program would leave beside ``target`` while it is open."""
    names = ("~$" + target.name[2:], "~$" + target.name, f".~lock.{target.name}#")
    return [target.parent / name for name in dict.fromkeys(names)]


_PROGRAMS = {
    ".docx": "Word 或 WPS",
    ".xlsx": "Excel 或 WPS",
    ".pdf": "PDF 阅读器",
}


def _open_for_writing(target: Path) -> int:
    """Open ``target`` for writing without changing it (a separate function, so that tests can
    play Windows, where a file open in Word cannot be opened for writing)."""
    return os.open(target, os.O_WRONLY | getattr(os, "O_BINARY", 0))


def held_open_problem(target: Path) -> str | None:
    """Why the existing file ``target`` cannot be replaced now, or None when it can.

    Asked before any work is done, so the clerk is told at once; a stale owner file alone
    never blocks (opening the file for writing is the test).
    """
    try:
        status = target.stat()
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode):
        return None
    try:
        os.close(_open_for_writing(target))
    except PermissionError:
        return _rename_refused(target)
    except OSError:
        return None  # the write itself says what is wrong
    return None


def _rename_refused(target: Path) -> str:
    """What keeps a PermissionError on ``target``: read-only, open elsewhere, or briefly held."""
    try:
        status = target.stat()
    except OSError:
        return (
            "没有写入权限，或新文件被杀毒软件、OneDrive 同步或搜索索引占用；请稍后再试，"
            "或另选一个文件夹"
        )
    if not status.st_mode & stat.S_IWUSR:
        return "文件是只读的；请在文件属性中取消“只读”，或另存为新文件名"
    program = _PROGRAMS.get(target.suffix.lower(), "其他程序")
    owner = next((path for path in owner_files(target) if path.exists()), None)
    if owner is not None:
        return f"文件“{target.name}”正在 {program} 中打开，请先关闭它再保存"
    return (
        f"文件正被其他程序（如 {program}）打开，或被杀毒软件、OneDrive 同步暂时占用；"
        "请关闭它后再试，或另存为新文件名"
    )


def reason(exc: OSError) -> str:
    """Why a file could not be written, in words a clerk can act on."""
    if isinstance(exc, PermissionError):
        return "没有写入权限，或文件正被其他程序（如 Word、WPS、Excel）打开"
    if exc.errno == errno.ENOSPC:
        return "磁盘空间不足"
    if exc.errno == errno.EROFS:
        return "该位置只读"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径太长"
    if exc.errno == errno.ENOENT:
        return "文件夹不存在"
    if exc.errno == errno.ENOTDIR:
        return "路径中有一段是文件而不是文件夹"
    if exc.errno == errno.EISDIR:
        return "这是一个文件夹"
    return exc.strerror or str(exc)
