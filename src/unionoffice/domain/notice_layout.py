"""A notice as the paragraphs of its printed pages, in the order GB/T 9704 gives (文件式).

Follows what the Word export writes with the shipped 文件式 template (红头 with the red rule,
title, 主送机关, body with numbered headings and the activity plan as paragraphs, 附件说明,
署名 and 成文日期 for a sealed notice, 附注, attachments on new pages, 版记 at the foot), so
the preview breaks pages about where Word does.
"""

from __future__ import annotations

from collections.abc import Sequence

from unionoffice.domain.headings import HeadingNumbering, heading_number
from unionoffice.domain.notice import ActivityData, Block, BlockKind, NoticeData
from unionoffice.domain.notice_parts import (
    Attachment,
    is_section_heading,
    place_activities,
    split_attachments,
)
from unionoffice.domain.notice_text import (
    break_title,
    format_chinese_date,
    format_deadline,
    note_items,
    split_activity_title,
    text_width,
)
from unionoffice.domain.page_layout import MM_PER_PT, Align, Page, Paragraph, Role, paginate

LETTERHEAD_SIZE_PT = 52.0
LETTERHEAD_PITCH_MM = 62 * MM_PER_PT
LETTERHEAD_SPACE_MM = 29.0  # puts the 标志's glyphs 35 mm below the top of the text block
RED_RULE_GAP_MM = 8 * MM_PER_PT  # under the 文号
RED_RULE_MM = 2.25 * MM_PER_PT
TITLE_SIZE_PT = 22.0
IMPRINT_SIZE_PT = 14.0
_HEADING_ROLES = {1: Role.HEADING1, 2: Role.HEADING2, 3: Role.HEADING3, 4: Role.HEADING4}


def layout_notice(notice: NoticeData, letterhead: str = "") -> list[Page]:
    """The pages of ``notice``; ``letterhead`` is its organ's 发文机关标志 (else organ + 文件)."""
    return paginate(notice_paragraphs(notice, letterhead), imprint_paragraphs(notice))


def _blank(count: int = 1) -> list[Paragraph]:
    return [Paragraph(Role.BLANK) for _ in range(count)]


def notice_paragraphs(notice: NoticeData, letterhead: str = "") -> list[Paragraph]:
    """Everything above the 版记, top to bottom."""
    organ = (notice.organ or "").strip()
    header = letterhead.strip() or (f"{organ}文件" if organ else "")
    result = [
        Paragraph(
            Role.LETTERHEAD,
            header,
            size_pt=LETTERHEAD_SIZE_PT,
            align=Align.CENTER,
            pitch_mm=LETTERHEAD_PITCH_MM,
            space_before_mm=LETTERHEAD_SPACE_MM,
            red=True,
            on_grid=False,
            wrap=False,
        ),
        *_blank(2),
        Paragraph(
            Role.DOC_NUMBER,
            notice.doc_number or "",
            align=Align.CENTER,
            rule_below_mm=RED_RULE_GAP_MM,
            rule_thickness_mm=RED_RULE_MM,
        ),
        *_blank(2),
        _title(Role.TITLE, notice.title, organ),
        *_blank(),
    ]
    main, attachments = split_attachments(notice.body)
    target = _plan_target(main, attachments, notice.activities)
    if notice.recipients.strip():
        text = notice.recipients.strip().rstrip(":：") + "："
        result.append(Paragraph(Role.RECIPIENTS, text))
    result += _blocks(main, notice.activities if target == -1 else [])
    result += _attachment_note(notice.attachment_note, [a.title for a in attachments])
    result += _signature(notice.signature.strip(), format_chinese_date(notice.date))
    remark = notice.remark.strip()
    if remark:
        if remark[0] in "(（" and remark[-1] in ")）":
            remark = remark[1:-1].strip()
        result.append(Paragraph(Role.REMARK, f"（{remark}）", align=Align.LEFT, first_indent=2))
    for index, attachment in enumerate(attachments):
        label = "附件" if len(attachments) == 1 else f"附件{index + 1}"
        result.append(
            Paragraph(Role.ATTACHMENT_LABEL, label, align=Align.LEFT, page_break_before=True)
        )
        result += _blank()
        if attachment.title:
            result.append(
                _title(Role.ATTACHMENT_TITLE, attachment.title, None, keep_with_next=True)
            )
            result += _blank()
        result += _blocks(attachment.blocks, notice.activities if target == index else [])
    return result


