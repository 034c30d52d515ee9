"""Databases on network drives (UNC paths, mapped drive letters, network mounts) and the
``file:`` URIs SQLite is given for paths with %, #, spaces and Chinese. Windows' answers are
played by replacing GetDriveTypeW; the paths are read by Windows' rules on Linux."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from tests.faults.kit import run_cli

from unionoffice.storage import database as database_module
from unionoffice.storage import locations
from unionoffice.storage.database import Database, database_url

DRIVE_FIXED = 3


@pytest.fixture
def drive_types(monkeypatch) -> list[str]:
    """GetDriveTypeW as on an office PC: C: a local disk, Z: mapped to \\\\server\\share."""
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return locations.DRIVE_REMOTE if root.upper() == "Z:\\" else DRIVE_FIXED

    monkeypatch.setattr(locations, "windows_drive_type", drive_type)
    return asked


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\工会\office.sqlite",
        "//server/share/office.sqlite",
        r"\\?\UNC\server\share\office.sqlite",
        r"\\192.168.1.5\公文\office.sqlite",
    ],
)
def test_unc_paths_are_network_paths(path: str, drive_types: list[str]) -> None:
    assert locations.is_network_path(path, windows=True)
    assert drive_types == []  # a UNC path needs no question to Windows


def test_a_mapped_drive_is_a_network_path(drive_types: list[str]) -> None:
    assert locations.is_network_path(r"Z:\办公室\office.sqlite", windows=True)
    assert locations.is_network_path("z:/office.sqlite", windows=True)
    assert not locations.is_network_path(r"C:\Users\clerk\office.sqlite", windows=True)
    assert locations.is_network_path(r"\\?\Z:\office.sqlite", windows=True)
    assert not locations.is_network_path(r"\\.\pipe\office", windows=True)
    assert drive_types == ["Z:\\", "z:\\", "C:\\", "Z:\\"]


def test_network_mounts_on_linux(monkeypatch) -> None:
    table = [("/", "ext4"), ("/mnt/share", "cifs"), ("/mnt/share/local", "ext4"), ("/nfs", "nfs4")]
    monkeypatch.setattr(locations, "mount_table", lambda: table)
    assert locations.is_network_path("/mnt/share/办公室/office.sqlite", windows=False)
    assert locations.is_network_path("/nfs/office.sqlite", windows=False)
    assert not locations.is_network_path("/mnt/shared/office.sqlite", windows=False)
    assert not locations.is_network_path("/mnt/share/local/office.sqlite", windows=False)


def test_this_machines_mount_table_is_read() -> None:
    assert "/" in [point for point, _kind in locations.mount_table()]


def test_a_database_on_a_network_drive_keeps_the_rollback_journal_and_warns(
    tmp_path, monkeypatch
) -> None:
    path = tmp_path / "office.sqlite"
    local = Database(path)  # made on this PC's disk, in WAL mode, then moved to the share
    local.dispose()
    monkeypatch.setattr(locations, "is_network_path", lambda _path, **_kw: True)
    db = Database(path)
    try:
        with db.session() as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "delete"
        warning = db.location_warning()
    finally:
        db.dispose()
    assert warning is not None
    assert str(path) in warning and "网络驱动器" in warning and "PostgreSQL" in warning
    assert not Path(f"{path}-wal").exists()
    outcome = run_cli(["--db", path, "list"])
    assert outcome.code == 0
    assert outcome.err.startswith("注意：数据库") and "PostgreSQL 服务器" in outcome.err


def test_a_local_database_has_no_location_warning(tmp_path) -> None:
    db = Database(tmp_path / "office.sqlite")
    try:
        assert not db.on_network_drive and db.location_warning() is None
    finally:
        db.dispose()
    assert "注意" not in run_cli(["--db", tmp_path / "office.sqlite", "list"]).err


def test_windows_uris_for_drives_and_shares() -> None:
    uri = locations.sqlite_uri(r"C:\工会 文件\50%#1?.sqlite", windows=True, mode="ro")
    assert uri == "file:///C:/%E5%B7%A5%E4%BC%9A%20%E6%96%87%E4%BB%B6/50%25%231%3F.sqlite?mode=ro"
    assert locations.sqlite_uri(r"\\server\share\a b.sqlite", windows=True) == (
        "file:////server/share/a%20b.sqlite"
    )
    assert locations.sqlite_uri(r"\\?\UNC\server\share\a.sqlite", windows=True) == (
        "file:////server/share/a.sqlite"
    )
    assert locations.sqlite_uri(r"\\?\D:\a.sqlite", windows=True, mode="ro", immutable="1") == (
        "file:///D:/a.sqlite?mode=ro&immutable=1"
    )


AWKWARD = ["50% 完成", "#1 办公室", "a?b", "%20 already", "space at end "]


@pytest.mark.parametrize("folder", AWKWARD)
def test_uris_open_the_very_file_named(tmp_path, folder: str) -> None:
    path = tmp_path / folder / "工会 #2%.sqlite"
    path.parent.mkdir()
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES ('这个文件')")
    connection.close()
    uri = locations.sqlite_uri(path, mode="ro")
    reading = sqlite3.connect(uri, uri=True)
    try:
        assert reading.execute("SELECT x FROM t").fetchone() == ("这个文件",)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reading.execute("INSERT INTO t VALUES (1)")
    finally:
        reading.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["工会 #2%.sqlite"]


@pytest.mark.parametrize("folder", AWKWARD)
def test_urls_from_paths_keep_percent_hash_and_spaces(tmp_path, folder: str) -> None:
    path = tmp_path / folder / "office #1 50%.sqlite"
    url = database_url(str(path))
    assert url.database == str(path.resolve())
    rendered = url.render_as_string(hide_password=False)
    assert make_url(rendered).database == str(path.resolve())
    outcome = run_cli(["--db", path, "demo"])
    assert outcome.code == 0, outcome.err
    assert path.exists() and not (tmp_path / folder / "office ").exists()
    listed = run_cli(["--db", path, "list"])
    assert listed.code == 0 and len(listed.out.strip().splitlines()) == 9  # the demo's notices


def test_no_sqlite_url_is_built_from_a_path_by_formatting() -> None:
    """URL.create and locations.sqlite_uri only: an f-string breaks on %, # and spaces."""
    source_root = Path(database_module.__file__).resolve().parents[1]
    offenders = [
        f"{path.relative_to(source_root)}:{number}"
        for path in source_root.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ("sqlite:///" in line or "as_uri()" in line)
        and not line.lstrip().startswith("#")
        and "UserInstallation" not in line  # LibreOffice's profile: a file URL, not SQLite
    ]
    assert offenders == []


def test_a_share_windows_will_not_let_write_is_opened_read_only(tmp_path, monkeypatch) -> None:
    """Windows: os.access says yes to a read-only share; making a file there says no."""
    path = tmp_path / "只读共享" / "office.sqlite"
    path.parent.mkdir()
    Database(path).dispose()
    monkeypatch.setattr(locations, "PROBE_FOLDERS", True)

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Access is denied", str(path.parent))

    monkeypatch.setattr(locations.tempfile, "TemporaryFile", refuse)
    db = Database(path)
    try:
        assert db.read_only
    finally:
        db.dispose()
    monkeypatch.undo()
    monkeypatch.setattr(locations, "PROBE_FOLDERS", True)
    contents = sorted(p.name for p in path.parent.iterdir())
    assert locations.folder_takes_files(path.parent)  # a real probe leaves nothing behind
    assert sorted(p.name for p in path.parent.iterdir()) == contents
