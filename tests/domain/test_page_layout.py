"""Lines of 28 字 and pages of 22 lines (GB/T 9704), and a notice set on them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_layout import break_title, layout_notice
from unionoffice.domain.page_layout import (
    LINE_PITCH_MM,
    LINES_PER_PAGE,
    TEXT_HEIGHT_MM,
    Align,
    Paragraph,
    Role,
    break_lines,
    text_width,
)
from unionoffice.domain.pagination import ImprintPlacement, paginate

CJK_26 = "各级工会要加强组织领导制定具体方案精心安排部署确保实效"[:26]


def _body_lines(page) -> list[str]:
    return [line.text for line in page.lines if line.role is Role.BODY]


def test_widths_count_chinese_as_one_and_digits_as_half() -> None:
    assert text_width("工会") == 2
    assert text_width("2021") == 2  # Times New Roman digits: half a 字
    # Word and LibreOffice set a fifth of a 字 between Chinese and Latin text
    assert text_width("2021年") == pytest.approx(3.22)
    assert text_width("２０２１") == 4  # full-width digits
    assert text_width("“五一”") == 4
    assert text_width("a b") == pytest.approx(0.444 + 0.25 + 0.5)  # Times widths


def test_a_line_holds_28_characters() -> None:
    text = "职" * 28
    assert break_lines(text, 28) == [text]
    assert break_lines(text + "工", 28) == [text, "工"]
    # the first line of a body paragraph is indented two characters
    assert break_lines("职" * 30, 28, first_width=26) == ["职" * 26, "职" * 4]
    assert break_lines("", 28) == [""]


def test_closing_punctuation_hangs_and_opening_brackets_move_down() -> None:
    assert break_lines("职" * 28 + "。", 28) == ["职" * 28 + "。"]
    assert break_lines("职" * 27 + "（一）", 28) == ["职" * 27, "（一）"]


def test_numbers_and_ascii_words_are_not_cut() -> None:
    assert break_lines("职" * 25 + "2021年", 28) == ["职" * 25 + "2021", "年"]
    # 26 字 + 2021 + the space before it is wider than the line
    assert break_lines("职" * 26 + "2021年", 28) == ["职" * 26, "2021年"]
    long_word = "x" * 80
    assert [text_width(line) for line in break_lines(long_word, 28)] == [28, 12]


@given(st.text(max_size=300), st.integers(min_value=1, max_value=40))
def test_breaking_keeps_every_character_and_the_width(text: str, width: int) -> None:
    lines = break_lines(text, width)
    spaces = str.maketrans("", "", " \u3000")  # a space where a line breaks is dropped
    assert "".join(lines).translate(spaces) == text.translate(spaces)
    for line in lines:
        # one closing punctuation mark may hang past the margin
        assert text_width(line) <= width + 1 or len(line) == 1


def test_a_page_holds_22_lines() -> None:
    paragraphs = [Paragraph(Role.BODY, f"第{n}行") for n in range(50)]
    pages = paginate(paragraphs).pages
    assert [len(page.lines) for page in pages] == [22, 22, 6]
    assert LINES_PER_PAGE == 22
    assert pages[1].texts()[0] == "第22行"
    last = pages[0].lines[-1]
    assert last.top_mm + last.height_mm <= TEXT_HEIGHT_MM
    assert last.top_mm == pytest.approx(21 * LINE_PITCH_MM)


def test_a_long_paragraph_breaks_across_pages_and_is_justified() -> None:
    pages = paginate([Paragraph(Role.BODY, "职" * (28 * 30 - 2), first_indent=2)]).pages
    assert [len(page.lines) for page in pages] == [22, 8]
    assert pages[0].lines[0].left_mm > 0 and pages[0].lines[1].left_mm == 0
    assert pages[0].lines[0].align is Align.JUSTIFY
    assert pages[1].lines[-1].align is Align.LEFT  # the last line is not stretched


def test_a_heading_moves_down_with_its_first_paragraph() -> None:
    filler = [Paragraph(Role.BODY, str(n)) for n in range(21)]
    heading = Paragraph(Role.HEADING1, "一、总体要求", keep_with_next=True)
    pages = paginate([*filler, heading, Paragraph(Role.BODY, "正文")]).pages
    assert pages[0].texts()[-1] == "20"
    assert pages[1].texts() == ["一、总体要求", "正文"]


def test_an_attachment_starts_a_new_page() -> None:
    pages = paginate(
        [
            Paragraph(Role.BODY, "正文"),
            Paragraph(Role.ATTACHMENT_LABEL, "附件", page_break_before=True),
        ]
    ).pages
    assert [page.texts() for page in pages] == [["正文"], ["附件"]]


def test_the_imprint_sits_on_the_bottom_edge_of_an_even_last_page() -> None:
    foot = [Paragraph(Role.IMPRINT, "抄送：全总办公厅。"), Paragraph(Role.IMPRINT, "青海省总工会")]
    one_page = [Paragraph(Role.BODY, "正文")]
    # the text ends on page 1 (odd): the 版记 goes on page 2, which has no page number
    pagination = paginate(one_page, foot)
    pages = pagination.pages
    assert pagination.imprint is ImprintPlacement.NEXT_PAGE
    assert [page.texts() for page in pages] == [["正文"], ["抄送：全总办公厅。", "青海省总工会"]]
    assert [page.numbered for page in pages] == [True, False]
    rules = pages[1].rules
    assert rules[-1].top_mm == pytest.approx(TEXT_HEIGHT_MM)
    assert len(rules) == 3  # above, between and below the two rows
    # ends on page 2 with room: at the foot of that page
    two_pages = [*one_page, Paragraph(Role.BODY, "第二页", page_break_before=True)]
    pagination = paginate(two_pages, foot)
    assert pagination.imprint is ImprintPlacement.LAST_PAGE
    assert pagination.pages[1].texts() == ["第二页", "抄送：全总办公厅。", "青海省总工会"]
    # ends on a full page 2: a blank page 3, the 版记 on page 4, neither numbered
    full = [Paragraph(Role.BODY, str(n), page_break_before=n == 22) for n in range(44)]
    pagination = paginate(full, foot)
    assert pagination.imprint is ImprintPlacement.AFTER_BLANK_PAGE
    assert [p.texts() for p in pagination.pages[2:]] == [[], ["抄送：全总办公厅。", "青海省总工会"]]
    assert [p.numbered for p in pagination.pages] == [True, True, False, False]


def _notice(**fields) -> NoticeData:
    values: dict = {"title": "关于召开会议的通知", "organ": "青海省总工会办公室"}
    values.update(fields)
    return NoticeData(**values)


def test_the_first_page_has_the_red_header_then_eight_body_lines() -> None:
    body = [Block.paragraph(CJK_26) for _ in range(40)]
    pages = layout_notice(_notice(body=body))
    first = pages[0]
    letterhead = first.lines[0]
    assert (letterhead.role, letterhead.text, letterhead.red) == (
        Role.LETTERHEAD,
        "青海省总工会办公室文件",
        True,
    )
    assert [rule.red for rule in first.rules] == [True]
    title = next(line for line in first.lines if line.role is Role.TITLE)
    assert title.text == "关于召开会议的通知" and title.align is Align.CENTER
    assert first.rules[0].top_mm < title.top_mm
    # the header takes the top 13 lines; 8 body lines fit below it, then 22 a page; the text
    # ends on page 3, so the 版记 (印发机关: the organ) is on page 4
    assert [len(_body_lines(page)) for page in pages] == [8, 22, 10, 0]
    assert pages[3].lines[0].text == "青海省总工会办公室"


def test_a_notice_is_laid_out_in_the_order_of_the_standard() -> None:
    notice = _notice(
        series_code="青总办",
        year=2021,
        number=15,
        recipients="各市（州）总工会",
        body=[
            Block.paragraph("现将方案印发给你们。"),
            Block.attachment("开展庆“五一”系列活动方案"),
            Block.heading(1, "活动内容"),
        ],
        activities=[ActivityData(title="举办宣讲", deadline="5-6月份", lead=["宣教部"])],
        signature="青海省总工会办公室",
        date=dt.date(2021, 4, 6),
        remark="联系人：张三",
        cc="全总办公厅",
        distributor="青海省总工会办公室",
    )
    pages = layout_notice(notice)
    texts = [t for t in pages[0].texts() + pages[1].texts() if t]
    assert texts == [
        "青海省总工会办公室文件",
        "青总办〔2021〕15号",
        "关于召开会议的通知",
        "各市（州）总工会：",
        "现将方案印发给你们。",
        "附件：开展庆“五一”系列活动方案",
        "青海省总工会办公室",
        "2021年4月6日",
        "（联系人：张三）",
    ]
    attachment = [t for t in pages[2].texts() if t]
    assert attachment[:3] == ["附件", "开展庆“五一”系列活动方案", "一、活动内容"]
    assert attachment[3:6] == ["（一）举办宣讲。", "完成时限：5—6月份", "牵头部门：宣教部"]
    imprint = [line for line in pages[-1].lines if line.role is Role.IMPRINT]
    assert [line.text for line in imprint] == [
        "抄送：全总办公厅。",
        "青海省总工会办公室",
        "2021年4月6日印发",
    ]
    assert imprint[-1].align is Align.RIGHT
    assert imprint[-1].top_mm + imprint[-1].height_mm == pytest.approx(TEXT_HEIGHT_MM)


def test_long_titles_break_at_joints_into_balanced_lines() -> None:
    title = "青海省总工会办公室关于印发《开展庆“五一”系列活动方案》的通知"
    # an inverted trapezoid: the first line at least as long as the second
    assert break_title(title, "青海省总工会办公室") == [
        "青海省总工会办公室关于印发《开展",
        "庆“五一”系列活动方案》的通知",
    ]
    assert break_title("关于召开会议的通知") == ["关于召开会议的通知"]


@given(
    st.text(max_size=60),
    st.lists(st.text(max_size=120), max_size=8),
    st.text(max_size=40),
)
def test_any_text_is_laid_out_without_error(title: str, paragraphs: list[str], cc: str) -> None:
    body = [Block.paragraph(text) for text in paragraphs]
    pages = layout_notice(_notice(title=title, body=body, cc=cc, organ=None))
    assert pages and all(page.number == index for index, page in enumerate(pages, start=1))
