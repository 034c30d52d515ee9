"""Department aliases, merging two departments (one transaction) and undoing a merge."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.storage.models import ActivityDepartment, ChangeLogEntry
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.change_feed import ChangeFeed
from unionoffice.storage.services.departments import DepartmentService
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.organs import OrganService
from unionoffice.storage.services.search import NoticeSearch

ORGAN = "海东市总工会"


@pytest.fixture
def organ_id(db) -> int:
    return OrganService(db).create_organ(
        ORGAN, series_codes=["东工发"], departments=["办公室", "宣教部", "组织部"]
    )


def _plan(db, organ_id: int) -> int:
    """A notice whose plan names 宣教部 and a department 省总宣教部 added later."""
    OrganService(db).add_department(organ_id, "省总宣教部")
    return NoticeService(db).create(
        NoticeData(
            title="关于开展职工读书活动的通知",
            organ=ORGAN,
            year=2026,
            activities=[
                ActivityData(title="读书月", deadline="4月份", lead=["省总宣教部"]),
                ActivityData(title="征文", lead=["宣教部"], cooperating=["省总宣教部"]),
                ActivityData(title="书屋", lead=["省总宣教部", "宣教部"], cooperating=["办公室"]),
            ],
        )
    )


def _links(db) -> list[tuple[int, str, int, str, int | None]]:
    with db.read_session() as session:
        return list(
            session.execute(
                select(
                    ActivityDepartment.activity_id,
                    ActivityDepartment.role,
                    ActivityDepartment.position,
                    ActivityDepartment.name,
                    ActivityDepartment.department_id,
                ).order_by(ActivityDepartment.activity_id, ActivityDepartment.role,
                           ActivityDepartment.position)
            ).all()
        )  # fmt: skip


def test_merge_moves_links_keeps_the_name_as_alias_and_is_undone(db, organ_id) -> None:
    notice_id = _plan(db, organ_id)
    service, organs = DepartmentService(db), OrganService(db)
    before = _links(db)
    assert service.links(organ_id, "省总宣教部") == 3

    merge = service.merge(organ_id, "省总宣教部", "宣教部")
    assert organs.department_names(organ_id) == ["办公室", "宣教部", "组织部"]
    assert service.aliases(organ_id, "宣教部") == ["省总宣教部"]
    assert merge.notice_ids == {notice_id} and merge.activities_moved == 2
    plan = NoticeService(db).get(notice_id).activities
    assert [(a.lead, a.cooperating) for a in plan] == [
        (["宣教部"], []),
        (["宣教部"], ["宣教部"]),
        (["宣教部"], ["办公室"]),  # named twice: once now
    ]
    # filters and colours see one department now
    assert "省总宣教部" not in ActivityQueryService(db).department_names()
    # search reads the kept name from the joined texts
    search = NoticeSearch(db)
    assert search.matching_ids("宣教部") == {notice_id}
    assert search.matching_ids("省总宣") == set()

    service.undo_merge(merge)
    assert organs.department_names(organ_id) == ["办公室", "宣教部", "组织部", "省总宣教部"]
    assert service.aliases(organ_id, "宣教部") == []
    after = _links(db)
    # the same rows again; the restored department has a new id
    assert [r[:4] for r in after] == [r[:4] for r in before]
    assert [r[4] is None for r in after] == [r[4] is None for r in before]
    assert search.matching_ids("省总宣") == {notice_id}


def test_a_merge_is_one_transaction(db, organ_id, monkeypatch) -> None:
    _plan(db, organ_id)
    before = _links(db)
    service = DepartmentService(db)
    import unionoffice.storage.services.departments as module

    def broken(_departments) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(module, "_renumber", broken)
    with pytest.raises(RuntimeError):
        service.merge(organ_id, "省总宣教部", "宣教部")
    assert _links(db) == before
    assert OrganService(db).department_names(organ_id)[-1] == "省总宣教部"
    assert service.aliases(organ_id, "宣教部") == []


def test_a_department_cannot_be_merged_into_itself_or_a_missing_one(db, organ_id) -> None:
    service = DepartmentService(db)
    with pytest.raises(ConflictError):
        service.merge(organ_id, "宣教部", "宣教部")
    with pytest.raises(Exception, match="不在部门列表中"):
        service.merge(organ_id, "宣教部", "没有的部")


def test_aliases_are_kept_and_refused_when_they_name_another_department(db, organ_id) -> None:
    service = DepartmentService(db)
    assert service.set_aliases(organ_id, "宣教部", ["宣传教育部", " 宣传部 ", "宣传部"]) == [
        "宣传教育部",
        "宣传部",
    ]
    for taken in ("组织部", "宣传部"):
        with pytest.raises(ConflictError):
            service.set_aliases(organ_id, "办公室", [taken])
    with pytest.raises(ConflictError):
        service.set_aliases(organ_id, "宣教部", ["宣教部"])
    assert service.set_aliases(organ_id, "宣教部", ["宣传部"]) == ["宣传部"]
    matcher = service.matcher_of(ORGAN)
    assert matcher.match("宣传部") == "宣教部" and matcher.match("宣传教育部") is None
    assert matcher.match("海东市总工会组织部") == "组织部"


def test_a_plan_saved_with_an_alias_stores_the_department(db, organ_id) -> None:
    DepartmentService(db).set_aliases(organ_id, "宣教部", ["宣传教育部"])
    notice_id = NoticeService(db).create(
        NoticeData(
            title="通知",
            organ=ORGAN,
            activities=[ActivityData(title="一", lead=["宣传教育部", "宣教部"])],
        )
    )
    assert NoticeService(db).get(notice_id).activities[0].lead == ["宣教部"]
    assert all(r[4] is not None for r in _links(db))


def test_other_windows_hear_of_aliases(db, organ_id) -> None:
    feed = ChangeFeed(db)
    last = feed.latest()
    DepartmentService(db).set_aliases(organ_id, "宣教部", ["宣传教育部"])
    assert feed.since(last).changes.departments
    with db.read_session() as session:
        assert session.scalar(select(ChangeLogEntry.kind).order_by(ChangeLogEntry.id.desc())) == (
            "departments"
        )
