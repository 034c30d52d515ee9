from datetime import date

import pytest

from unionoffice.domain.deadline import Period
from unionoffice.domain.errors import ConflictError, NotFoundError
from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.models import ActivityDepartment, Notice
from unionoffice.storage.services import NoticeService, NumberingService, OrganService


def plan_notice(**changes) -> NoticeData:
    data = NoticeData(
        title="青海省总工会办公室关于印发《系列活动方案》的通知",
        organ="青海省总工会办公室",
        series_code="青总办",
        year=2021,
        recipients="各市（州）总工会：",
        date=date(2021, 4, 6),
        body=[
            Block.paragraph("现将方案印发给你们。"),
            Block.attachment("系列活动方案"),
            Block.heading(1, "总体要求"),
            Block.paragraph("以……为指导。"),
            Block.heading(1, "活动内容"),
            Block.heading(1, "工作要求"),
            Block.heading(2, "高度重视，精心组织"),
        ],
        signature="青海省总工会办公室",
        remark="（联系人：车永秀，电话：0971-8236825）",
        activities=[
            ActivityData(
                title="举办宣讲活动",
                text="举办宣讲活动。组织宣讲团。",
                section="活动内容",
                deadline="4月份",
                lead=["省总宣教部"],
                cooperating=["西宁市总工会", "海西州总工会"],
            ),
            ActivityData(
                title="开展知识竞赛",
                section="活动内容",
                deadline="6月底前",
                lead=["省总宣教部", "某个新部门"],
                leader="张明",
                status=ActivityStatus.IN_PROGRESS,
            ),
            ActivityData(title="另行安排的活动", section="活动内容", deadline="根据工作需要"),
        ],
    )
    for key, value in changes.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def notices(db):
    OrganService(db).create_organ("青海省总工会办公室", departments=["省总宣教部", "省总经济部"])
    return NoticeService(db)


def test_round_trip_keeps_everything(notices):
    notice_id = notices.create(plan_notice())
    stored = notices.get(notice_id)
    original = plan_notice()
    assert stored.title == original.title
    assert stored.body == original.body
    assert stored.outline == ["总体要求", "活动内容", "工作要求"]
    assert stored.remark == original.remark
    assert [a.title for a in stored.activities] == [
        "举办宣讲活动",
        "开展知识竞赛",
        "另行安排的活动",
    ]
    first, second, third = stored.activities
    assert first.cooperating == ["西宁市总工会", "海西州总工会"]
    assert first.period == Period(date(2021, 4, 1), date(2021, 4, 30))
    # A pure deadline runs from the day the notice was signed.
    assert second.period == Period(date(2021, 4, 6), date(2021, 6, 30))
    assert second.leader == "张明" and second.status is ActivityStatus.IN_PROGRESS
    assert third.deadline == "根据工作需要" and third.period is None


def test_departments_link_to_the_master_list_and_unknown_names_are_kept(notices, db):
    notices.create(plan_notice())
    with db.read_session() as session:
        rows = {r.name: r.department_id for r in session.query(ActivityDepartment)}
    assert rows["省总宣教部"] is not None
    assert rows["某个新部门"] is None  # kept as written, not dropped
    assert "某个新部门" in notices.departments_in_use()


def test_update_with_a_stale_version_is_refused_and_changes_nothing(notices):
    notice_id = notices.create(plan_notice())
    mine = notices.get(notice_id)
    theirs = notices.get(notice_id)
    theirs.title = "他人修改的标题"
    notices.update(theirs)
    mine.title = "我的标题"
    mine.activities = []
    with pytest.raises(ConflictError, match="其他用户"):
        notices.update(mine)
    stored = notices.get(notice_id)
    assert stored.title == "他人修改的标题" and len(stored.activities) == 3


