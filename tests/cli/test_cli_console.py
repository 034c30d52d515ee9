"""The command line on a Windows console: output piped in cp936 (Chinese Windows) or cp1252
(English Windows) with characters outside GBK, no console at all (sys.stdout None, as under
pythonw and the windowed .exe), and wildcards the shell leaves to the program."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.faults.kit import run_cli

from unionoffice.cli import console, main
from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.storage.database import Database
from unionoffice.storage.services import NoticeService

# • and ✓ are not in GBK; 𠀀 (U+20000) is outside the Basic Multilingual Plane.
TITLE = "关于创建“职工之家•✓”示范点和𠀀字辈名录的通知"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "qinghai-2021-15.txt"


@pytest.fixture
def office(tmp_path) -> Path:
    path = tmp_path / "office.sqlite"
    db = Database(path)
    visit = ActivityData(title="✓ 走访𠀀姓职工", deadline="4—7月份", lead=["宣教部"])
    try:
        NoticeService(db).create(NoticeData(title=TITLE, activities=[visit]))
    finally:
        db.dispose()
    return path


def run_piped(office: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The command line with its output piped, encoded as Windows would encode it."""
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0"}
    return subprocess.run(
        [sys.executable, "-m", "unionoffice", "--db", str(office), *args],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["cp936", "cp1252"])
def test_human_output_in_a_legacy_code_page_never_crashes(office, encoding: str) -> None:
    for args in (["list"], ["show", "1"]):
        result = run_piped(office, encoding, *args)
        assert result.returncode == 0, result.stderr.decode(encoding, "replace")
        assert b"Traceback" not in result.stderr
        text = result.stdout.decode(encoding)  # whole, in the code page asked for
        assert "?" in text and "𠀀" not in text
    listing = run_piped(office, encoding, "list").stdout.decode(encoding)
    expected = {  # what each code page can hold stays, the rest becomes "?"
        "cp936": "关于创建“职工之家??”示范点和?字辈名录的通知",
        "cp1252": "????“????•?”????????????",
    }
    assert expected[encoding] in listing


@pytest.mark.parametrize("encoding", ["cp936", "cp1252"])
def test_json_output_is_always_utf8(office, encoding: str) -> None:
    listing = run_piped(office, encoding, "list", "--json")
    assert listing.returncode == 0
    assert json.loads(listing.stdout.decode("utf-8"))["notices"][0]["title"] == TITLE
    shown = run_piped(office, encoding, "show", "1", "--json")
    notice = json.loads(shown.stdout.decode("utf-8"))
    assert notice["title"] == TITLE
    assert notice["activities"][0]["title"] == "✓ 走访𠀀姓职工"


def test_help_and_errors_in_cp1252_never_crash(office) -> None:
    helped = run_piped(office, "cp1252", "--help")
    assert helped.returncode == 0 and b"Traceback" not in helped.stderr
    assert "UnionOffice" in helped.stdout.decode("cp1252")
    missing = run_piped(office, "cp1252", "show", "99")
    assert missing.returncode == 1 and b"Traceback" not in missing.stderr


def test_nothing_is_written_without_a_console(office, monkeypatch) -> None:
    """pythonw and the windowed .exe: sys.stdout and sys.stderr are None."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--db", str(office), "list"]) == 0
    assert main(["--db", str(office), "list", "--json"]) == 0
    assert main(["--db", str(office), "show", "99"]) == 1  # the error goes nowhere, quietly
    assert main(["--db", str(office), "number", "allocate", "青总办", "--year", "2021"]) == 0
    assert main(["--version"]) == 0
    assert main(["--help"]) == 0
    assert main(["--db", str(office), "no-such-command"]) == 2


def test_a_code_page_stream_is_made_to_replace(tmp_path) -> None:
    with open(tmp_path / "out.txt", "w", encoding="cp936") as stream:
        assert console.usable_stream(stream) is stream
        stream.write("✓ 𠀀 通知")
    assert (tmp_path / "out.txt").read_text(encoding="cp936") == "? ? 通知"
    with open(tmp_path / "utf8.txt", "w", encoding="utf-8") as stream:
        console.usable_stream(stream)
        assert stream.errors == "strict"  # UTF-8 holds everything: nothing to replace


def test_wildcards_are_expanded_where_the_shell_does_not(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "来文 [2021]"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    for name in ("通知一.txt", "通知二.txt", "说明.md"):
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "~$通知三.txt").write_text("Word's owner file", encoding="utf-8")
    db = tmp_path / "office.sqlite"
    pattern = str(folder / "通知*.txt")
    monkeypatch.setattr(console, "SHELL_LEAVES_WILDCARDS", True)  # cmd.exe, PowerShell
    assert console.expand_wildcards([pattern, str(folder / "?明.md"), "*.nothing"]) == [
        str(folder / "通知一.txt"),
        str(folder / "通知二.txt"),
        str(folder / "说明.md"),
        "*.nothing",
    ]
    outcome = run_cli(["--db", db, "import", pattern, "--duplicates", "import"])
    assert outcome.code == 0, outcome.err
    assert "共导入 2 篇" in outcome.err


def test_a_unix_shell_has_expanded_them_already(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(console, "SHELL_LEAVES_WILDCARDS", False)
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    literal = str(tmp_path / "*.txt")  # a file really named so, quoted by the clerk
    assert console.expand_wildcards([literal]) == [literal]
