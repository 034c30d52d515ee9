import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.chinese_numerals import (
    ChineseNumeralError,
    chinese_to_int,
    int_to_chinese,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"),
     (105, "一百零五"), (110, "一百一十"), (999, "九百九十九")],
)  # fmt: skip
def test_known_numerals(value, text):
    assert int_to_chinese(value) == text
    assert chinese_to_int(text) == value


def test_positional_year_and_liang():
    assert chinese_to_int("二〇二一") == 2021
    assert chinese_to_int("二○二○") == 2020
    assert chinese_to_int("两") == 2
    assert chinese_to_int("二0二0") == 2020  # OCR reads 〇 as the digit zero


@given(st.integers(min_value=1, max_value=999))
def test_round_trip(value):
    assert chinese_to_int(int_to_chinese(value)) == value


@pytest.mark.parametrize("bad", ["", "甲", "百", "十x"])
def test_rejects_non_numerals(bad):
    with pytest.raises(ChineseNumeralError):
        chinese_to_int(bad)
