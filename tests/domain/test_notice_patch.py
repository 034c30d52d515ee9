"""The way back from one version of a notice to the one before: a patch gives back the old
version exactly, and is small when the change is."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionoffice.domain.notice import (
    ActivityData,
    ActivityStatus,
    Block,
    NoticeData,
    NoticeStatus,
)
from unionoffice.domain.notice_patch import (
    PatchError,
    apply_patch,
    patch_between,
    patch_from_text,
    patch_to_text,
)

_TEXT = st.text(alphabet="职工读书月活动通知各单位要认真组织。，（）1234567890", max_size=40)


@st.composite
def notices(draw: st.DrawFn) -> NoticeData:
    body = draw(
        st.lists(
            st.one_of(
                st.builds(Block.paragraph, _TEXT),
                st.builds(Block.heading, st.integers(1, 4), _TEXT),
                st.builds(Block.attachment, _TEXT),
            ),
            max_size=8,
        )
    )
    activities = draw(
        st.lists(
            st.builds(
                ActivityData,
                title=_TEXT,
                deadline=st.sampled_from(["", "4月份", "5月底前", "全年"]),
                lead=st.lists(st.sampled_from(["宣教部", "女职工部", "办公室"]), max_size=2),
                status=st.sampled_from(list(ActivityStatus)),
                note=_TEXT,
            ),
            max_size=6,
        )
    )
    for activity in activities:
        activity.with_parsed_period(2024)
    return NoticeData(
        title=draw(_TEXT),
        organ=draw(st.sampled_from([None, "滨河区总工会"])),
        series_code=draw(st.sampled_from([None, "滨工发"])),
        year=draw(st.sampled_from([None, 2024])),
        status=draw(st.sampled_from(list(NoticeStatus))),
        recipients=draw(_TEXT),
        body=body,
        remark=draw(_TEXT),
        date=draw(st.sampled_from([None, dt.date(2024, 3, 1)])),
        activities=activities,
    )


@settings(max_examples=150, deadline=None)
@given(notices(), notices())
def test_a_patch_gives_back_the_old_version_exactly(new: NoticeData, old: NoticeData) -> None:
    patch = patch_between(new, old)
    stored = patch_from_text(patch_to_text(patch))  # as it is kept in the database
    assert apply_patch(new, stored) == old


@settings(max_examples=60, deadline=None)
@given(notices())
def test_the_same_content_needs_no_patch(notice: NoticeData) -> None:
    assert patch_between(notice, dataclasses.replace(notice, id=3, version=9)) == {}


def _long_notice() -> NoticeData:
    return NoticeData(
        title="滨河区总工会关于开展职工读书月活动的通知",
        body=[
            Block.paragraph(f"第{i}条　各单位要按照要求认真落实各项工作任务。") for i in range(80)
        ],
        activities=[ActivityData(title=f"活动{i}", deadline="4月份") for i in range(40)],
    )


def test_a_small_change_keeps_a_small_patch() -> None:
    old = _long_notice()
    new = dataclasses.replace(old, body=list(old.body), activities=list(old.activities))
    new.body[40] = Block.paragraph("第40条　各单位要按照要求认真落实工作。")
    new.activities[3] = dataclasses.replace(new.activities[3], deadline="5月份")
    patch = patch_to_text(patch_between(new, old))
    whole = len(json.dumps(dataclasses.asdict(old), ensure_ascii=False, default=str))
    assert len(patch) < 120 < whole / 20
    assert apply_patch(new, patch_from_text(patch)) == old


def test_a_patch_that_does_not_fit_is_refused() -> None:
    notice = _long_notice()
    with pytest.raises(PatchError):
        apply_patch(notice, {"body": [["r", 500, 501, []]]})
    with pytest.raises(PatchError):
        apply_patch(notice, {"fields": {"id": 4}})
    with pytest.raises(PatchError):
        apply_patch(notice, {"body": [["x", 0, 1]]})
    with pytest.raises(PatchError):
        patch_from_text("[1, 2]")
    with pytest.raises(PatchError):
        patch_from_text("{broken")
