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
from unionoffice.gui.window.main_window import ALL_ACTIVITIES_TAB, CALENDAR_TAB, MainWindow
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.database import Database
from unionoffice.storage.demo import fill_demo


PASTED_NOTICE = """白鹭湾区总工会

关于举办职工健步行活动的通知

各街道工会：

现将具体安排如下：

（一）女职工健步行活动

时间：3月8日上午9时30分
地点：白鹭湾滨海步道
参加人员：区直机关各单位女职工
负责人：郑芳

（二）经验交流会

时间：根据工作安排另行通知
地点：区总工会会议室

白鹭湾区总工会
2024年3月1日
"""


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
    events = window.open_notice(ids[-1])  # the plan of events: 时间, 地点, 参加对象, 责任人
    assert events is not None
    events.show_activity(0)
    save(window, out, "activity-events")

    QApplication.clipboard().setText(PASTED_NOTICE)
    dialog = window.importer.paste_text()
    dialog.resize(1000, 720)
    save(dialog, out, "paste-import")
    dialog.reject()

    folder = Path(tempfile.mkdtemp(prefix="unionoffice-shots-import-"))
    (folder / "健步行.txt").write_text(PASTED_NOTICE, encoding="utf-8")
    (folder / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    window.importer.start([folder])
    while window.importer.summary is None:
        settle(100)
    save(window.importer.summary, out, "import-summary")
    window.importer.summary.reject()

    window.tree.search_box.setText("劳模")
    window.tree.apply_filter()
    save(window, out, "search")

    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")))
