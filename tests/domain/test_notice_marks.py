"""份号, 密级和保密期限, 紧急程度 and the 签发人 line as the page preview lays them out."""

import datetime as dt

import pytest

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_layout import layout_notice
from unionoffice.domain.notice_marks import (
    format_copy_number,
    format_secrecy,
    header_marks,
    issuer_names,
    issuer_text,
)
from unionoffice.domain.page_layout import LINE_PITCH_MM, TEXT_WIDTH_MM, Align, Role
from unionoffice.domain.page_spec import GBT9704


def notice(**fields) -> NoticeData:
    values: dict = {
        "title": "青海省总工会关于2021年上半年工作情况的报告",
        "organ": "青海省总工会",
        "series_code": "青工",
        "year": 2021,
        "number": 12,
        "date": dt.date(2021, 7, 6),
    }
    values.update(fields)
    return NoticeData(**values)


@pytest.mark.parametrize(
    ("written", "shown"), [("123", "000123"), ("000123", "000123"), ("第3份", "第3份"), ("", "")]
)
def test_copy_numbers_have_six_digits(written: str, shown: str) -> None:
    assert format_copy_number(written) == shown


def test_secrecy_and_its_term() -> None:
    assert format_secrecy("秘密", "1年") == "秘密★1年"
    assert format_secrecy("机密", "★5年") == "机密★5年"
    assert format_secrecy("绝密") == "绝密"
    assert format_secrecy("", "1年") == ""


def test_marks_in_their_order_and_issuers_however_separated() -> None:
    marked = notice(copy_number="7", secrecy="秘密", secrecy_term="1年", urgency="特急")
    assert header_marks(marked) == ["000007", "秘密★1年", "特急"]
    assert header_marks(notice(urgency="加急")) == ["加急"]
    assert issuer_names(notice(issuer="张三、李四")) == ["张三", "李四"]
    assert issuer_text(notice(issuer=" 张三  李四 ")) == "签发人：张三\u3000李四"
    assert issuer_text(notice()) == ""


def _page_one(data: NoticeData):  # type: ignore[no-untyped-def]
    return layout_notice(data, "青海省总工会文件")[0]


def test_marks_stand_flush_left_and_the_letterhead_keeps_its_place() -> None:
    plain = _page_one(notice())
    marked = _page_one(
        notice(copy_number="123", secrecy="秘密", secrecy_term="1年", urgency="特急")
    )
    roles = (Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY)
    marks = [line for line in marked.lines if line.role in roles]
    assert [line.text for line in marks] == ["000123", "秘密★1年", "特急"]
    assert [round(line.top_mm, 2) for line in marks] == [
        round(i * LINE_PITCH_MM, 2) for i in range(3)
    ]
    assert all(line.left_mm == 0 and line.align is Align.LEFT for line in marks)

    def letterhead_top(page) -> float:  # type: ignore[no-untyped-def]
        return next(line.top_mm for line in page.lines if line.role is Role.LETTERHEAD)

    assert letterhead_top(plain) == pytest.approx(GBT9704.letterhead_space_mm)
    assert letterhead_top(marked) == pytest.approx(letterhead_top(plain))
    assert [line.text for line in marked.lines[3:]] == [line.text for line in plain.lines]


def test_an_upward_notice_has_its_number_left_and_the_issuer_right() -> None:
    page = _page_one(notice(issuer="张三 李四"))
    number = next(line for line in page.lines if line.role is Role.DOC_NUMBER)
    issuer = next(line for line in page.lines if line.role is Role.ISSUER)
    char = GBT9704.body_char_mm
    assert number.text == "青工〔2021〕12号"
    assert (number.align, number.left_mm) == (Align.LEFT, pytest.approx(char))
    assert issuer.text == "签发人：张三\u3000李四"
    assert issuer.align is Align.RIGHT
    assert issuer.right_mm == pytest.approx(TEXT_WIDTH_MM - char)
    assert issuer.top_mm == number.top_mm
    assert len(page.rules) == 1  # the red rule under them

    centred = next(line for line in _page_one(notice()).lines if line.role is Role.DOC_NUMBER)
    assert centred.align is Align.CENTER
    assert centred.top_mm == number.top_mm


def test_minutes_list_attendance_after_the_body_in_its_own_rows() -> None:
    from unionoffice.domain.notice import Block
    from unionoffice.domain.notice_layout import LayoutChoices, SignatureLayout, lay_out_notice

    minutes = notice(
        body=[Block.paragraph("会议研究了有关事项。")],
        attendees="出席：张三、李四",  # a label typed by the clerk is not doubled
        observers="王五",
    )
    layout = lay_out_notice(minutes, choices=LayoutChoices(signature=SignatureLayout.NONE))
    roles = [getattr(item, "role", None) for item in layout.body]
    at = roles.index(Role.ATTENDANCE)
    assert roles[at - 1] is Role.BLANK and roles[at - 2] is Role.BODY
    rows = [item for item in layout.body if getattr(item, "role", None) is Role.ATTENDANCE]
    assert [row.text for row in rows] == ["出席：张三、李四", "列席：王五"]
    assert all((r.first_indent, r.left_indent, r.head_length) == (2, 5, 3) for r in rows)
    assert Role.ATTENDANCE not in {
        getattr(item, "role", None) for item in lay_out_notice(notice()).body
    }


def test_more_issuers_take_rows_of_two_with_the_number_on_the_last() -> None:
    page = _page_one(notice(issuer="张三 李四 欧阳明 赵六 孙七"))
    rows = [line for line in page.lines if line.role is Role.ISSUER]
    assert [line.text for line in rows] == ["签发人：张三\u3000李四", "欧阳明\u3000赵六", "孙七"]
    char = GBT9704.body_char_mm
    names_at = (28 - 1 - 6) * char  # the widest row, 欧阳明　赵六, ends 一字 from the edge
    assert rows[0].left_mm == pytest.approx(names_at - 4 * char)  # 签发人： before the names
    assert rows[1].left_mm == pytest.approx(names_at) == rows[2].left_mm
    number = next(line for line in page.lines if line.role is Role.DOC_NUMBER and line.text)
    assert number.top_mm == rows[2].top_mm  # the 文号 beside the last 签发人
    assert [round(r.top_mm - rows[0].top_mm, 2) for r in rows] == [
        0, round(LINE_PITCH_MM, 2), round(2 * LINE_PITCH_MM, 2)
    ]
    assert page.rules[0].top_mm > number.top_mm
