"""Forms of notices beside the corpus facts: the body they leave, long lists, the pieces each
form is recognised by, and what must stay as it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from tests.importing.corpus_facts import CORPUS

from unionoffice.domain.notice import Block, BlockKind
from unionoffice.importing import parse_text, prepare_file
from unionoffice.importing.document import Table
from unionoffice.importing.item_text import sentence_deadline, split_date_prefix
from unionoffice.importing.notice_facts import OrganMention, choose_organ, year_in_text
from unionoffice.importing.run_on import split_run_on
from unionoffice.importing.text_tables import group_text_tables


def _section(body: list[Block], title: str) -> list[tuple[int, str]]:
    start = next(i for i, b in enumerate(body) if b.level == 1 and b.text == title)
    end = next((i for i, b in enumerate(body) if i > start and b.level == 1), len(body))
    return [(b.level, b.text) for b in body[start:end]]


def test_numbered_items_under_a_heading_are_blocks_of_their_own() -> None:
    notice = prepare_file(CORPUS / "34-groups-and-outline.txt").parsed.notice
    assert _section(notice.body, "保障措施") == [
        (1, "保障措施"),
        (2, "加强组织领导"),
        (3, "成立行动领导小组。由区总主要负责同志任组长。"),
        (3, "明确部门责任分工。各部室按职责抓好落实。"),
        (4, "宣教部负责学习教育类项目。"),
        (4, "经济部负责技能提升类项目。"),
        (2, "强化经费保障"),
        (0, "区总每年安排专项经费50万元。"),
    ]


def test_items_in_one_word_paragraph_split_at_its_line_breaks(
    make_docx: Callable[..., Path],
) -> None:
    path = make_docx(
        "outline.docx",
        [
            "关于加强工会经费管理的通知",
            "一、工作要求\n（一）加强组织领导\n1.成立工作专班。\n（1）明确专人负责。\n（2）按月调度。",
        ],
    )
    notice = prepare_file(path).parsed.notice
    assert [(b.level, b.text) for b in notice.body] == [
        (1, "工作要求"),
        (2, "加强组织领导"),
        (3, "成立工作专班。"),
        (4, "明确专人负责。"),
        (4, "按月调度。"),
    ]


@pytest.mark.parametrize(("section", "activities"), [("活动内容", 1200), ("工作要求", 0)])
def test_more_than_999_numbered_items_are_all_kept(section: str, activities: int) -> None:
    items = "\n".join(f"{n}.第{n}项工作。组织开展第{n}项工作。" for n in range(1, 1201))
    notice = parse_text(f"关于开展千项活动的通知\n各基层工会：\n一、{section}\n{items}\n").notice
    assert len(notice.activities) == activities
    numbered = [b for b in notice.body if b.level == 3]
    assert len(numbered) == 1200 - activities
    if activities:
        assert notice.activities[999].title == "第1000项工作"
        assert notice.activities[-1].title == "第1200项工作"
    else:
        assert numbered[1199].text == "第1200项工作。组织开展第1200项工作。"


def test_a_notice_that_is_one_event_keeps_its_text() -> None:
    notice = prepare_file(CORPUS / "33-meeting-notice.txt").parsed.notice
    assert notice.outline == ["会议时间", "会议地点", "参加人员", "有关要求"]
    assert notice.remark == "（联系人：冯婷，电话：0888-3216547）"
    (event,) = notice.activities
    assert event.period is not None and event.period.timed


def test_a_contact_under_an_item_belongs_to_it_and_one_at_the_end_to_the_notice() -> None:
    notice = parse_text(
        "关于举办讲座的通知\n各基层工会：\n（一）健康讲座\n时间：3月6日下午2时30分\n"
        "地点：文化宫\n联系人：钟敏\n（二）读书会\n时间：3月9日\n地点：图书馆\n"
        "二〇二四年三月一日\n联系人：王芳，电话：12345678\n"
    ).notice
    assert [a.note for a in notice.activities] == ["联系人：钟敏", ""]
    assert notice.remark == "（联系人：王芳，电话：12345678）"


def test_requirements_after_an_unmarked_plan_stay_outline() -> None:
    notice = prepare_file(CORPUS / "12-unmarked-anpai-ruxia.txt").parsed.notice
    assert [(b.level, b.text) for b in notice.body][-3:] == [
        (0, "有关要求："),
        (3, "各县（区）总工会要参照市总做法，结合实际开展活动。"),
        (3, "请于3月31日前将活动开展情况报市总权益保障部。"),
    ]


def test_paragraphs_after_a_plan_intro_are_activities_only_when_dated() -> None:
    notice = prepare_file(CORPUS / "17-dated-paragraphs.txt").parsed.notice
    assert "请各企业工会做好配合工作。" in [b.text for b in notice.body]
    assert len(notice.activities) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月1日至3月10日，在区文化馆举办展览。", ("3月1日至3月10日", "在区文化馆举办展览。")),
        ("3月8日（星期二）上午，举行大会。", ("3月8日（星期二）上午", "举行大会。")),
        ("4月27日下午3时至5时，召开座谈会。", ("4月27日下午3时至5时", "召开座谈会。")),
        ("2024年3月8日是第114个妇女节。", None),
        ("3月份以来，各级工会积极行动。", None),
        ("开展活动，3月底前完成。", None),
    ],
)
def test_items_that_start_with_their_date(text: str, expected: tuple[str, str] | None) -> None:
    assert split_date_prefix(text) == expected


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("制定计划。各单位结合实际确定名额，4月底前完成。", "4月底前"),
        ("组织疗休养，每批5天，7月至8月完成。", "7月至8月"),
        ("举办比赛，确保9月底前全面完成。", "9月底前"),
        ("举办大赛，11月底前完成决赛。", "11月底前"),
        ("各单位要按时完成。", None),
        ("各单位要认真完成好各项任务，不得敷衍。", None),
    ],
)
def test_deadlines_at_the_end_of_a_sentence(text: str, deadline: str | None) -> None:
    found = sentence_deadline(text)
    assert (found[0] if found else None) == deadline


def test_a_flattened_table_without_numbers_and_a_tab_table() -> None:
    lines = [
        "活动内容", "完成时限", "牵头部门",
        "举办职工运动会", "9月", "文体部",
        "开展读书月", "4月底前", "宣教部",
        "",
        "序号\t活动内容\t时间\t地点",
        "1\t健步行\t3月8日上午\t滨海步道",
        "2\t讲座",
    ]  # fmt: skip
    first, blank, second = group_text_tables(lines)
    assert blank == ""
    assert isinstance(first, Table) and isinstance(second, Table)
    assert first.rows == (
        ("活动内容", "完成时限", "牵头部门"),
        ("举办职工运动会", "9月", "文体部"),
        ("开展读书月", "4月底前", "宣教部"),
    )
    assert second.rows[2] == ("2", "讲座", "", "")


def test_short_lines_that_only_look_like_a_header_stay_lines() -> None:
    lines = ["活动内容", "完成时限", "牵头部门", "各单位要认真组织。"]
    assert group_text_tables(lines) == lines


def test_a_long_paragraph_is_not_cut_like_a_web_page() -> None:
    paragraph = (
        "为切实做好职工服务工作，" * 30 + "现将有关事项通知如下：一是加强领导；二是注重实效。"
    )
    assert split_run_on([paragraph]) == [paragraph]


def test_the_organ_from_the_first_intact_mention() -> None:
    assert (
        choose_organ(
            [
                OrganMention("标志", "梨花湾区总工合"),
                OrganMention("署名", "梨花湾区总工会"),
                OrganMention("盖章", "梨花湾区总工会"),
            ]
        )
        == "梨花湾区总工会"
    )
    assert choose_organ([OrganMention("标志", "松溪县总エ会"), OrganMention("署名", "")]) is None
    assert (
        choose_organ(
            [OrganMention("标志", "青海省总工会"), OrganMention("标题", "青海省总工会办公室")]
        )
        == "青海省总工会"
    )


def test_the_year_the_body_names_most_often_titles_of_other_documents_aside() -> None:
    assert year_in_text(["2020年是收官之年。", "按照《2019年工作要点》，2020年要…"]) == 2020
    assert year_in_text(["依据〔2018〕5号文件和《关于做好2018年工作的通知》"]) is None


def test_a_notice_without_a_year_is_reported_and_has_no_periods() -> None:
    parsed = parse_text("关于开展活动的通知\n一、活动内容\n（一）读书会。（完成时限：4月）\n")
    assert parsed.notice.year is None
    assert parsed.notice.activities[0].period is None
    assert any("未识别到年份" in w for w in parsed.warnings)


def test_kinds_of_blocks_are_unchanged_for_plain_text() -> None:
    notice = parse_text("关于放假的通知\n各部门：\n五一放假五天。\n").notice
    assert [b.kind for b in notice.body] == [BlockKind.PARAGRAPH]
