"""The forms offices write 完成时限, 牵头部门, 配合部门, 责任部门 and 责任领导 in."""

from __future__ import annotations

import pytest

from unionoffice.domain.notice import ActivityData
from unionoffice.importing.activity_info import (
    FIRST_LEADS_RE,
    first_sentence,
    parse_info,
    split_deadline_note,
    split_departments,
    split_inline_info,
)


@pytest.mark.parametrize(
    ("value", "names"),
    [
        ("省总宣教部、省总经济部", ["省总宣教部", "省总经济部"]),
        (
            "省总干部学校,各市（州）总工会，省级各产业工会",
            ["省总干部学校", "各市（州）总工会", "省级各产业工会"],
        ),
        ("财务部及各县（区）总工会等。", ["财务部", "各县（区）总工会"]),
        (
            "研究室、经济技术部、网络和社会工作部等省总各部室。",
            ["研究室", "经济技术部", "网络和社会工作部", "省总各部室"],
        ),
        ("各市（州、县）总工会", ["各市（州、县）总工会"]),
        ("宣教部\n网络部", ["宣教部", "网络部"]),
        ("宣教部等单位", ["宣教部"]),
        ("", []),
        ("宣教部、宣教部", ["宣教部"]),
    ],
)
def test_split_departments(value: str, names: list[str]) -> None:
    assert split_departments(value) == names


def _apply(text: str, first_leads: bool = False) -> ActivityData:
    info = parse_info(text)
    assert info is not None
    return info.apply_to(ActivityData(title="t"), first_leads)


def test_label_lines_with_half_width_colons_and_spaces() -> None:
    activity = _apply(
        "完成时限 : 4 月份  牵头部门: 省总宣教部 配合部门 ：西宁市总工会、海西州总工会"
    )
    assert (activity.deadline, activity.lead, activity.cooperating) == (
        "4月份",
        ["省总宣教部"],
        ["西宁市总工会", "海西州总工会"],
    )


RESPONSIBLE = "责任领导：赵文斌；责任部门：宣教科，组织科、各乡镇（街道）工会；完成时限：6月底前"


def test_responsible_departments_all_lead() -> None:
    """Issue 15: 责任单位 alone are lead departments, in their order."""
    activity = _apply(RESPONSIBLE)
    assert activity.lead == ["宣教科", "组织科", "各乡镇（街道）工会"]
    assert activity.cooperating == []
    assert activity.leader == "赵文斌"
    assert activity.deadline == "6月底前"


def test_responsible_departments_first_one_leads_where_the_notice_says_so() -> None:
    activity = _apply(RESPONSIBLE, first_leads=True)
    assert activity.lead == ["宣教科"]
    assert activity.cooperating == ["组织科", "各乡镇（街道）工会"]


@pytest.mark.parametrize(
    "text",
    ["排名第一的部室为牵头部门，下同", "各项任务排名第一的部室为牵头部门，其余为配合部门",
     "责任单位排在首位的为牵头单位", "第一个单位为牵头单位"],
)  # fmt: skip
def test_notes_that_make_the_first_department_lead(text: str) -> None:
    assert FIRST_LEADS_RE.search(text)


def test_people_place_participants_and_contact() -> None:
    activity = _apply(
        "时间：3月8日上午9时30分 地点：工人文化宫二楼 参加人员：各部室女职工；"
        "负责人：郑芳、王敏；联系人：钟敏，电话0592-5123456"
    )
    assert activity.deadline == "3月8日上午9时30分"
    assert activity.place == "工人文化宫二楼"
    assert activity.participants == "各部室女职工"
    assert activity.responsible_person == "郑芳、王敏"
    assert activity.note == "联系人：钟敏，电话0592-5123456"


def test_a_word_ending_in_time_or_place_is_no_label() -> None:
    assert parse_info("报名时间：4月 集合地点：东门") is None


@pytest.mark.parametrize(
    ("value", "deadline", "note"),
    [
        ("9月30日前（遇节假日顺延）", "9月30日前", "遇节假日顺延"),
        ("全年）（排名第一的部室为牵头部门，下同）", "全年", "排名第一的部室为牵头部门，下同"),
        ("3月8日（星期二）上午", "3月8日（星期二）上午", ""),
        ("5月9日（周五）", "5月9日（周五）", ""),
        (" 4 月份。", "4月份", ""),
    ],
)
def test_deadline_and_the_note_after_it(value: str, deadline: str, note: str) -> None:
    assert split_deadline_note(value) == (deadline, note)


def test_explicit_lead_wins_over_responsible() -> None:
    activity = _apply("牵头部门：办公室；责任单位：办公室、财务部")
    assert (activity.lead, activity.cooperating) == (["办公室"], ["财务部"])


def test_no_labels() -> None:
    assert parse_info("组织开展活动") is None


@pytest.mark.parametrize(
    ("text", "rest", "lead", "cooperating", "deadline"),
    [
        (
            "推荐评选活动。广泛营造氛围。（牵头部门：经济技术部，配合部门：宣教部。）",
            "推荐评选活动。广泛营造氛围。",
            ["经济技术部"],
            ["宣教部"],
            "",
        ),
        (
            "开展读书月活动（牵头部门：宣教部；完成时限：4月23日前）。",
            "开展读书月活动。",
            ["宣教部"],
            [],
            "4月23日前",
        ),
        (
            "组织劳模疗休养。（区总经济部牵头，各街道工会配合）",
            "组织劳模疗休养。",
            ["区总经济部"],
            ["各街道工会"],
            "",
        ),
        (
            "举办健步走活动。牵头部门：文体部；完成时限：5月",
            "举办健步走活动。",
            ["文体部"],
            [],
            "5月",
        ),
        ("慰问（牵头部门：各市（州）总工会）", "慰问", ["各市（州）总工会"], [], ""),
    ],
)
def test_inline_info(
    text: str, rest: str, lead: list[str], cooperating: list[str], deadline: str
) -> None:
    remaining, info = split_inline_info(text)
    assert info is not None
    activity = info.apply_to(ActivityData(title="t"))
    assert (remaining, activity.lead, activity.cooperating, activity.deadline) == (
        rest,
        lead,
        cooperating,
        deadline,
    )


def test_a_note_bracket_after_the_information() -> None:
    remaining, info = split_inline_info(
        "开展宣讲。（责任部室：宣传教育部、网络工作部；完成时限：全年）（排名第一的部室为牵头部门，下同）"
    )
    assert info is not None and remaining == "开展宣讲。"
    activity = info.apply_to(ActivityData(title="t"), first_leads=True)
    assert (activity.lead, activity.cooperating) == (["宣传教育部"], ["网络工作部"])
    assert (activity.deadline, activity.note) == ("全年", "排名第一的部室为牵头部门，下同")


def test_brackets_without_labels_stay_in_the_text() -> None:
    assert split_inline_info("命名创新工作室10个（含劳模工作室）。") == (
        "命名创新工作室10个（含劳模工作室）。",
        None,
    )


def test_first_sentence() -> None:
    assert first_sentence("开展工运理论研究。坚持以史鉴今。") == "开展工运理论研究"
    assert first_sentence("举办比赛") == "举办比赛"
    assert first_sentence("开展“党史天天读”活动！每天推送。") == "开展“党史天天读”活动"
