"""Views that must stay quick on a large archive: the 全部活动 table reads only the pages it
shows and keeps few of them; the year view paints and hit-tests by line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF

from unionoffice.gui.activities.activity_model import AllActivitiesModel, Column
from unionoffice.gui.calendar.calendar_view import CalendarView
from unionoffice.storage.services.activities import ActivityQueryService


def test_all_activities_reads_pages_on_demand_and_keeps_few(qtmodeltester, db, demo_ids) -> None:
    service = ActivityQueryService(db)
    expected = service.rows()
    model = AllActivitiesModel(service)
    model.PAGE, model.CACHED_PAGES = 5, 2
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(expected) == model.total()
    qtmodeltester.check(model)
    # Every row shows its own activity, read back after its page was dropped.
    for row in (*range(len(expected)), 0, len(expected) - 1, 7):
        assert model.row_at(row) == expected[row]
        assert model.index(row, Column.TITLE).data() == expected[row].activity.title
        assert len(model._pages) <= model.CACHED_PAGES
    last = expected[-1]
    assert model.row_of(last.notice_id, last.position) == len(expected) - 1
    assert model.index(len(expected), Column.TITLE).data() is None


def test_year_view_hit_test_needs_no_earlier_paint(qtbot, db, demo_ids) -> None:
    view = CalendarView(ActivityQueryService(db), start=dt.date(2021, 4, 1))
    qtbot.addWidget(view)
    view.year_button.click()
    canvas = view.year_canvas
    assert canvas.rows
    y = canvas.HEADER + canvas.LINE * 2 + canvas.LINE / 2
    assert canvas.row_at(QPointF(20, y)) is canvas.rows[2]  # on its label
    assert canvas.row_at(QPointF(20, 5)) is None  # the month header
    assert canvas.row_at(QPointF(20, canvas.HEADER + canvas.LINE * len(canvas.rows) + 5)) is None
