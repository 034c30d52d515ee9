from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.chinese_numerals import int_to_chinese
from unionoffice.domain.deadline import Period, month_end, parse_deadline

YEAR = 2021
ISSUED = date(2021, 4, 6)


def span(a: tuple[int, int, int], b: tuple[int, int, int]) -> Period:
    return Period(date(*a), date(*b))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4月份", span((2021, 4, 1), (2021, 4, 30))),
        ("8月", span((2021, 8, 1), (2021, 8, 31))),
        ("全年", span((2021, 1, 1), (2021, 12, 31))),
        ("4—7月份", span((2021, 4, 1), (2021, 7, 31))),
        ("4-7月", span((2021, 4, 1), (2021, 7, 31))),
        ("5-6月份", span((2021, 5, 1), (2021, 6, 30))),
        (" 4 — 7 月份", span((2021, 4, 1), (2021, 7, 31))),
        ("4月至6月", span((2021, 4, 1), (2021, 6, 30))),
        ("3月底前", span((2021, 1, 1), (2021, 3, 31))),
        ("6月5日前", span((2021, 1, 1), (2021, 6, 5))),
        ("6月底", span((2021, 1, 1), (2021, 6, 30))),
        ("上半年", span((2021, 1, 1), (2021, 6, 30))),
        ("下半年", span((2021, 7, 1), (2021, 12, 31))),
        ("第三季度", span((2021, 7, 1), (2021, 9, 30))),
        ("三季度", span((2021, 7, 1), (2021, 9, 30))),
        ("年底前", span((2021, 1, 1), (2021, 12, 31))),
        ("长期", span((2021, 1, 1), (2021, 12, 31))),
        ("四月", span((2021, 4, 1), (2021, 4, 30))),
        ("十二月份", span((2021, 12, 1), (2021, 12, 31))),
        ("4月中旬", span((2021, 4, 11), (2021, 4, 20))),
        ("4月15日", span((2021, 4, 15), (2021, 4, 15))),
        ("6月5日—7月10日", span((2021, 6, 5), (2021, 7, 10))),
        ("6月5-10日", span((2021, 6, 5), (2021, 6, 10))),
        ("3、6、9月", span((2021, 3, 1), (2021, 9, 30))),
        ("3月、9月", span((2021, 3, 1), (2021, 9, 30))),
        ("一、二季度", span((2021, 1, 1), (2021, 6, 30))),
        ("12月—次年2月", span((2021, 12, 1), (2022, 2, 28))),
        ("11-2月", span((2021, 11, 1), (2022, 2, 28))),
        ("2022年3月", span((2022, 3, 1), (2022, 3, 31))),
        ("截至6月底", span((2021, 1, 1), (2021, 6, 30))),
        ("9月底前完成", span((2021, 1, 1), (2021, 9, 30))),
        ("6月前", span((2021, 1, 1), (2021, 5, 31))),
        ("全年持续开展", span((2021, 1, 1), (2021, 12, 31))),
        ("2021年全年", span((2021, 1, 1), (2021, 12, 31))),
        ("五一前", span((2021, 1, 1), (2021, 5, 1))),
        ("４月份", span((2021, 4, 1), (2021, 4, 30))),
        # Task lists, event plans and old notices.
        ("2018.09", span((2018, 9, 1), (2018, 9, 30))),
        ("2021.4.6", span((2021, 4, 6), (2021, 4, 6))),
        ("3月1日至3月10日", span((2021, 3, 1), (2021, 3, 10))),
        ("3月下旬", span((2021, 3, 21), (2021, 3, 31))),
        ("3月下旬或4月上旬", span((2021, 3, 21), (2021, 4, 10))),
        ("3月8日（星期二）上午", span((2021, 3, 8), (2021, 3, 8))),
        ("二○○九年十一月底前", span((2009, 1, 1), (2009, 11, 30))),
        ("五一、国庆前", span((2021, 1, 1), (2021, 10, 1))),
        ("9月30日前（遇节假日顺延）", span((2021, 1, 1), (2021, 9, 30))),
        ("5月17日至18日", span((2021, 5, 17), (2021, 5, 18))),
        ("4月23日前后", span((2021, 4, 23), (2021, 4, 23))),
    ],
)
def test_what_clerks_write(text, expected):
    assert parse_deadline(text, YEAR) == expected


