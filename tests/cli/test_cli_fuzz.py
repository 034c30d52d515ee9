"""Whatever a clerk types, the command line answers with a message and an exit status, never a
traceback, and a command that fails leaves the database exactly as it was."""

import hashlib
import io
import sqlite3
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionoffice.cli import main

clerk_text = st.text(
    alphabet=st.sampled_from(list("青总办〔〕[]【】()（）第号0123456789０１２３-—年月 \t'\";\\%_")),
    max_size=20,
) | st.text(max_size=20)


def _run(args: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(args)
        except SystemExit as exit_info:  # argparse usage errors
            code = int(exit_info.code or 0)
    return code, err.getvalue()


def _content(path: Path) -> str:
    """What the database holds, independent of WAL and page layout."""
    with sqlite3.connect(path) as connection:
        rows = []
        for (table,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
        ):
            rows.append(repr(connection.execute(f'SELECT * FROM "{table}"').fetchall()))
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("fuzz") / "office.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    return path


COMMANDS = [
    lambda t: ["number", "set", t],
    lambda t: ["number", "void", t, "--reason", t],
    lambda t: ["number", "allocate", t, "--year", "2021"],
    lambda t: ["number", "register", "--series", t, "--year", "2021"],
    lambda t: ["show", t],
    lambda t: ["list", "--year", t],
]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(COMMANDS), clerk_text)
def test_any_argument_gives_a_clean_answer(demo_db, command, text):
    before = _content(demo_db)
    code, err = _run(["--db", str(demo_db), *command(text)])
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    if code != 0:
        assert err.strip(), "a failing command must say why"
        assert _content(demo_db) == before


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_as_database_file_are_refused_and_kept(tmp_path_factory, content):
    path = tmp_path_factory.mktemp("bytes") / "office.sqlite"
    path.write_bytes(content)
    code, err = _run(["--db", str(path), "list"])
    assert "Traceback" not in err
    if content:
        assert code == 1 and err.startswith("错误：")
        assert path.read_bytes() == content
