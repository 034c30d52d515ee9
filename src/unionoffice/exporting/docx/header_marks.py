"""份号, 密级和保密期限 and 紧急程度 above a template's 标志, and the 签发人 beside its 文号.

Any template gets them, the shipped ones and an office's own red header alike: the marks go
flush left on the first lines of page 1, and the 标志 below moves up by as many lines so it
stays where the template put it (35 mm into the text block in 文件式); with a 签发人 the
paragraph that held {{ 文号 }} becomes the 上行文 line: 文号 居左空一字, 签发人：姓名 居右空一字
(GB/T 9704 7.2.1–7.2.5). The text comes from domain.notice_layout, as the preview's does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph as WordParagraph

from unionoffice.domain import page_layout as layout
from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_layout import issuer_names_indent, mark_paragraphs
from unionoffice.domain.notice_marks import ISSUER_LABEL, issuer_rows
from unionoffice.domain.notice_text import text_width
from unionoffice.domain.page_spec import GBT9704, mm_to_twips
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.placeholders import may_hold_placeholder
from unionoffice.exporting.docx.styles import Role, style_ids

DOC_NUMBER_PLACEHOLDER = re.compile(r"\{\{-?\s*文号\s*-?\}\}")
CHAR_TWIPS = 320  # one 3号 character, Word's 字符 unit: the 签发人 ends one before the edge
_MARK_STYLES = {
    layout.Role.COPY_NUMBER: Role.COPY_NUMBER,
    layout.Role.SECRECY: Role.SECRECY,
    layout.Role.URGENCY: Role.SECRECY,
}
# a mark on the 文号's line (信函式): 份号 in the line's own font, the others in 黑体
_MARK_TEXT_STYLES = {
    layout.Role.COPY_NUMBER: None,
    layout.Role.SECRECY: Role.SECRECY_TEXT,
    layout.Role.URGENCY: Role.SECRECY_TEXT,
}


def doc_number_paragraphs(document: Document) -> list[WordParagraph]:
    """The body paragraphs that hold {{ 文号 }}, found before the placeholders are filled."""
    return [
        paragraph
        for paragraph in document.paragraphs
        if may_hold_placeholder(paragraph) and DOC_NUMBER_PLACEHOLDER.search(paragraph.text)
    ]


def write_marks(
    document: Document,
    notice: NoticeData,
    numbers: Sequence[WordParagraph] = (),
    ids: dict[Role, str] | None = None,
) -> int:
    """Put the notice's marks above the first paragraph; returns how many lines they take.

    When the page opens with the 文号 (信函式: the 标志 is in the page header), the first mark
    shares its line, 顶格 at the left with the 文号 flush right, and the others follow below
    (GB/T 9704 10.1)."""
    marks = mark_paragraphs(notice)
    body = document.element.body
    first = body.find(qn("w:p"))
    if not marks or first is None:
        return 0
    ids = ids if ids is not None else style_ids(document)
    if any(p._p is first for p in numbers) and not issuer_rows(notice):
        _marks_beside_number(document, WordParagraph(first, document._body), marks, ids)
        return len(marks) - 1
    for mark in marks:
        paragraph = WordParagraph(ooxml.OxmlElement("w:p"), document._body)
        first.addprevious(paragraph._p)
        paragraph._p.style = ids[_MARK_STYLES[mark.role]]
        paragraph.add_run(mark.text)
    _move_up(first, len(marks) * ooxml.LINE_PITCH_TWIPS)
    return len(marks)


def _marks_beside_number(
    document: Document,
    number: WordParagraph,
    marks: Sequence[layout.Paragraph],
    ids: dict[Role, str],
) -> None:
    """信函式: the first mark and the 文号 on one line, the other marks on lines below."""
    head, *rest = marks
    runs = number.runs
    for text, style in ((head.text, _MARK_TEXT_STYLES[head.role]), ("\t", None)):
        run = number.add_run(text)
        if style is not None:
            ooxml.set_run_style(run, ids[style])
        if runs:
            number._p.remove(run._r)
            runs[0]._r.addprevious(run._r)
    number.alignment = WD_ALIGN_PARAGRAPH.LEFT
    number.paragraph_format.tab_stops.add_tab_stop(
        Twips(ooxml.TEXT_WIDTH_TWIPS), WD_TAB_ALIGNMENT.RIGHT
    )
    after = number._p
    for mark in rest:
        paragraph = WordParagraph(ooxml.OxmlElement("w:p"), document._body)
        after.addnext(paragraph._p)
        after = paragraph._p
        paragraph._p.style = ids[_MARK_STYLES[mark.role]]
        paragraph.add_run(mark.text)


def _move_up(element, twips: int) -> None:  # type: ignore[no-untyped-def]
    """Take ``twips`` off the space before ``element`` (the 标志 keeps its place)."""
    ppr = element.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing")) if ppr is not None else None
    before = spacing.get(qn("w:before")) if spacing is not None else None
    if spacing is None or before is None:
        return
    spacing.set(qn("w:before"), str(max(0, int(before) - twips)))
    for attr in ("w:beforeLines", "w:beforeAutospacing"):
        spacing.attrib.pop(qn(attr), None)


def write_issuer(
    document: Document,
    paragraphs: Sequence[WordParagraph],
    notice: NoticeData,
    ids: dict[Role, str] | None = None,
) -> None:
    """Make each 文号 paragraph the 上行文 line when the notice has a 签发人; more than two
    签发人 take rows of two above it, their names under the first name (GB/T 9704 7.2.5)."""
    rows = issuer_rows(notice)
    if not rows:
        return
    names_at = _twips(issuer_names_indent(rows))
    ids = ids if ids is not None else style_ids(document)
    for paragraph in paragraphs:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
        # 居左空一字 by a first-line indent: side indents would shorten the red rule under it
        ooxml.set_indent_chars(paragraph._p.get_or_add_pPr(), first_line=100)
        if len(rows) == 1:
            tab = Twips(ooxml.TEXT_WIDTH_TWIPS - CHAR_TWIPS)
            paragraph.paragraph_format.tab_stops.add_tab_stop(tab, WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run("\t" + ISSUER_LABEL)
            ooxml.set_run_style(paragraph.add_run(rows[0]), ids[Role.ISSUER_NAME])
            continue
        label_at = names_at - _twips(text_width(ISSUER_LABEL))
        for index, row in enumerate(rows[:-1]):
            above = _row_before(paragraph, label_at if index == 0 else names_at)
            above.add_run("\t" + ISSUER_LABEL if index == 0 else "\t")
            ooxml.set_run_style(above.add_run(row), ids[Role.ISSUER_NAME])
        paragraph.paragraph_format.tab_stops.add_tab_stop(Twips(names_at))
        paragraph.add_run("\t")
        ooxml.set_run_style(paragraph.add_run(rows[-1]), ids[Role.ISSUER_NAME])


def _twips(chars: float) -> int:
    """A width in the body grid's 字 as twips."""
    return mm_to_twips(chars * GBT9704.body_char_mm)


def _row_before(number: WordParagraph, tab_twips: int) -> WordParagraph:
    """An empty row above the 文号 paragraph, in its style, with a left tab stop; no rule."""
    row = number.insert_paragraph_before()
    row._p.style = number._p.style
    ooxml.set_indent_chars(row._p.get_or_add_pPr())
    row.alignment = WD_ALIGN_PARAGRAPH.LEFT
    row.paragraph_format.tab_stops.add_tab_stop(Twips(tab_twips))
    return row
