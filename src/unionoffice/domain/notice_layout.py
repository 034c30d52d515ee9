"""A notice as the paragraphs and tables of its printed pages, in the order GB/T 9704 gives.

One layout serves both the page preview and the Word export: the export writes the body
items this module makes (主送机关 to the attachments) at the template's {{ 正文 }} and follows
its decisions (the blank lines kept before the 署名, what keeps with it, where the 版记 goes),
and the preview paints the pages it sets, so the two agree page for page.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Sequence
from dataclasses import dataclass, field

from unionoffice.domain.activity_plan import (
    MAIN_TEXT,
    PlanLayout,
    activity_paragraphs,
    activity_table,
    plan_attachment,
)
from unionoffice.domain.headings import HeadingNumbering
from unionoffice.domain.notice import ActivityData, Block, BlockKind, NoticeData
from unionoffice.domain.notice_body import (
    DATE_PLACEHOLDER,
    OrganDefaults,
    missing_field_warnings,
    split_heading_sentence,
    unfold_blocks,
    with_organ_defaults,
)
from unionoffice.domain.notice_marks import (
    ISSUER_LABEL,
    format_copy_number,
    format_secrecy,
    issuer_rows,
)
from unionoffice.domain.notice_parts import place_activities, split_attachments
from unionoffice.domain.notice_text import (
    break_title,
    format_chinese_date,
    note_items,
    text_width,
)
from unionoffice.domain.page_layout import (
    CHARS_PER_LINE,
    LINE_PITCH_MM,
    MM_PER_PT,
    Align,
    Page,
    Paragraph,
    Role,
)
from unionoffice.domain.page_spec import GBT9704
from unionoffice.domain.pagination import Item, Pagination
from unionoffice.domain.signature_page import fit_signature

LETTERHEAD_SIZE_PT = GBT9704.letterhead_size_pt
LETTERHEAD_PITCH_MM = GBT9704.letterhead_pitch_pt * MM_PER_PT
LETTERHEAD_SPACE_MM = GBT9704.letterhead_space_mm
RED_RULE_GAP_MM = GBT9704.red_rule_gap_pt * MM_PER_PT  # under the 文号
RED_RULE_MM = GBT9704.red_rule_pt * MM_PER_PT
TITLE_SIZE_PT = GBT9704.title_size_pt
TITLE_PITCH_MM = GBT9704.title_pitch_pt * MM_PER_PT
IMPRINT_SIZE_PT = GBT9704.imprint_size_pt
HEADING_ROLES = {1: Role.HEADING1, 2: Role.HEADING2, 3: Role.HEADING3, 4: Role.HEADING4}


class SignatureLayout(enum.StrEnum):
    """Where 署名 and 成文日期 go (GB/T 9704 7.3.5)."""

    SEALED = "sealed"  # 加盖印章: date 右空四字, 署名 centred above it
    UNSEALED = "unsealed"  # 不加盖印章: 署名 右空二字, date starts two characters further right
    NONE = "none"  # 纪要: neither 署名 nor 成文日期 at the end of the body


@dataclass(frozen=True)
class LayoutChoices:
    """What a template or the clerk chooses beyond the notice itself."""

    plan_layout: PlanLayout = PlanLayout.PARAGRAPHS
    signature: SignatureLayout = SignatureLayout.SEALED
    distributor_line: bool = True  # 版记 ends with 印发机关 and 印发日期 (not in 信函式)


@dataclass
class NoticeLayout:
    """The notice set on pages: the 文件式 header (for the preview), the body items (what
    the export writes), the 版记 rows, the pages and what the clerk must be told."""

    header: list[Paragraph]
    body: list[Item]
    imprint: list[Paragraph]
    pagination: Pagination
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> list[Page]:
        return self.pagination.pages


def layout_notice(notice: NoticeData, letterhead: str = "") -> list[Page]:
    """The pages of ``notice``; ``letterhead`` is its organ's 发文机关标志 (else organ + 文件)."""
    return lay_out_notice(notice, letterhead).pages


