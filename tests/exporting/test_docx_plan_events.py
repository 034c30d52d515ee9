"""An activity plan of events in Word: 时间/地点/参加对象/责任人 lines as paragraphs, and in the
table under the content and the lead departments, or a 时间 | 地点 | 参加对象 table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from unionoffice.domain.activity_plan import activity_details, activity_table, is_event
from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.exporting.docx import ExportOptions, PlanLayout, export_notice
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD

LECTURE = ActivityData(
    title="女职工素质提升讲座",
    text="女职工素质提升讲座。邀请专家授课。",
    section="活动安排",
    deadline="3月6日下午2时30分至4时30分",
    place="区工人文化宫二楼多功能厅",
    participants="各单位女职工代表",
    responsible_person="钟敏",
)
READING = ActivityData(
    title="读书分享会", section="活动安排", deadline="3月下旬", lead=["女职工部"], leader="李华"
)


def _notice(*activities: ActivityData) -> NoticeData:
    return NoticeData(
        title="关于举办庆祝“三八”国际妇女节系列活动的通知",
        organ="白鹭湾区总工会",
        series_code="白工女",
        year=2024,
        number=2,
        recipients="各街道工会：",
        body=[
            Block.paragraph("现将有关事项通知如下。"),
            Block.heading(1, "活动安排"),
            Block.heading(1, "有关要求"),
            Block.paragraph("请精心组织。"),
        ],
        signature="白鹭湾区总工会",
        date=dt.date(2024, 3, 1),
        activities=list(activities),
    )


def _export(tmp_path: Path, notice: NoticeData, layout: PlanLayout) -> docx.Document:
    path = export_notice(
        notice,
        tmp_path / "plan.docx",
        ExportOptions(letterhead=SPECIMEN_LETTERHEAD, plan_layout=layout),
        user_dir=tmp_path / "none",
    )
    return docx.Document(str(path))


def test_an_event_is_told_from_a_task() -> None:
    assert is_event(LECTURE)
    assert is_event(ActivityData(title="健步行", deadline="3月8日上午9时30分"))
    assert is_event(ActivityData(title="座谈", deadline="3月份", participants="劳模代表"))
    assert not is_event(READING)
    assert activity_details(READING) == [
        ("完成时限", "3月下旬"), ("牵头部门", "女职工部"), ("责任领导", "李华"),
    ]  # fmt: skip


def test_paragraphs_give_time_place_people_and_person(tmp_path: Path) -> None:
    document = _export(tmp_path, _notice(LECTURE, READING), PlanLayout.PARAGRAPHS)
    lines = [p.text for p in document.paragraphs]
    start = lines.index("（一）女职工素质提升讲座。邀请专家授课。")
    assert lines[start + 1 : start + 5] == [
        "时间：3月6日下午2时30分至4时30分",
        "地点：区工人文化宫二楼多功能厅",
        "参加对象：各单位女职工代表",
        "责任人：钟敏",
    ]
    assert lines[start + 5].startswith("（二）读书分享会")
    assert lines[start + 6] == "完成时限：3月下旬"


def test_a_mixed_table_puts_place_under_content_and_person_under_lead(tmp_path: Path) -> None:
    document = _export(tmp_path, _notice(LECTURE, READING), PlanLayout.TABLE)
    (table,) = document.tables[:1]
    assert [c.text for c in table.rows[0].cells] == [
        "序号", "活动内容", "完成时限", "牵头部门", "配合部门",
    ]  # fmt: skip
    content = table.rows[1].cells[1].text.split("\n")
    assert content[1:] == ["地点：区工人文化宫二楼多功能厅", "参加对象：各单位女职工代表"]
    assert table.rows[1].cells[3].text.split("\n")[-1] == "责任人：钟敏"
    assert table.rows[2].cells[3].text.split("\n") == ["女职工部", "责任领导：李华"]


def test_a_plan_of_events_without_departments_is_a_table_of_where_and_who() -> None:
    walk = ActivityData(title="健步行", deadline="3月8日上午9时30分", place="滨海步道")
    table = activity_table([LECTURE, walk])
    assert [cell.paragraphs[0] for cell in table.header] == [
        "序号", "活动内容", "时间", "地点", "参加对象",
    ]  # fmt: skip
    first = [cell.paragraphs for cell in table.rows[0]]
    assert first[2:] == [
        ("3月6日下午2时30分至4时30分",),
        ("区工人文化宫二楼多功能厅",),
        ("各单位女职工代表",),
    ]
    assert first[1][-1] == "责任人：钟敏"
    assert len(table.widths_mm) == 5 and all(width > 0 for width in table.widths_mm)
    # every dated item an event, but departments named: the usual table headed 时间
    with_lead = ActivityData(title="健步行", deadline="3月8日上午9时", lead=["女职工部"])
    headings = [cell.paragraphs[0] for cell in activity_table([with_lead]).header]
    assert headings == ["序号", "活动内容", "时间", "牵头部门", "配合部门"]
