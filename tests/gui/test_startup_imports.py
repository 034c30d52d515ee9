"""The window is shown before the storage layer is imported (see database_opener.py)."""

import subprocess
import sys

HEAVY = ("sqlalchemy", "alembic", "docx", "reportlab", "openpyxl", "chinese_calendar")

PROBE = f"""
import sys
import unionoffice.cli
import unionoffice.gui.app
import unionoffice.gui.window.main_window
loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))
print(','.join(loaded))
"""


def test_window_modules_import_no_storage_or_document_libraries() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "", f"imported before the window is shown: {result.stdout}"


def test_window_modules_do_not_load_the_form_loader() -> None:
    """QtUiTools is loaded with the first form (a dialog, an editor), never at start-up."""
    probe = (
        "import sys, unionoffice.gui.app, unionoffice.gui.window.main_window\n"
        "print('PySide6.QtUiTools' in sys.modules, 'unionoffice.gui.forms' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.split() == ["False", "False"]
