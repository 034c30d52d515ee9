"""Writes that survive Windows: antivirus holding the new file a moment, a file open in Word,
the ``~$`` owner file a crashed Word left behind, read-only files and folders — each with its
own message. Windows' behaviour is played by making os.replace or opening for writing fail
the way Windows makes them fail."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from unionoffice import output_files
from unionoffice.domain.errors import FileWriteError
from unionoffice.domain.notice import NoticeData
from unionoffice.storage import recovery, sqlite_files
from unionoffice.storage.database import Database

# What Windows raises: ERROR_SHARING_VIOLATION and ERROR_ACCESS_DENIED both arrive as EACCES.
SHARING_VIOLATION = "The process cannot access the file because it is being used by another process"


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    """The retries' pauses, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(output_files.time, "sleep", slept.append)
    return slept


def refuse_renames(monkeypatch, times: int) -> list[tuple[str, str]]:
    """os.replace fails ``times`` times, as while antivirus scans the new file, then works."""
    real_replace = os.replace
    calls: list[tuple[str, str]] = []

    def replace(source, target):  # type: ignore[no-untyped-def]
        calls.append((str(source), str(target)))
        if len(calls) <= times:
            raise PermissionError(errno.EACCES, SHARING_VIOLATION, str(source))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    return calls


def hold_open(monkeypatch, *held: Path) -> None:
    """Windows: a file another program has open cannot be opened for writing."""
    real_open = output_files._open_for_writing

    def open_for_writing(target: Path) -> int:
        if Path(target) in held:
            raise PermissionError(errno.EACCES, SHARING_VIOLATION, str(target))
        return real_open(target)

    monkeypatch.setattr(output_files, "_open_for_writing", open_for_writing)


def test_a_rename_refused_a_few_times_is_retried(tmp_path, monkeypatch, waits) -> None:
    target = tmp_path / "表.pdf"
    target.write_bytes(b"old")
    calls = refuse_renames(monkeypatch, times=3)
    output_files.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert len(calls) == 4 and waits == [0.05, 0.1, 0.2]
    assert [p.name for p in tmp_path.iterdir()] == ["表.pdf"]


def test_a_rename_refused_for_good_keeps_the_old_file_and_says_why(
    tmp_path, monkeypatch, waits
) -> None:
    target = tmp_path / "表.xlsx"
    target.write_bytes(b"old")
    refuse_renames(monkeypatch, times=100)
    with pytest.raises(FileWriteError) as raised:
        output_files.write_atomically(target, b"new")
    assert "正被其他程序（如 Excel 或 WPS）打开" in str(raised.value)
    assert "杀毒软件" in str(raised.value)
    assert len(waits) == output_files.RENAME_ATTEMPTS - 1
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["表.xlsx"]


def test_a_new_file_held_by_antivirus_for_good_is_said_so(tmp_path, monkeypatch, waits) -> None:
    refuse_renames(monkeypatch, times=100)
    with pytest.raises(FileWriteError, match="新文件被杀毒软件、OneDrive 同步或搜索索引占用"):
        output_files.write_atomically(tmp_path / "新表.pdf", b"new")
    assert list(tmp_path.iterdir()) == []


def test_a_target_held_open_in_word_is_refused_before_any_work(tmp_path, monkeypatch) -> None:
    target = tmp_path / "关于开展活动的通知.docx"
    target.write_bytes(b"the clerk's copy")
    owner = tmp_path / "~$开展活动的通知.docx"  # Word drops the first two characters
    owner.write_bytes(b"owner")
    hold_open(monkeypatch, target)
    written: list[bool] = []
    with pytest.raises(FileWriteError, match="正在 Word 或 WPS 中打开，请先关闭它"):
        output_files.write_atomically(target, lambda _stream: written.append(True))
    assert written == []
    assert target.read_bytes() == b"the clerk's copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, owner.name])


def test_a_target_held_open_without_an_owner_file_is_named_too(tmp_path, monkeypatch) -> None:
    target = tmp_path / "安排表.pdf"
    target.write_bytes(b"old")
    hold_open(monkeypatch, target)
    with pytest.raises(FileWriteError, match="正被其他程序（如 PDF 阅读器）打开"):
        output_files.write_atomically(target, b"new")
    assert target.read_bytes() == b"old"


def test_a_stale_owner_file_does_not_block_the_write(tmp_path) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"old")
    stale = tmp_path / "~$通知.docx"  # left by a Word that crashed last week
    stale.write_bytes(b"owner")
    output_files.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stale.read_bytes() == b"owner"


def test_a_read_only_target_is_said_to_be_read_only(tmp_path, monkeypatch) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IREAD)
    hold_open(monkeypatch, target)  # as root on Linux the bits alone would not refuse it
    try:
        with pytest.raises(FileWriteError, match="文件是只读的"):
            output_files.write_atomically(target, b"new")
    finally:
        target.chmod(stat.S_IREAD | stat.S_IWRITE)
    assert target.read_bytes() == b"old"


def test_a_folder_without_write_permission_is_named(tmp_path, monkeypatch) -> None:
    def refuse(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Access is denied", str(tmp_path))

    monkeypatch.setattr(output_files.tempfile, "mkstemp", refuse)
    with pytest.raises(FileWriteError) as raised:
        output_files.write_atomically(tmp_path / "表.pdf", b"new")
    assert f"文件夹“{tmp_path}”没有写入权限" in str(raised.value)


def test_recovery_files_retry_the_rename(tmp_path, monkeypatch, waits) -> None:
    store = recovery.RecoveryStore(tmp_path / "recovery")
    calls = refuse_renames(monkeypatch, times=2)
    path = store.write(NoticeData(id=7, title="关于开展“五一”活动的通知"))
    assert len(calls) == 3 and len(waits) == 2
    assert [r.notice.title for r in store.pending()] == ["关于开展“五一”活动的通知"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["notice-7.json"]


def test_backups_retry_the_rename(tmp_path, monkeypatch, waits) -> None:
    db = Database(tmp_path / "office.sqlite")
    try:
        calls = refuse_renames(monkeypatch, times=2)
        copy = sqlite_files.copy_database_file(db.path, tmp_path / "备份.sqlite")
    finally:
        db.dispose()
    assert len(calls) == 3 and len(waits) == 2
    assert sqlite_files.integrity_problem(copy) is None
    assert not (tmp_path / "备份.sqlite.part").exists()
