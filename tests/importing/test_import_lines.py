"""Cleaning extracted text and joining lines that page breaks split."""

from __future__ import annotations

import pytest

from unionoffice.importing.document import Line, Table
from unionoffice.importing.lines import clean_elements, clean_line, clean_text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('开展庆祝建党 100 周年暨庆"五一" 系列活动', "开展庆祝建党100周年暨庆“五一”系列活动"),
        (
            "邀请媒体深入基层一线采访职工听党话、 感党恩",
            "邀请媒体深入基层一线采访职工听党话、感党恩",
        ),
        ("完成时限: 4—7月份", "完成时限：4—7月份"),
        ("各市(州)总工会,省级各产业工会:", "各市（州）总工会，省级各产业工会："),
        ("(一)举办活动", "（一）举办活动"),
        (
            "联系电话:0971-8236825,邮箱 187326341@qq.com。)",
            "联系电话：0971-8236825，邮箱187326341@qq.com。）",
        ),
        ("青总办(2021)15号", "青总办(2021)15号"),
        ("“中国梦•劳动美——永远跟党走 奋进新征程”", "“中国梦·劳动美——永远跟党走 奋进新征程”"),
        ("组织开展\"建功'十四五'奋进新征程\"竞赛", "组织开展“建功‘十四五’奋进新征程”竞赛"),
        ("联系人：马海燕 联系电话：0972-8612345", "联系人：马海燕 联系电话：0972-8612345"),
        ("**二、活动内容**", "二、活动内容"),
        ("Word 2016 file", "Word 2016 file"),
        ("10:30 开会", "10:30开会"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_markdown_marks_bullets_rules_and_page_numbers() -> None:
    assert clean_line("## 青海省总工会办公室 关于印发") == Line("青海省总工会办公室 关于印发", 2)
    assert clean_line("- (二)开展活动") == Line("(二)开展活动", 0, True)
    assert clean_line("---") is None
    assert clean_line("   ") is None
    assert clean_line("— 3 —") is None
    assert clean_line("- 12 -") is None
    assert clean_line("第 2 页 共 8 页") is None


def _texts(raw: str) -> list[str]:
    return [e.text for e in clean_elements(raw.split("\n")) if isinstance(e, Line)]


def test_page_break_inside_an_item_is_joined() -> None:
    raw = (
        "(三)开展宣讲活动。组织劳模代表进企业、进车间、进班组,进一步\n\n"
        "弘扬劳模精神。\n\n完成时限:全年\n"
    )
    assert _texts(raw) == [
        "（三）开展宣讲活动。组织劳模代表进企业、进车间、进班组，进一步弘扬劳模精神。",
        "完成时限：全年",
    ]


def test_quote_across_a_page_break_is_paired_after_joining() -> None:
    raw = '(七) 开展"党史天天读"活动。通过每天推送"党史日历"和"党史百年天天\n\n读",大力宣传党史。'
    assert _texts(raw) == [
        "（七）开展“党史天天读”活动。通过每天推送“党史日历”和“党史百年天天读”，大力宣传党史。"
    ]


def test_lines_that_stand_alone_are_not_joined() -> None:
    raw = "\n".join(
        [
            "青海省总工会办公室文件",
            "青总办〔2021〕15号",
            "青海省总工会办公室关于印发活动方案的通知",
            "各市(州)总工会:",
            "一、总体要求",
            "以习近平新时代中国特色社会主义思想为指导",
            "二、活动内容",
            "青海省总工会办公室",
            "2021年4月6日",
        ]
    )
    assert len(_texts(raw)) == 9


def test_hard_wrapped_paragraph_is_joined() -> None:
    raw = "为庆祝中国共产党成立一百周年，在全省职工中广泛开展\n主题宣传教育活动，现制定如下方案。"
    assert _texts(raw) == [
        "为庆祝中国共产党成立一百周年，在全省职工中广泛开展主题宣传教育活动，现制定如下方案。"
    ]


def test_pipe_table_becomes_a_table() -> None:
    elements = clean_elements(["| 序号 | 活动内容 |", "|---|---|", "| 1 | 举办 比赛 |", "后文"])
    assert elements == [Table((("序号", "活动内容"), ("1", "举办比赛"))), Line("后文")]


def test_table_cells_keep_their_paragraphs() -> None:
    elements = clean_elements([Table((("牵头部门",), ("宣教部\n 网络部 ",)))])
    assert elements == [Table((("牵头部门",), ("宣教部\n网络部",)))]
