import datetime as dt

from unionoffice.domain.register import MISSING, Register, RegisterRow, register_lines


def _row(number: int, **fields) -> RegisterRow:
    values = dict(
        doc_number=f"青总办〔2021〕{number}号", series_code="青总办", year=2021, number=number,
        notice_id=None, title="", manual=False, voided=False, void_reason="",
        allocated_at=dt.datetime(2021, 3, number, 9, 0),
    )  # fmt: skip
    values.update(fields)
    return RegisterRow(**values)


def test_lines_in_number_order_with_gaps_where_they_fall() -> None:
    register = Register(
        "青总办",
        2021,
        [_row(1, notice_id=7, title="通知"), _row(5, manual=True)],
        [(2, 4)],
    )
    lines = register_lines(register, {7: dt.date(2021, 2, 28)})
    numbers = [line.doc_number for line in lines]
    assert numbers == ["青总办〔2021〕1号", "2—4号", "青总办〔2021〕5号"]
    assert lines[0].date == dt.date(2021, 2, 28)  # the notice's 成文日期
    assert lines[2].date == dt.date(2021, 3, 5) and lines[2].remark == "手工指定"
    assert lines[1].state == MISSING and not lines[1].voidable


def test_a_voided_line_says_why_when_and_who() -> None:
    voided = _row(3, voided=True, void_reason="误取号", voided_by="王主任",
                  voided_at=dt.datetime(2021, 4, 1, 10, 0))  # fmt: skip
    (line,) = register_lines(Register("青总办", 2021, [voided], []), {})
    assert line.remark == "作废：误取号（2021-04-01，王主任）" and not line.voidable
    (bare,) = register_lines(
        Register("青总办", 2021, [_row(3, voided=True, void_reason="误取号")], []), {}
    )
    assert bare.remark == "作废：误取号"
