"""Where an SQLite database file lives: this PC's disk or a network drive, and the ``file:`` URI
SQLite reads it through.

SQLite's own guidance: a database on a network file system is unsafe for use by several
computers (their locks are unreliable) and WAL does not work there at all (it needs shared
memory between the processes). So a database on a network drive keeps the rollback journal,
and the clerk is told that an office that shares its data wants the PostgreSQL server.

Windows names a network location in two ways: a UNC path (``\\\\server\\share\\…``) or a drive
letter mapped to a share (``Z:``), which only GetDriveTypeW can tell from a local disk. On
Linux a share is a mount of a network file system (cifs, nfs …).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote, quote_from_bytes

from platformdirs import user_data_path

APP_NAME = "UnionOffice"

# GetDriveTypeW's answer for a drive letter mapped to a network share.
DRIVE_REMOTE = 4
NETWORK_FILE_SYSTEMS = frozenset(
    {"cifs", "smb3", "smbfs", "nfs", "nfs4", "afs", "ceph", "glusterfs", "fuse.sshfs", "9p"}
)
_LONG_PREFIX = "\\\\?\\"


def default_database_path() -> Path:
    """The clerk's own database in the user data directory (created on first use)."""
    return user_data_path(APP_NAME, appauthor=False) / "unionoffice.sqlite"


def windows_drive_type(root: str) -> int:
    """GetDriveTypeW for a drive root such as ``Z:\\`` (Windows only; tests replace it)."""
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return int(kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def mount_table() -> list[tuple[str, str]]:
    """(mount point, file system type) of every mount on Linux; empty where there is none."""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as table:
            lines = table.read().splitlines()
    except OSError:
        return []
    mounts = []
    for line in lines:
        fields = line.split()
        if len(fields) >= 3:
            # the kernel writes spaces and tabs in mount points as octal escapes
            point = fields[1].replace("\\040", " ").replace("\\011", "\t")
            mounts.append((point.replace("\\134", "\\"), fields[2]))
    return mounts


def is_network_path(path: str | PurePath, *, windows: bool | None = None) -> bool:
    """Whether ``path`` (absolute) is on a network share rather than on this PC's disks.

    ``windows`` reads the path by Windows' rules (default: when running on Windows).
    """
    windows = sys.platform == "win32" if windows is None else windows
    text = os.fspath(path)
    if windows:
        return _is_windows_network_path(text)
    return _posix_file_system(text) in NETWORK_FILE_SYSTEMS


def _is_windows_network_path(text: str) -> bool:
    text = text.replace("/", "\\")
    if text.startswith(_LONG_PREFIX):  # \\?\UNC\server\share or \\?\C:\…
        rest = text[len(_LONG_PREFIX) :]
        if rest[:4].upper() == "UNC\\":
            return True
        text = rest
    elif text.startswith("\\\\.\\"):
        return False  # a device namespace path, never a share
    drive = PureWindowsPath(text).drive
    if drive.startswith("\\\\"):
        return True
    if len(drive) == 2 and drive[1] == ":":
        return windows_drive_type(drive + "\\") == DRIVE_REMOTE
    return False


def _posix_file_system(text: str) -> str | None:
    """The type of the file system holding ``text`` (the longest mount point above it)."""
    resolved = str(Path(text).resolve())
    best, kind = "", None
    for point, file_system in mount_table():
        inside = resolved == point or resolved.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, file_system
    return kind


# Windows' os.access reads only the read-only attribute, never the folder's access rules or a
# share's permissions: there, whether a file can be made is found out by making one.
PROBE_FOLDERS = sys.platform == "win32"


def folder_takes_files(folder: Path) -> bool:
    """Whether a new file can be made in ``folder`` (asked of the system where os.access
    cannot tell; elsewhere assumed, since os.access has answered)."""
    if not PROBE_FOLDERS:
        return True
    try:
        with tempfile.TemporaryFile(dir=folder, prefix=".unionoffice-probe-"):
            return True
    except OSError:
        return False


def in_read_only_folder(path: Path) -> bool:
    """A database in a folder this user cannot write to (a CD, a read-only share) is only read:
    SQLite needs to create its journal files beside it for any write."""
    if not path.exists():
        return False
    folder = path.parent
    return not os.access(folder, os.W_OK | os.X_OK) or not folder_takes_files(folder)


def sqlite_uri(path: str | PurePath, *, windows: bool | None = None, **query: str) -> str:
    """The ``file:`` URI SQLite opens ``path`` (absolute) by, with ``query`` (e.g. mode="ro").

    Every character with a meaning in a URI (``%``, ``#``, ``?``, spaces) is escaped. On
    Windows a drive path becomes ``file:///C:/…`` and a UNC path ``file:////server/share/…``:
    SQLite refuses a host in the URI (Path.as_uri writes ``file://server/share``), but an
    empty host followed by the share is handed to Windows as ``//server/share/…``.
    """
    windows = sys.platform == "win32" if windows is None else windows
    if windows:
        text = os.fspath(path).replace("\\", "/")
        if text.startswith("//?/"):  # the long-path prefix means nothing in a URI
            text = text[4:]
            text = "//" + text[4:] if text[:4].upper() == "UNC/" else text
        if not text.startswith("/"):
            text = "/" + text  # C:/… → /C:/…
        encoded = quote(text, safe="/:")
    else:
        encoded = quote_from_bytes(os.fsencode(path), safe="/")
    suffix = "&".join(f"{key}={quote(value, safe='')}" for key, value in query.items())
    return f"file://{encoded}" + (f"?{suffix}" if suffix else "")


def network_warning(where: str) -> str:
    """What the clerk is told about a database on a network drive."""
    return (
        f"数据库“{where}”在网络驱动器（共享文件夹）上。几台电脑同时使用同一个数据库文件可能损坏数据，"
        "本程序在网络驱动器上不使用 WAL 日志，以减少风险。"
        "请不要在几台电脑上同时打开它；办公室共用数据请改用单位的 PostgreSQL 服务器"
        "（设置 → 数据库，或用 copy-to 命令把数据复制过去）"
    )


def network_refusal(where: str) -> str:
    """Why the window does not open a database file on a network drive, and what instead."""
    return (
        f"数据库文件“{where}”在网络驱动器（共享文件夹）上。SQLite 的文件锁在网络共享上并不可靠："
        "几台电脑同时打开同一个文件会损坏数据，而本程序会在后台自动保存、读取其他人的修改，"
        "所以窗口不直接打开网络驱动器上的数据库文件。\n\n"
        "可以把它复制到本机后打开（网络上的文件保持不动），"
        "或改用单位的数据库服务器（几台电脑共用数据的办法）。"
    )