def imprint_paragraphs(notice: NoticeData) -> list[Paragraph]:
    """The 版记 rows: 抄送 (左右各空一字) and 印发机关 with the 印发日期 flush right."""
    rows = []
    cc = notice.cc.strip().rstrip("。.；;，,")
    if cc.startswith(("抄送：", "抄送:")):
        cc = cc[3:]
    if cc:
        rows.append(_imprint(f"抄送：{cc}。", first_indent=1, left_indent=4))
    issued = notice.distribution_date or notice.date
    if notice.distributor.strip() or issued:
        right = f"{format_chinese_date(issued)}印发" if issued else ""
        rows.append(_imprint(notice.distributor.strip(), right_text=right))
    return rows


def _imprint(
    text: str, *, first_indent: float = 1, left_indent: float = 1, right_text: str = ""
) -> Paragraph:
    return Paragraph(
        Role.IMPRINT,
        text,
        size_pt=IMPRINT_SIZE_PT,
        align=Align.LEFT,
        first_indent=first_indent,
        left_indent=left_indent,
        right_indent=1,
        right_text=right_text,
        on_grid=False,
    )


def _title(role: Role, title: str, organ: str | None, *, keep_with_next: bool = False) -> Paragraph:
    return Paragraph(
        role,
        "\n".join(break_title(title, organ)),
        size_pt=TITLE_SIZE_PT,
        align=Align.CENTER,
        keep_with_next=keep_with_next,
        on_grid=False,
    )


def _blocks(blocks: Sequence[Block], activities: Sequence[ActivityData]) -> list[Paragraph]:
    """Numbered headings and paragraphs, activities after the last block of their section."""
    placed = place_activities(blocks, activities)
    numbering = HeadingNumbering()
    result = []
    for position, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            number = numbering.next_number(block.level)
            result.append(
                Paragraph(
                    _HEADING_ROLES[block.level],
                    number + block.text.strip(),
                    first_indent=2,
                    keep_with_next=block.level == 1,
                )
            )
        elif block.text.strip():
            result.append(Paragraph(Role.BODY, block.text.strip(), first_indent=2))
        if position in placed:
            first = numbering.number_items(2, len(placed[position]))
            result += _activities(placed[position], first)
    if None in placed:
        first = numbering.number_items(2, len(placed[None]))
        result += _activities(placed[None], first)
    return result


def _activities(activities: Sequence[ActivityData], first_number: int) -> list[Paragraph]:
    """（一）标题。正文… then 完成时限：/牵头部门：/配合部门：/责任领导： lines."""
    result = []
    for number, activity in enumerate(activities, start=first_number):
        head, rest = split_activity_title(activity)
        text = heading_number(2, number) + head + rest
        result.append(Paragraph(Role.BODY, text, first_indent=2))
        details = (
            ("完成时限", format_deadline(activity.deadline)),
            ("牵头部门", "、".join(activity.lead)),
            ("配合部门", "、".join(activity.cooperating)),
            ("责任领导", activity.leader or ""),
        )
        for label, value in details:
            if value:
                result.append(Paragraph(Role.BODY, f"{label}：{value}", first_indent=2))
    return result


def _plan_target(
    main: Sequence[Block],
    attachments: Sequence[Attachment],
    activities: Sequence[ActivityData],
) -> int | None:
    """Where the activities go: the attachment with their section heading, else the first
    attachment, else the main text (-1); None without activities."""
    if not activities:
        return None
    sections = {a.section.strip() for a in activities if a.section}
    for index, attachment in enumerate(attachments):
        if any(is_section_heading(b) and b.text.strip() in sections for b in attachment.blocks):
            return index
    return 0 if attachments else -1


def _attachment_note(note: str, titles: Sequence[str]) -> list[Paragraph]:
    """附件说明 one blank line below the body: 附件：1. 名称, wrapped lines under the name."""
    items = note_items(note) or [t for t in titles if t]
    if not items:
        return []
    if len(items) == 1:
        return [
            *_blank(),
            Paragraph(Role.ATTACHMENT_NOTE, f"附件：{items[0]}", first_indent=2, left_indent=5),
        ]
    result = _blank()
    for number, item in enumerate(items, start=1):
        prefix = "附件：" if number == 1 else ""
        result.append(
            Paragraph(
                Role.ATTACHMENT_NOTE,
                f"{prefix}{number}. {item}",
                first_indent=2 if number == 1 else 5,
                left_indent=6.5,
            )
        )
    return result


def _signature(name: str, day: str) -> list[Paragraph]:
    """署名 and 成文日期 of a sealed notice: two lines for the seal, the date 右空四字 and the
    name centred above it."""
    if not name and not day:
        return []
    result = _blank(2)
    sig_right = max(0.0, 4.0 + (text_width(day) - text_width(name)) / 2)
    if name:
        result.append(Paragraph(Role.SIGNATURE, name, align=Align.RIGHT, right_indent=sig_right))
    if day:
        result.append(Paragraph(Role.DATE, day, align=Align.RIGHT, right_indent=4))
    return result