def test_update_replaces_body_and_activities(notices):
    notice_id = notices.create(plan_notice())
    data = notices.get(notice_id)
    data.body = [Block.paragraph("新的正文")]
    data.activities[0].deadline = "5-6月份"
    del data.activities[2]
    new_version = notices.update(data)
    stored = notices.get(notice_id)
    assert stored.version == new_version > data.version
    assert stored.body == [Block.paragraph("新的正文")]
    assert len(stored.activities) == 2
    assert stored.activities[0].period == Period(date(2021, 5, 1), date(2021, 6, 30))


def test_a_taken_number_rolls_the_whole_create_back(notices, db):
    first = notices.create(plan_notice())
    notices.allocate_number(first)
    with pytest.raises(ConflictError, match="已被占用"):
        notices.create(plan_notice(title="重号的通知", number=1))
    with db.read_session() as session:
        assert session.query(Notice).count() == 1


def test_a_notice_created_with_a_reserved_number_takes_it(notices, db):
    NumberingService(db).allocate("青总办", 2021)
    notice_id = notices.create(plan_notice(number=1))
    assert notices.get(notice_id).doc_number == "青总办〔2021〕1号"
    assert NumberingService(db).register("青总办", 2021).rows[0].notice_id == notice_id


def test_recycle_bin(notices, db):
    keep = notices.create(plan_notice())
    gone = notices.create(plan_notice(title="要删除的通知"))
    notices.allocate_number(gone)
    notices.delete(gone)
    assert [s.id for s in notices.list()] == [keep]
    assert [s.id for s in notices.list(only_deleted=True)] == [gone]
    with pytest.raises(NotFoundError):
        notices.get(gone)
    notices.restore(gone)
    assert {s.id for s in notices.list()} == {keep, gone}
    notices.delete(gone)
    assert notices.purge_deleted() == 1
    # The number stays taken in the register, with the title it had.
    row = NumberingService(db).register("青总办", 2021).rows[0]
    assert row.notice_id is None and row.title == "要删除的通知"
    assert NumberingService(db).allocate("青总办", 2021).doc_number.number == 2


def test_list_filters_and_counts(notices):
    a = notices.create(plan_notice())
    notices.create(plan_notice(year=2022, series_code="青总办通"))
    summaries = notices.list(year=2021)
    assert [s.id for s in summaries] == [a]
    assert summaries[0].activity_count == 3 and summaries[0].organ == "青海省总工会办公室"
    assert [s.series_code for s in notices.list(series_code="青总办通")] == ["青总办通"]


def test_missing_notice(notices):
    with pytest.raises(NotFoundError, match="99"):
        notices.get(99)


def test_update_can_change_the_issuing_organ(notices):
    notice_id = notices.create(plan_notice())
    data = notices.get(notice_id)
    data.organ = "西宁市总工会"
    notices.update(data)
    assert notices.get(notice_id).organ == "西宁市总工会"


def test_drafts_come_last_on_every_backend(notices):
    """Newest year first, highest 文号 first; a draft without year or number after them all,
    on SQLite and PostgreSQL alike (their NULL orders differ)."""
    undated = notices.create(NoticeData(title="没有年份的草稿"))
    draft = notices.create(NoticeData(title="2021年的草稿", series_code="青总办", year=2021))
    first = notices.create(NoticeData(title="一号", series_code="青总办", year=2021, number=1))
    second = notices.create(NoticeData(title="二号", series_code="青总办", year=2021, number=2))
    older = notices.create(NoticeData(title="旧", series_code="青总办", year=2020, number=9))
    assert [s.id for s in notices.list()] == [second, first, draft, older, undated]
    assert [s.id for s in notices.list(ids=[undated, first])] == [first, undated]


def test_the_list_keeps_one_copy_of_what_its_notices_repeat(db) -> None:
    """The tree holds the whole list: a series code, the organ, a folder or a year that many
    notices share is one object, not one per notice."""
    fill_demo(db)
    summaries = NoticeService(db).list()
    for field in ("series_code", "organ", "folder", "year"):
        values = [getattr(summary, field) for summary in summaries]
        assert len({id(value) for value in values}) == len(set(values)) < len(values), field
