"""After a conflict, a notice made part by part from the clerk's copy and the stored one."""

from __future__ import annotations

import copy
import datetime as dt

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_merge import (
    ACTIVITIES,
    BODY,
    ROW_PREFIX,
    conflict_parts,
    merge_parts,
)


def _notice() -> NoticeData:
    return NoticeData(
        title="关于开展读书月活动的通知",
        recipients="各市州总工会：",
        date=dt.date(2021, 3, 1),
        body=[Block.paragraph("为丰富职工文化生活……"), Block.paragraph("请各单位认真组织。")],
        activities=[
            ActivityData(title="读书月启动", deadline="4月份", lead=["宣教部"]),
            ActivityData(title="征文评选", deadline="6月份", lead=["宣教部"]),
            ActivityData(title="成果展示", deadline="9月份", lead=["办公室"]),
        ],
        id=7,
        version=3,
    )


def test_each_differing_part_is_listed_with_both_sides() -> None:
    mine, theirs = _notice(), _notice()
    mine.title = "关于开展2021年读书月活动的通知"
    theirs.recipients = "各产业工会："
    theirs.activities[1].deadline = "7月份"
    mine.activities[2].lead = ["宣教部", "办公室"]
    parts = {part.key: part for part in conflict_parts(mine, theirs)}
    assert list(parts) == ["title", "recipients", f"{ROW_PREFIX}1", f"{ROW_PREFIX}2"]
    assert (parts["title"].mine, parts["title"].theirs) == (mine.title, theirs.title)
    row = parts[f"{ROW_PREFIX}1"]
    assert row.label == "第 2 项活动“征文评选”"
    assert (row.mine, row.theirs) == ("完成时限：6月份", "完成时限：7月份")
    assert parts[f"{ROW_PREFIX}2"].mine == "牵头部门：宣教部、办公室"


def test_the_chosen_parts_come_from_theirs_and_the_rest_stays_mine() -> None:
    mine, theirs = _notice(), _notice()
    mine.title = "我的标题"
    theirs.title = "对方的标题"
    theirs.recipients = "各产业工会："
    mine.activities[0].deadline = "5月份"
    theirs.activities[1].deadline = "7月份"
    theirs.body[1] = Block.paragraph("请各单位于月底前报送。")
    before = copy.deepcopy(mine)
    merged = merge_parts(mine, theirs, {"recipients", f"{ROW_PREFIX}1", BODY})
    assert merged.title == "我的标题" and merged.recipients == "各产业工会："
    assert [a.deadline for a in merged.activities] == ["5月份", "7月份", "9月份"]
    assert merged.body == theirs.body
    assert (merged.id, merged.version) == (mine.id, mine.version)
    assert mine == before  # neither side is changed
    merged.activities[1].deadline = "8月份"
    assert theirs.activities[1].deadline == "7月份"  # no row shared with theirs


def test_plans_of_different_lengths_are_one_part_taken_whole() -> None:
    mine, theirs = _notice(), _notice()
    theirs.activities.append(ActivityData(title="表彰总结", deadline="12月份"))
    mine.activities[0].deadline = "5月份"
    parts = conflict_parts(mine, theirs)
    assert [(p.key, p.mine, p.theirs) for p in parts] == [(ACTIVITIES, "3 项", "4 项")]
    assert [a.title for a in merge_parts(mine, theirs, {ACTIVITIES}).activities][-1] == "表彰总结"
    assert merge_parts(mine, theirs, set()).activities[0].deadline == "5月份"


def test_the_same_notice_has_no_parts() -> None:
    assert conflict_parts(_notice(), _notice()) == []
