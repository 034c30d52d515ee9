"""Which rows a timetable shows, in what order, under which title."""

from __future__ import annotations

from datetime import date

import pytest

from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import ActivityData, ActivityStatus, NoticeData
from unionoffice.exporting.timetable import (
    Column,
    SortOrder,
    TimetableFilter,
    build_timetable,
    is_overdue,
    months_covered,
    select_rows,
)
from unionoffice.exporting.timetable.model import NoticeRef, TimetableRow
from unionoffice.exporting.timetable.selection import involves
from unionoffice.exporting.timetable.titles import notice_timetable_title, plan_name, tidy_title


def positions(notices: list[NoticeData], **choices: object) -> list[int]:
    return [row.position for row in select_rows(notices, TimetableFilter(**choices))]


def test_sample_has_21_activities_in_plan_order(sample):
    assert positions([sample]) == list(range(1, 22))
    assert sample.activities[1].period is None  # (二) gives no 完成时限


def test_department_as_lead_or_as_lead_or_cooperating(sample):
    assert positions([sample], department="省总干部学校", lead_only=True) == [4, 10]
    assert positions([sample], department="省总干部学校") == [3, 4, 10]
    assert positions([sample], department="省总女职委办公室") == [14, 15, 16]
    assert positions([sample], department="没有这个部门") == []


def test_department_names_compare_without_spaces_and_width():
    activity = ActivityData("x", lead=["各市(州)总工会"], cooperating=["省总 宣教部"])
    assert involves(activity, "各市（州）总工会", lead_only=True)
    assert involves(activity, "省总宣教部")
    assert not involves(activity, "省总宣教部", lead_only=True)


def test_month_keeps_activities_going_on_in_it_including_whole_year(sample):
    april = positions([sample], month=(2021, 4))
    assert april == [1, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 19]
    assert positions([sample], month=(2021, 3)) == [3, 4, 7, 9, 10, 12, 13, 14, 15, 19]
    assert positions([sample], month=(2022, 4)) == []


def test_overdue_means_ended_before_today_and_not_done(sample):
    today = date(2021, 6, 1)
    assert positions([sample], overdue_on=today) == [1, 8, 14, 15, 18, 20]
    sample.activities[7].status = ActivityStatus.DONE
    assert positions([sample], overdue_on=today) == [1, 14, 15, 18, 20]
    assert positions([sample], overdue_on=date(2021, 4, 1)) == [14, 15]
    assert not is_overdue(ActivityData("no dates"), today)


def test_filters_combine(sample):
    chosen = positions([sample], department="省总宣教部", lead_only=True, month=(2021, 5))
    assert chosen == [3, 5, 6, 7, 11, 13, 18, 19, 20]


def test_sort_by_start_then_end_keeps_plan_order_for_ties_and_undated_last(sample):
    by_start = positions([sample], sort=SortOrder.START)
    whole_year = [3, 4, 7, 9, 10, 12, 13, 19]
    assert by_start == [*whole_year, 14, 15, 1, 8, 5, 6, 18, 20, 11, 17, 16, 21, 2]


def test_year_keeps_activities_touching_it_and_undated_ones_of_its_notices():
    notice = NoticeData(
        "关于开展活动的通知",
        year=2021,
        activities=[
            ActivityData("今年", period=Period(date(2021, 5, 1), date(2021, 5, 31))),
            ActivityData("明年", period=Period(date(2022, 3, 1), date(2022, 3, 31))),
            ActivityData("跨年", period=Period(date(2021, 11, 1), date(2022, 2, 28))),
            ActivityData("另行通知"),
        ],
    )
    assert positions([notice], year=2021) == [1, 3, 4]
    assert positions([notice], year=2022) == [2, 3]


def test_several_notices_keep_notice_order_in_plan_sort(sample):
    other = NoticeData(
        "关于开展“安康杯”竞赛活动的通知",
        year=2021,
        id=99,
        activities=[ActivityData("安全生产月", deadline="6月份").with_parsed_period(2021)],
    )
    rows = select_rows([other, sample], TimetableFilter())
    assert [row.notice.id for row in rows] == [99] + [15] * 21
    by_start = select_rows([other, sample], TimetableFilter(sort=SortOrder.START))
    june = [row.activity.title for row in by_start if row.period and row.period.start.month == 6]
    assert june[0] == "安全生产月"  # other's June activity before the sample's 6月份 one