def lay_out_notice(
    notice: NoticeData,
    letterhead: str = "",
    *,
    defaults: OrganDefaults | None = None,
    choices: LayoutChoices | None = None,
    body_top_mm: float | None = None,
) -> NoticeLayout:
    """Lay ``notice`` out. ``body_top_mm``: where a template's header ends on page 1 (the
    export measures it); None lays the 文件式 header itself (the preview)."""
    choices = choices or LayoutChoices()
    notice = with_organ_defaults(notice, defaults or OrganDefaults())
    header = header_paragraphs(notice, letterhead) if body_top_mm is None else []
    body = body_items(notice, choices)
    imprint = imprint_paragraphs(notice, distributor_line=choices.distributor_line)
    body, pagination = fit_signature(header, body, imprint, body_top_mm or 0.0)
    warnings = missing_field_warnings(notice)
    if choices.signature is SignatureLayout.NONE:
        warnings = [w for w in warnings if "署名" not in w]
    return NoticeLayout(header, body, imprint, pagination, warnings)


def _blank(count: int = 1) -> list[Paragraph]:
    return [Paragraph(Role.BLANK) for _ in range(count)]


def header_paragraphs(notice: NoticeData, letterhead: str = "") -> list[Paragraph]:
    """The 文件式 header: 份号/密级/紧急程度, 标志, 文号 (with 签发人) and the red rule, the title
    and the blank line after."""
    organ = (notice.organ or "").strip()
    header = letterhead.strip() or (f"{organ}文件" if organ else "")
    marks = mark_paragraphs(notice)
    return [
        *marks,
        Paragraph(
            Role.LETTERHEAD,
            header,
            size_pt=LETTERHEAD_SIZE_PT,
            align=Align.CENTER,
            pitch_mm=LETTERHEAD_PITCH_MM,
            # the 标志 stays 35 mm into the text block whatever marks stand above it
            space_before_mm=max(0.0, LETTERHEAD_SPACE_MM - len(marks) * LINE_PITCH_MM),
            red=True,
            on_grid=False,
            wrap=False,
        ),
        *_blank(2),
        *doc_number_paragraphs(notice),
        *_blank(2),
        title_paragraph(Role.TITLE, notice.title, organ),
        *_blank(),
    ]


MARK_ROLES = (Role.COPY_NUMBER, Role.SECRECY, Role.URGENCY)


def mark_paragraphs(notice: NoticeData) -> list[Paragraph]:
    """份号, 密级和保密期限 and 紧急程度 flush left on the first lines (GB/T 9704 7.2.1–7.2.3)."""
    marks = [
        (Role.COPY_NUMBER, format_copy_number(notice.copy_number)),
        (Role.SECRECY, format_secrecy(notice.secrecy, notice.secrecy_term)),
        (Role.URGENCY, notice.urgency.strip()),
    ]
    return [Paragraph(role, text, align=Align.LEFT, wrap=False) for role, text in marks if text]


def doc_number_paragraphs(notice: NoticeData) -> list[Paragraph]:
    """The 文号 centred over the red rule; with a 签发人 (上行文) the 文号 居左空一字 and
    签发人：姓名 居右空一字 on the same line (GB/T 9704 7.2.4, 7.2.5). More than two 签发人 take
    two names a row, each row's names under the first name above, the 文号 on the last row."""
    rows = issuer_rows(notice)
    number = notice.doc_number or ""
    if not rows:
        return [_over_the_rule(Paragraph(Role.DOC_NUMBER, number, align=Align.CENTER))]
    if len(rows) == 1:
        line = Paragraph(
            Role.DOC_NUMBER, number, align=Align.LEFT, first_indent=1, right_indent=1,
            right_text=ISSUER_LABEL + rows[0], right_role=Role.ISSUER, wrap=False,
        )  # fmt: skip
        return [_over_the_rule(line)]
    names_at = issuer_names_indent(rows)
    first = Paragraph(
        Role.ISSUER, ISSUER_LABEL + rows[0], align=Align.LEFT,
        first_indent=names_at - text_width(ISSUER_LABEL), wrap=False,
    )  # fmt: skip
    middle = [
        Paragraph(Role.ISSUER, row, align=Align.LEFT, first_indent=names_at, wrap=False)
        for row in rows[1:-1]
    ]
    last = Paragraph(
        Role.DOC_NUMBER, number, align=Align.LEFT, first_indent=1, right_text=rows[-1],
        right_role=Role.ISSUER, right_text_indent=names_at, wrap=False,
    )  # fmt: skip
    return [first, *middle, _over_the_rule(last)]


