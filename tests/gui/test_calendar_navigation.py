"""日历 navigation: 转到 a year and month, 今天, PageUp/PageDown, an activity's month from 全部活动
and the plan table, and a 贯穿本月 strip that opens to show every month-long item."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, QPointF, Qt

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.gui.calendar.calendar_canvas import MAX_STRIP_LINES
from unionoffice.gui.calendar.calendar_view import CalendarView
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def _view(qtbot, db, start: dt.date) -> CalendarView:
    view = CalendarView(ActivityQueryService(db), start=start)
    qtbot.addWidget(view)
    view.resize(1200, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def _monthly_plan(db, count: int, year: int = 2021) -> int:
    """A plan whose deadlines are whole months, as many offices write them."""
    return NoticeService(db).create(
        NoticeData(
            title="关于印发年度工作要点的通知",
            year=year,
            activities=[
                ActivityData(title=f"第{n}项重点工作", deadline="4月份", lead=["宣教部"])
                for n in range(1, count + 1)
            ],
        )
    )


def test_jump_to_a_year_and_month_and_back_to_today(qtbot, db, demo_ids) -> None:
    view = _view(qtbot, db, dt.date(2026, 5, 1))
    assert (view.jump_year.value(), view.jump_month.currentText()) == (2026, "5月")
    view.jump_year.setValue(2021)  # one step, not sixty clicks of ◀
    assert (view.year, view.month) == (2021, 5)
    assert view.title_label.text() == "2021年5月"
    view.jump_month.setCurrentIndex(2)
    assert view.title_label.text() == "2021年3月" and view.month_canvas.month == 3
    assert view.count_label.text() != "共 0 项活动"  # the demo plans are in 2021
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.title_label.text() == "2021年2月" and view.jump_month.currentText() == "2月"
    qtbot.mouseClick(view.month_canvas, Qt.MouseButton.LeftButton, pos=QPoint(5, 300))
    qtbot.keyClick(view.month_canvas, Qt.Key.Key_PageDown)
    qtbot.keyClick(view.month_canvas, Qt.Key.Key_PageDown)
    assert view.title_label.text() == "2021年4月"
    # in the year view the month picker has nothing to do
    qtbot.mouseClick(view.year_button, Qt.MouseButton.LeftButton)
    assert view.title_label.text() == "2021年" and not view.jump_month.isVisible()
    view.jump_year.setValue(2019)
    assert view.title_label.text() == "2019年"
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    today = dt.date.today()
    assert view.title_label.text() == f"{today.year}年" and view.jump_year.value() == today.year
    qtbot.mouseClick(view.month_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.title_label.text() == f"{today.year}年{today.month}月"
    assert view.jump_month.currentIndex() == today.month - 1


def test_an_activity_opens_its_month_from_both_tables(
    qtbot, window, demo_ids, reads_done
) -> None:
    calendar = window.calendar
    calendar.set_month(2030, 1)
    reads_done(window)
    # 全部活动: the current row's 在日历中查看
    table = window.all_activities
    window.tabs.setCurrentWidget(table)
    model = table.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)  # the table fetches its rows lazily
    row = next(
        r for r in range(model.rowCount())
        if (p := model.row_at(r).activity.period) is not None and p.start.month != 1
    )  # fmt: skip
    period = model.row_at(row).activity.period
    table.table.setCurrentIndex(model.index(row, 1))
    assert table.context_menu().actions()[-1].isEnabled()
    table.calendar_action.trigger()
    assert window.tabs.currentWidget() is calendar
    assert (calendar.year, calendar.month) == (period.start.year, period.start.month)
    assert not calendar.is_year_view

    # the plan table of an open notice, from the year view
    calendar.year_button.click()
    assert calendar.is_year_view
    editor = window.open_notice(demo_ids[0])
    plan = editor.activity_view
    editor.tabs.setCurrentWidget(plan)
    plan.select_row(0)
    start = plan.current_period().start
    plan.calendar_action.trigger()
    reads_done(window)
    assert window.tabs.currentWidget() is calendar and not calendar.is_year_view
    assert calendar.title_label.text() == f"{start.year}年{start.month}月"


def test_an_undated_activity_says_why_it_has_no_month(qtbot, window, db, shown_messages) -> None:
    notice_id = NoticeService(db).create(
        NoticeData(title="通知", year=2021, activities=[ActivityData(title="另行通知")])
    )
    editor = window.open_notice(notice_id)
    editor.activity_view.select_row(0)
    calendar_month = (window.calendar.year, window.calendar.month)
    assert not editor.activity_view.show_in_calendar()
    assert shown_messages[-1][0] == "info" and "没有可推算的日期" in shown_messages[-1][1]
    assert (window.calendar.year, window.calendar.month) == calendar_month


def test_month_long_items_open_the_strip_when_the_grid_is_empty(qtbot, db) -> None:
    _monthly_plan(db, 25)
    view = _view(qtbot, db, dt.date(2021, 4, 1))
    canvas = view.month_canvas
    assert len(canvas.strip) == 25 and canvas.rows == []
    # nothing on the days: every item is shown, and the weeks stay readable below them
    assert canvas.strip_open and canvas.strip_overflows()
    canvas.grab()  # paints, recording where each item went
    shown = {hit.row.activity.title for hit in canvas.hits}
    assert shown == {f"第{n}项重点工作" for n in range(1, 26)}
    _top, _header, _width, week_height = canvas._grid()
    assert week_height >= 60 and canvas.height() > view.month_scroll.viewport().height()
    assert canvas.toggle_rect is not None  # 收起

    # 收起: three lines, the rest counted, the grid fills the view again
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.toggle_rect.center().toPoint())
    assert not canvas.strip_open
    canvas.grab()  # paints, recording where each item went
    assert canvas.strip_height() == 8 + MAX_STRIP_LINES * 22
    assert len(canvas.hits) < 25
    qtbot.waitUntil(lambda: canvas.height() <= view.month_scroll.viewport().height())
    toggle = canvas.toggle_rect
    assert toggle is not None and canvas.row_at(toggle.center()) is None

    # the choice holds in the next month, and 展开全部 opens it again
    view.step(1)
    view.step(-1)
    assert not canvas.strip_open
    canvas.grab()  # paints, recording where each item went
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.toggle_rect.center().toPoint())
    assert canvas.strip_open
    canvas.grab()  # paints, recording where each item went
    assert len(canvas.hits) == 25


def test_a_short_strip_has_nothing_to_open(qtbot, db) -> None:
    _monthly_plan(db, 3)
    view = _view(qtbot, db, dt.date(2021, 4, 1))
    canvas = view.month_canvas
    canvas.grab()  # paints, recording where each item went
    assert not canvas.strip_overflows() and canvas.toggle_rect is None
    assert canvas.height() <= view.month_scroll.viewport().height()
    assert canvas.row_at(QPointF(90, 10)) is not None  # the first item, clickable


def test_the_month_view_lets_go_of_the_year_and_the_year_view_reads_it_again(
    qtbot, db, demo_ids
) -> None:
    view = _view(qtbot, db, dt.date(2021, 4, 1))
    qtbot.mouseClick(view.year_button, Qt.MouseButton.LeftButton)
    in_year = len(view.year_canvas.rows)
    assert in_year > 0 and view.count_label.text() == f"共 {in_year} 项活动"
    qtbot.mouseClick(view.month_button, Qt.MouseButton.LeftButton)
    assert view.year_canvas.rows == []  # a whole year's activities, not on screen, not kept
    assert view.month_canvas.rows or view.month_canvas.strip
    qtbot.mouseClick(view.year_button, Qt.MouseButton.LeftButton)
    assert len(view.year_canvas.rows) == in_year
