"""The named styles a notice template carries, one per GB/T 9704 element: styles rule.

Fonts, sizes and spacing live in these styles and nowhere else: runs carry no fonts, so a
clerk who changes 公文正文 or 二级标题 in Word's or WPS's style pane changes every notice
written from the template. Text after a heading sentence is in the character style 正文文字
(linked to 公文正文), the activity name in a plan table in 活动名称. Missing styles are added
with the standard's values, so any .docx can serve as a template.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from unionoffice.domain.page_spec import GBT9704, mm_to_twips, pt_to_twips
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.options import FontSet


class Role(enum.StrEnum):
    """A notice element; the value is the style's name as Word shows it."""

    BODY = "公文正文"
    LETTERHEAD = "发文机关标志"
    DOC_NUMBER = "发文字号"
    TITLE = "公文标题"
    RECIPIENTS = "主送机关"
    HEADING1 = "一级标题"
    HEADING2 = "二级标题"
    HEADING3 = "三级标题"
    HEADING4 = "四级标题"
    ATTACHMENT_NOTE = "附件说明"
    SIGNATURE = "发文机关署名"
    DATE = "成文日期"
    REMARK = "附注"
    ATTACHMENT_LABEL = "附件标识"
    ATTACHMENT_TITLE = "附件标题"
    IMPRINT = "版记"
    PAGE_NUMBER = "页码"
    TABLE_TEXT = "表格文字"
    TABLE_HEADER = "表格标题行"
    BODY_TEXT = "正文文字"  # character style: body text inside a heading's paragraph
    ACTIVITY_NAME = "活动名称"  # character style: an activity's name in the plan table
    COPY_NUMBER = "份号"
    SECRECY = "密级和紧急程度"  # 密级和保密期限 and 紧急程度: 3号黑体, flush left
    ISSUER_NAME = "签发人姓名"  # character style: the names after 签发人： in 楷体
    SECRECY_TEXT = "密级文字"  # character style: 密级 or 紧急程度 on the 文号's line (信函式)
    ATTENDANCE = "出席人员"  # 纪要's 出席/请假/列席: label 黑体, names 正文文字


@dataclass(frozen=True)
class StyleSpec:
    """The standard's values for one role."""

    style_id: str
    font_key: str  # a FontSet field
    size: float | None
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_chars: int = 0
    left_chars: int = 0
    hanging_chars: int = 0
    exact_pitch: int | None = ooxml.LINE_PITCH_TWIPS
    red: bool = False
    bold: bool = False
    keep_with_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None
    condensed: bool = True
    snap_to_grid: bool = True
    character: bool = False
    link: str | None = None  # the style id of its linked paragraph/character twin
    # indents in the body grid's 字 (156 mm / 28), not Word's 16 pt 字符: lines wrapped under
    # a deep indent then hold as many characters in Word as in the layout
    grid_indent: bool = False


_C = WD_ALIGN_PARAGRAPH.CENTER
_L = WD_ALIGN_PARAGRAPH.LEFT
_R = WD_ALIGN_PARAGRAPH.RIGHT
_TITLE_PITCH = pt_to_twips(GBT9704.title_pitch_pt)
_TABLE_PITCH = pt_to_twips(GBT9704.table_pitch_pt)
_BODY = GBT9704.body_size_pt

SPECS: dict[Role, StyleSpec] = {
    Role.BODY: StyleSpec("UOBody", "body", _BODY, first_line_chars=200, link="UOBodyText"),
    Role.LETTERHEAD: StyleSpec(
        "UOLetterhead", "title", GBT9704.letterhead_size_pt, _C,
        exact_pitch=pt_to_twips(GBT9704.letterhead_pitch_pt), red=True, snap_to_grid=False,
    ),
    Role.DOC_NUMBER: StyleSpec("UODocNumber", "body", _BODY, _C),
    # its own pitch, off the body grid: Word, WPS and LibreOffice set the same lines
    Role.TITLE: StyleSpec(
        "UOTitle", "title", GBT9704.title_size_pt, _C,
        exact_pitch=_TITLE_PITCH, condensed=False, snap_to_grid=False,
    ),
    Role.RECIPIENTS: StyleSpec("UORecipients", "body", _BODY),
    Role.HEADING1: StyleSpec(
        "UOHeading1", "heading1", _BODY, first_line_chars=200, keep_with_next=True, outline_level=0
    ),
    Role.HEADING2: StyleSpec(
        "UOHeading2", "heading2", _BODY, first_line_chars=200, outline_level=1
    ),
    Role.HEADING3: StyleSpec("UOHeading3", "body", _BODY, first_line_chars=200, outline_level=2),
    Role.HEADING4: StyleSpec("UOHeading4", "body", _BODY, first_line_chars=200, outline_level=3),
    Role.ATTACHMENT_NOTE: StyleSpec(
        "UOAttachmentNote", "body", _BODY, left_chars=500, hanging_chars=300
    ),
    # 署名 and 成文日期 share a page: the seal covers both
    Role.SIGNATURE: StyleSpec("UOSignature", "body", _BODY, _R, keep_with_next=True),
    Role.DATE: StyleSpec("UODate", "body", _BODY, _R),
    # left-aligned: a long e-mail address or phone number would stretch a justified line
    Role.REMARK: StyleSpec("UORemark", "body", _BODY, _L, first_line_chars=200),
    Role.ATTACHMENT_LABEL: StyleSpec(
        "UOAttachmentLabel", "heading1", _BODY, _L, page_break_before=True
    ),
    Role.ATTACHMENT_TITLE: StyleSpec(
        "UOAttachmentTitle", "title", GBT9704.title_size_pt, _C, exact_pitch=_TITLE_PITCH,
        keep_with_next=True, condensed=False, snap_to_grid=False,
    ),
    Role.IMPRINT: StyleSpec(
        "UOImprint", "body", GBT9704.imprint_size_pt, _L, condensed=False, snap_to_grid=False
    ),
    Role.PAGE_NUMBER: StyleSpec(
        "UOPageNumber", "page_number", GBT9704.page_number_size_pt, _R, exact_pitch=None
    ),
    # tables keep their own spacing: the body's 28.95 pt pitch makes rows far too tall
    Role.TABLE_TEXT: StyleSpec(
        "UOTableText", "body", GBT9704.table_size_pt, _L,
        exact_pitch=_TABLE_PITCH, condensed=False, snap_to_grid=False,
    ),
    Role.TABLE_HEADER: StyleSpec(
        "UOTableHeader", "heading1", GBT9704.table_size_pt, _C,
        exact_pitch=_TABLE_PITCH, condensed=False, snap_to_grid=False,
    ),
    Role.BODY_TEXT: StyleSpec(
        "UOBodyText", "body", None, exact_pitch=None, character=True, link="UOBody"
    ),
    Role.ACTIVITY_NAME: StyleSpec(
        "UOActivityName", "body", None, exact_pitch=None, bold=True, character=True
    ),
    Role.COPY_NUMBER: StyleSpec("UOCopyNumber", "body", _BODY, _L),
    Role.ATTENDANCE: StyleSpec(
        "UOAttendance", "heading1", _BODY, _L, left_chars=500, hanging_chars=300,
        grid_indent=True,
    ),
    Role.SECRECY: StyleSpec("UOSecrecy", "heading1", _BODY, _L),
    Role.ISSUER_NAME: StyleSpec(
        "UOIssuerName", "heading2", None, exact_pitch=None, character=True
    ),
    Role.SECRECY_TEXT: StyleSpec(
        "UOSecrecyText", "heading1", None, exact_pitch=None, character=True
    ),
}