def test_sample_title_and_subtitle(sample):
    timetable = build_timetable([sample])
    assert timetable.title == "2021年庆祝建党100周年暨庆“五一”系列活动安排表"
    assert timetable.subtitle == "青总办〔2021〕15号　　2021年3月30日"
    assert timetable.scope == ""
    assert timetable.year == 2021
    assert timetable.columns == (
        Column.SEQ, Column.CONTENT, Column.DEADLINE, Column.LEAD, Column.COOPERATING
    )  # fmt: skip


def test_leader_and_status_columns_only_when_present(sample):
    sample.activities[0].leader = "张明"
    assert Column.LEADER in build_timetable([sample]).columns
    assert Column.STATUS not in build_timetable([sample]).columns
    sample.activities[3].status = ActivityStatus.IN_PROGRESS
    assert build_timetable([sample]).columns[-2:] == (Column.LEADER, Column.STATUS)


def test_titles_of_several_notices_and_scope_line(sample):
    other = NoticeData("关于做好“金秋助学”工作的通知", year=2021, activities=[])
    flt = TimetableFilter(
        department="省总宣教部", month=(2021, 4), overdue_on=date(2021, 6, 1), sort=SortOrder.START
    )
    timetable = build_timetable([sample, other], flt)
    assert timetable.title == "2021年4月省总宣教部活动安排表"
    assert timetable.subtitle == f"共2份公文，{len(timetable.rows)}项活动"
    assert timetable.scope == (
        "省总宣教部牵头或配合的活动；2021年4月进行的活动；"
        "截至2021年6月1日逾期未完成的活动；按开始日期排序"
    )
    assert build_timetable([sample], title="自定标题").title == "自定标题"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            '青海省总工会办公室 关于印发《开展庆祝建党 100 周年暨庆"五一" 系列活动方案》的通知',
            "庆祝建党100周年暨庆“五一”系列活动",
        ),
        ("西宁市总工会关于开展“安康杯”竞赛活动的通知", "“安康杯”竞赛活动"),
        ("关于印发《职工技能提升行动实施方案》的通知", "职工技能提升行动"),
        ("关于印发《2021年女职工工作要点》的通知", "2021年女职工工作"),
        ("关于做好“金秋助学”工作的通知", "“金秋助学”工作"),
    ],
)
def test_plan_name(title, expected):
    assert plan_name(title) == expected


def test_notice_title_takes_the_year_once():
    notice = NoticeData("关于印发《2021年女职工工作要点》的通知", year=2021)
    assert notice_timetable_title(notice) == "2021年女职工工作安排表"
    notice = NoticeData("关于开展“安康杯”竞赛活动的通知", year=2022)
    assert notice_timetable_title(notice) == "2022年“安康杯”竞赛活动安排表"


def test_tidy_title_keeps_spaces_between_latin_words():
    assert tidy_title('庆祝建党 100 周年暨庆"五一" 系列') == "庆祝建党100周年暨庆“五一”系列"
    assert tidy_title("COVID 19 防控") == "COVID 19防控"
    assert tidy_title('单个"引号') == '单个"引号'


def test_months_covered():
    whole = Period(date(2021, 1, 1), date(2021, 12, 31))
    across = Period(date(2020, 11, 1), date(2021, 2, 28))
    assert months_covered(whole, 2021) == (1, 12)
    assert months_covered(across, 2021) == (1, 2)
    assert months_covered(across, 2020) == (11, 12)
    assert months_covered(across, 2022) is None
    assert months_covered(None, 2021) is None


def test_row_content_does_not_repeat_the_title():
    ref = NoticeRef(1, None, "通知", None, 2021)
    row = TimetableRow(ref, 1, ActivityData("开展知识竞赛", text="开展知识竞赛。联合开展竞赛。"))
    assert row.content == ("开展知识竞赛", "联合开展竞赛。")
    row = TimetableRow(ref, 1, ActivityData("开展知识竞赛", text="联合开展竞赛。"))
    assert row.content == ("开展知识竞赛", "联合开展竞赛。")
    assert ref.label == "通知"


def test_month_must_exist():
    with pytest.raises(ValueError):
        TimetableFilter(month=(2021, 13))
