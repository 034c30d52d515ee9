"""The pages a template gives a notice, for the clerk to look at before keeping a template.

Page 1 carries the template's own header — its paragraphs above {{ 正文 }}, filled and measured
as the export measures them (template_geometry) — and the body is the layout every export
writes, so the page preview paints what Word will print without LibreOffice or Word at hand.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_marks import ISSUER_LABEL
from unionoffice.domain.page_layout import MM_PER_PT, TEXT_WIDTH_MM, Align, Line, Page, Role, Rule
from unionoffice.domain.page_spec import GBT9704
from unionoffice.exporting.docx.notice_writer import fill_template
from unionoffice.exporting.docx.options import ExportOptions
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.styles import SPECS
from unionoffice.exporting.docx.styles import Role as StyleRole
from unionoffice.exporting.docx.template_geometry import Styles, header_overflow_mm, is_red

_TWIPS_PER_MM = 20 / MM_PER_PT
_ALIGN = {"center": Align.CENTER, "right": Align.RIGHT, "end": Align.RIGHT}
_STYLE_ROLES = {
    SPECS[StyleRole.LETTERHEAD].style_id: Role.LETTERHEAD,
    SPECS[StyleRole.TITLE].style_id: Role.TITLE,
    SPECS[StyleRole.COPY_NUMBER].style_id: Role.COPY_NUMBER,
    SPECS[StyleRole.SECRECY].style_id: Role.SECRECY,
}
BIG_PT = 22.0  # red text this large or larger is a 发文机关标志
PICTURE_TEXT = "（红头图片）"


def template_pages(
    template: str | Path, notice: NoticeData | None = None, *, user_dir: Path | None = None
) -> list[Page]:
    """``notice`` (the specimen by default) on the pages ``template`` gives it."""
    options = ExportOptions(template=str(template), letterhead=SPECIMEN_LETTERHEAD)
    prepared = fill_template(notice or specimen_notice(), options, user_dir=user_dir)
    lines, rules = header_lines(prepared.document, prepared.anchor)
    pages = prepared.layout().pages
    first = pages[0]
    first = dataclasses.replace(
        first, lines=(*lines, *first.lines), rules=(*rules, *first.rules)
    )
    return [first, *pages[1:]]


def header_lines(document: Document, anchor: WordParagraph) -> tuple[list[Line], list[Rule]]:
    """The lines and rules of the paragraphs above ``anchor``, in mm on the text block."""
    styles = Styles(document)
    y = header_overflow_mm(document, styles)
    lines: list[Line] = []
    rules: list[Rule] = []
    for element in document.element.body.iterchildren(qn("w:p")):
        if element is anchor._p:
            break
        metrics = styles.metrics(element)
        paragraph = WordParagraph(element, document._body)
        y += metrics.before / _TWIPS_PER_MM
        if "top" in metrics.rules:
            space, width, red = metrics.rules["top"]
            rules.append(Rule(y, width / _TWIPS_PER_MM, red=red))
            y += (space + width) / _TWIPS_PER_MM
        pitch = metrics.pitch / _TWIPS_PER_MM
        size = _size_pt(paragraph)
        red = _is_red(paragraph)
        role = _STYLE_ROLES.get(element.style or "", Role.DOC_NUMBER)
        if role is Role.DOC_NUMBER and red and size >= BIG_PT:
            role = Role.LETTERHEAD
        left, right = _indents_mm(element)
        align = _ALIGN.get(metrics.align, Align.LEFT)
        shown = paragraph.text
        if not shown.strip() and element.find(f".//{qn('w:drawing')}") is not None:
            shown, red, align = PICTURE_TEXT, True, Align.CENTER  # painted as words, not pixels
        for index, text in enumerate(shown.split("\n")):
            first, _tab, rest = text.partition("\t")
            line = Line(
                role=role,
                text=first,
                top_mm=y + index * pitch,
                height_mm=pitch,
                left_mm=left,
                right_mm=TEXT_WIDTH_MM - right,
                align=align,
                size_pt=size,
                char_mm=size * MM_PER_PT,
                red=red or role is Role.LETTERHEAD,
            )
            lines.append(line)
            if rest:  # a text at a right tab: 签发人, or 成文日期 in 纪要式
                kind = Role.ISSUER if rest.startswith(ISSUER_LABEL) else role
                lines.append(dataclasses.replace(line, role=kind, text=rest, align=Align.RIGHT))
        y += metrics.lines * pitch
        if "bottom" in metrics.rules:
            space, width, red = metrics.rules["bottom"]
            y += space / _TWIPS_PER_MM
            rules.append(Rule(y, width / _TWIPS_PER_MM, red=red))
            y += width / _TWIPS_PER_MM
        y += metrics.after / _TWIPS_PER_MM
    return lines, rules


def _size_pt(paragraph: WordParagraph) -> float:
    """The size of the paragraph's first sized run, else its style's (through its bases)."""
    for run in paragraph.runs:
        if run.text.strip() and run.font.size is not None:
            return float(run.font.size.pt)
    style = paragraph.style
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return GBT9704.body_size_pt


def _is_red(paragraph: WordParagraph) -> bool:
    for run in paragraph.runs:
        colour = run.font.color
        if run.text.strip() and colour is not None and colour.rgb is not None:
            return is_red(str(colour.rgb))
    style = paragraph.style
    while style is not None:
        colour = style.font.color
        if colour is not None and colour.rgb is not None:
            return is_red(str(colour.rgb))
        style = style.base_style
    return False


def _indents_mm(element) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Left and right indent set on the paragraph itself."""
    ind = element.find(f"{qn('w:pPr')}/{qn('w:ind')}")
    if ind is None:
        return 0.0, 0.0
    values = []
    for side in ("left", "right"):
        twips = ind.get(qn(f"w:{side}")) or ind.get(qn(f"w:{'start' if side == 'left' else 'end'}"))
        values.append(float(twips) / _TWIPS_PER_MM if twips else 0.0)
    return values[0], values[1]
