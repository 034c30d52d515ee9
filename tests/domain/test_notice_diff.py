"""What a conflict message lists: the parts of the clerk's copy that differ from the database."""

from __future__ import annotations

import dataclasses
import datetime as dt

from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.domain.notice_diff import (
    describe_conflict,
    describe_differences,
    notice_differences,
)


def _notice() -> NoticeData:
    return NoticeData(
        title="关于开展劳动竞赛的通知",
        recipients="各市（州）总工会：",
        body=[Block.heading(1, "总体要求"), Block.paragraph("坚持服务职工。")],
        date=dt.date(2021, 3, 1),
        activities=[ActivityData(title="启动仪式", deadline="3月份", lead=["省总宣教部"])],
        version=1,
    )


def test_identical_notices_have_no_differences() -> None:
    assert notice_differences(_notice(), _notice()) == []
    # the version and surrounding spaces are not what a clerk would call a change
    other = dataclasses.replace(_notice(), version=2, title=" 关于开展劳动竞赛的通知 ")
    assert notice_differences(_notice(), other) == []


def test_fields_are_named_in_chinese_with_counts() -> None:
    mine = _notice()
    theirs = _notice()
    theirs.title = "关于开展劳动竞赛活动的通知"
    theirs.recipients = "各产业工会："
    theirs.body.append(Block.paragraph("加强领导。"))
    theirs.activities.append(ActivityData(title="总结表彰", deadline="12月份"))
    theirs.date = dt.date(2021, 3, 2)
    differences = notice_differences(mine, theirs)
    assert [d.key for d in differences] == ["title", "recipients", "date", "body", "activities"]
    text = describe_differences(differences)
    assert text == (
        "标题、主送机关、成文日期、正文（您的 2 段，数据库中 3 段）、"
        "活动安排（您的 1 项，数据库中 2 项，数据库中另有“总结表彰”）"
    )


def test_same_counts_but_other_content() -> None:
    theirs = _notice()
    theirs.activities[0].status = ActivityStatus.DONE
    theirs.body[1] = Block.heading(2, "坚持服务职工。")
    text = describe_differences(notice_differences(_notice(), theirs))
    assert text == (
        "正文（都是 2 段，内容不同）、"
        "活动安排（第 1 项“启动仪式”进度：您的“未开始”，数据库中“已完成”）"
    )


def test_an_activity_conflict_names_the_row_and_both_values() -> None:
    base = _notice()
    base.activities.append(ActivityData(title="职工读书月活动", deadline="4月份", lead=["宣教部"]))
    mine, theirs = dataclasses.replace(base), _notice()
    mine.activities = [dataclasses.replace(a) for a in base.activities]
    theirs.activities = [dataclasses.replace(a) for a in base.activities]
    mine.activities[1].deadline = "5月份"
    theirs.activities[1].deadline = "4—6月份"
    theirs.activities[1].lead = ["宣教部", "女职工部"]
    assert describe_conflict(base, mine, theirs) == (
        "活动安排（第 2 项“职工读书月活动”完成时限：您的“5月份”，数据库中“4—6月份”，"
        "牵头部门：您的“宣教部”，数据库中“宣教部、女职工部”；双方都改了）"
    )
    theirs.activities.append(ActivityData(title="劳模报告会"))
    assert "数据库中另有“劳模报告会”" in describe_conflict(base, mine, theirs)


def test_doc_number_difference() -> None:
    theirs = dataclasses.replace(_notice(), series_code="青总办", year=2021, number=4)
    assert [str(d) for d in notice_differences(_notice(), theirs)] == ["文号"]


def test_a_conflict_says_who_changed_what() -> None:
    base = _notice()
    mine = _notice()
    mine.title = "关于开展劳动竞赛的通知（修订）"
    mine.recipients = "各产业工会："
    theirs = _notice()
    theirs.recipients = "各市（州）总工会、各产业工会："
    theirs.activities.append(ActivityData(title="总结表彰"))
    assert describe_conflict(base, mine, theirs) == (
        "标题（您改的）、主送机关（双方都改了）、"
        "活动安排（您的 1 项，数据库中 2 项，数据库中另有“总结表彰”；对方改的）"
    )
