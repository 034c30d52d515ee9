import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.headings import HeadingNumbering, heading_number, split_heading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("一、总体要求", (1, 1, "总体要求")),
        ("二十一、其他", (1, 21, "其他")),
        ("（十二）组织开展建功立业活动。", (2, 12, "组织开展建功立业活动。")),
        ("(四) 开展工运理论研究。", (2, 4, "开展工运理论研究。")),
        ("3. 具体安排", (3, 3, "具体安排")),
        ("（2）时间安排", (4, 2, "时间安排")),
        ("(2)时间安排", (4, 2, "时间安排")),
        ("1000.第一千项任务", (3, 1000, "第一千项任务")),
        ("（1234）第一千二百三十四项", (4, 1234, "第一千二百三十四项")),
    ],
)
def test_split_heading(text, expected):
    assert split_heading(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "现将方案印发给你们。",
        "2021年4月6日",
        "一",
        "4.23世界读书日",
        "2018.09",
        "2020、2021年连续两年获评先进",
    ],
)
def test_plain_text_is_not_a_heading(text):
    assert split_heading(text) is None


@given(st.integers(min_value=1, max_value=4), st.integers(min_value=1, max_value=99))
def test_numbering_round_trips(level, index):
    assert split_heading(heading_number(level, index) + "标题") == (level, index, "标题")


def test_numbering_restarts_below_a_higher_heading_and_counts_on_over_items() -> None:
    numbering = HeadingNumbering()
    assert [numbering.next_number(level) for level in (1, 2, 2, 1, 2)] == [
        "一、",
        "（一）",
        "（二）",
        "二、",
        "（一）",
    ]
    assert numbering.number_items(2, 3) == 2
    assert numbering.next_number(2) == "（五）"
