"""Editing the 发文机关, their 机关代字 and 部门 master lists after the first run."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from unionoffice.domain.errors import ConflictError, NotFoundError, UnionOfficeError
from unionoffice.domain.organs import OrganInfo
from unionoffice.storage.demo import fill_demo
from unionoffice.storage.models import ActivityDepartment, Department, DocNumberSeries
from unionoffice.storage.services.numbering import NumberingService
from unionoffice.storage.services.organs import OrganService


@pytest.fixture
def service(db) -> OrganService:
    return OrganService(db)


@pytest.fixture
def organ(service) -> OrganInfo:
    organ_id = service.create_organ(
        "海东市总工会", series_codes=["东工发"], departments=["办公室", "组织部", "宣教部"]
    )
    return service.organ(organ_id)


def test_update_organ_changes_every_field(service, organ) -> None:
    info = service.update_organ(
        organ.id,
        name=" 海东市总工会 ",
        header_text="海东市总工会文件",
        default_recipients="各县（区）总工会，\n市级各产业工会：",
        default_distributor="",
    )
    assert info == service.organ(organ.id)
    assert info.name == "海东市总工会" and info.header_text == "海东市总工会文件"
    assert info.default_recipients == "各县（区）总工会，市级各产业工会："  # one line
    assert info.default_distributor == "海东市总工会办公室"


def test_update_organ_refuses_an_empty_or_taken_name(service, organ) -> None:
    other = service.create_organ("西宁市总工会")
    for name in ("", "西宁市总工会"):
        with pytest.raises(UnionOfficeError):
            service.update_organ(
                organ.id, name=name, header_text="X", default_recipients="", default_distributor=""
            )
    assert service.organ(organ.id) == organ
    with pytest.raises(NotFoundError):
        service.update_organ(
            other + 99, name="甲", header_text="", default_recipients="", default_distributor=""
        )


def test_add_series_is_listed_and_allocatable(db, service, organ) -> None:
    assert service.add_series(organ.id, " 东工办 ") == "东工办"
    assert service.organ(organ.id).series_codes == ("东工发", "东工办")
    allocation = NumberingService(db).allocate("东工办", 2024)
    assert str(allocation.doc_number) == "东工办〔2024〕1号"
    assert not allocation.series_created


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("", "不能为空"),
        ("东工 办", "空格"),
        ("东工办〔2024〕", "括号"),
        ("东工2办", "数字"),
        ("东工发", "已在本发文机关"),
    ],
)
def test_a_bad_series_code_changes_nothing(db, service, organ, code, words) -> None:
    with pytest.raises(UnionOfficeError, match=words):
        service.add_series(organ.id, code)
    assert service.organ(organ.id).series_codes == ("东工发",)
    with db.read_session() as session:
        assert session.scalar(select(func.count(DocNumberSeries.id))) == 1


def test_a_series_of_another_organ_is_refused_an_unowned_one_adopted(db, service, organ) -> None:
    service.create_organ("西宁市总工会", series_codes=["宁工发"])
    with pytest.raises(ConflictError, match="西宁市总工会"):
        service.add_series(organ.id, "宁工发")
    NumberingService(db).allocate("东工通", 2024)  # made on first use, without an organ
    service.add_series(organ.id, "东工通")
    assert service.organ(organ.id).series_codes == ("东工发", "东工通")


def test_departments_add_rename_move_remove(service, organ) -> None:
    service.add_department(organ.id, "女职工部")
    service.rename_department(organ.id, "宣教部", "宣传教育部")
    assert service.move_department(organ.id, "女职工部", -1) == 2
    assert service.move_department(organ.id, "办公室", -5) == 0  # already first: stays
    service.remove_department(organ.id, "组织部")
    assert service.department_names(organ.id) == ["办公室", "女职工部", "宣传教育部"]
    assert service.move_department(organ.id, "办公室", 1) == 1
    assert service.department_names(organ.id) == ["女职工部", "办公室", "宣传教育部"]


def test_department_errors_change_nothing(service, organ) -> None:
    before = service.department_names(organ.id)
    with pytest.raises(ConflictError, match="已在列表中"):
        service.rename_department(organ.id, "宣教部", "办公室")
    with pytest.raises(ConflictError, match="不能为空"):
        service.rename_department(organ.id, "宣教部", "  ")
    with pytest.raises(ConflictError, match="不能为空"):
        service.add_department(organ.id, "")
    with pytest.raises(NotFoundError, match="财务部"):
        service.remove_department(organ.id, "财务部")
    with pytest.raises(NotFoundError):
        service.move_department(organ.id, "财务部", 1)
    assert service.department_names(organ.id) == before


def test_removing_or_renaming_a_department_keeps_activity_names(db, service) -> None:
    fill_demo(db)
    with db.read_session() as session:
        row = session.execute(
            select(Department.organ_id, Department.name, func.count(ActivityDepartment.id))
            .join(ActivityDepartment, ActivityDepartment.department_id == Department.id)
            .group_by(Department.id)
            .order_by(func.count(ActivityDepartment.id).desc())
        ).first()
    assert row is not None
    organ_id, name, uses = row
    service.rename_department(organ_id, name, f"{name}（新）")
    service.remove_department(organ_id, f"{name}（新）")
    assert name not in service.department_names(organ_id)
    with db.read_session() as session:
        kept = session.scalars(
            select(ActivityDepartment).where(ActivityDepartment.name == name)
        ).all()
    assert len(kept) >= uses
    assert all(link.department_id is None for link in kept)