def _over_the_rule(paragraph: Paragraph) -> Paragraph:
    """The red rule 4 mm under the paragraph."""
    return dataclasses.replace(
        paragraph, rule_below_mm=RED_RULE_GAP_MM, rule_thickness_mm=RED_RULE_MM
    )


def issuer_names_indent(rows: Sequence[str]) -> float:
    """Where the 签发人 names start, in 字 from the left: the widest row ends 一字 before the
    right edge of the text block."""
    return CHARS_PER_LINE - 1 - max(text_width(row) for row in rows)


def title_paragraph(role: Role, title: str, organ: str | None) -> Paragraph:
    """A title broken between words, its lines at the title's own pitch."""
    return Paragraph(
        role,
        "\n".join(break_title(title, organ)),
        size_pt=TITLE_SIZE_PT,
        align=Align.CENTER,
        pitch_mm=TITLE_PITCH_MM,
        keep_with_next=role is Role.ATTACHMENT_TITLE,
        keep_together=True,
        on_grid=False,
    )


def body_items(notice: NoticeData, choices: LayoutChoices) -> list[Item]:
    """主送机关 to the last attachment: what the export writes at {{ 正文 }}."""
    main, attachments = split_attachments(unfold_blocks(notice.body))
    main, attachments, plan_at = plan_attachment(notice, main, attachments)
    result: list[Item] = []
    if notice.recipients.strip():
        text = notice.recipients.strip().rstrip(":：") + "："
        result.append(Paragraph(Role.RECIPIENTS, text))
    in_main = notice.activities if plan_at == MAIN_TEXT else []
    result += block_items(main, in_main, choices.plan_layout)
    result += attachment_note(notice.attachment_note, [a.title for a in attachments])
    result += attendance_paragraphs(notice)
    if choices.signature is not SignatureLayout.NONE:
        result += signature_paragraphs(notice, choices.signature)
    result += remark_paragraphs(notice.remark)
    for index, attachment in enumerate(attachments):
        label = "附件" if len(attachments) == 1 else f"附件{index + 1}"
        result.append(
            Paragraph(Role.ATTACHMENT_LABEL, label, align=Align.LEFT, page_break_before=True)
        )
        result += _blank()
        if attachment.title:
            result.append(title_paragraph(Role.ATTACHMENT_TITLE, attachment.title, None))
            result += _blank()
        activities = notice.activities if index == plan_at else []
        result += block_items(attachment.blocks, activities, choices.plan_layout)
    return result


def heading_paragraph(level: int, number: str, text: str) -> Paragraph:
    """A numbered heading; only its heading sentence takes the heading font."""
    head, rest = split_heading_sentence(text)
    return Paragraph(
        HEADING_ROLES[level],
        number + head + rest,
        first_indent=2,
        keep_with_next=level == 1,
        keep_together=level == 1,
        head_length=len(number + head) if rest else -1,
    )


def block_items(
    blocks: Sequence[Block], activities: Sequence[ActivityData], layout: PlanLayout
) -> list[Item]:
    """Numbered headings and paragraphs, activities after the last block of their section."""
    placed = place_activities(blocks, activities)
    numbering = HeadingNumbering()
    result: list[Item] = []
    for position, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            number = numbering.next_number(block.level)
            result.append(heading_paragraph(block.level, number, block.text))
        elif block.text.strip():
            result.append(Paragraph(Role.BODY, block.text.strip(), first_indent=2))
        if position in placed:
            result += _plan_items(placed[position], numbering, layout)
    if None in placed:
        result += _plan_items(placed[None], numbering, layout)
    return result


