"""Old Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice when it is installed.

LibreOffice runs headless on a copy in a temporary folder, with a profile of its own (so a
LibreOffice the clerk has open does not get in the way) and a time limit; a conversion that
hangs is killed with every process it started. Without LibreOffice the clerk is told how to
convert the file by hand.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from unionoffice.importing.document import ImportFileError

CONVERTED_SUFFIXES = {
    ".doc": "旧版 Word（.doc）",
    ".wps": "WPS（.wps）",
    ".dot": "Word 模板（.dot）",
}
CONVERSION_TIMEOUT = 120.0  # seconds; the first start of LibreOffice takes some of them
SOFFICE_VARIABLE = "UNIONOFFICE_SOFFICE"  # the soffice program to use, instead of searching
_KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
)
_profile: tempfile.TemporaryDirectory[str] | None = None


def find_soffice() -> str | None:
    """LibreOffice's soffice program, or None when it is not installed."""
    chosen = os.environ.get(SOFFICE_VARIABLE)
    if chosen is not None:
        return chosen if Path(chosen).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _KNOWN_PLACES if Path(place).is_file()), None)


def kind_of(path: Path) -> str:
    """ "旧版 Word（.doc）" for the messages."""
    return CONVERTED_SUFFIXES.get(path.suffix.lower(), "旧版 Word（.doc）或 WPS")


@contextmanager
def converted_to_docx(path: Path, timeout: float | None = None) -> Iterator[Path]:
    """A .docx LibreOffice made from ``path``, in a temporary folder removed afterwards.

    Raises ImportFileError (in Chinese, saying what to do) when LibreOffice is missing, fails
    or does not finish within ``timeout`` seconds.
    """
    kind = kind_of(path)
    soffice = find_soffice()
    if soffice is None:
        raise ImportFileError(
            f"无法导入{kind}文件：需要用 LibreOffice 转换为 .docx，但本机没有安装 LibreOffice。"
            "请安装 LibreOffice（https://zh-cn.libreoffice.org）后重试，"
            "或在 Word/WPS 中打开该文件，“另存为” .docx 格式后再导入"
        )
    limit = CONVERSION_TIMEOUT if timeout is None else timeout
    with tempfile.TemporaryDirectory(prefix="unionoffice-convert-") as folder:
        source = Path(folder) / f"source{path.suffix.lower() or '.doc'}"
        try:
            shutil.copyfile(path, source)
        except OSError as exc:
            raise ImportFileError(f"无法读取文件：{exc.strerror or exc}") from None
        _run(soffice, source, Path(folder), limit, kind)
        converted = Path(folder) / "source.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise ImportFileError(
                f"LibreOffice 无法转换该{kind}文件（文件可能已损坏，或不是 Word/WPS 文档）："
                "请在 Word/WPS 中打开并另存为 .docx 后再导入"
            )
        yield converted


def _run(soffice: str, source: Path, folder: Path, limit: float, kind: str) -> None:
    command = [
        soffice,
        f"-env:UserInstallation={_profile_folder().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        # Word's own filter, never LibreOffice's guess: a damaged file would otherwise be
        # read as plain text and its bytes become a notice. WPS writes the same format.
        "--infilter=MS Word 97",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(folder),
        str(source),
    ]
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            **_own_process_group(),
        )
    except OSError as exc:
        raise ImportFileError(
            f"无法启动 LibreOffice 转换{kind}文件（{exc.strerror or exc}）：请检查 LibreOffice "
            "的安装，或在 Word/WPS 中将文件另存为 .docx 后再导入"
        ) from None
    try:
        process.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ImportFileError(
            f"转换{kind}文件超时：LibreOffice 在 {limit:g} 秒内没有完成，文件可能已损坏或过大。"
            "请在 Word/WPS 中打开并另存为 .docx 后再导入"
        ) from None


def _own_process_group() -> dict[str, Any]:
    """A new process group, so that a hung conversion is killed with all it started."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _kill(process: subprocess.Popen[bytes]) -> None:
    if sys.platform == "win32":
        process.kill()
    else:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _profile_folder() -> Path:
    """One LibreOffice profile for this program run: made on the first conversion (the slow
    start), reused after, removed at exit."""
    global _profile
    if _profile is None:
        _profile = tempfile.TemporaryDirectory(prefix="unionoffice-libreoffice-")
        atexit.register(_profile.cleanup)
    return Path(_profile.name)


def discard_profile() -> None:
    """Remove the profile now (a worker process, which ends without atexit handlers)."""
    global _profile
    if _profile is not None:
        _profile.cleanup()
        _profile = None
