"""Kill a writing process at random moments: the file stays sound and every write that
reported success is there, whole."""

import random
import sqlite3
import subprocess
import sys
import time

from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService

WRITER = r"""
import sys
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService

db = Database(sys.argv[1])
notices = NoticeService(db)
print("ready", flush=True)
n = 0
while True:
    n += 1
    data = NoticeData(
        title=f"通知{n}", series_code="青总办", year=2021,
        body=[Block.paragraph("正文" * 50) for _ in range(5)],
        activities=[ActivityData(title=f"活动{i}", deadline="4—7月份", lead=["宣教部"])
                    for i in range(n % 7 + 1)],
    )
    notice_id = notices.create(data)
    if n % 3 == 0:
        notices.allocate_number(notice_id)
    print(notice_id, n % 7 + 1, flush=True)  # reported only after the commit returned
"""


def test_killing_the_writer_loses_nothing_that_was_reported(db_path):
    Database(db_path).dispose()
    rng = random.Random(20210406)
    reported: dict[int, int] = {}
    for _ in range(5):
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.6))
        process.kill()  # SIGKILL on Linux, TerminateProcess on Windows: no clean-up either way
        out, _ = process.communicate(timeout=30)
        for line in out.splitlines():
            notice_id, activity_count = map(int, line.split())
            reported[notice_id] = activity_count
    assert reported, "the writer reported no successful write before being killed"
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    database = Database(db_path)
    try:
        notices = NoticeService(database)
        for notice_id, activity_count in reported.items():
            assert len(notices.get(notice_id).activities) == activity_count
        numbered = [s.doc_number for s in notices.list() if s.doc_number]
        assert len(numbered) == len(set(numbered))
    finally:
        database.dispose()
