"""A parser with a bug in files named bug*, for the import's worker processes: a worker
unpickles ``prepare_all`` from here, so the bug is there in the worker as in this process."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from unionoffice.importing import parallel, preparing
from unionoffice.importing.preparing import PreparedFile
from unionoffice.importing.revisions import RevisionChoice

_REAL_PREPARE_ALL = parallel.prepare_all


def prepare_file(path: Path, revisions: RevisionChoice = "accept") -> PreparedFile:
    if path.name.startswith("bug"):
        raise KeyError("a parser bug")
    return preparing.prepare_file(path, revisions)


def prepare_all(
    paths: Sequence[Path], revisions: RevisionChoice = "accept"
) -> list[parallel.Prepared]:
    parallel.prepare_file = prepare_file  # in a worker, which is the test's alone
    return _REAL_PREPARE_ALL(paths, revisions)
