"""Screenshots of every view on the demo data, for docs/ and for looking at the window.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [OUT]

Fills a new demo database, opens the main window at 1400×900 and saves one PNG per view
into OUT (default docs/). Run it under Xvfb (a real X server renders fonts and styles as a
clerk sees them; the offscreen platform does not).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from unionoffice.gui.app import make_application
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.gui.window.main_window import ALL_ACTIVITIES_TAB, CALENDAR_TAB, MainWindow
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo


def settle(ms: int = 300) -> None:
    """Let layouts, delayed previews and paints finish."""
    app = QApplication.instance()
    assert app is not None
    done: list[bool] = []
    QTimer.singleShot(ms, lambda: done.append(True))
    while not done:
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    folder = Path(tempfile.mkdtemp(prefix="unionoffice-shots-"))
    db = Database(folder / "demo.sqlite")
    ids = fill_demo(db)
    window = MainWindow(db, Settings(DictStore()))
    window.resize(1400, 900)
    window.show()

    window.tabs.setCurrentIndex(CALENDAR_TAB)
    window.calendar.set_month(2021, 10)  # 国庆 holidays and a 调休 Saturday
    save(window, out, "calendar-month")
    window.calendar.year_button.click()
    save(window, out, "calendar-year")
    window.calendar.month_button.click()

    window.tabs.setCurrentIndex(ALL_ACTIVITIES_TAB)
    save(window, out, "all-activities")

    editor = window.open_notice(ids[1])
    assert editor is not None
    editor.show_preview(True)
    save(window, out, "notice-editor")
    editor.show_preview(False)
    editor.show_activity(0)
    save(window, out, "activity-table")

    window.tree.search_box.setText("劳模")
    window.tree.apply_filter()
    save(window, out, "search")

    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")))
