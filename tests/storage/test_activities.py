"""Activities across notices: counts, pages, periods and departments."""

from __future__ import annotations

import datetime as dt
import itertools

from unionoffice.domain.activity_criteria import ActivityFilter
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def test_count_and_pages_cover_every_activity(db) -> None:
    fill_demo(db)
    service = ActivityQueryService(db)
    total = service.count()
    assert total == sum(s.activity_count for s in NoticeService(db).list())
    first = service.rows(offset=0, limit=10)
    rest = service.rows(offset=10)
    assert len(first) == 10
    assert len(first) + len(rest) == total
    assert all(row.notice_title for row in first)


def test_department_filter_matches_lead_or_cooperating(db) -> None:
    fill_demo(db)
    service = ActivityQueryService(db)
    rows = service.rows(ActivityFilter(department="省总宣教部"))
    assert rows
    assert service.count(ActivityFilter(department="省总宣教部")) == len(rows)
    for row in rows:
        assert "省总宣教部" in row.activity.lead + row.activity.cooperating


def test_in_period_returns_overlapping_activities(db) -> None:
    fill_demo(db)
    service = ActivityQueryService(db)
    may = service.in_period(dt.date(2021, 5, 1), dt.date(2021, 5, 31))
    assert may
    for row in may:
        period = row.activity.period
        assert period is not None and period.overlaps(dt.date(2021, 5, 1), dt.date(2021, 5, 31))


def test_deleted_notices_are_left_out(db) -> None:
    ids = fill_demo(db)
    service = ActivityQueryService(db)
    before = service.count()
    removed = NoticeService(db).get(ids[0])
    NoticeService(db).delete(ids[0])
    assert service.count() == before - len(removed.activities)
    assert "省总宣教部" in service.department_names() or service.department_names()


def test_a_read_keeps_one_copy_of_what_its_rows_repeat(db) -> None:
    """A calendar month holds thousands of rows: what they repeat (a notice's title and 文号,
    department names, periods) is one object each, while every row keeps its own activity
    and department lists, which an edit may change."""
    fill_demo(db)
    rows = ActivityQueryService(db).rows()
    first, second = next((a, b) for a, b in itertools.pairwise(rows) if a.notice_id == b.notice_id)
    assert first.notice_title is second.notice_title
    assert first.doc_number is second.doc_number
    assert first.activity is not second.activity
    assert first.activity.lead is not second.activity.lead
    names = [name for row in rows for name in row.activity.lead + row.activity.cooperating]
    assert len({id(name) for name in names}) == len(set(names)) < len(names)
    periods = [row.activity.period for row in rows if row.activity.period is not None]
    assert len({id(period) for period in periods}) == len(set(periods))