def _plan_items(
    activities: Sequence[ActivityData], numbering: HeadingNumbering, layout: PlanLayout
) -> list[Item]:
    first = numbering.number_items(2, len(activities))
    if layout is PlanLayout.TABLE:
        return [activity_table(activities)]
    return list(activity_paragraphs(activities, first))


def attachment_note(note: str, titles: Sequence[str]) -> list[Paragraph]:
    """附件说明 one blank line below the body: 附件：1. 名称, wrapped lines under the name."""
    items = note_items(note)
    items += [t for t in titles[len(items) :] if t]  # attachments the note does not name yet
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


ATTENDANCE_LABELS = (("attendees", "出席"), ("absentees", "请假"), ("observers", "列席"))


def attendance_paragraphs(notice: NoticeData) -> list[Paragraph]:
    """A 纪要's 出席, 请假 and 列席 (GB/T 9704 8): one blank line under the body or 附件说明,
    左空二字, the label and its colon in 黑体, wrapped names under the first one."""
    rows = []
    for field_name, label in ATTENDANCE_LABELS:
        names = getattr(notice, field_name).strip()
        if names.startswith((f"{label}：", f"{label}:")):
            names = names[len(label) + 1 :].strip()
        if names:
            rows.append(
                Paragraph(
                    Role.ATTENDANCE,
                    f"{label}：{names}",
                    align=Align.LEFT,
                    first_indent=2,
                    left_indent=2 + len(label) + 1,
                    head_length=len(label) + 1,
                )
            )
    return [*_blank(), *rows] if rows else []


def signature_paragraphs(notice: NoticeData, layout: SignatureLayout) -> list[Paragraph]:
    """署名 and 成文日期 as GB/T 9704 7.3.5 places them; a missing date is a placeholder."""
    name = notice.signature.strip()
    day = format_chinese_date(notice.date) or DATE_PLACEHOLDER
    sig_width, date_width = text_width(name), text_width(day)
    if layout is SignatureLayout.SEALED:
        result = _blank(2)  # room for the seal over 署名 and date
        date_right = 4.0
        sig_right = max(0.0, 4.0 + (date_width - sig_width) / 2)
    else:
        result = _blank()
        sig_right, date_right = 2.0, sig_width - date_width
        if date_right < 2.0:  # a date longer than the name pushes the name right
            date_right, sig_right = 2.0, 4.0 + date_width - sig_width
    if name:  # kept with the date: the seal covers both
        result.append(
            Paragraph(
                Role.SIGNATURE,
                name,
                align=Align.RIGHT,
                right_indent=sig_right,
                keep_with_next=True,
                keep_together=True,
            )
        )
    result.append(
        Paragraph(
            Role.DATE,
            day,
            align=Align.RIGHT,
            right_indent=date_right,
            placeholder=notice.date is None,
        )
    )
    return result


def remark_paragraphs(remark: str) -> list[Paragraph]:
    """附注 on the line after the date, 左空二字, in round brackets."""
    text = remark.strip()
    if not text:
        return []
    if text[0] in "(（" and text[-1] in ")）":
        text = text[1:-1].strip()
    return [Paragraph(Role.REMARK, f"（{text}）", align=Align.LEFT, first_indent=2)]


def imprint_paragraphs(notice: NoticeData, *, distributor_line: bool = True) -> list[Paragraph]:
    """The 版记 rows: 抄送 (左右各空一字) and 印发机关 with the 印发日期 flush right."""
    rows = []
    cc = notice.cc.strip().rstrip("。.；;，,")
    if cc.startswith(("抄送：", "抄送:")):
        cc = cc[3:]
    if cc:
        rows.append(_imprint(f"抄送：{cc}。", first_indent=1, left_indent=4))
    issued = notice.distribution_date or notice.date
    if distributor_line and notice.distributor.strip():
        day = format_chinese_date(issued) if issued else DATE_PLACEHOLDER
        rows.append(_imprint(notice.distributor.strip(), right_text=f"{day}印发"))
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
