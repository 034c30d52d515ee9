"""Several processes work on one database at once: 文号 are never shared or skipped, and no
notice edit is lost. Runs on SQLite and, when configured, on PostgreSQL."""

import multiprocessing

from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService, NumberingService

PROCESSES = 8
ALLOCATIONS = 200
EDITS = 25


def _take_numbers(url: str, count: int, queue) -> None:
    database = Database(url)
    numbering = NumberingService(database)
    numbers = [numbering.allocate("青总办", 2021).doc_number.number for _ in range(count)]
    database.dispose()
    queue.put(numbers)


def _run_processes(target, args_of):
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=target, args=(*args_of(i), queue)) for i in range(PROCESSES)]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    return results


def test_processes_never_share_or_skip_a_number(db_url):
    Database(db_url).dispose()  # schema in place before the race starts
    results = _run_processes(_take_numbers, lambda _: (db_url, ALLOCATIONS))
    taken = [n for numbers in results for n in numbers]
    assert len(taken) == len(set(taken)) == PROCESSES * ALLOCATIONS
    assert sorted(taken) == list(range(1, PROCESSES * ALLOCATIONS + 1))
    for numbers in results:  # each process saw its own numbers rise
        assert numbers == sorted(numbers)
    database = Database(db_url)
    register = NumberingService(database).register("青总办", 2021)
    database.dispose()
    assert len(register.rows) == PROCESSES * ALLOCATIONS and register.missing == []


def _edit_counter(url: str, notice_id: int, edits: int, queue) -> None:
    """Read, add one to the counter kept in the remark, save; on a conflict read again."""
    database = Database(url)
    notices = NoticeService(database)
    saved = refused = 0
    while saved < edits:
        data = notices.get(notice_id)
        data.remark = str(int(data.remark) + 1)
        try:
            notices.update(data)
            saved += 1
        except ConflictError:
            refused += 1
    database.dispose()
    queue.put((saved, refused))


def test_concurrent_edits_of_one_notice_lose_nothing(db_url):
    database = Database(db_url)
    notice_id = NoticeService(database).create(NoticeData(title="共同编辑的通知", remark="0"))
    database.dispose()
    results = _run_processes(_edit_counter, lambda _: (db_url, notice_id, EDITS))
    database = Database(db_url)
    final = NoticeService(database).get(notice_id)
    database.dispose()
    assert sum(saved for saved, _ in results) == PROCESSES * EDITS
    # Every save that succeeded is counted; a save based on a stale read was refused.
    assert int(final.remark) == PROCESSES * EDITS
