"""The body of a notice, from 主送机关 to the attachments, in the order GB/T 9704 gives.

Headings are numbered here (一、 （一） 1. （1）), per attachment; activities go into the
attachment's section whose level-1 heading equals ``activity.section``.
"""

from __future__ import annotations

from collections.abc import Sequence

from unionoffice.domain.headings import HeadingNumbering
from unionoffice.domain.notice import ActivityData, Block, BlockKind, NoticeData
from unionoffice.domain.notice_parts import (
    Attachment,
    is_section_heading,
    place_activities,
    split_attachments,
)
from unionoffice.domain.notice_text import break_title, format_chinese_date, note_items, text_width
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.activity_plan import write_activities
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.options import PlanLayout, SignatureLayout
from unionoffice.exporting.docx.styles import HEADING_ROLES, Role


class BodyWriter:
    """Writes a notice's body at a cursor."""

    def __init__(self, cursor: Cursor, plan_layout: PlanLayout, signature: SignatureLayout) -> None:
        self.cursor = cursor
        self.plan_layout = plan_layout
        self.signature = signature

    def write(self, notice: NoticeData) -> None:
        """Everything between the title and the 版记."""
        main, attachments = split_attachments(notice.body)
        plan_target = _plan_target(main, attachments, notice.activities)
        if notice.recipients.strip():
            self.cursor.paragraph(Role.RECIPIENTS, _with_colon(notice.recipients))
        self.write_blocks(main, notice.activities if plan_target == -1 else [])
        self.write_attachment_note(notice.attachment_note, [a.title for a in attachments])
        self.write_signature(notice)
        self.write_remark(notice.remark)
        for index, attachment in enumerate(attachments):
            label = "附件" if len(attachments) == 1 else f"附件{index + 1}"
            activities = notice.activities if plan_target == index else []
            self.write_attachment(label, attachment, activities)

    def write_blocks(self, blocks: Sequence[Block], activities: Sequence[ActivityData]) -> None:
        """Paragraphs and numbered headings; activities at the end of their section."""
        placed = place_activities(blocks, activities)
        numbering = HeadingNumbering()
        for position, block in enumerate(blocks):
            if block.kind is BlockKind.HEADING:
                number = numbering.next_number(block.level)
                self.cursor.paragraph(HEADING_ROLES[block.level], number + block.text.strip())
            elif block.text.strip():
                self.cursor.paragraph(Role.BODY, block.text.strip())
            if position in placed:
                first = numbering.number_items(2, len(placed[position]))
                write_activities(self.cursor, placed[position], self.plan_layout, first)
        if None in placed:
            first = numbering.number_items(2, len(placed[None]))
            write_activities(self.cursor, placed[None], self.plan_layout, first)

    def write_attachment_note(self, note: str, titles: Sequence[str]) -> None:
        """附件说明, one blank line below the body: 附件：1. 名称 (wrapped lines under the name)."""
        items = note_items(note) or [t for t in titles if t]
        if not items:
            return
        self.cursor.blank()
        if len(items) == 1:
            self.cursor.paragraph(Role.ATTACHMENT_NOTE, f"附件：{items[0]}")
            return
        for number, item in enumerate(items, start=1):
            prefix = "附件：" if number == 1 else ""
            paragraph = self.cursor.paragraph(Role.ATTACHMENT_NOTE, f"{prefix}{number}. {item}")
            ppr = paragraph._p.get_or_add_pPr()
            ooxml.set_indent_chars(ppr, left=650, hanging=450 if number == 1 else 150)

    def write_signature(self, notice: NoticeData) -> None:
        """署名 and 成文日期 as GB/T 9704 7.3.5 places them, with or without a seal."""
        if self.signature is SignatureLayout.NONE:
            return
        name = notice.signature.strip()
        day = format_chinese_date(notice.date)
        if not name and not day:
            return
        sig_width, date_width = text_width(name), text_width(day)
        if self.signature is SignatureLayout.SEALED:
            self.cursor.blank(count=2)  # room for the seal over 署名 and date
            date_right = 4.0
            sig_right = max(0.0, 4.0 + (date_width - sig_width) / 2)
        else:
            self.cursor.blank()
            sig_right, date_right = 2.0, sig_width - date_width
            if date_right < 2.0:  # a date longer than the name pushes the name right
                date_right, sig_right = 2.0, 4.0 + date_width - sig_width
        if name:
            paragraph = self.cursor.paragraph(Role.SIGNATURE, name)
            ooxml.set_right_indent_chars(paragraph, round(sig_right * 100))
        if day:
            paragraph = self.cursor.paragraph(Role.DATE, day)
            ooxml.set_right_indent_chars(paragraph, round(date_right * 100))

    def write_remark(self, remark: str) -> None:
        """附注 on the line after the date, 左空二字, in round brackets."""
        text = remark.strip()
        if not text:
            return
        if text[0] in "(（" and text[-1] in ")）":
            text = text[1:-1].strip()
        self.cursor.paragraph(Role.REMARK, f"（{text}）")

    def write_attachment(
        self, label: str, attachment: Attachment, activities: Sequence[ActivityData]
    ) -> None:
        """附件N in 黑体 on a new page, the title centred on the third line, then its text."""
        self.cursor.paragraph(Role.ATTACHMENT_LABEL, label)
        self.cursor.blank()
        if attachment.title:
            lines = break_title(attachment.title)
            self.cursor.paragraph(Role.ATTACHMENT_TITLE, "\n".join(lines))
            self.cursor.blank()
        self.write_blocks(attachment.blocks, activities)


def _plan_target(
    main: Sequence[Block], attachments: Sequence[Attachment], activities: Sequence[ActivityData]
) -> int | None:
    """Where the activities go: the attachment with their section heading, else the first
    attachment, else the main text (-1); None without activities."""
    if not activities:
        return None
    sections = {a.section for a in activities if a.section}
    for index, attachment in enumerate(attachments):
        if any(is_section_heading(b) and b.text.strip() in sections for b in attachment.blocks):
            return index
    if attachments:
        return 0
    return -1


def _with_colon(recipients: str) -> str:
    text = recipients.strip().rstrip(":：")
    return f"{text}："
