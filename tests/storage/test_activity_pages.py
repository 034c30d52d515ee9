"""Key-set paging of the 全部活动 table: each page starts after the sort key of the one before.

Every order, both ways, on SQLite and PostgreSQL, must give page by page exactly the rows of
one read: none twice, none left out, ties and NULLs (undated drafts, empty places, no lead
department, no time of day) included.
"""

from __future__ import annotations

import datetime as dt

import pytest

from unionoffice.domain.activity_criteria import ActivityFilter, ActivityOrder, ActivityRow
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def _ties_and_blanks(db) -> None:
    """Two undated drafts with no year, and a dated one, whose activities tie on every
    column but their place in the plan."""
    same = ActivityData(title="同名活动", deadline="", place="", participants="")
    timed = ActivityData(
        title="同名活动", deadline="5月10日", lead=["省总办公室"], place="会议室", leader="张三"
    )
    notices = NoticeService(db)
    for title, date in (("草稿甲", None), ("草稿乙", None), ("有日期", dt.date(2021, 3, 1))):
        notices.create(
            NoticeData(title=title, date=date, activities=[same, same, timed, same, timed])
        )


def _key(row: ActivityRow) -> tuple[int, int]:
    return (row.notice_id, row.position)


def _walk(
    service: ActivityQueryService,
    size: int,
    where: ActivityFilter | None = None,
    **order: object,
) -> list[ActivityRow]:
    found: list[ActivityRow] = []
    after = None
    while True:
        page = service.page(where, after=after, limit=size, **order)  # type: ignore[arg-type]
        found += page.rows
        assert list(page.notice_ids) == [row.notice_id for row in page.rows]
        if len(page.rows) < size:
            assert page.last_key is None or len(page.rows) > 0
            return found
        assert page.last_key is not None
        after = page.last_key


@pytest.mark.parametrize("order", list(ActivityOrder))
def test_key_set_pages_give_every_row_once_in_order(db, order: ActivityOrder) -> None:
    fill_demo(db)
    _ties_and_blanks(db)
    service = ActivityQueryService(db)
    for descending in (False, True):
        whole = service.rows(order=order, descending=descending)
        assert len(whole) == service.count()
        for size in (1, 4, 7):
            walked = _walk(service, size, order=order, descending=descending)
            assert [_key(r) for r in walked] == [_key(r) for r in whole], (descending, size)
        assert walked == whole


@pytest.mark.parametrize("order", [ActivityOrder.NOTICE, ActivityOrder.LEAD, ActivityOrder.PLACE])
def test_a_page_after_a_key_can_pass_over_rows(db, order: ActivityOrder) -> None:
    """A page whose predecessor was never read starts from an earlier key and skips."""
    fill_demo(db)
    _ties_and_blanks(db)
    service = ActivityQueryService(db)
    for descending in (False, True):
        whole = service.rows(order=order, descending=descending)
        first = service.page(order=order, descending=descending, limit=5)
        assert list(first.rows) == whole[:5]
        later = service.page(
            order=order, descending=descending, after=first.last_key, skip=6, limit=4
        )
        assert list(later.rows) == whole[11:15]
        from_start = service.page(order=order, descending=descending, skip=11, limit=4)
        assert list(from_start.rows) == whole[11:15] and from_start.last_key == later.last_key


def test_key_set_pages_keep_the_filter(db) -> None:
    fill_demo(db)
    _ties_and_blanks(db)
    service = ActivityQueryService(db)
    where = ActivityFilter(status=ActivityStatus.NOT_STARTED)
    whole = service.rows(where, order=ActivityOrder.TITLE)
    assert len(whole) > 3
    assert _walk(service, 3, where, order=ActivityOrder.TITLE) == whole


def test_past_the_last_row_a_page_is_empty(db) -> None:
    fill_demo(db)
    service = ActivityQueryService(db)
    whole = service.page(limit=10_000)
    assert len(whole.rows) == service.count()
    past = service.page(after=whole.last_key, limit=10)
    assert len(past.rows) == 0 and not past.notice_ids and past.last_key is None


def test_a_page_reads_its_activities_when_looked_at(db) -> None:
    """The order is read at once, each activity when first looked at: one deleted between
    the two is None, and the others are still as read."""
    ids = fill_demo(db)
    service = ActivityQueryService(db)
    whole = service.rows()
    page = service.page(limit=len(whole))
    gone = page.notice_ids[0]
    NoticeService(db).delete(gone)
    shown = list(page.rows)
    assert [row is None for row in shown] == [r.notice_id == gone for r in whole]
    assert [row for row in shown if row is not None] == [r for r in whole if r.notice_id != gone]
    assert gone in ids
