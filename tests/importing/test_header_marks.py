"""份号, 密级和保密期限, 紧急程度 and 签发人 in the head of an imported notice become its fields."""

from __future__ import annotations

import pytest

from unionoffice.importing import parse_text
from unionoffice.importing.header_marks import mark_fields, split_issuer

UPWARD = """000123
秘密★1年
特急
青海省总工会文件
青工〔2021〕12号　　　　签发人：张三、李四
青海省总工会关于2021年上半年工作情况的报告
中华全国总工会：
现将我会2021年上半年工作情况报告如下。
青海省总工会
2021年7月6日
"""


def test_an_upward_notice_keeps_its_marks_and_issuer() -> None:
    notice = parse_text(UPWARD).notice
    assert notice.doc_number == "青工〔2021〕12号"
    assert (notice.copy_number, notice.secrecy, notice.secrecy_term) == ("000123", "秘密", "1年")
    assert (notice.urgency, notice.issuer) == ("特急", "张三 李四")
    assert notice.title == "青海省总工会关于2021年上半年工作情况的报告"
    assert notice.recipients.startswith("中华全国总工会")


def test_the_issuer_on_a_line_of_its_own() -> None:
    own_line = "签发人：王五\n青工〔2021〕12号"
    text = UPWARD.replace("青工〔2021〕12号　　　　签发人：张三、李四", own_line)
    notice = parse_text(text).notice
    assert (notice.issuer, notice.doc_number) == ("王五", "青工〔2021〕12号")


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("000123", {"copy_number": "000123"}),
        ("机密★5年", {"secrecy": "机密", "secrecy_term": "5年"}),
        ("绝密", {"secrecy": "绝密", "secrecy_term": ""}),
        ("紧急程度：加急", {"urgency": "加急"}),
        ("12345", {}),
        ("秘密工作要求", {}),
    ],
)
def test_mark_lines(line: str, fields: dict[str, str]) -> None:
    assert mark_fields(line) == fields


def test_split_issuer() -> None:
    assert split_issuer("青工〔2021〕12号 签发人：张三、李四") == ("青工〔2021〕12号", "张三 李四")
    assert split_issuer("青工〔2021〕12号") == ("青工〔2021〕12号", "")
