"""Screenshots of every view on the demo data, for docs/ and for looking at the window.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [OUT] [--forms]

Fills a new demo database, opens the main window at 1400×900 and saves one PNG per view
into OUT (default docs/), with the first-run wizard and 设置 → 机关与部门 that README shows.
``--forms`` adds every dialog and page made from a ui/ form (form-*.png), to look at a
layout after changing it in Designer. Run it under Xvfb (a real X server renders fonts and
styles as a clerk sees them; the offscreen platform does not).
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


def first_run(folder: Path, out: Path, forms: bool) -> None:
    """The wizard on a new database, its pages filled in as a clerk would."""
    import datetime as dt

    from unionoffice.gui.dialogs.first_run import FirstRunWizard

    db = Database(folder / "new.sqlite")
    wizard = FirstRunWizard(db, today=dt.date(2025, 3, 1))
    wizard.resize(720, 560)
    wizard.show()
    if forms:
        save(wizard, out, "form-first-run-welcome")
    wizard.next()
    wizard.organ.name.setText("青海省总工会办公室")
    save(wizard, out, "first-run-1")
    wizard.next()
    series = wizard.series
    series.code_edit(0).setText("青总办")
    series.used_spin(0).setValue(14)
    series.add_row("青总发")
    series.add_row("青总办通", 3)
    save(wizard, out, "first-run-2")
    wizard.next()
    if forms:
        save(wizard, out, "form-first-run-departments")
    wizard.next()
    if forms:
        save(wizard, out, "form-first-run-summary")
    wizard.hide()
    wizard.deleteLater()
    db.dispose()


def dialogs(window: MainWindow, out: Path, forms: bool) -> None:
    """设置 (each page), and with ``forms`` the export, backup and timetable dialogs."""
    from unionoffice.gui.dialogs.export_dialog import ExportDialog
    from unionoffice.gui.dialogs.settings_dialog import SettingsDialog
    from unionoffice.gui.dialogs.timetable_dialog import Purpose, TimetableDialog

    dialog = SettingsDialog(window)
    dialog.show()
    for index, name in ((0, "form-settings-general"), (1, "form-settings-holidays")):
        if forms:
            dialog.tabs.setCurrentIndex(index)
            save(dialog, out, name)
    dialog.tabs.setCurrentIndex(2)
    dialog.organs.department_list.setCurrentRow(1)
    save(dialog, out, "settings-organs")
    dialog.reject()
    if not forms:
        return
    settings = window.settings
    shown: list[tuple[QWidget, str]] = [
        (ExportDialog(settings, default_file=Path.home() / "青总办〔2021〕1号.docx",
                      parent=window), "form-export"),
        (ExportDialog(settings, default_folder=Path.home(), count=8, parent=window),
         "form-export-batch"),
        (TimetableDialog(Purpose.PRINT, settings, notice_ids=[1], notice_label="当前公文",
                         years=[2021], departments=["省总宣教部"], parent=window),
         "form-timetable"),
        (TimetableDialog(Purpose.EXCEL, settings, notice_ids=[], notice_label="",
                         years=[2021], departments=[], parent=window), "form-timetable-excel"),
    ]  # fmt: skip
    from unionoffice.gui.dialogs.backup_dialog import BackupDialog
    from unionoffice.gui.dialogs.department_merge import MergeDepartmentsDialog
    from unionoffice.gui.dialogs.help_dialog import HelpDialog

    merge = MergeDepartmentsDialog("宣教部", ["省总办公室", "省总宣教部"], 3, window)
    merge.kept.setCurrentText("省总宣教部")
    shown.append((merge, "form-merge-departments"))

    shown.append((BackupDialog(window), "form-backup"))
    shown.append((HelpDialog(window), "form-help"))
    for index, menu_action in enumerate(window.menuBar().actions()):  # menus with their icons
        menu = menu_action.menu()
        assert menu is not None
        menu.popup(window.mapToGlobal(window.rect().topLeft()))
        save(menu, out, f"menu-{index + 1}")
        menu.hide()
    for widget, name in shown:
        widget.show()
        save(widget, out, name)
        widget.close()


def supervision(window: MainWindow, out: Path) -> None:
    """督办 as of a day in the demo's year: what is overdue and due, by 牵头部门."""
    import datetime as dt

    from unionoffice.gui.supervision.supervision_dialog import SupervisionDialog

    dialog = SupervisionDialog(window.context, window, today=lambda: dt.date(2021, 7, 28))
    dialog.show()
    from unionoffice.gui.supervision.supervision_model import Col

    model = dialog.model
    notes = ("7月20日电话督促，已拟方案", "已上报初稿，待审定")
    for group, note in zip((0, 1), notes, strict=False):  # 督办情况, as a clerk types it
        model.setData(model.index(0, Col.NOTE, model.index(group, 0)), note)
    dialog.tree.setCurrentIndex(model.index(0, Col.NOTE, model.index(1, 0)))
    save(dialog, out, "supervision")
    dialog.close()


def register(window: MainWindow, out: Path, notice_id: int) -> None:
    """发文登记簿 of the notice's series and year, opened from its editor: its number selected,
    the demo's voided 4号 and a run of 缺号 left by a number set by hand."""
    from unionoffice.storage.services import NumberingService

    NumberingService(window.db).set_number("青总办〔2021〕9号")  # leaves 5—8 unused
    window.open_notice(notice_id)
    window.show_register()
    dialog = window.register_dialog
    dialog.resize(1080, 460)
    save(dialog, out, "register")
    dialog.close()


def print_preview(window: MainWindow, out: Path, notice_id: int) -> None:
    """打印公文: the notice's GB/T 9704 pages in the print preview, two facing pages."""
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QToolBar

    window.open_notice(notice_id)
    window.print_notice()
    preview = window.print_preview
    preview.resize(1200, 860)
    widget = preview.findChild(QPrintPreviewWidget)
    assert widget is not None
    while widget.pageCount() == 0:
        settle(100)
    # the toolbar's own buttons, as a clerk clicks them: 对页显示, 适应页面, 下一页
    toolbar = preview.findChild(QToolBar)
    assert toolbar is not None
    buttons = {action.text(): action for action in toolbar.actions()}
    buttons["对页显示"].trigger()
    settle()
    buttons["适应页面"].trigger()
    settle()
    buttons["下一页"].trigger()  # the end of the body beside the 附件 (page 1 stands alone)
    save(preview, out, "print-preview")
    preview.reject()


def main(out: Path, forms: bool = False) -> int:
    out.mkdir(parents=True, exist_ok=True)
    make_application()
    folder = Path(tempfile.mkdtemp(prefix="unionoffice-shots-"))
    db = Database(folder / "demo.sqlite")
    db.clerk = "李文书"  # who took the numbers, in the 发文登记簿
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

    supervision(window, out)
    register(window, out, ids[0])
    print_preview(window, out, ids[1])
    dialogs(window, out, forms)
    window.close()
    db.dispose()
    first_run(folder, out, forms)
    return 0


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--forms"]
    sys.exit(main(Path(arguments[0]) if arguments else Path("docs"), "--forms" in sys.argv))
