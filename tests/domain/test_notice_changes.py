"""What changed between two versions of a notice, as a clerk reads it; and the three-way merge
of an edited Word file onto the stored notice."""

from __future__ import annotations

import dataclasses
import datetime as dt

from unionoffice.domain.file_update import merge_from_file
from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.domain.notice_changes import align, compare_notices


def _notice() -> NoticeData:
    return NoticeData(
        title="关于开展职工读书月活动的通知",
        recipients="各基层工会：",
        body=[
            Block.paragraph("为丰富职工文化生活，决定开展读书月活动。"),
            Block.heading(1, "工作要求"),
            Block.paragraph("各单位要认真组织。"),
        ],
        date=dt.date(2024, 3, 1),
        activities=[
            ActivityData(title="读书分享会", deadline="4月份", lead=["宣教部"]),
            ActivityData(title="征文比赛", deadline="5月底前", lead=["宣教部"]),
        ],
    )


def test_no_changes() -> None:
    changes = compare_notices(_notice(), dataclasses.replace(_notice(), id=4, version=2))
    assert not changes
    assert changes.summary() == "没有改动"
    assert changes.lines() == []


def test_fields_paragraphs_and_activities_are_told_apart() -> None:
    new = _notice()
    new.date = dt.date(2024, 3, 5)
    new.body[2] = Block.paragraph("各单位要认真组织，务求实效。")
    new.body.insert(1, Block.paragraph("现将有关事项通知如下。"))
    new.activities[1].deadline = "6月底前"
    new.activities.insert(0, ActivityData(title="职工摄影展", deadline="9月份"))
    changes = compare_notices(_notice(), new)
    assert [(f.label, f.old, f.new) for f in changes.fields] == [
        ("成文日期", "2024年3月1日", "2024年3月5日")
    ]
    assert [(c.kind, c.old_index, c.new_index) for c in changes.paragraphs] == [
        ("added", None, 1),
        ("changed", 2, 3),
    ]
    assert [(c.kind, c.old_index, c.new_index) for c in changes.activities] == [
        ("added", None, 0),
        ("changed", 1, 2),
    ]
    assert [(f.label, f.old, f.new) for f in changes.activities[1].fields] == [
        ("完成时限", "5月底前", "6月底前")
    ]
    assert changes.summary() == "成文日期；正文 2 处（修改 1、新增 1）；活动 2 项（修改 1、新增 1）"
    assert changes.lines()[-1] == (
        "活动修改第 3 项：征文比赛（5月底前；宣教部） → 征文比赛（6月底前；宣教部）："
        "完成时限 5月底前 → 6月底前"
    )


def test_an_unlike_replacement_is_a_removal_and_an_addition() -> None:
    new = _notice()
    new.body[0] = Block.paragraph("兹定于四月举办全区职工篮球赛。")
    kinds = [c.kind for c in compare_notices(_notice(), new).paragraphs]
    assert kinds == ["removed", "added"]


def test_align_pairs_alike_items_in_order() -> None:
    old = ["甲乙丙丁", "戊己庚辛", "壬癸子丑"]
    new = ["甲乙丙丁", "戊己庚辛改", "新的一项", "壬癸子丑"]
    assert align(old, new, str, str) == [(0, 0), (1, 1), (None, 2), (2, 3)]


def test_merge_takes_only_what_was_edited_in_the_file() -> None:
    stored = _notice()
    stored.activities[0].status = ActivityStatus.DONE
    stored.activities[0].note = "已办"
    stored.activities[1].deadline = "5-6月份"
    # what an unedited export reads back as: the export's own forms, one extra attachment
    baseline = _notice()
    baseline.activities[1].deadline = "5—6月份"
    baseline.signature = "滨河区总工会"
    baseline.body.append(Block.attachment("读书月活动安排"))
    edited = dataclasses.replace(
        baseline,
        body=list(baseline.body),
        activities=[dataclasses.replace(a) for a in baseline.activities],
    )
    edited.recipients = "各基层工会、区直机关工会："
    edited.body[2] = Block.paragraph("各单位要认真组织，务求实效。")
    edited.activities[0].lead = ["宣教部", "女职工部"]
    merged = merge_from_file(stored, baseline, edited)
    assert merged.recipients == "各基层工会、区直机关工会："
    assert merged.signature == ""  # filled by the export, not by a person
    assert [b.text for b in merged.body] == [
        "为丰富职工文化生活，决定开展读书月活动。",
        "工作要求",
        "各单位要认真组织，务求实效。",
    ]
    assert merged.activities[0].lead == ["宣教部", "女职工部"]
    assert (merged.activities[0].status, merged.activities[0].note) == (ActivityStatus.DONE, "已办")
    assert merged.activities[1].deadline == "5-6月份"  # as the clerk wrote it
    assert stored.activities[0].lead == ["宣教部"]  # the stored value is left alone
