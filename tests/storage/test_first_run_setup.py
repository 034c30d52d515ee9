"""Setting up a new database from the first-run wizard: one transaction, checked first."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import event, func, select

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.notice import NoticeData
from unionoffice.storage.models import Department, DocNumberSeries, Organ, RegisterEntry
from unionoffice.storage.services import NoticeService, NumberingService, OrganService, office_setup
from unionoffice.storage.services.office_setup import (
    USED_BEFORE_TITLE,
    USUAL_DEPARTMENTS,
    OfficeSetup,
    SeriesStart,
    SetupError,
    clean_series_code,
    is_new_database,
    set_up_office,
    suggested_distributor,
    suggested_header_text,
    suggested_recipients,
)

QINGHAI = OfficeSetup(
    organ_name="青海省总工会办公室",
    header_text="青海省总工会办公室文件",
    default_recipients="各市（州）总工会，省级各产业工会：",
    default_distributor="青海省总工会办公室",
    year=2025,
    series=(SeriesStart("青总办", 14), SeriesStart("青总发")),
    departments=("办公室", "组织部", "宣教部"),
)


def _row_counts(db) -> dict[str, int]:
    with db.read_session() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Organ, DocNumberSeries, Department, RegisterEntry)
        }


EMPTY = {"organs": 0, "doc_number_series": 0, "departments": 0, "register_entries": 0}


def test_a_new_database_is_new_until_anything_is_written(db) -> None:
    assert is_new_database(db)
    set_up_office(db, QINGHAI)
    assert not is_new_database(db)


@pytest.mark.parametrize("first_write", ["notice", "number"])
def test_a_database_with_notices_or_numbers_but_no_organ_is_not_new(db, first_write) -> None:
    # Notices imported, or numbers taken on the command line, before anyone ran the window.
    if first_write == "notice":
        NoticeService(db).create(NoticeData(title="关于开展读书活动的通知"))
    else:
        NumberingService(db).allocate("青总办", 2025)
    assert not OrganService(db).organs()
    assert not is_new_database(db)


def test_the_check_at_every_start_is_one_query(db) -> None:
    statements: list[str] = []

    def record(_conn, _cursor, statement, *_args) -> None:
        if not statement.startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert is_new_database(db)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert len(statements) == 1, statements


def test_everything_collected_is_written(db) -> None:
    organ_id = set_up_office(db, QINGHAI)
    (organ,) = OrganService(db).organs()
    assert organ.id == organ_id
    assert organ.name == "青海省总工会办公室"
    assert organ.header_text == "青海省总工会办公室文件"
    assert organ.default_recipients == "各市（州）总工会，省级各产业工会："
    assert organ.default_distributor == "青海省总工会办公室"
    assert organ.series_codes == ("青总办", "青总发")
    assert organ.departments == ("办公室", "组织部", "宣教部")


def test_numbers_used_before_the_program_are_registered_and_numbering_follows_on(db) -> None:
    set_up_office(db, QINGHAI)
    numbering = NumberingService(db)
    register = numbering.register("青总办", 2025)
    assert [row.number for row in register.rows] == list(range(1, 15))
    assert {row.title for row in register.rows} == {USED_BEFORE_TITLE}
    assert register.missing == []
    assert str(numbering.allocate("青总办", 2025).doc_number) == "青总办〔2025〕15号"
    assert str(numbering.allocate("青总发", 2025).doc_number) == "青总发〔2025〕1号"


def test_fields_are_tidied_and_empty_texts_get_the_defaults(db) -> None:
    setup = OfficeSetup(
        organ_name=" 西宁市 总工会 ",
        header_text="  ",
        default_recipients=" 各县（区）总工会： ",
        default_distributor="",
        year=2025,
        series=(SeriesStart(" 宁工发 "),),
        departments=(" 办公室 ",),
    )
    set_up_office(db, setup)
    (organ,) = OrganService(db).organs()
    assert organ.name == "西宁市总工会"
    assert organ.header_text == "西宁市总工会文件"
    assert organ.default_recipients == "各县（区）总工会："
    assert organ.default_distributor == "西宁市总工会办公室"
    assert organ.series_codes == ("宁工发",)
    assert organ.departments == ("办公室",)


@pytest.mark.parametrize(
    ("change", "page", "words"),
    [
        ({"organ_name": "  "}, "organ", "发文机关名称"),
        ({"header_text": "长" * 101}, "organ", "发文机关标志过长"),
        ({"series": ()}, "series", "至少填写一个机关代字"),
        ({"series": (SeriesStart(""),)}, "series", "不能为空"),
        ({"series": (SeriesStart("青总 办"),)}, "series", "不能有空格"),
        ({"series": (SeriesStart("青总办〔"),)}, "series", "不能有括号"),
        ({"series": (SeriesStart("青总办(通)"),)}, "series", "不能有括号"),
        ({"series": (SeriesStart("青总办2"),)}, "series", "不能有数字"),
        ({"series": (SeriesStart("青总办２"),)}, "series", "不能有数字"),
        ({"series": (SeriesStart("青总办！"),)}, "series", "应由汉字组成"),
        ({"series": (SeriesStart("青总办"), SeriesStart(" 青总办"))}, "series", "重复"),
        ({"series": (SeriesStart("青总办", -1),)}, "series", "0 到 9999"),
        ({"year": 25}, "series", "年份 25 无效"),
        ({"departments": ("办公室", " ")}, "departments", "部门名称不能为空"),
        ({"departments": ("办公室", "组织部", "办公室 ")}, "departments", "部门“办公室”重复了"),
    ],
)
def test_unusable_input_is_refused_in_chinese_and_nothing_is_written(
    db, change, page, words
) -> None:
    with pytest.raises(SetupError) as raised:
        set_up_office(db, dataclasses.replace(QINGHAI, **change))
    assert isinstance(raised.value, UnionOfficeError)
    assert raised.value.page == page
    assert words in str(raised.value)
    assert _row_counts(db) == EMPTY


def test_a_series_code_already_in_the_database_is_refused_and_nothing_is_written(db) -> None:
    NumberingService(db).allocate("青总发", 2025)  # a number taken on the command line
    before = _row_counts(db)
    with pytest.raises(SetupError, match="机关代字“青总发”已在数据库中") as raised:
        set_up_office(db, QINGHAI)
    assert raised.value.page == "series"
    assert _row_counts(db) == before
    assert OrganService(db).organs() == []


def test_an_organ_already_there_is_refused(db) -> None:
    set_up_office(db, QINGHAI)
    again = dataclasses.replace(QINGHAI, series=(SeriesStart("青总办通"),))
    with pytest.raises(SetupError, match="发文机关“青海省总工会办公室”已存在"):
        set_up_office(db, again)
    assert OrganService(db).series_codes() == ["青总办", "青总发"]


def test_a_failure_while_writing_rolls_the_whole_setup_back(db, monkeypatch) -> None:
    # Skip the checks so the database itself refuses the second 办公室 at the last insert.
    monkeypatch.setattr(office_setup, "clean_setup", lambda setup: setup)
    clash = dataclasses.replace(QINGHAI, departments=("办公室", "组织部", "办公室"))
    with pytest.raises(SetupError, match="数据库未作修改"):
        set_up_office(db, clash)
    assert _row_counts(db) == EMPTY
    assert is_new_database(db)


@pytest.mark.parametrize(
    ("organ", "recipients_start", "distributor"),
    [
        ("青海省总工会办公室", "各市（州）总工会，省级各产业工会", "青海省总工会办公室"),
        ("青海省总工会", "各市（州）总工会，省级各产业工会", "青海省总工会办公室"),
        ("西宁市总工会", "各县（区）总工会，市级各产业工会", "西宁市总工会办公室"),
        ("海西州总工会", "各县（市）总工会，州级各产业工会", "海西州总工会办公室"),
        ("内蒙古自治区总工会", "各市（盟）总工会，自治区各产业工会", "内蒙古自治区总工会办公室"),
        ("中华全国总工会办公厅", "各省、自治区、直辖市总工会", "中华全国总工会办公厅"),
        ("青海省教育工会", "", "青海省教育工会办公室"),
        ("某某公司", "", "某某公司"),
    ],
)
def test_suggested_texts_follow_the_organ(organ, recipients_start, distributor) -> None:
    assert suggested_header_text(organ) == f"{organ}文件"
    recipients = suggested_recipients(organ)
    assert recipients.startswith(recipients_start)
    assert recipients == "" or recipients.endswith("：")
    assert suggested_distributor(organ) == distributor


def test_the_usual_departments_are_themselves_valid() -> None:
    assert office_setup.clean_departments(USUAL_DEPARTMENTS) == USUAL_DEPARTMENTS
    assert {"办公室", "组织部", "宣教部", "权益保障部", "财务部", "女职工部"} <= set(
        USUAL_DEPARTMENTS
    )


def test_a_series_code_is_stripped_at_the_ends_only() -> None:
    assert clean_series_code(" 青总办通\u3000") == "青总办通"
    with pytest.raises(SetupError, match="每行只填一个机关代字"):
        clean_series_code("青总办 青总发")
