"""督办 in storage (migration 0011): the list of what is due or overdue, 进度 and 督办情况
written in place with a check of what the clerk saw, the one-click 次年 fix, and old
databases gaining the column."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from sqlalchemy import inspect, text

from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.domain.supervision import FollowUp, SupervisionQuery
from unionoffice.storage import migrations
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.supervision import SupervisionService

TODAY = dt.date(2026, 6, 1)


def _plan() -> NoticeData:
    return NoticeData(
        title="关于开展2026年职工技能竞赛的通知",
        organ="青山市总工会",
        series_code="青总办",
        year=2026,
        number=12,
        date=dt.date(2026, 1, 15),
        activities=[
            ActivityData(title="制定方案", deadline="5月底前", lead=["宣教部"], leader="王副主席"),
            ActivityData(title="组织初赛", deadline="6月10日", lead=["组织部", "宣教部"]),
            ActivityData(title="决赛", deadline="9月份", lead=["宣教部"]),
            ActivityData(title="总结", deadline="6月5日", lead=["宣教部"],
                         status=ActivityStatus.DONE),
            ActivityData(title="去年的事", deadline="2025年3月", lead=["组织部"]),
        ],
    )  # fmt: skip


@pytest.fixture
def plan(db) -> int:
    return NoticeService(db).create(_plan())


def _titles(db, **query: object) -> list[str]:
    items = SupervisionService(db).items(SupervisionQuery(today=TODAY, **query))  # type: ignore[arg-type]
    return [item.activity.title for item in items]


def test_the_list_holds_what_is_due_within_the_days_and_what_is_overdue(db, plan) -> None:
    assert _titles(db, days=14, overdue_since=dt.date(2026, 1, 1)) == ["制定方案", "组织初赛"]
    assert _titles(db, days=3, overdue_since=dt.date(2026, 1, 1)) == ["制定方案"]
    assert _titles(db, days=14) == ["去年的事", "制定方案", "组织初赛"]  # earlier years too
    assert "总结" in _titles(db, days=14, include_done=True)
    assert _titles(db, days=14, department="组织部") == ["去年的事", "组织初赛"]


def test_an_item_shows_its_notice_year_and_leader(db, plan) -> None:
    item = SupervisionService(db).items(SupervisionQuery(today=TODAY, days=0))[-1]
    assert item.activity.title == "制定方案"
    assert item.doc_number == "青总办〔2026〕12号" and item.notice_year == 2026
    assert item.activity.leader == "王副主席" and item.activity.lead == ["宣教部"]
    assert item.urgency(TODAY) == "逾期 1 天"


def test_a_follow_up_is_written_and_survives_a_save_of_the_notice(db, plan) -> None:
    service, notices = SupervisionService(db), NoticeService(db)
    version = notices.get(plan).version
    seen = FollowUp(ActivityStatus.NOT_STARTED, "")
    new = FollowUp(ActivityStatus.IN_PROGRESS, "6月1日电话督促，已拟方案")
    changes = service.follow_up(plan, 0, "制定方案", seen, new)
    assert changes.activities == {plan} and changes.touches_activities
    stored = notices.get(plan)
    assert stored.version != version  # an open editor learns of it as of any save
    assert FollowUp.of(stored.activities[0]) == new
    stored.title += "（修订）"
    notices.update(stored)  # the whole plan is written again: the note goes with it
    assert notices.get(plan).activities[0].supervision_note == "6月1日电话督促，已拟方案"


def test_a_follow_up_over_a_newer_one_is_refused(db, plan) -> None:
    service = SupervisionService(db)
    first = FollowUp(ActivityStatus.IN_PROGRESS, "已催")
    service.follow_up(plan, 0, "制定方案", FollowUp(ActivityStatus.NOT_STARTED), first)
    with pytest.raises(ConflictError):
        service.follow_up(plan, 0, "制定方案", FollowUp(ActivityStatus.NOT_STARTED), first)
    with pytest.raises(ConflictError):  # the plan changed under the list
        service.follow_up(plan, 0, "组织初赛", first, FollowUp(ActivityStatus.DONE))
    assert FollowUp.of(NoticeService(db).get(plan).activities[0]) == first


def test_the_next_year_fix_rewrites_the_deadline_and_its_period(db) -> None:
    notices = NoticeService(db)
    notice_id = notices.create(
        NoticeData(
            title="关于明年春季活动的通知",
            year=2026,
            date=dt.date(2026, 12, 5),
            activities=[ActivityData(title="春季运动会", deadline="4月份", lead=["宣教部"])],
        )
    )
    period = notices.get(notice_id).activities[0].period
    assert period is not None and period.end == dt.date(2026, 4, 30)
    SupervisionService(db).set_deadline(notice_id, 0, "春季运动会", "4月份", "次年4月份")
    moved = notices.get(notice_id).activities[0]
    assert moved.deadline == "次年4月份"
    assert moved.period is not None and moved.period.end == dt.date(2027, 4, 30)
    with pytest.raises(ConflictError):
        SupervisionService(db).set_deadline(notice_id, 0, "春季运动会", "4月份", "次年4月份")


@pytest.mark.parametrize("schema", ["schema_0001.sqlite", "schema_0006.sqlite"])
def test_old_databases_gain_the_note(tmp_path, test_data, schema: str) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(test_data / schema, path)
    database = Database(path)
    try:
        assert database.schema_revision() == migrations.head_revision() == migrations.HEAD
        with database.read_session() as session:
            notes = session.execute(text("SELECT supervision_note FROM activities")).scalars()
            assert set(notes) == {""}
        items = SupervisionService(database).items(SupervisionQuery(today=TODAY, days=0))
        assert items  # the old plans are all overdue now, and listed
        item = items[0]
        SupervisionService(database).follow_up(
            item.notice_id, item.position, item.activity.title,
            FollowUp.of(item.activity), FollowUp(ActivityStatus.DONE, "已完成，见总结"),
        )  # fmt: skip
        assert len(SupervisionService(database).items(SupervisionQuery(TODAY, 0))) == (
            len(items) - 1
        )
    finally:
        database.dispose()


def test_the_migration_goes_down_and_up_again(db) -> None:
    from alembic import command

    def columns() -> set[str]:
        with db.engine.connect() as connection:
            return {c["name"] for c in inspect(connection).get_columns("activities")}

    notice_id = NoticeService(db).create(_plan())
    assert "supervision_note" in columns()
    with db.engine.begin() as connection:
        command.downgrade(migrations.alembic_config(connection), "0010")
    assert "supervision_note" not in columns() and "place" in columns()
    with db.engine.begin() as connection:
        command.upgrade(migrations.alembic_config(connection), "head")
    assert "supervision_note" in columns()
    assert len(NoticeService(db).get(notice_id).activities) == 5
