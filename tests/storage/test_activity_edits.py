"""One activity edited from the 全部活动 table, and the table's filters and orders in SQL."""

from __future__ import annotations

import datetime as dt

import pytest

from unionoffice.domain.activity_criteria import (
    ActivityCriteria,
    ActivityFilter,
    ActivityOrder,
    matches,
    overlaps_month,
)
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.models import ActivityDepartment
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.organs import OrganService


def _notice(db, *activities: ActivityData) -> int:
    OrganService(db).create_organ("测试总工会", series_codes=["测总"], departments=["宣教部"])
    data = NoticeData(
        title="关于测试的通知", organ="测试总工会", year=2021, activities=list(activities)
    )
    return NoticeService(db).create(data)


def test_update_activity_changes_that_one_and_moves_the_version(db) -> None:
    notice_id = _notice(
        db,
        ActivityData(title="宣讲", deadline="4月份", lead=["宣教部"]),
        ActivityData(title="竞赛", deadline="全年"),
    )
    service = NoticeService(db)
    before = service.get(notice_id)
    assert before.version is not None
    edited = ActivityData(
        title="巡回宣讲",
        deadline="第三季度",
        lead=["组织部", "宣教部"],
        cooperating=["某某公司"],
        leader="张三",
        status=ActivityStatus.IN_PROGRESS,
    )
    version = service.update_activity(notice_id, before.version, 0, edited)
    after = service.get(notice_id)
    assert version == after.version and version > before.version
    first = after.activities[0]
    assert (first.title, first.deadline, first.leader) == ("巡回宣讲", "第三季度", "张三")
    assert first.lead == ["组织部", "宣教部"] and first.cooperating == ["某某公司"]
    assert first.status is ActivityStatus.IN_PROGRESS
    assert first.period is not None
    assert (first.period.start, first.period.end) == (dt.date(2021, 7, 1), dt.date(2021, 9, 30))
    assert after.activities[1] == before.activities[1]
    # the master list's department is linked, a name not on it is kept as written
    with db.read_session() as session:
        linked = {
            row.name: row.department_id
            for row in session.query(ActivityDepartment).filter_by(position=1, role="lead")
        }
    assert linked["宣教部"] is not None
    # the 全部活动 rows carry the version an edit must match
    assert {r.notice_version for r in ActivityQueryService(db).rows()} == {version}


def test_update_activity_on_a_stale_version_writes_nothing(db) -> None:
    notice_id = _notice(db, ActivityData(title="宣讲", deadline="4月份"))
    service = NoticeService(db)
    read = service.get(notice_id)
    assert read.version is not None
    # someone saves the notice after the 全部活动 table read it
    read.title = "关于测试的通知（修订）"
    service.update(read)
    with pytest.raises(ConflictError, match="被其他用户修改"):
        service.update_activity(notice_id, read.version, 0, ActivityData(title="改了"))
    assert service.get(notice_id).activities[0].title == "宣讲"


def test_update_activity_of_a_missing_row_or_notice(db) -> None:
    notice_id = _notice(db, ActivityData(title="宣讲"))
    service = NoticeService(db)
    version = service.get(notice_id).version
    assert version is not None
    with pytest.raises(NotFoundError, match="第 2 项"):
        service.update_activity(notice_id, version, 1, ActivityData(title="x"))
    service.delete(notice_id)
    with pytest.raises(NotFoundError):
        service.update_activity(notice_id, version, 0, ActivityData(title="x"))


CROSS_YEAR = ["11月至次年2月", "2021年11月-2022年10月", "全年", "3月份", "6月底前", "另行通知"]


def test_sql_filters_give_the_domain_answer(db) -> None:
    fill_demo(db)
    _notice(
        db,
        *(
            ActivityData(title=f"跨年{i}", deadline=text, lead=["宣教部"], status=status)
            for i, text in enumerate(CROSS_YEAR)
            for status in (ActivityStatus.DONE, ActivityStatus.NOT_STARTED)
        ),
    )
    service = ActivityQueryService(db)
    everything = service.rows()
    today = dt.date(2021, 6, 15)
    choices = [
        *(ActivityCriteria(month=m) for m in range(1, 13)),
        *(ActivityCriteria(status=s) for s in ActivityStatus),
        ActivityCriteria(overdue=True),
        ActivityCriteria(department="宣教部", month=1, status=ActivityStatus.NOT_STARTED),
        ActivityCriteria(department="省总宣教部", overdue=True),
    ]
    for criteria in choices:
        where = ActivityFilter(
            department=criteria.department,
            month=criteria.month,
            status=criteria.status,
            overdue_on=today if criteria.overdue else None,
        )
        expected = [
            (r.notice_id, r.position)
            for r in everything
            if matches(r.activity, r.activity.period, criteria, today)
        ]
        found = [(r.notice_id, r.position) for r in service.rows(where)]
        assert found == expected, criteria
        assert service.count(where) == len(expected)
    # February of the next year is inside 11月至次年2月; the month test knows it too
    february = {r.activity.title for r in service.rows(ActivityFilter(month=2))}
    assert {"跨年0", "跨年1", "跨年2"} <= february and "跨年3" not in february


def test_month_overlap_of_a_period() -> None:
    from unionoffice.domain.deadline import Period

    winter = Period(dt.date(2021, 11, 20), dt.date(2022, 2, 3))
    assert [m for m in range(1, 13) if overlaps_month(winter, m)] == [1, 2, 11, 12]
    assert all(
        overlaps_month(Period(dt.date(2021, 3, 1), dt.date(2022, 2, 1)), m) for m in range(1, 13)
    )


@pytest.mark.parametrize("order", list(ActivityOrder))
def test_orders_page_consistently(db, order: ActivityOrder) -> None:
    fill_demo(db)
    service = ActivityQueryService(db)
    for descending in (False, True):
        whole = service.rows(order=order, descending=descending)
        pages = [
            row
            for offset in range(0, len(whole), 7)
            for row in service.rows(order=order, descending=descending, offset=offset, limit=7)
        ]
        assert pages == whole and len(whole) == service.count()
    ascending = service.rows(order=order)
    keys = {
        ActivityOrder.NUMBER: lambda r: r.position,
        ActivityOrder.STATUS: lambda r: list(ActivityStatus).index(r.activity.status),
        ActivityOrder.PERIOD: lambda r: (r.activity.period is None, r.activity.period
                                         and r.activity.period.start),
    }  # fmt: skip
    if db.engine.dialect.name == "sqlite":
        # Text compares by code point on SQLite; PostgreSQL follows the server's collation.
        keys |= {
            ActivityOrder.TITLE: lambda r: r.activity.title,
            ActivityOrder.LEAD: lambda r: (not r.activity.lead, r.activity.lead[:1]),
            ActivityOrder.LEADER: lambda r: (r.activity.leader is None, r.activity.leader or ""),
        }
    if order in keys:
        assert ascending == sorted(ascending, key=keys[order])
