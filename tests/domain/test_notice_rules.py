"""The GB/T 9704 rules the layout applies: title shapes, headings, the plan as a 附件, the
署名 page, organ defaults and the warnings of a missing 成文日期."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unionoffice.domain.activity_plan import (
    MAIN_TEXT,
    activity_table,
    plan_attachment,
    plan_title,
)
from unionoffice.domain.notice import ActivityData, Block, BlockKind, NoticeData
from unionoffice.domain.notice_body import (
    DATE_PLACEHOLDER,
    OrganDefaults,
    missing_field_warnings,
    split_heading_sentence,
    unfold_blocks,
    with_organ_defaults,
)
from unionoffice.domain.notice_layout import lay_out_notice
from unionoffice.domain.notice_parts import split_attachments
from unionoffice.domain.notice_text import text_width
from unionoffice.domain.page_layout import Role
from unionoffice.domain.page_spec import GBT9704
from unionoffice.domain.pagination import cell_lines, row_height
from unionoffice.domain.title_lines import break_title, is_good_shape, title_words

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


def test_shapes_are_inverted_trapezoids_or_diamonds_never_hourglasses() -> None:
    assert is_good_shape([18, 15])  # inverted trapezoid
    assert not is_good_shape([13, 18])  # upright: the issue asks for the inverted one
    assert is_good_shape([18, 16, 9])
    assert is_good_shape([13, 18, 17])  # diamond: the longest line inside
    assert not is_good_shape([18, 9, 17])  # hourglass


@settings(max_examples=60, deadline=None)
@given(st.text(HAN, min_size=21, max_size=70))
def test_any_title_breaks_into_a_good_shape_of_whole_lines(title: str) -> None:
    lines = break_title(title)
    assert "".join(lines) == title
    assert all(text_width(line) <= 20 for line in lines)
    assert is_good_shape([text_width(line) for line in lines])


def test_titles_break_between_words_whatever_their_wording() -> None:
    title = "关于进一步加强基层工会规范化建设的实施意见"
    lines = break_title(title)
    assert lines == ["关于进一步加强基层工会", "规范化建设的实施意见"]  # not "…规范化建 / 设…"
    words = title_words("关于做好2021年全国五一劳动奖状奖章推荐评选工作的通知")
    assert "2021年" in words  # a number stays with its unit
    lines = break_title("关于做好2021年全国五一劳动奖状奖章和全国工人先锋号推荐评选工作的通知")
    assert not any(line.endswith("的") for line in lines)  # never "…工作的 / 通知"
    three = break_title(
        "青海省总工会办公室关于印发《开展“劳动展风采、岗位做贡献、夺取双胜利”庆“五一”"
        "活动方案》的通知",
        "青海省总工会办公室",
    )
    assert len(three) == 3 and three[0] == "青海省总工会办公室关于印发"


def test_folded_headings_become_blocks_of_their_own() -> None:
    folded = Block.heading(2, "高度重视。加强领导。\n1.明确分工。落实到人。\n（1）建立台账。")
    assert [(b.kind, b.level, b.text) for b in unfold_blocks([folded])] == [
        (BlockKind.HEADING, 2, "高度重视。加强领导。"),
        (BlockKind.HEADING, 3, "明确分工。落实到人。"),
        (BlockKind.HEADING, 4, "建立台账。"),
    ]
    plain = Block.paragraph("第一行\n第二行")  # line breaks that are not headings stay
    assert unfold_blocks([plain]) == [plain]


def test_only_the_heading_sentence_takes_the_heading_font() -> None:
    assert split_heading_sentence("高度重视，精心组织。各级工会要…") == (
        "高度重视，精心组织。",
        "各级工会要…",
    )
    assert split_heading_sentence("总体要求") == ("总体要求", "")
    notice = NoticeData(title="通知", body=[Block.heading(2, "高度重视，精心组织。各级工会要…")])
    heading = next(p for p in lay_out_notice(notice).body if p.role is Role.HEADING2)
    assert heading.text == "（一）高度重视，精心组织。各级工会要…"
    assert heading.head_length == len("（一）高度重视，精心组织。")


def test_empty_fields_take_the_organs_defaults_and_a_missing_date_is_said() -> None:
    notice = NoticeData(title="通知", organ="青海省总工会办公室")
    filled = with_organ_defaults(notice, OrganDefaults("青海省总工会办公室", "省总办公室"))
    assert (filled.signature, filled.distributor) == ("青海省总工会办公室", "省总办公室")
    assert "未填成文日期" in missing_field_warnings(filled)[0]
    layout = lay_out_notice(notice)
    date = next(p for p in layout.body if p.role is Role.DATE)
    assert date.text == DATE_PLACEHOLDER and date.placeholder
    assert layout.imprint[-1].right_text == DATE_PLACEHOLDER + "印发"
    dated = NoticeData(title="通知", organ="某工会", date=dt.date(2021, 4, 6))
    assert missing_field_warnings(with_organ_defaults(dated, OrganDefaults())) == []


def _plan_notice(body: list[Block], **fields) -> NoticeData:
    activities = [
        ActivityData(title=f"活动{n}", section="活动内容", deadline="全年", lead=["宣教部"])
        for n in range(1, 4)
    ]
    return NoticeData(title="关于开展职工活动的通知", body=body, activities=activities, **fields)


def test_the_plan_is_an_attachment_of_its_own_or_goes_where_its_section_is() -> None:
    notice = _plan_notice([Block.paragraph("正文。")])
    assert plan_title(notice) == "开展职工活动安排"
    _, attachments, at = plan_attachment(notice, *split_attachments(notice.body))
    assert at == 0 and attachments[0].title == "开展职工活动安排"
    assert [b.text for b in attachments[0].blocks] == ["活动内容"]
    held = _plan_notice(
        [Block.attachment("其他材料"), Block.attachment("活动方案"), Block.heading(1, "活动内容")]
    )
    _, attachments, at = plan_attachment(held, *split_attachments(held.body))
    assert at == 1 and len(attachments) == 2
    own = _plan_notice([Block.heading(1, "活动内容"), Block.heading(1, "工作要求")])
    _, attachments, at = plan_attachment(own, *split_attachments(own.body))
    assert at == MAIN_TEXT and attachments == []  # the notice's own items stay its own
    texts = [p.text for p in lay_out_notice(notice).body if hasattr(p, "text")]
    assert "附件：开展职工活动安排" in texts
    assert texts[texts.index("附件") + 2 :].count("一、活动内容") == 1


def test_plan_table_columns_are_sized_by_what_they_hold() -> None:
    activities = [
        ActivityData(
            title="开展宣讲",
            text="开展宣讲。" + "组织劳模代表深入基层一线开展宣讲。" * 3,
            deadline="4—7月份",
            lead=["省总网络和社会工作部"],
            cooperating=["各市（州）总工会", "省级各产业工会", "省总各直属工会"],
        )
    ]
    table = activity_table(activities)
    assert sum(table.widths_mm) == pytest.approx(GBT9704.text_width_mm)
    number, content, *_ = table.widths_mm
    assert content == max(table.widths_mm) and number == min(table.widths_mm)
    cells = zip(table.rows[0], table.widths_mm, strict=True)
    lines = [len(cell_lines(cell, width, table)) for cell, width in cells]
    # the departments no longer run to six lines of two characters: no taller than the text
    assert lines[3] <= 2 and lines[4] <= 4 and max(lines) == lines[1] == 5
    assert row_height([["序号"]], table) < 2 * table.pitch_mm  # the header on one line


def test_the_signature_never_stands_alone_on_a_page() -> None:
    for count in range(1, 60):
        notice = NoticeData(
            title="关于召开会议的通知",
            organ="青海省总工会办公室",
            body=[Block.paragraph("职" * 26) for _ in range(count)],
            date=dt.date(2021, 4, 6),
        )
        for page in lay_out_notice(notice).pages:
            roles = [line.role for line in page.lines]
            if Role.SIGNATURE in roles:
                assert Role.DATE in roles, count  # the seal covers both
                above = roles[: roles.index(Role.SIGNATURE)]
                assert Role.BODY in above or Role.ATTACHMENT_NOTE in above, count
