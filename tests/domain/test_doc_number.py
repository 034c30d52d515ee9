import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.doc_number import (
    DocNumber,
    DocNumberError,
    find_doc_number,
    format_doc_number,
    parse_doc_number,
)

series_codes = st.text(alphabet="青总办通工发宁海西州市委", min_size=1, max_size=6)
years = st.integers(min_value=1949, max_value=2200)
numbers = st.integers(min_value=1, max_value=99999)


def test_format_is_the_standard_form():
    assert format_doc_number("青总办", 2021, 15) == "青总办〔2021〕15号"
    assert str(DocNumber("青总办通", 2020, 31)) == "青总办通〔2020〕31号"


@pytest.mark.parametrize(
    "typed",
    [
        "青总办〔2021〕15号",
        "青总办[2021]15号",
        "青总办【2021】15号",
        "青总办(2021)15号",
        "青总办（2021）15号",
        "青总办〔2021〕第15号",
        "青总办〔２０２１〕１５号",
        " 青总办 〔2021〕 15 号 ",
        "青总办〔2021〕015号",
        "青总办〔2021〕15",
    ],
)
def test_variants_clerks_type_are_normalised(typed):
    assert parse_doc_number(typed) == DocNumber("青总办", 2021, 15)
    assert str(parse_doc_number(typed)) == "青总办〔2021〕15号"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "青总办",
        "青总办〔21〕15号",
        "〔2021〕15号",
        "青总办〔2021〕0号",
        "青总办〔1800〕3号",
        "abc",
    ],
)
def test_rejects_what_is_not_a_doc_number(bad):
    with pytest.raises(DocNumberError):
        parse_doc_number(bad)


def test_find_in_a_longer_line():
    line = "关于印发《方案》的通知（青总办〔2021〕15号）已下发"
    assert find_doc_number(line) == DocNumber("青总办", 2021, 15)
    assert find_doc_number("没有文号的一行") is None


@given(series_codes, years, numbers)
def test_format_then_parse_round_trips(code, year, number):
    value = DocNumber(code, year, number)
    assert parse_doc_number(str(value)) == value


@given(
    series_codes,
    years,
    numbers,
    st.sampled_from(["[]", "【】", "()", "（）", "〔〕"]),
    st.booleans(),
    st.booleans(),
)
def test_any_variant_normalises(code, year, number, brackets, di, fullwidth):
    year_text = str(year)
    number_text = str(number)
    if fullwidth:
        table = str.maketrans("0123456789", "０１２３４５６７８９")
        year_text, number_text = year_text.translate(table), number_text.translate(table)
    typed = f"{code}{brackets[0]}{year_text}{brackets[1]}{'第' if di else ''}{number_text}号"
    assert parse_doc_number(typed) == DocNumber(code, year, number)


@given(st.text(max_size=40))
def test_parsing_never_fails_with_anything_but_doc_number_error(text):
    with contextlib.suppress(DocNumberError):
        parse_doc_number(text)
