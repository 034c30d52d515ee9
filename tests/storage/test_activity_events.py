"""Activities as events (migration 0009): 地点, 参加对象, 责任人 and the times of day of their
period are stored, read back, edited one at a time, searched, and old databases gain them."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import text

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.storage import migrations
from unionoffice.storage.database import Database
from unionoffice.storage.services.activities import (
    ActivityFilter,
    ActivityOrder,
    ActivityQueryService,
)
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.search import NoticeSearch

LECTURE = ActivityData(
    title="女职工素质提升讲座",
    deadline="3月6日（星期三）下午2时30分至4时30分",
    place="区工人文化宫二楼多功能厅",
    participants="各单位女职工代表",
    responsible_person="钟敏",
)
WALK = ActivityData(
    title="女职工健步行活动",
    deadline="3月6日上午9时30分",
    place="滨海步道",
    participants="区直机关各单位女职工",
)
TASK = ActivityData(title="读书分享会", deadline="3月下旬", lead=["女职工部"])


def _events_notice(**changes: object) -> NoticeData:
    data = NoticeData(
        title="关于举办庆祝“三八”国际妇女节系列活动的通知",
        organ="白鹭湾区总工会",
        year=2024,
        date=dt.date(2024, 3, 1),
        activities=[LECTURE, WALK, TASK],
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def test_an_event_comes_back_with_its_place_people_and_times(db) -> None:
    service = NoticeService(db)
    stored = service.get(service.create(_events_notice()))
    lecture, walk, task = stored.activities
    assert (lecture.place, lecture.participants, lecture.responsible_person) == (
        "区工人文化宫二楼多功能厅",
        "各单位女职工代表",
        "钟敏",
    )
    assert lecture.period is not None and lecture.period.timed
    assert (lecture.period.start, lecture.period.start_time, lecture.period.end_time) == (
        dt.date(2024, 3, 6),
        dt.time(14, 30),
        dt.time(16, 30),
    )
    assert walk.period is not None
    assert (walk.period.start_time, walk.period.end_time) == (dt.time(9, 30), None)
    assert walk.responsible_person is None
    assert task.period is not None and not task.period.timed
    assert (task.place, task.participants) == ("", "")
    # the 全部活动 rows and the calendar read the same
    rows = ActivityQueryService(db).rows()
    by_title = {row.activity.title: row.activity for row in rows}
    assert by_title["女职工素质提升讲座"] == lecture
    assert by_title["女职工健步行活动"].period == walk.period


def test_times_follow_the_text_when_it_is_edited(db) -> None:
    service = NoticeService(db)
    notice = service.get(service.create(_events_notice()))
    notice.activities[2].deadline = "3月20日14:00"
    service.update(notice)
    task = service.get(notice.id or 0).activities[2]
    assert task.period is not None
    assert (task.period.start, task.period.start_time) == (dt.date(2024, 3, 20), dt.time(14))
    notice = service.get(notice.id or 0)
    notice.activities[0].deadline = "3月7日"
    service.update(notice)
    lecture = service.get(notice.id or 0).activities[0]
    assert lecture.period is not None and not lecture.period.timed


def test_update_activity_keeps_and_changes_the_event_fields(db) -> None:
    service = NoticeService(db)
    notice_id = service.create(_events_notice())
    before = service.get(notice_id)
    assert before.version is not None
    edited = before.activities[0]
    edited.title = "女职工法律知识讲座"
    version = service.update_activity(notice_id, before.version, 0, edited)
    after = service.get(notice_id)
    assert after.version == version
    assert after.activities[0] == edited  # place, people and times kept
    edited.place, edited.participants, edited.responsible_person = "区图书馆", "全体女职工", None
    edited.deadline = "3月9日上午10时"
    service.update_activity(notice_id, version, 0, edited)
    changed = service.get(notice_id).activities[0]
    assert (changed.place, changed.participants, changed.responsible_person) == (
        "区图书馆",
        "全体女职工",
        None,
    )
    assert changed.period is not None
    assert (changed.period.start, changed.period.start_time, changed.period.end_time) == (
        dt.date(2024, 3, 9),
        dt.time(10),
        None,
    )


def test_the_time_column_orders_events_by_their_hour(db) -> None:
    NoticeService(db).create(_events_notice())
    rows = ActivityQueryService(db).rows(order=ActivityOrder.TIME)
    assert [row.activity.title for row in rows] == [
        "女职工健步行活动",
        "女职工素质提升讲座",
        "读书分享会",
    ]
    by_place = ActivityQueryService(db).rows(order=ActivityOrder.PLACE)
    assert [row.activity.place for row in by_place] == ["区工人文化宫二楼多功能厅", "滨海步道", ""]
    by_period = ActivityQueryService(db).rows(
        ActivityFilter(first=dt.date(2024, 3, 6)), order=ActivityOrder.PERIOD
    )
    # the two events of 3月6日: the earlier hour first
    assert [row.activity.title for row in by_period] == [
        "女职工健步行活动",
        "女职工素质提升讲座",
        "读书分享会",
    ]


@pytest.mark.parametrize(
    "word", ["工人文化宫", "文化宫", "宫", "女职工代表", "代表", "钟敏", "敏", "滨海步道"]
)
def test_a_place_or_a_person_finds_the_notice(db, word: str) -> None:
    service = NoticeService(db)
    notice_id = service.create(_events_notice())
    service.create(NoticeData(title="关于其他工作的通知", activities=[TASK]))
    indexed, scanned = NoticeSearch(db), NoticeSearch(db, use_index=False)
    assert indexed.matching_ids(word) == scanned.matching_ids(word) == {notice_id}
    # and after an edit of the place, the new one is found, the old one no more
    notice = service.get(notice_id)
    notice.activities[0].place = "职工之家"
    notice.activities[1].place = "职工之家"
    notice.activities[0].participants = notice.activities[0].responsible_person = ""
    service.update(notice)
    assert indexed.matching_ids(word) == scanned.matching_ids(word) == set()
    assert indexed.matching_ids("职工之家") == scanned.matching_ids("职工之家") == {notice_id}


@pytest.mark.parametrize("schema", ["schema_0001.sqlite", "schema_0006.sqlite"])
def test_old_databases_upgrade_and_hold_events(tmp_path, test_data, schema: str) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(test_data / schema, path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision() == migrations.HEAD
        with database.read_session() as session:
            columns = {
                row[1] for row in session.execute(text("PRAGMA table_info(activities)"))
            }
            old_rows = session.execute(
                text("SELECT count(*) FROM activities WHERE place = '' AND start_time IS NULL")
            ).scalar_one()
            activities = session.execute(text("SELECT count(*) FROM activities")).scalar_one()
        assert {"place", "participants", "responsible_person", "start_time", "end_time"} <= columns
        assert old_rows == activities > 0
        search = NoticeSearch(database)
        assert search.matching_ids("职工书屋")  # the old notices are still found
        assert search.matching_ids("书屋")
        service = NoticeService(database)
        notice_id = service.create(_events_notice())
        lecture = service.get(notice_id).activities[0]
        assert lecture.place == "区工人文化宫二楼多功能厅"
        assert lecture.period is not None and lecture.period.start_time == dt.time(14, 30)
        for word in ("工人文化宫", "钟敏", "女职工代表"):
            assert search.matching_ids(word) == {notice_id}, word
        # an old notice edited in the 全部活动 table keeps its (empty) event fields
        old = service.list()[-1]
        data = service.get(old.id)
        if data.activities and data.version is not None:
            first = data.activities[0]
            first.place = "省总工会三楼会议室"
            service.update_activity(old.id, data.version, 0, first)
            assert search.matching_ids("三楼会议室") == {old.id}
    finally:
        database.dispose()
