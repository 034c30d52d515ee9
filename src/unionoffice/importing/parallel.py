"""Files read and parsed on every core while the caller stores them, one by one, in order.

Parsing is pure Python, so one process parses on one core. For a folder of many files a pool
of worker processes parses ahead of the caller, which stores each notice in its own
transaction in the files' order, so that the database ends up as a serial import leaves it.
Workers are started with "spawn" everywhere (Windows has nothing else, and forking a process
that runs Qt threads is unsafe); the bundle's entry point calls ``freeze_support`` for them.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.util
import os
import traceback
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from unionoffice.importing import conversion
from unionoffice.importing.document import ImportFileError
from unionoffice.importing.preparing import PreparedFile, prepare_file
from unionoffice.importing.revisions import RevisionChoice

log = logging.getLogger(__name__)

# Fewer files than this are parsed in the caller: starting the workers costs more.
PARALLEL_FROM = 20
# Files go to a worker a few at a time: each hand-over wakes threads in this process that
# compete with the storing for the GIL.
FILES_PER_TASK = 8
# Tasks handed to the workers ahead of the file being stored: enough to keep them busy, few
# enough that a cancelled import stops at once and a large folder is not held in memory.
TASKS_AHEAD_PER_WORKER = 2
MAX_WORKERS = 8


@dataclass(frozen=True)
class Prepared:
    """What reading and parsing one file gave: the file, or why it could not be read."""

    path: Path
    file: PreparedFile | None = None
    problem: str | None = None  # ImportFileError's message, for the clerk
    bug: str | None = None  # the type of an unexpected exception (a parser bug)
    trace: str = ""  # its traceback, logged by the caller

    def unwrap(self) -> PreparedFile:
        """The prepared file; raises what preparing it raised (a bug as RuntimeError)."""
        if self.file is not None:
            return self.file
        if self.problem is not None:
            raise ImportFileError(self.problem)
        raise ParserBug(self.bug or "Exception", self.trace)


class ParserBug(Exception):
    """An unexpected exception while a file was parsed, perhaps in another process."""

    def __init__(self, kind: str, trace: str) -> None:
        super().__init__(kind)
        self.kind = kind
        self.trace = trace


def prepare(path: Path, revisions: RevisionChoice = "accept") -> Prepared:
    """Read and parse ``path``; never raises for a problem with the file or a parser bug."""
    try:
        return Prepared(path, prepare_file(path, revisions))
    except ImportFileError as exc:
        return Prepared(path, problem=str(exc))
    except Exception as exc:  # a parser bug must not stop a folder import
        return Prepared(path, bug=type(exc).__name__, trace=traceback.format_exc())


def prepare_all(paths: Sequence[Path], revisions: RevisionChoice = "accept") -> list[Prepared]:
    """``prepare`` for each of ``paths``, in order (one task of a worker)."""
    return [prepare(path, revisions) for path in paths]


def worker_count(files: int) -> int:
    """How many worker processes parse ``files`` files: none for a few or on one core, else
    one a core (the caller, storing, mostly waits on the database)."""
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    if files < PARALLEL_FROM or cores < 2:
        return 0
    return min(cores, MAX_WORKERS)


class PreparedInOrder:
    """The files prepared, in order: by worker processes ahead of the caller, or one by one
    in the caller for a few files. Use as a context manager; leaving it (a cancelled import)
    drops the files not yet parsed and lets the workers go."""

    def __init__(self, paths: Sequence[Path], revisions: RevisionChoice = "accept") -> None:
        self._paths = list(paths)
        self._revisions = revisions
        self._workers = worker_count(len(self._paths))
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> PreparedInOrder:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            # Tasks queued but not started are dropped; one being parsed finishes on its own.
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __iter__(self) -> Iterator[Prepared]:
        if self._workers:
            try:
                self._pool = ProcessPoolExecutor(
                    self._workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_started,
                )
            except (OSError, ValueError) as exc:  # no processes to be had: parse here
                log.warning("parsing in this process only: %s", exc)
        if self._pool is None:
            for path in self._paths:
                yield prepare(path, self._revisions)
            return
        tasks = [
            self._paths[start : start + FILES_PER_TASK]
            for start in range(0, len(self._paths), FILES_PER_TASK)
        ]
        ahead: deque[tuple[list[Path], Future[list[Prepared]] | None]] = deque()
        waiting = iter(tasks)

        def submit() -> None:
            task = next(waiting, None)
            if task is not None:
                ahead.append((task, self._submitted(task)))

        for _ in range(self._workers * TASKS_AHEAD_PER_WORKER):
            submit()
        while ahead:
            task, future = ahead.popleft()
            submit()
            yield from self._results(task, future)

    def _submitted(self, task: list[Path]) -> Future[list[Prepared]] | None:
        if self._pool is None:
            return None
        try:
            return self._pool.submit(prepare_all, task, self._revisions)
        except (BrokenProcessPool, RuntimeError):
            self.close()
            return None

    def _results(
        self, task: list[Path], future: Future[list[Prepared]] | None
    ) -> Iterator[Prepared]:
        """The worker's results, or the files parsed here when the worker could not (a
        worker that died, e.g. out of memory, takes no file down with it)."""
        if future is not None:
            try:
                yield from future.result()
                return
            except BrokenProcessPool:
                log.warning("a parsing process ended unexpectedly; parsing here instead")
                self.close()
            except Exception:  # the results could not be sent back (pickling): parse here
                log.exception("parsing %s in a worker failed; parsing here instead", task)
        for path in task:
            yield prepare(path, self._revisions)


def _worker_started() -> None:
    # A worker process ends without atexit handlers: the LibreOffice profile a conversion
    # made goes with the worker through multiprocessing's own finalizers instead.
    multiprocessing.util.Finalize(None, conversion.discard_profile, exitpriority=10)
