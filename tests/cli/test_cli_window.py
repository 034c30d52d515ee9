"""``unionoffice`` with nothing but --db opens the window without loading the commands."""

from __future__ import annotations

import subprocess
import sys

from unionoffice.cli import window_request


def test_only_db_means_the_window() -> None:
    assert window_request([]) == (True, None)
    assert window_request(["--db", "a.sqlite"]) == (True, "a.sqlite")
    assert window_request(["--db=a.sqlite"]) == (True, "a.sqlite")
    for argv in (["list"], ["--version"], ["--help"], ["--db"], ["--db", "a.sqlite", "show", "1"]):
        assert window_request(argv)[0] is False, argv


def test_the_window_path_imports_no_command_module() -> None:
    code = (
        "import sys, unionoffice.cli as cli; "
        "cli.window_request(['--db', 'x']); "
        "print(sorted(m for m in sys.modules if m.startswith(('unionoffice.cli.', "
        "'unionoffice.exporting', 'unionoffice.importing', 'docx', 'reportlab', 'openpyxl'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"  # not even the context: it imports the storage layer
