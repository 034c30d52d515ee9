"""督办 values and the next-year fix of a period before the notice's date (issue 16, items 4
and 8): no Qt, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from unionoffice.domain.deadline import parse_deadline
from unionoffice.domain.deadline_year import before_notice, next_year_deadline
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.domain.supervision import (
    NO_LEAD,
    FollowUp,
    SupervisionItem,
    SupervisionQuery,
    count_text,
    group_by_lead,
)

DECEMBER = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("4月份", "次年4月份"),
        ("4月底前", "次年4月底前"),
        ("第二季度", "次年第二季度"),
        ("上半年", "次年上半年"),
        ("4月中旬", "次年4月中旬"),
        ("3月8日上午9时30分", "次年3月8日上午9时30分"),
        ("4—7月份", "2027年4月—7月份"),
        ("3月、6月", "2027年3月、2027年6月"),
        ("6月5-10日", "2027年6月5-10日"),
    ],
)
def test_a_period_before_a_december_notice_moves_to_next_year(written: str, fixed: str) -> None:
    before = parse_deadline(written, 2026, not_before=DECEMBER)
    assert before_notice(before, DECEMBER)
    assert next_year_deadline(written, 2026, DECEMBER) == fixed
    after = parse_deadline(fixed, 2026, not_before=DECEMBER)
    assert after is not None and not before_notice(after, DECEMBER)
    assert after.end.year == 2027 and after.end.month == before.end.month  # type: ignore[union-attr]


@pytest.mark.parametrize("written", ["2026年4月", "全年", "另行通知", "年底前", ""])
def test_no_fix_is_offered_when_the_text_names_a_year_or_no_dates(written: str) -> None:
    assert next_year_deadline(written, 2026, DECEMBER) is None


def test_a_period_after_the_notice_is_not_flagged() -> None:
    assert not before_notice(parse_deadline("12月底前", 2026, not_before=DECEMBER), DECEMBER)
    assert not before_notice(parse_deadline("4月份", 2026), None)  # no date: nothing to compare
    assert not before_notice(None, DECEMBER)


def _item(title: str, deadline: str, lead: list[str], **kwargs: object) -> SupervisionItem:
    activity = ActivityData(title=title, deadline=deadline, lead=lead, **kwargs)  # type: ignore[arg-type]
    activity.with_parsed_period(2026)
    return SupervisionItem(
        notice_id=1,
        position=hash(title) % 1000,
        doc_number="青总办〔2026〕3号",
        notice_title="关于开展活动的通知",
        notice_year=2026,
        notice_date=dt.date(2026, 1, 10),
        activity=activity,
    )


def test_items_are_grouped_by_lead_department_and_listed_by_end_date() -> None:
    late = _item("培训", "6月30日", ["宣教部"])
    early = _item("演讲", "6月10日", ["宣教部", "组织部"])
    orphan = _item("调研", "6月20日", [])
    groups = group_by_lead([late, early, orphan])
    assert [name for name, _ in groups] == ["宣教部", "组织部", NO_LEAD]
    assert [i.activity.title for i in groups[0][1]] == ["演讲", "培训"]
    assert groups[1][1] == [early]  # listed under each of its lead departments


def test_urgency_says_how_late_or_how_soon() -> None:
    item = _item("培训", "6月10日", ["宣教部"])
    assert item.urgency(dt.date(2026, 6, 15)) == "逾期 5 天"
    assert item.urgency(dt.date(2026, 6, 10)) == "今天到期"
    assert item.urgency(dt.date(2026, 6, 7)) == "还有 3 天"
    assert item.overdue(dt.date(2026, 6, 11)) and not item.overdue(dt.date(2026, 6, 10))
    done = _item("演讲", "6月10日", ["宣教部"], status=ActivityStatus.DONE)
    assert done.urgency(dt.date(2026, 6, 15)) == "已完成" and not done.overdue(dt.date(2026, 7, 1))
    assert count_text([item, done], dt.date(2026, 6, 15)) == "共 2 项，逾期 1 项"


def test_a_follow_up_is_the_status_and_the_note() -> None:
    activity = ActivityData(
        title="培训", status=ActivityStatus.IN_PROGRESS, supervision_note="已催"
    )
    assert FollowUp.of(activity) == FollowUp(ActivityStatus.IN_PROGRESS, "已催")


def test_the_query_looks_ahead_the_days_asked() -> None:
    query = SupervisionQuery(today=dt.date(2026, 6, 1), days=14)
    assert query.last_day == dt.date(2026, 6, 15)
    with pytest.raises(ValueError):
        SupervisionQuery(today=dt.date(2026, 6, 1), days=-1)


def test_one_departments_list_holds_only_its_group() -> None:
    shared = _item("演讲", "6月10日", ["宣教部", "组织部"])
    groups = group_by_lead([shared, _item("培训", "6月30日", ["宣教部"])], only="组织部")
    assert groups == [("组织部", [shared])]
