"""Replacing or rewriting a database another process has open loses data; with real processes:
restore, copy-to and migrate are refused while the database is in use, whatever the other
process is doing, and nothing it wrote is lost or given twice. Readers never wait for writers,
and a database in a folder that cannot be written is still read."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tests.faults.kit import Desk, content_digest, run_cli, run_unprivileged

from unionoffice.storage import in_use
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService, NumberingService

# A clerk's window, as far as the database sees it: open, taking 文号 now and then, until told
# to stop (a file appears). Each number is printed only after its transaction committed.
CLERK = r"""
import sys, time
from pathlib import Path
from unionoffice.storage.database import Database
from unionoffice.storage.services import NumberingService

db = Database(sys.argv[1], upgrade=sys.argv[3] == "upgrade")
stop = Path(sys.argv[2])
print("ready", flush=True)
numbering = NumberingService(db) if sys.argv[3] == "upgrade" else None
while not stop.exists():
    if numbering is not None:
        print(numbering.allocate("青总办", 2021).doc_number.number, flush=True)
    time.sleep(0.02)
db.dispose()
print("done", flush=True)
"""

WAIT_S = 60


class Clerk:
    """Another process with the database open (the window, an import, a command)."""

    def __init__(self, db: Path, folder: Path, *, upgrade: bool = True) -> None:
        self.stop_file = folder / f"stop-{time.monotonic_ns()}"
        self.process = subprocess.Popen(
            [sys.executable, "-c", CLERK, str(db), str(self.stop_file),
             "upgrade" if upgrade else "as-is"],
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def finish(self) -> list[int]:
        """Stop; the numbers it was given."""
        self.stop_file.touch()
        out, _ = self.process.communicate(timeout=WAIT_S)
        assert self.process.returncode == 0
        lines = out.split()
        assert lines[-1] == "done"
        return [int(line) for line in lines[:-1]]


def _register_numbers(db: Path) -> list[int]:
    database = Database(db)
    try:
        return [row.number for row in NumberingService(database).register("青总办", 2021).rows]
    finally:
        database.dispose()


def test_restore_is_refused_while_a_window_takes_numbers(desk: Desk) -> None:
    backup = desk.database_copy("昨天.sqlite")
    clerk = Clerk(desk.db, desk.dir)
    refusals = 0
    for _ in range(5):
        outcome = run_cli(["--db", desk.db, "restore", backup])
        assert outcome.code == 1 and "正被另一个程序使用" in outcome.err, outcome.err
        refusals += 1
        time.sleep(0.05)
    given = clerk.finish()
    assert refusals == 5 and len(given) > 0
    # Every number the window was given is in the register, once; none was lost or reissued.
    numbers = _register_numbers(desk.db)
    assert sorted(set(numbers)) == sorted(numbers)
    assert set(given) <= set(numbers)
    # Once the window has closed, the restore goes through.
    outcome = run_cli(["--db", desk.db, "restore", backup])
    assert outcome.code == 0, outcome.err
    assert content_digest(desk.db) == content_digest(backup)


def test_restore_is_refused_during_an_import_and_every_reported_notice_exists(desk: Desk) -> None:
    text = Path(__file__).resolve().parents[1] / "data" / "samples" / "qinghai-2021-15.txt"
    folder = desk.folder("收文")
    for n in range(40):
        # Different content each, so none is skipped as a duplicate.
        body = text.read_text(encoding="utf-8").replace(
            "青总办〔2021〕15号", f"青总办〔2021〕{n + 20}号"
        )
        (folder / f"{n:02d}.txt").write_text(body + f"\n附注：第{n}份\n", encoding="utf-8")
    backup = desk.database_copy("昨天.sqlite")
    importer = subprocess.Popen(
        [sys.executable, "-m", "unionoffice", "--db", str(desk.db), "import", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + WAIT_S
    while _notice_count(desk.db) < 12 and time.monotonic() < deadline:  # the demo has 8
        time.sleep(0.05)
    outcome = run_cli(["--db", desk.db, "restore", backup])
    out, err = importer.communicate(timeout=WAIT_S * 4)
    assert outcome.code == 1 and "正被另一个程序使用" in outcome.err
    assert importer.returncode == 0, err
    assert "共导入 40 篇" in err
    reported = [int(line.split("\t")[0]) for line in out.splitlines()]
    database = Database(desk.db)
    try:
        stored = {summary.id for summary in NoticeService(database).list()}
    finally:
        database.dispose()
    assert len(reported) == 40 and set(reported) <= stored


def _notice_count(db: Path) -> int:
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        return connection.execute("SELECT count(*) FROM notices").fetchone()[0]
    finally:
        connection.close()


def test_copy_to_is_refused_while_the_database_is_in_use(desk: Desk) -> None:
    clerk = Clerk(desk.db, desk.dir)
    target = desk.path("服务器替身.sqlite")
    outcome = run_cli(["--db", desk.db, "copy-to", str(target)])
    clerk.finish()
    assert outcome.code == 1 and "正被另一个程序使用" in outcome.err
    assert not target.exists() or _notice_count(target) == 0  # nothing half copied
    assert run_cli(["--db", desk.db, "copy-to", str(target)]).code == 0
    assert _notice_count(target) == _notice_count(desk.db)


def test_an_upgrade_waits_for_the_old_program_to_close(desk: Desk, test_data: Path) -> None:
    """An old database held open by an older program (it does not upgrade) is not migrated
    under it; the newer program says why and upgrades once it is alone."""
    old = desk.path("旧库.sqlite")
    shutil.copy(test_data / "schema_0001.sqlite", old)
    before = content_digest(old)
    clerk = Clerk(old, desk.dir, upgrade=False)
    migrate = run_cli(["--db", old, "migrate"])
    opening = run_cli(["--db", old, "list"])
    clerk.finish()
    for outcome in (migrate, opening):
        assert outcome.code == 1 and "正被另一个程序使用" in outcome.err, outcome.err
    assert content_digest(old) == before
    assert run_cli(["--db", old, "migrate"]).code == 0


def test_readers_do_not_wait_for_a_writer(desk: Desk) -> None:
    """While another process holds the write lock (an import storing a notice), the list,
    a notice and the register are read at once rather than after the busy timeout."""
    writer = sqlite3.connect(desk.db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE notices SET title = title || '（改）' WHERE id = 1")
    try:
        for args in (["list"], ["show", "1"], ["number", "register", "--series", "青总办"]):
            result = subprocess.run(
                [sys.executable, "-m", "unionoffice", "--db", str(desk.db), *args],
                capture_output=True,
                text=True,
                timeout=20,  # the busy timeout is 30 s: a reader that waited would time out
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert "（改）" not in result.stdout  # not yet committed
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_opening_process_waits_for_a_restore_to_finish(desk: Desk) -> None:
    """A command started while a restore runs opens the restored file, not the old one."""
    with in_use.exclusive_use(desk.db, "恢复数据库"):
        lister = subprocess.Popen(
            [sys.executable, "-m", "unionoffice", "--db", str(desk.db), "list"],
            stdout=subprocess.PIPE,
            text=True,
        )
        time.sleep(1.0)
        assert lister.poll() is None  # waiting, not refused and not reading
        connection = sqlite3.connect(desk.db)
        connection.execute("UPDATE notices SET title = '恢复后的标题' WHERE id = 1")
        connection.commit()
        connection.close()
    out, _ = lister.communicate(timeout=WAIT_S)
    assert lister.returncode == 0 and "恢复后的标题" in out


def test_a_database_in_a_read_only_folder_is_read(desk: Desk) -> None:
    shelf = desk.folder("光盘")
    copy = shelf / "office.sqlite"
    shutil.copy(desk.database_copy("只读.sqlite"), copy)
    # As it was left by a window that closed: in WAL mode, its -wal and -shm files gone.
    connection = sqlite3.connect(copy)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.close()
    before = sorted(p.name for p in shelf.iterdir())
    shelf.chmod(0o555)
    try:
        listing = run_unprivileged(["--db", copy, "list"], cwd=desk.dir)
        writing = run_unprivileged(["--db", copy, "number", "allocate", "青总办"], cwd=desk.dir)
    finally:
        shelf.chmod(0o755)
    assert listing.code == 0, listing.err
    assert len(listing.out.strip().splitlines()) == 9
    assert writing.code == 1 and "只读" in writing.err and "Traceback" not in writing.err
    assert sorted(p.name for p in shelf.iterdir()) == before


def test_a_backup_opens_read_only_from_a_read_only_folder(desk: Desk) -> None:
    """A backup on a USB stick or a read-only share (a folder named with %, # and spaces):
    written in rollback-journal mode, so reading it needs no -wal or -shm file beside it."""
    stick = desk.folder("U盘 #1 (50% 满)")
    made = run_cli(["--db", desk.db, "backup", stick / "工会 备份#2.sqlite"])
    assert made.code == 0, made.err
    backup = stick / "工会 备份#2.sqlite"
    assert backup.read_bytes()[18:20] == b"\x01\x01"  # file format 1: rollback journal, not WAL
    before = sorted(p.name for p in stick.iterdir())
    stick.chmod(0o555)
    try:
        listing = run_unprivileged(["--db", backup, "list", "--json"], cwd=desk.dir)
        writing = run_unprivileged(["--db", backup, "number", "allocate", "青总办"], cwd=desk.dir)
    finally:
        stick.chmod(0o755)
    assert listing.code == 0, listing.err
    assert len(json.loads(listing.out)["notices"]) == 9  # the demo's notices
    assert writing.code == 1 and "只读" in writing.err and "Traceback" not in writing.err
    assert sorted(p.name for p in stick.iterdir()) == before


@pytest.mark.parametrize("how", ["cli", "in-process"])
def test_restore_from_the_same_process_reopens_the_new_file(desk: Desk, how: str) -> None:
    """The window's own 备份与恢复: its Database goes on working, on the restored file."""
    database = Database(desk.db)
    try:
        numbering = NumberingService(database)
        backup = desk.database_copy("备份.sqlite")
        numbering.allocate("青总办", 2021)
        if how == "cli":
            outcome = run_cli(["--db", desk.db, "restore", backup])
            assert outcome.code == 0, outcome.err
        else:
            from unionoffice.storage import backups

            backups.restore(database, backup)
        assert _numbers(numbering) == _register_numbers(backup)
    finally:
        database.dispose()


def _numbers(numbering: NumberingService) -> list[int]:
    return [row.number for row in numbering.register("青总办", 2021).rows]
