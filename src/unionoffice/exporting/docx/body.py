"""The body of a notice, from 主送机关 to the attachments, written as the layout sets it.

``domain.notice_layout`` decides every paragraph (numbering, heading sentences, the plan as
a 附件, the blank lines before the 署名, what keeps with what); this module only turns its
items into styled Word paragraphs and tables, so the file holds what the preview shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.text.paragraph import Paragraph as WordParagraph

from unionoffice.domain import page_layout as layout
from unionoffice.domain.pagination import Item
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.activity_plan import write_table
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.styles import SPECS, Role

STYLE_OF = {
    layout.Role.RECIPIENTS: Role.RECIPIENTS,
    layout.Role.BODY: Role.BODY,
    layout.Role.HEADING1: Role.HEADING1,
    layout.Role.HEADING2: Role.HEADING2,
    layout.Role.HEADING3: Role.HEADING3,
    layout.Role.HEADING4: Role.HEADING4,
    layout.Role.ATTACHMENT_NOTE: Role.ATTACHMENT_NOTE,
    layout.Role.ATTENDANCE: Role.ATTENDANCE,
    layout.Role.SIGNATURE: Role.SIGNATURE,
    layout.Role.DATE: Role.DATE,
    layout.Role.REMARK: Role.REMARK,
    layout.Role.ATTACHMENT_LABEL: Role.ATTACHMENT_LABEL,
    layout.Role.ATTACHMENT_TITLE: Role.ATTACHMENT_TITLE,
    layout.Role.BLANK: Role.BODY,
}


def write_body(cursor: Cursor, items: Sequence[Item]) -> None:
    """Every body item, in order, before the cursor's anchor."""
    for item in items:
        if isinstance(item, layout.Table):
            write_table(cursor, item)
        else:
            write_paragraph(cursor, item)


def write_paragraph(cursor: Cursor, item: layout.Paragraph) -> WordParagraph:
    """One paragraph in its role's style; only what the style does not say is written on it."""
    role = STYLE_OF[item.role]
    if item.role is layout.Role.BLANK:
        return cursor.paragraph(role)
    if 0 <= item.head_length < len(item.text):
        paragraph = cursor.paragraph(role, item.text[: item.head_length])
        cursor.run(paragraph, item.text[item.head_length :], Role.BODY_TEXT)
    else:
        paragraph = cursor.paragraph(role, item.text)
    spec = SPECS[role]
    left = spec.left_chars / 100
    first = left + (spec.first_line_chars - spec.hanging_chars) / 100
    if (item.first_indent, item.left_indent) != (first, left):
        ooxml.set_indent_chars(
            paragraph._p.get_or_add_pPr(),
            left=round(item.left_indent * 100),
            first_line=round(max(0.0, item.first_indent - item.left_indent) * 100),
            hanging=round(max(0.0, item.left_indent - item.first_indent) * 100),
        )
    if item.right_indent:
        ooxml.set_right_indent_chars(paragraph, round(item.right_indent * 100))
    fmt = paragraph.paragraph_format
    if item.keep_with_next and not spec.keep_with_next:
        fmt.keep_with_next = True
    if item.keep_together:
        fmt.keep_together = True
    if item.page_break_before and not spec.page_break_before:
        fmt.page_break_before = True
    return paragraph
