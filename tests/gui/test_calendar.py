"""日历: 法定节假日 and 调休 days in the month and year views, colours by department or notice."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QToolTip
from sqlalchemy import event

from unionoffice.domain.calendar_days import DayKind
from unionoffice.gui.calendar import calendar_holidays as marks
from unionoffice.gui.calendar.calendar_colours import (
    ColourBy,
    department_colour,
    notice_colour,
    notice_label,
)
from unionoffice.gui.calendar.calendar_view import CalendarView, read_first_month
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.calendar_days import CalendarDayService

d = dt.date


def _view(qtbot, db, start: dt.date, **kwargs) -> CalendarView:
    view = CalendarView(ActivityQueryService(db), start=start, **kwargs)
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def _pixel(image: QImage, point: QPointF) -> str:
    return QColor(image.pixel(point.toPoint())).name()


def _beside_text(bar: QRectF) -> QPointF:
    """A point of a bar's own colour: left of its label, clear of its rounded corners."""
    return QPointF(bar.left() + 2, bar.center().y())


def _month_cell(view: CalendarView, day: dt.date) -> tuple[float, float, float, float]:
    """left, top, width, height of ``day``'s cell in the month canvas."""
    canvas = view.month_canvas
    top, header, width, row_height = canvas._grid()
    for week_index, week in enumerate(canvas.weeks()):
        if day in week:
            return (
                week.index(day) * width,
                top + header + week_index * row_height,
                width,
                row_height,
            )
    raise AssertionError(f"{day} is not in the grid")


def test_month_view_marks_spring_festival_and_its_working_saturday(qtbot, db) -> None:
    view = _view(qtbot, db, d(2026, 2, 1))
    special = view.month_canvas.special_days
    assert (
        special[d(2026, 2, 17)].name == "春节" and special[d(2026, 2, 17)].kind is DayKind.HOLIDAY
    )
    assert special[d(2026, 2, 14)].kind is DayKind.WORKDAY  # a Saturday at work
    assert d(2026, 2, 13) not in special
    image = view.month_canvas.grab().toImage()

    def middle(day: dt.date) -> str:
        left, top, width, height = _month_cell(view, day)
        return _pixel(image, QPointF(left + width / 2, top + height * 0.7))

    assert middle(d(2026, 2, 17)) == marks.HOLIDAY_TINT.name()
    assert middle(d(2026, 2, 14)) == marks.WORKDAY_TINT.name()  # not the weekend tint
    assert middle(d(2026, 2, 7)) == "#fbf7f2"  # an ordinary Saturday
    assert middle(d(2026, 2, 13)) == "#ffffff"  # an ordinary Friday
    left, top, width, _height = _month_cell(view, d(2026, 2, 17))
    badge_edge = QPointF(left + width - 18, top + 11)  # inside the 休 badge, beside its glyph
    assert _pixel(image, badge_edge) == marks.HOLIDAY_INK.name()
    left, top, width, _height = _month_cell(view, d(2026, 2, 14))
    assert _pixel(image, QPointF(left + width - 18, top + 11)) == marks.WORKDAY_INK.name()
    assert view.missing_notice.isHidden()


