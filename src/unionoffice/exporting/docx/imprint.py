"""The 版记 (抄送, 印发机关, 印发日期) at the foot of the last page, which is even (封四).

It is a one-column table floated to the bottom of the text block, so it sits on the bottom
edge of the page it falls on; rules are the table's borders (first and last 0.35 mm, the ones
between 0.25 mm) across the text block. When the text ends on an odd page, or leaves no room
on an even one, a section break moves the 版记 to the next even page (after a blank page when
needed); that last section has footers without page numbers (GB/T 9704 7.5).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph as WordParagraph

from unionoffice.domain.page_layout import Paragraph
from unionoffice.domain.page_spec import GBT9704, mm_to_twips, pt_to_twips
from unionoffice.domain.pagination import ImprintPlacement
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.styles import Role

CHAR_TWIPS = pt_to_twips(GBT9704.imprint_size_pt)  # one 4号 character
OUTER_RULE = ("single", round(GBT9704.imprint_outer_rule_mm / 25.4 * 72 * 8))  # 1 pt
INNER_RULE = ("single", round(GBT9704.imprint_inner_rule_mm / 25.4 * 72 * 8))  # 0.75 pt


def write_imprint(
    cursor: Cursor, rows: Sequence[Paragraph], placement: ImprintPlacement | None
) -> None:
    """The 版记 table where ``placement`` says; nothing when ``rows`` is empty."""
    if not rows or placement is None:
        return
    if placement is not ImprintPlacement.LAST_PAGE:
        start_unnumbered_section(cursor)
        # the new section's first paragraph: LibreOffice starts the page at a paragraph, and
        # would leave a table floated straight after the break on the page before
        collapsed_paragraph(cursor)
        if placement is ImprintPlacement.AFTER_BLANK_PAGE:  # that page stays blank
            collapsed_paragraph(cursor).paragraph_format.page_break_before = True
    width = ooxml.TEXT_WIDTH_TWIPS
    table = cursor.table(rows=len(rows), cols=1)
    # exactly the text block: LibreOffice keeps a table as wide as the page inline
    ooxml.set_column_widths(table, [width])
    ooxml.set_cell_margins(table, left_twips=0, right_twips=0)
    ooxml.set_table_borders(table, top=OUTER_RULE, bottom=OUTER_RULE, insideH=INNER_RULE)
    ooxml.float_at_page_bottom(table, mm_to_twips(GBT9704.left_margin_mm))
    for row, item in zip(table.rows, rows, strict=True):
        paragraph = cursor.cell_paragraph(row.cells[0].paragraphs[0], Role.IMPRINT, item.text)
        if item.text.startswith("抄送："):
            # 左右各空一字; a wrapped line starts under the first name after the colon
            _indent(paragraph, left=4 * CHAR_TWIPS, hanging=3 * CHAR_TWIPS, right=CHAR_TWIPS)
        else:
            _indent(paragraph, left=CHAR_TWIPS, hanging=0, right=CHAR_TWIPS)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Twips(width - CHAR_TWIPS), WD_TAB_ALIGNMENT.RIGHT
            )
            if item.right_text:
                paragraph.add_run("\t" + item.right_text)


def start_unnumbered_section(cursor: Cursor) -> None:
    """End the text's section at the last paragraph before the cursor; what follows is a
    section of its own, on a new page, whose footers carry no page number."""
    document = cursor.document
    body_sect = document.element.body.find(qn("w:sectPr"))
    last = cursor.anchor._p.getprevious()
    if last is None or last.tag != qn("w:p"):  # a table ends the text: a 1 pt paragraph
        last = collapsed_paragraph(cursor)._p
    ooxml.insert_ordered(last.get_or_add_pPr(), copy.deepcopy(body_sect))
    ooxml.child(body_sect, "w:type").set(qn("w:val"), "nextPage")
    for reference in body_sect.findall(qn("w:headerReference")) + body_sect.findall(
        qn("w:footerReference")
    ):
        if reference.tag == qn("w:footerReference") or reference.get(qn("w:type")) == "first":
            body_sect.remove(reference)
    title_page = body_sect.find(qn("w:titlePg"))
    if title_page is not None:
        body_sect.remove(title_page)
    _empty_footers(document)


def _empty_footers(document: Document) -> None:
    section = document.sections[-1]
    for footer in (section.footer, section.even_page_footer):
        footer.is_linked_to_previous = False
        for paragraph in footer.paragraphs:
            for run in list(paragraph.runs):
                paragraph._p.remove(run._r)


def collapsed_paragraph(cursor: Cursor) -> WordParagraph:
    """An empty 1 pt paragraph: after a table, where Word needs one, it takes no line."""
    paragraph = cursor.paragraph(Role.BODY)
    collapse(paragraph)
    return paragraph


def collapse(paragraph: WordParagraph) -> None:
    """Make ``paragraph`` 1 pt high and unindented."""
    ppr = paragraph._p.get_or_add_pPr()
    ooxml.set_exact_line_pitch(ppr, 20)
    ooxml.set_indent_chars(ppr)
    ooxml.child(ooxml.paragraph_mark_rpr(paragraph), "w:sz").set(qn("w:val"), "2")


def _indent(paragraph: WordParagraph, *, left: int, hanging: int, right: int) -> None:
    ind = ooxml.child(paragraph._p.get_or_add_pPr(), "w:ind")
    ind.attrib.clear()
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))
    ind.set(qn("w:leftChars"), "0")
    ind.set(qn("w:rightChars"), "0")
    if hanging:
        ind.set(qn("w:hanging"), str(hanging))
        ind.set(qn("w:hangingChars"), "0")
    else:
        ind.set(qn("w:firstLine"), "0")
        ind.set(qn("w:firstLineChars"), "0")
