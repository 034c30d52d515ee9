"""Events in the calendar's month view: on their day (never in the 贯穿本月 strip), their bars
led by the time of day, their place and people in the tooltip."""

from __future__ import annotations

import datetime as dt

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.gui.calendar.calendar_canvas import bar_label, tooltip_text
from unionoffice.gui.calendar.calendar_view import CalendarView
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def _october(qtbot, db) -> CalendarView:
    view = CalendarView(ActivityQueryService(db), start=dt.date(2021, 10, 1))
    qtbot.addWidget(view)
    view.resize(1400, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_an_event_sits_on_its_day_led_by_its_time(qtbot, db, demo_ids) -> None:
    view = _october(qtbot, db)
    canvas = view.month_canvas
    canvas.grab()  # paints, recording where each bar went
    walk = next(r for r in canvas.rows if r.activity.title == "全省职工健步走活动")
    assert bar_label(walk) == "9:00 全省职工健步走活动"
    hit = next(h for h in canvas.hits if h.row is walk)
    top, header, width, row_height = canvas._grid()
    weeks = canvas.weeks()
    week = next(i for i, days in enumerate(weeks) if dt.date(2021, 10, 12) in days)
    column = weeks[week].index(dt.date(2021, 10, 12))
    assert column * width <= hit.rect.left() < (column + 1) * width  # on 10月12日 alone
    assert hit.rect.width() < width
    week_top = top + header + week * row_height
    assert week_top < hit.rect.top() < week_top + row_height
    tip = tooltip_text(walk)
    assert "时间：9:00" in tip and "地点：湟水河滨河步道（集合地点：海湖广场东门）" in tip
    assert "参加对象：省总机关全体干部职工" in tip and "责任人：王敏" in tip
    # a task has no time before its title, nor time lines in its tooltip
    summary = next(r for r in canvas.strip if r.activity.title == "报送活动总结")
    assert bar_label(summary) == "报送活动总结" and "时间：" not in tooltip_text(summary)


def test_a_timed_event_running_all_month_is_not_in_the_strip(qtbot, db) -> None:
    NoticeService(db).create(
        NoticeData(
            title="关于开展十月职工健身月活动的通知",
            year=2021,
            activities=[
                ActivityData(title="工间操", deadline="10月1日至10月31日上午10时"),
                ActivityData(title="全年宣传", deadline="全年"),
                ActivityData(title="午间讲座", deadline="10月8日中午12时30分"),
                ActivityData(title="晨练", deadline="10月8日上午7时"),
            ],
        )
    )
    canvas = _october(qtbot, db).month_canvas
    assert [r.activity.title for r in canvas.strip] == ["全年宣传"]
    in_grid = [r.activity.title for r in canvas.rows]
    assert in_grid == ["工间操", "晨练", "午间讲座"]  # by day, longer first, then by the hour
    assert bar_label(canvas.rows[0]) == "10:00 工间操"
