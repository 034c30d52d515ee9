"""GB/T 9704 page geometry and page-number footers, applied when templates are built."""

from __future__ import annotations

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph

from unionoffice.domain.page_spec import GBT9704, pt_to_twips
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.styles import Role

PAGE_NUMBER_INDENT_TWIPS = pt_to_twips(GBT9704.page_number_size_pt)  # 一字 of the 4号 number


def apply_page_geometry(document: Document) -> Section:
    """A4; 天头 37 mm, 订口 28 mm, text block 156 × 225 mm; 22 lines of 28.95 pt."""
    spec = GBT9704
    section = document.sections[0]
    section.page_width, section.page_height = Mm(spec.paper_width_mm), Mm(spec.paper_height_mm)
    section.top_margin, section.bottom_margin = Mm(spec.top_margin_mm), Mm(spec.bottom_margin_mm)
    section.left_margin, section.right_margin = Mm(spec.left_margin_mm), Mm(spec.right_margin_mm)
    section.header_distance = Mm(spec.header_distance_mm)
    section.footer_distance = Mm(spec.footer_distance_mm)
    section.gutter = Mm(0)
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = ooxml.OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    grid.attrib.clear()
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(ooxml.LINE_PITCH_TWIPS))
    return section


def apply_normal_style(document: Document) -> None:
    """Normal = body text without indent, Chinese language, no spacing after."""
    normal = document.styles["Normal"]
    normal.font.size = Pt(GBT9704.body_size_pt)
    fmt = normal.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ooxml.set_exact_line_pitch(normal.element.get_or_add_pPr())
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        for lang in defaults.iter(qn("w:lang")):
            lang.set(qn("w:val"), ooxml.LANGUAGE[0])
            lang.set(qn("w:eastAsia"), ooxml.LANGUAGE[1])
        for spacing in defaults.iter(qn("w:spacing")):
            spacing.attrib.clear()
            spacing.set(qn("w:after"), "0")


def add_page_number_footers(document: Document, section: Section) -> None:
    """— N — in 4号 宋体: odd pages 右空一字, even pages 左空一字 (different odd/even footers)."""
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = document.styles[Role.PAGE_NUMBER.value]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.left_indent = fmt.right_indent = Pt(0)
        if align is WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = Twips(PAGE_NUMBER_INDENT_TWIPS)
        else:
            fmt.left_indent = Twips(PAGE_NUMBER_INDENT_TWIPS)
        paragraph.add_run("— ")
        ooxml.add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" —")
    for header in (section.header, section.even_page_header):
        header.is_linked_to_previous = False
        collapse_paragraph(header.paragraphs[0], document)


def collapse_paragraph(paragraph: Paragraph, document: Document) -> None:
    """An empty header paragraph 1 pt high, so it never pushes the text block down."""
    paragraph.style = document.styles["Normal"]
    ppr = paragraph._p.get_or_add_pPr()
    ooxml.set_exact_line_pitch(ppr, 20)
    ooxml.child(ooxml.paragraph_mark_rpr(paragraph), "w:sz").set(qn("w:val"), "2")