def test_deadline_starts_at_the_issue_date():
    assert parse_deadline("6月底前", YEAR, not_before=ISSUED) == Period(ISSUED, date(2021, 6, 30))
    # A deadline already past when the notice was issued is shown on its own day.
    assert parse_deadline("3月底前", YEAR, not_before=ISSUED) == Period(
        date(2021, 3, 31), date(2021, 3, 31)
    )


@pytest.mark.parametrize(
    "text", ["", "根据工作需要", "另行通知", "随时", "2月30日", "13月份", "0月", "长", "—"]
)
def test_unknown_text_has_no_period(text):
    assert parse_deadline(text, YEAR) is None


def test_leap_year_february():
    assert parse_deadline("2月份", 2024) == Period(date(2024, 2, 1), date(2024, 2, 29))


months = st.integers(min_value=1, max_value=12)
years = st.integers(min_value=1990, max_value=2100)
dashes = st.sampled_from(["-", "—", "–", "－", "~", "～", "至", "——"])


@given(years, months, st.sampled_from(["月", "月份"]), st.booleans())
def test_any_single_month(year, month, suffix, chinese):
    number = int_to_chinese(month) if chinese else str(month)
    assert parse_deadline(f"{number}{suffix}", year) == Period(
        date(year, month, 1), month_end(year, month)
    )


@given(years, months, months, dashes, st.sampled_from(["月", "月份"]))
def test_any_month_range(year, first, last, dash, suffix):
    period = parse_deadline(f"{first}{dash}{last}{suffix}", year)
    assert period is not None
    assert period.start == date(year, first, 1)
    if last >= first:
        assert period.end == month_end(year, last)
    else:  # crosses into the next year
        assert period.end == month_end(year + 1, last)


@given(years, months, st.sampled_from(["底前", "底", "末", "底前完成"]))
def test_any_end_of_month_deadline(year, month, suffix):
    period = parse_deadline(f"{month}月{suffix}", year)
    assert period is not None and period.end == month_end(year, month)
    assert period.start == date(year, 1, 1)


@given(st.text(max_size=30), years, st.none() | st.dates())
def test_never_raises_and_periods_are_ordered(text, year, not_before):
    period = parse_deadline(text, year, not_before=not_before)
    assert period is None or period.start <= period.end


@pytest.mark.parametrize(
    ("text", "day", "start", "end"),
    [
        ("3月8日上午9时30分", (2021, 3, 8), time(9, 30), None),
        ("3月8日（星期二）下午4时20分至5时10分", (2021, 3, 8), time(16, 20), time(17, 10)),
        ("9月21日上午9时至11时30分", (2021, 9, 21), time(9, 0), time(11, 30)),
        ("5月9日（星期五）晚上7时30分", (2021, 5, 9), time(19, 30), None),
        ("2024年3月7日（星期四）上午九时", (2024, 3, 7), time(9, 0), None),
        ("6月1日14:30-16:00", (2021, 6, 1), time(14, 30), time(16, 0)),
        ("4月28日下午3点半", (2021, 4, 28), time(15, 30), None),
        ("中午12时", None, None, None),  # a time with no day names no period
    ],
)
def test_times_of_day(text, day, start, end):
    period = parse_deadline(text, YEAR)
    if day is None:
        assert period is None
        return
    assert period == Period(date(*day), date(*day), start, end)
    assert period.timed


def test_a_time_before_a_deadline_is_when_it_ends():
    period = parse_deadline("4月30日17时前", YEAR, not_before=ISSUED)
    assert period == Period(ISSUED, date(2021, 4, 30), None, time(17, 0))


def test_an_impossible_time_is_no_time():
    assert parse_deadline("3月8日25时", YEAR) == span((2021, 3, 8), (2021, 3, 8))


def test_a_period_cannot_end_before_it_starts_within_a_day():
    with pytest.raises(ValueError):
        Period(date(2021, 3, 8), date(2021, 3, 8), time(17, 0), time(9, 0))
    assert Period(date(2021, 3, 8), date(2021, 3, 9), time(17, 0), time(9, 0)).days == 2


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("3月6日（星期三）下午2时30分至4时30分", "14:30—16:30"),
        ("3月8日上午9时", "9:00"),
        ("3月31日17时前", "17:00前"),
        ("3月下旬", ""),
    ],
)
def test_times_as_schedules_print_them(text, shown):
    period = parse_deadline(text, 2024)
    assert period is not None and period.times_text == shown
