"""What an import result says it understood (文号, title, date, activities) and what it finds
doubtful: activities without dates, departments not on the organ's list."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.importing import import_file, import_text
from unionoffice.importing.understood import (
    ImportedFacts,
    undated_activities,
    unlisted_departments,
)
from unionoffice.storage.demo import PROVINCIAL, PROVINCIAL_DEPARTMENTS, fill_demo
from unionoffice.storage.services import NoticeService

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"

EVENTS = """白鹭湾区总工会

关于举办职工健步行活动的通知

各街道工会：

现将具体安排如下：

（一）女职工健步行活动

时间：3月8日上午9时30分
地点：白鹭湾滨海步道

（二）经验交流会

时间：根据工作安排另行通知
地点：区总工会会议室

白鹭湾区总工会
2024年3月1日
"""


def test_the_result_names_what_was_read(db) -> None:
    result = import_file(db, SAMPLES / "qinghai-2021-15.txt")
    assert result.status == "created" and result.facts is not None
    stored = NoticeService(db).get(result.notice_id or 0)
    assert result.facts == ImportedFacts.of(stored)
    assert result.facts.doc_number == "青总办〔2021〕15号"
    assert result.facts.date is None  # the sample has no 成文日期
    assert result.facts.activity_count == len(stored.activities) == 21
    # imported again: skipped, and still says what the file holds
    again = import_file(db, SAMPLES / "qinghai-2021-15.txt")
    assert again.status == "skipped" and again.facts == result.facts


def test_departments_off_the_organs_list_are_reported(db) -> None:
    fill_demo(db)  # 青海省总工会办公室 with its department list
    result = import_file(db, SAMPLES / "qinghai-2021-15.txt")
    (warning,) = [w for w in result.warnings if "部门列表" in w]
    assert "西宁市总工会" in warning and "省总宣教部" not in warning
    # the names stay as written
    stored = NoticeService(db).get(result.notice_id or 0)
    assert any("西宁市总工会" in a.cooperating for a in stored.activities)


def test_activities_without_dates_are_reported(db) -> None:
    result = import_text(db, EVENTS.encode("utf-8"))
    assert result.status == "created" and result.facts is not None
    assert result.facts.activity_count == 2
    assert (result.facts.doc_number, result.facts.date) == (None, dt.date(2024, 3, 1))
    assert "1 项活动没有可推算的日期（第 2 项），日历和安排表中不显示" in result.warnings
    assert not any("部门列表" in w for w in result.warnings)  # a new organ has no list


def test_doubts_name_few_and_count_many() -> None:
    notice = NoticeData(
        title="通知",
        year=2021,
        activities=[ActivityData(title=f"活动{n}", lead=[f"部门{n}"]) for n in range(1, 11)],
    )
    (undated,) = undated_activities(notice)
    assert undated.startswith("10 项活动没有可推算的日期（第 1、2、3、4、5、6、7、8 等 项）")
    (unlisted,) = unlisted_departments(notice, PROVINCIAL_DEPARTMENTS)
    assert "部门1、部门2" in unlisted and "部门8等 10 个" in unlisted
    assert unlisted_departments(notice, []) == []
    notice.year = None
    assert undated_activities(notice) == []  # the missing year is said instead


NAMED_OTHERWISE = """青海省总工会办公室

关于开展职工读书活动的通知

各市（州）总工会：

现将有关安排通知如下：

一、读书月活动（牵头部门：宣教部；配合部门：青海省总工会办公室、团委；完成时限：4月底前）

二、书香家庭评选（牵头部门：宣传教育部；完成时限：6月底前）

青海省总工会
2026年3月1日
"""


def test_departments_written_otherwise_are_stored_as_listed(db) -> None:
    from unionoffice.storage.services.departments import DepartmentService
    from unionoffice.storage.services.organs import OrganService

    fill_demo(db)
    organ = next(o for o in OrganService(db).organs() if o.name == PROVINCIAL)
    DepartmentService(db).set_aliases(organ.id, "省总宣教部", ["宣传教育部"])
    result = import_text(db, NAMED_OTHERWISE.encode("utf-8"))
    assert result.status == "created", result.error
    stored = NoticeService(db).get(result.notice_id or 0)
    assert [a.lead for a in stored.activities] == [["省总宣教部"], ["省总宣教部"]]
    assert stored.activities[0].cooperating == ["省总办公室", "团委"]
    (matched,) = [w for w in result.warnings if "对应为本机关的部门" in w]
    assert "宣教部→省总宣教部" in matched and "宣传教育部→省总宣教部" in matched
    assert "青海省总工会办公室→省总办公室" in matched
    (unlisted,) = [w for w in result.warnings if "部门列表" in w]
    assert "团委" in unlisted and "宣教部" not in unlisted
