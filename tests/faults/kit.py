"""For the probe matrix of bad inputs and faults: the command line run in this process, a
clerk's desk with the awkward things clerks and machines produce (pipes, device nodes,
damaged databases, hostile templates, folders that cannot be written), and one case's check."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest

from unionoffice.cli import main
from unionoffice.exporting.docx.templates import shipped_template_dir

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def run_cli(args: Iterable[str | Path]) -> Outcome:
    """The command line in this process, as a clerk would type ``args``."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main([str(a) for a in args])
    return Outcome(code, out.getvalue(), err.getvalue())


def run_unprivileged(args: Iterable[str | Path], cwd: Path) -> Outcome:
    """The command line in a new process that file permissions apply to.

    As root (CI), permission bits mean nothing; the process keeps its user but loses the
    capabilities that override them (setpriv, from util-linux), so a folder without write
    permission is one for it.
    """
    command = [sys.executable, "-m", "unionoffice", *map(str, args)]
    if IS_ROOT:
        drop = "-dac_override,-dac_read_search"
        command = ["setpriv", f"--bounding-set={drop}", f"--inh-caps={drop}", *command]
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    return Outcome(result.returncode, result.stdout, result.stderr)


def content_digest(path: Path) -> str:
    """What a database holds (schema and every row), independent of WAL and page layout."""
    if not path.exists():
        return "absent"
    with open(path, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return hashlib.sha256(path.read_bytes()).hexdigest()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        parts = []
        for name, sql in connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall():
            parts.append(sql)
            if sql.startswith("CREATE TABLE") and "VIRTUAL" not in sql:
                rows = connection.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
                parts.append(repr(rows))
    except sqlite3.DatabaseError:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    finally:
        connection.close()
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class Desk:
    """A clerk's folder for one case: the office database and whatever the case needs."""

    def __init__(self, folder: Path, demo: Path) -> None:
        self.dir = folder
        self.db = folder / "office.sqlite"
        shutil.copy2(demo, self.db)

    def path(self, name: str) -> Path:
        return self.dir / name

    def file(self, name: str, content: bytes | str = b"") -> Path:
        path = self.dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    def folder(self, name: str) -> Path:
        path = self.dir / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def fifo(self, name: str) -> Path:
        path = self.dir / name
        os.mkfifo(path)
        return path

    def device(self, name: str) -> Path:
        """A character device that is not a regular file: a private null device as root,
        else a link to /dev/null (which a rename would replace, never the device itself)."""
        path = self.dir / name
        if IS_ROOT:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        else:
            path.symlink_to("/dev/null")
        return path

    def database_copy(self, name: str, *statements: str) -> Path:
        """A copy of the office database changed by raw SQL (as another program might)."""
        path = self.dir / name
        source = sqlite3.connect(self.db)
        target = sqlite3.connect(path)
        source.backup(target)
        source.close()
        target.execute("PRAGMA journal_mode = DELETE")
        target.execute("PRAGMA foreign_keys = OFF")
        for statement in statements:
            target.execute(statement)
        target.commit()
        target.close()
        return path

    def damaged(self, path: Path) -> Path:
        """Overwrite pages in the middle of a database file, as a failing disk does."""
        data = bytearray(path.read_bytes())
        page = 4096
        for start in range(page * 2, min(len(data), page * 40), page * 3):
            data[start + 100 : start + 2000] = b"\x5a" * 1900
        path.write_bytes(bytes(data))
        return path

    def wrecked(self, path: Path) -> Path:
        """Every page after the first overwritten: whatever is read is damaged."""
        data = bytearray(path.read_bytes())
        data[4096:] = b"\x5a" * (len(data) - 4096)
        path.write_bytes(bytes(data))
        return path

    def template(self, name: str, *paragraphs: str) -> Path:
        """A template: the shipped 文件式 with ``paragraphs`` added at its end."""
        document = docx.Document(str(shipped_template_dir() / "文件式.docx"))
        for text in paragraphs:
            document.add_paragraph(text)
        path = self.dir / f"{name}.docx"
        document.save(str(path))
        return path

    def listing(self) -> set[str]:
        return {str(p.relative_to(self.dir)) for p in self.dir.rglob("*")}


# -- the cases --------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A command a clerk (or a machine) might run, and what must come of it.

    ``args`` are what follows ``--db <the office database>`` (or the whole command line when
    ``own_db``). A failing case must exit with ``code``, say ``message`` (a regular
    expression) in Chinese on stderr, print no traceback, and leave the office database as it
    was; ``check`` may look further.
    """

    id: str
    args: Callable[[Desk], list[str | Path]]
    code: int
    message: str
    own_db: bool = False
    check: Callable[[Desk, Outcome], None] | None = field(default=None)


def params(cases: list[Case]) -> list:
    ids = [case.id for case in cases]
    assert len(ids) == len(set(ids)), "case ids must be unique"
    return [pytest.param(case, id=case.id) for case in cases]


def run_case(case: Case, desk: Desk) -> Outcome:
    args = case.args(desk)
    before = content_digest(desk.db)
    outcome = run_cli(args if case.own_db else ["--db", desk.db, *args])
    assert "Traceback" not in outcome.err, outcome.err
    assert outcome.code == case.code, (outcome.code, outcome.out, outcome.err)
    said = outcome.err if case.code != 0 else outcome.out + outcome.err
    assert re.search(case.message, said), said
    if case.code != 0:
        assert outcome.err.strip(), "a failing command must say why"
        assert not re.search(r"[A-Za-z]{4,} [A-Za-z]{4,} [A-Za-z]{4,}", _messages(outcome.err)), (
            f"English in a clerk's message: {outcome.err}"
        )
        assert content_digest(desk.db) == before, "the database changed"
    if case.check is not None:
        case.check(desk, outcome)
    return outcome


def _messages(err: str) -> str:
    """stderr without argparse's own English usage lines and the paths it quotes."""
    lines = [
        line
        for line in err.splitlines()
        if not line.startswith(("usage:", "unionoffice ", "  ", "                "))
    ]
    return re.sub(r"“[^”]*”", "", "\n".join(lines))


def no_leftovers(desk: Desk, _outcome: Outcome) -> None:
    """Nothing half-written stays behind."""
    stray = [
        name
        for name in desk.listing()
        if name.endswith((".part", ".tmp", ".restoring")) or "/.~" in f"/{name}"
    ]
    assert stray == []
