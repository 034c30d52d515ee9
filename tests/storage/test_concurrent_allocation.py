"""Several processes take numbers from one series at once: no duplicates, no gaps."""

import multiprocessing

from unionoffice.storage.database import Database
from unionoffice.storage.services import NumberingService

PROCESSES = 4
PER_PROCESS = 40


def _take_numbers(path: str, count: int, queue) -> None:
    database = Database(path)
    numbering = NumberingService(database)
    numbers = [numbering.allocate("青总办", 2021).doc_number.number for _ in range(count)]
    database.dispose()
    queue.put(numbers)


def test_processes_never_share_or_skip_a_number(db_url):
    Database(db_url).dispose()  # schema in place before the race starts
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [
        context.Process(target=_take_numbers, args=(db_url, PER_PROCESS, queue))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    results = [queue.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    taken = [n for numbers in results for n in numbers]
    assert len(taken) == len(set(taken)) == PROCESSES * PER_PROCESS
    assert sorted(taken) == list(range(1, PROCESSES * PER_PROCESS + 1))
    for numbers in results:  # each process saw its own numbers rise
        assert numbers == sorted(numbers)
    database = Database(db_url)
    register = NumberingService(database).register("青总办", 2021)
    database.dispose()
    assert len(register.rows) == PROCESSES * PER_PROCESS and register.missing == []
