"""The recovery copy of a notice: JSON that gives back exactly the notice it was made from."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.deadline import Period
from unionoffice.domain.notice import (
    ActivityData,
    ActivityStatus,
    Block,
    NoticeData,
    NoticeStatus,
)
from unionoffice.domain.notice_json import (
    NoticeJsonError,
    notice_from_json,
    notice_to_dict,
    notice_to_json,
)


def _full_notice() -> NoticeData:
    return NoticeData(
        title="关于开展“五一”系列活动的通知",
        organ="青海省总工会办公室",
        series_code="青总办",
        year=2021,
        number=15,
        status=NoticeStatus.NUMBERED,
        recipients="各市（州）总工会：",
        body=[
            Block.heading(1, "总体要求"),
            Block.paragraph("坚持服务职工。"),
            Block.attachment("活动方案"),
        ],
        attachment_note="活动方案",
        signature="青海省总工会办公室",
        date=dt.date(2021, 4, 24),
        remark="联系人：张三",
        cc="省总各部门",
        distributor="青海省总工会办公室",
        distribution_date=dt.date(2021, 4, 25),
        folder="2021",
        activities=[
            ActivityData(
                title="职工运动会",
                text="在西宁举办。",
                section="一、文体活动",
                deadline="5月份",
                period=Period(dt.date(2021, 5, 1), dt.date(2021, 5, 31)),
                lead=["省总宣教部"],
                cooperating=["省总女职工部", "西宁市总工会"],
                leader="李四",
                status=ActivityStatus.IN_PROGRESS,
                note="备注",
            ),
            ActivityData(title="另行通知的活动", deadline="根据工作需要"),
            ActivityData(
                title="女职工健步行",
                deadline="3月8日上午9时30分至11时",
                period=Period(
                    dt.date(2021, 3, 8), dt.date(2021, 3, 8), dt.time(9, 30), dt.time(11, 0)
                ),
                responsible_person="郑芳",
                place="滨海步道",
                participants="各单位女职工",
            ),
        ],
        id=7,
        version=3,
    )


def test_a_full_notice_comes_back_unchanged() -> None:
    notice = _full_notice()
    text = notice_to_json(notice)
    assert "职工运动会" in text  # readable Chinese, not \u escapes
    assert notice_from_json(text) == notice


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    data = {"title": "通知", "future_field": 1, "activities": [{"title": "活动"}]}
    notice = notice_from_json(json.dumps(data))
    assert notice == NoticeData(title="通知", activities=[ActivityData(title="活动")])


@pytest.mark.parametrize(
    "text",
    ["", "不是 JSON", "[]", '{"title": 5}', '{"title": "x", "body": [{"kind": "poem"}]}',
     '{"title": "x", "date": "2021-13-40"}', '{"title": "x", "year": [2021]}',
     '{"title": "x", "activities": [{"title": "a", "status": "未知"}]}'],
)  # fmt: skip
def test_broken_text_raises_its_own_error(text: str) -> None:
    with pytest.raises(NoticeJsonError):
        notice_from_json(text)


_text = st.text(max_size=30)
# a period runs up to 400 days past its start: keep the start far from date.max
_dates = st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2999, 1, 1)))


@st.composite
def _notices(draw: st.DrawFn) -> NoticeData:
    start = draw(_dates)
    # Times of day to the minute, as notices write them; the earlier one starts.
    times = sorted(draw(st.lists(st.times().map(lambda t: t.replace(second=0, microsecond=0)),
                                 min_size=2, max_size=2)))  # fmt: skip
    start_time, end_time = draw(st.sampled_from([(None, None), (times[0], None), tuple(times)]))
    days = draw(st.integers(0, 400))
    period = Period(start, start + dt.timedelta(days=days), start_time, end_time) if start else None
    activities = [
        ActivityData(
            title=draw(_text),
            deadline=draw(_text),
            period=period,
            lead=draw(st.lists(_text, max_size=3)),
            cooperating=draw(st.lists(_text, max_size=3)),
            leader=draw(st.one_of(st.none(), _text)),
            status=draw(st.sampled_from(ActivityStatus)),
            responsible_person=draw(st.one_of(st.none(), _text)),
            place=draw(_text),
            participants=draw(_text),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    body = [
        Block.heading(level, text) if level else Block.paragraph(text)
        for level, text in draw(st.lists(st.tuples(st.integers(0, 4), _text), max_size=5))
    ]
    return NoticeData(
        title=draw(_text),
        organ=draw(st.one_of(st.none(), _text)),
        year=draw(st.one_of(st.none(), st.integers(2000, 2100))),
        number=draw(st.one_of(st.none(), st.integers(1, 9999))),
        status=draw(st.sampled_from(NoticeStatus)),
        recipients=draw(_text),
        body=body,
        date=draw(_dates),
        activities=activities,
        id=draw(st.one_of(st.none(), st.integers(1, 10**6))),
        version=draw(st.one_of(st.none(), st.integers(1, 10**6))),
    )


@given(_notices())
def test_round_trip_of_any_notice(notice: NoticeData) -> None:
    assert notice_from_json(notice_to_json(notice)) == notice
    json.dumps(notice_to_dict(notice))  # plain JSON types only
