"""The named paragraph styles a notice template carries, one per GB/T 9704 element.

A template holds these styles; a clerk changes a font or size in Word's style pane and every
export follows. Missing styles are added with the standard's values, so any .docx can serve
as a template. Runs always get the style's East Asian and Latin font written on them as well.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

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


@dataclass(frozen=True)
class StyleSpec:
    """The standard's values for one role."""

    style_id: str
    font_key: str  # a FontSet field
    size: float
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_chars: int = 0
    left_chars: int = 0
    hanging_chars: int = 0
    exact_pitch: int | None = ooxml.LINE_PITCH_TWIPS
    red: bool = False
    keep_with_next: bool = False
    page_break_before: bool = False
    outline_level: int | None = None
    condensed: bool = True


_C = WD_ALIGN_PARAGRAPH.CENTER
_L = WD_ALIGN_PARAGRAPH.LEFT
_R = WD_ALIGN_PARAGRAPH.RIGHT

SPECS: dict[Role, StyleSpec] = {
    Role.BODY: StyleSpec("UOBody", "body", 16, first_line_chars=200),
    Role.LETTERHEAD: StyleSpec("UOLetterhead", "title", 52, _C, exact_pitch=1240, red=True),
    Role.DOC_NUMBER: StyleSpec("UODocNumber", "body", 16, _C),
    Role.TITLE: StyleSpec("UOTitle", "title", 22, _C, condensed=False),
    Role.RECIPIENTS: StyleSpec("UORecipients", "body", 16),
    Role.HEADING1: StyleSpec(
        "UOHeading1", "heading1", 16, first_line_chars=200, keep_with_next=True, outline_level=0
    ),
    Role.HEADING2: StyleSpec("UOHeading2", "heading2", 16, first_line_chars=200, outline_level=1),
    Role.HEADING3: StyleSpec("UOHeading3", "body", 16, first_line_chars=200, outline_level=2),
    Role.HEADING4: StyleSpec("UOHeading4", "body", 16, first_line_chars=200, outline_level=3),
    Role.ATTACHMENT_NOTE: StyleSpec(
        "UOAttachmentNote", "body", 16, left_chars=500, hanging_chars=300
    ),
    Role.SIGNATURE: StyleSpec("UOSignature", "body", 16, _R),
    Role.DATE: StyleSpec("UODate", "body", 16, _R),
    # left-aligned: a long e-mail address or phone number would stretch a justified line
    Role.REMARK: StyleSpec("UORemark", "body", 16, _L, first_line_chars=200),
    Role.ATTACHMENT_LABEL: StyleSpec(
        "UOAttachmentLabel", "heading1", 16, _L, page_break_before=True
    ),
    Role.ATTACHMENT_TITLE: StyleSpec(
        "UOAttachmentTitle", "title", 22, _C, keep_with_next=True, condensed=False
    ),
    Role.IMPRINT: StyleSpec("UOImprint", "body", 14, _L, condensed=False),
    Role.PAGE_NUMBER: StyleSpec("UOPageNumber", "page_number", 14, _R, exact_pitch=None),
    Role.TABLE_TEXT: StyleSpec("UOTableText", "body", 12, _L, exact_pitch=None, condensed=False),
    Role.TABLE_HEADER: StyleSpec(
        "UOTableHeader", "heading1", 12, _C, exact_pitch=None, condensed=False
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
    """Body font on docDefaults and Normal, so no text anywhere falls back to theme fonts."""
    styles_el = document.styles.element
    rpr = styles_el.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    normal = document.styles["Normal"]
    current, _ = ooxml.run_fonts(normal.element.rPr)
    if fonts is None and current:
        return  # the template chose its fonts already
    body = (fonts or FontSet()).body
    latin = (fonts or FontSet()).ascii
    if rpr is not None:
        ooxml.set_fonts(rpr, body, latin)
    ooxml.set_fonts(normal.element.get_or_add_rPr(), body, latin)


def _add_style(document: Document, role: Role, spec: StyleSpec, fonts: FontSet) -> None:
    style: ParagraphStyle = document.styles.add_style(role.value, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = spec.style_id
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(spec.size)
    font.bold = False
    font.color.rgb = RGBColor.from_string(ooxml.RED if spec.red else "000000")
    rpr = style.element.get_or_add_rPr()
    ooxml.set_fonts(rpr, fonts.for_role(spec.font_key), fonts.ascii)
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
        # off the 28.95 pt document grid: table rows and footers keep their own height
        ooxml.child(ppr, "w:snapToGrid").set(qn("w:val"), "0")
    ooxml.set_indent_chars(
        ppr, first_line=spec.first_line_chars, left=spec.left_chars, hanging=spec.hanging_chars
    )
    if spec.outline_level is not None:
        level = ooxml.OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), str(spec.outline_level))
        ooxml.insert_ordered(ppr, level)


class StyleFonts:
    """The fonts each role's style names, read once from a document."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._cache: dict[Role, tuple[str, str | None]] = {}

    def fonts(self, role: Role) -> tuple[str, str | None]:
        """(eastAsia, ascii) for a role, following basedOn; FontSet defaults where unset."""
        if role not in self._cache:
            self._cache[role] = self._read(role)
        return self._cache[role]

    def _read(self, role: Role) -> tuple[str, str | None]:
        east_asia = latin = None
        style = self._document.styles[role.value]
        while style is not None and (east_asia is None or latin is None):
            ea, ascii_font = ooxml.run_fonts(style.element.rPr)
            east_asia = east_asia or ea
            latin = latin or ascii_font
            style = style.base_style
        if east_asia is None:
            east_asia = FontSet().for_role(SPECS[role].font_key)
        return east_asia, latin