HEADING_ROLES = {1: Role.HEADING1, 2: Role.HEADING2, 3: Role.HEADING3, 4: Role.HEADING4}


def ensure_styles(document: Document, fonts: FontSet | None = None) -> None:
    """Add every missing role style; with ``fonts``, also rewrite the fonts of existing ones."""
    defaults = fonts or FontSet()
    _set_document_defaults(document, fonts)
    names = {style.name for style in document.styles}
    for role, spec in SPECS.items():
        if role.value not in names:
            _add_style(document, role, spec, defaults)
        elif fonts is not None:
            style = document.styles[role.value]
            ooxml.set_fonts(
                style.element.get_or_add_rPr(), fonts.for_role(spec.font_key), fonts.ascii
            )


def _set_document_defaults(document: Document, fonts: FontSet | None) -> None:
    """Body font and Chinese language on docDefaults and Normal, so no text anywhere falls
    back to theme fonts or is proofed as Japanese."""
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr = None
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        ooxml.set_language(rpr)
    ooxml.set_theme_language(document.settings.element)
    normal = document.styles["Normal"]
    current, _ = ooxml.run_fonts(normal.element.rPr)
    if fonts is None and current:
        return  # the template chose its fonts already
    chosen = fonts or FontSet()
    if rpr is not None:
        ooxml.set_fonts(rpr, chosen.body, chosen.ascii)
    ooxml.set_fonts(normal.element.get_or_add_rPr(), chosen.body, chosen.ascii)


def _add_style(document: Document, role: Role, spec: StyleSpec, fonts: FontSet) -> None:
    kind = WD_STYLE_TYPE.CHARACTER if spec.character else WD_STYLE_TYPE.PARAGRAPH
    style = document.styles.add_style(role.value, kind)
    style.style_id = spec.style_id
    style.quick_style = True
    if spec.link:
        ooxml.child(style.element, "w:link").set(qn("w:val"), spec.link)
    font = style.font
    if spec.size:
        font.size = Pt(spec.size)
    font.bold = spec.bold
    rpr = style.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, fonts.for_role(spec.font_key), fonts.ascii)
    if spec.character:
        return
    style.base_style = document.styles["Normal"]
    font.color.rgb = RGBColor.from_string(ooxml.RED if spec.red else "000000")
    if spec.condensed:
        ooxml.set_character_spacing(rpr, ooxml.BODY_CHAR_SPACING_TWIPS)
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.widow_control = False
    fmt.keep_with_next = spec.keep_with_next
    fmt.page_break_before = spec.page_break_before
    ppr = style.element.get_or_add_pPr()
    if spec.exact_pitch:
        ooxml.set_exact_line_pitch(ppr, spec.exact_pitch)
    else:
        fmt.line_spacing = 1.0
    if not (spec.snap_to_grid and spec.exact_pitch):
        # off the 28.95 pt document grid: title lines, table rows and footers keep their own
        ooxml.child(ppr, "w:snapToGrid").set(qn("w:val"), "0")
    ooxml.set_indent_chars(
        ppr, first_line=spec.first_line_chars, left=spec.left_chars, hanging=spec.hanging_chars
    )
    if spec.grid_indent:
        ind = ppr.find(qn("w:ind"))
        for attr, chars in (("left", spec.left_chars), ("hanging", spec.hanging_chars)):
            if chars:
                ind.set(qn(f"w:{attr}Chars"), "0")
                ind.set(qn(f"w:{attr}"), str(mm_to_twips(chars / 100 * GBT9704.body_char_mm)))
    if spec.outline_level is not None:
        level = ooxml.OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline_level))
        ooxml.insert_ordered(ppr, level)


def style_ids(document: Document) -> dict[Role, str]:
    """The style id of each role in ``document`` (python-docx looks names up slowly)."""
    by_name = {style.name: style.style_id for style in document.styles}
    return {role: by_name[role.value] for role in Role if role.value in by_name}