def test_a_holiday_names_itself_in_a_tooltip(qtbot, db) -> None:
    view = _view(qtbot, db, d(2025, 10, 1))
    canvas = view.month_canvas
    left, top, width, _height = _month_cell(view, d(2025, 10, 6))
    point = QPoint(int(left + width / 2), int(top + 8))
    assert canvas.day_at(QPointF(point)) == d(2025, 10, 6)
    help_event = QHelpEvent(QHelpEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    QApplication.sendEvent(canvas, help_event)
    assert QToolTip.text() == "2025年10月6日（星期一）\n中秋节 · 放假"
    QToolTip.hideText()
    assert canvas.day_at(QPointF(point.x(), top + 60)) is None  # where bars go, not the name


def test_year_view_tints_the_holiday_columns(qtbot, db) -> None:
    view = _view(qtbot, db, d(2026, 1, 1))
    view.year_button.click()
    canvas = view.year_canvas
    assert len(canvas.special_days) > 30
    image = canvas.grab().toImage()
    chart = canvas.width() - canvas.LABEL_WIDTH - 8

    def x_of(day: dt.date) -> float:
        return canvas.LABEL_WIDTH + chart * ((day - d(2026, 1, 1)).days + 0.5) / 365

    below_header = canvas.HEADER + 40
    assert _pixel(image, QPointF(x_of(d(2026, 10, 4)), below_header)) == "#f9d6d2"
    assert _pixel(image, QPointF(x_of(d(2026, 2, 14)), below_header)) == "#d9e2ef"
    assert _pixel(image, QPointF(x_of(d(2026, 3, 11)), below_header)) in ("#ffffff", "#f6f8fb")
    tick = QPointF(x_of(d(2026, 10, 4)), canvas.HEADER - 3)
    assert _pixel(image, tick) == marks.HOLIDAY_INK.name()
    assert canvas.day_at(tick) == d(2026, 10, 4)
    assert canvas.day_at(QPointF(x_of(d(2026, 10, 4)), canvas.HEADER + 5)) is None


def test_a_year_the_library_does_not_know_is_announced(qtbot, db) -> None:
    view = _view(qtbot, db, d(2027, 3, 1))
    assert view.missing_notice.isVisible()
    assert view.missing_notice.text() == "2027年的节假日安排尚未收录，请在“设置 → 节假日”中录入"
    assert view.month_canvas.special_days == {}
    view.step(-4)  # 2026年11月
    assert view.missing_notice.isHidden()
    view.year_button.click()
    view.step(1)
    assert view.title_label.text() == "2027年" and view.missing_notice.isVisible()
    CalendarDayService(db).set_days(d(2027, 10, 1), d(2027, 10, 7), DayKind.HOLIDAY, "国庆节")
    view.reload()
    assert view.missing_notice.isHidden() and len(view.year_canvas.special_days) == 7


def test_colour_by_notice_is_remembered_and_named_in_the_legend(
    qtbot, db, demo_ids, settings
) -> None:
    view = _view(qtbot, db, d(2021, 4, 1), settings=settings)
    assert view.colour.currentText() == "按牵头部门着色"
    rows = view.shown_rows()
    lead = next(r.activity.lead[0] for r in rows if r.activity.lead)
    assert lead in view.legend.text()
    image = view.month_canvas.grab().toImage()
    hit = view.month_canvas.hits[0]
    assert _pixel(image, _beside_text(hit.rect)) == department_colour(hit.row).name()

    view.colour.setCurrentIndex(view.colour.findData("notice"))
    assert settings.calendar_colour_by == "notice"
    assert view.month_canvas.colour_by is ColourBy.NOTICE
    image = view.month_canvas.grab().toImage()
    hit = view.month_canvas.hits[0]
    assert _pixel(image, _beside_text(hit.rect)) == notice_colour(hit.row).name()
    notices = {r.notice_title for r in rows}
    most = view.legend.entries[0]  # the notice with most bars comes first, named in the line
    assert most.label[:12] in view.legend.text()
    assert most.colour == notice_colour(next(r for r in rows if notice_label(r) == most.label))
    assert all(title in view.legend.toolTip() for title in notices)  # every notice, in full
    assert notice_colour(hit.row).name() in view.legend.toolTip()
    # the click still opens the activity, whatever the colours
    with qtbot.waitSignal(view.activity_clicked) as clicked:
        qtbot.mouseClick(
            view.month_canvas, Qt.MouseButton.LeftButton, pos=hit.rect.center().toPoint()
        )
    assert clicked.args == [hit.row.notice_id, hit.row.position]

    again = _view(qtbot, db, d(2021, 4, 1), settings=settings)
    assert again.colour_by() is ColourBy.NOTICE and again.year_canvas.colour_by is ColourBy.NOTICE


def test_a_bad_remembered_colour_setting_falls_back(qtbot, db, settings) -> None:
    settings.calendar_colour_by = "rainbow"
    view = _view(qtbot, db, d(2026, 5, 1), settings=settings)
    assert view.colour_by() is ColourBy.DEPARTMENT


def test_the_department_filter_keeps_its_colours_and_holidays(qtbot, db, demo_ids) -> None:
    service = ActivityQueryService(db)
    department = service.department_names()[0]
    view = CalendarView(service, service.department_names(), start=d(2021, 10, 1))
    qtbot.addWidget(view)
    everything = len(view.shown_rows())
    view.department.setCurrentText(department)
    shown = view.shown_rows()
    assert 0 < len(shown) < everything
    assert all(department in r.activity.lead + r.activity.cooperating for r in shown)
    assert view.month_canvas.special_days[d(2021, 10, 1)].name == "国庆节"
    assert view.count_label.text() == f"共 {len(shown)} 项活动"


def test_a_month_read_ahead_is_shown_without_reading_it_again(qtbot, db, demo_ids) -> None:
    service = ActivityQueryService(db)
    ahead = read_first_month(service)
    assert (ahead.year, ahead.month) == (2021, 10)  # nothing this year: the latest plan (events)
    assert ahead.rows
    statements: list[str] = []
    event.listen(
        db.engine, "before_cursor_execute", lambda _c, _k, sql, *_a: statements.append(sql)
    )
    view = CalendarView(service, first_month=ahead)
    qtbot.addWidget(view)

    def keys(rows):
        return sorted((r.notice_id, r.position) for r in rows)

    assert keys(view.shown_rows()) == keys(ahead.rows)
    assert not any("FROM activities" in sql for sql in statements)
    view.reload()  # only the first reload uses it
    assert any("FROM activities" in sql for sql in statements)
    assert keys(view.shown_rows()) == keys(ahead.rows)


def test_painting_never_reads_the_database(qtbot, db, demo_ids) -> None:
    view = _view(qtbot, db, d(2021, 4, 1))
    statements: list[str] = []

    def record(_connection, _cursor, statement, *_args) -> None:
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    for _ in range(3):
        view.month_canvas.grab()
    view.year_button.click()
    after_reload = len(statements)
    assert after_reload <= 4  # activities, their departments, special days, unknown years
    for _ in range(3):
        view.year_canvas.grab()
    assert len(statements) == after_reload


def test_the_library_is_not_imported_by_the_window_module() -> None:
    code = (
        "import sys, unionoffice.gui.window.main_window; print('chinese_calendar' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_window_remembers_the_colour_choice(qtbot, window) -> None:
    calendar = window.calendar
    calendar.colour.setCurrentIndex(calendar.colour.findData("notice"))
    assert window.settings.calendar_colour_by == "notice"


def test_a_long_legend_never_widens_the_calendar(qtbot, db, demo_ids) -> None:
    view = _view(qtbot, db, d(2021, 4, 1))
    narrowest = view.minimumSizeHint().width()
    view.colour.setCurrentIndex(view.colour.findData("notice"))
    entries = view.legend.entries
    assert len(entries) > 3
    assert view.minimumSizeHint().width() == narrowest  # the toolbar decides, not the legend
    view.resize(narrowest, 600)
    qtbot.waitUntil(lambda: view.width() == narrowest)
    shown = view.legend.shown_count()
    assert shown < len(entries) and f"等 {len(entries)} 种" in view.legend.text()
    assert entries[shown].label[:8] not in view.legend.text()  # cut whole, not mid-entry
