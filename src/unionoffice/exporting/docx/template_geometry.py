"""How far down page 1 a template's header reaches: where the body written at {{ 正文 }}
begins. The layout starts the body there, so its page breaks are the template's.

Measured from the paragraphs above the anchor as Word sets them (exact line pitches, space
before and after, rules under paragraphs) and from a first-page header that reaches below the
top margin (信函式), which pushes the text block down on that page.
"""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from unionoffice.domain.page_spec import GBT9704, MM_PER_PT
from unionoffice.exporting.docx import ooxml

_TWIPS_PER_MM = 20 / MM_PER_PT


def body_top_mm(document: Document, anchor: Paragraph) -> float:
    """Millimetres from the top of the text block to the anchor on page 1."""
    styles = _Styles(document)
    height = 0.0
    for element in document.element.body.iterchildren(qn("w:p")):
        if element is anchor._p:
            break
        height += styles.paragraph_height(element)
    return height / _TWIPS_PER_MM + _header_overflow_mm(document, styles)


def _header_overflow_mm(document: Document, styles: _Styles) -> float:
    """How far a first-page header reaches below the top margin (it pushes the text down)."""
    section = document.sections[0]
    if not section.different_first_page_header_footer:
        return 0.0
    header = section.first_page_header
    if header.is_linked_to_previous:
        return 0.0
    height = sum(styles.paragraph_height(p._p) for p in header.paragraphs) / _TWIPS_PER_MM
    distance = (section.header_distance or 0) / 36000  # EMU to mm
    return max(0.0, distance + height - GBT9704.top_margin_mm)


class _Styles:
    """Paragraph properties through the style chain, read from the styles part once."""

    def __init__(self, document: Document) -> None:
        root = document.styles.element
        self._by_id = {s.get(qn("w:styleId")): s for s in root.iterchildren(qn("w:style"))}
        defaults = f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}"
        self._default = root.find(defaults)
        self._normal = next(
            (s for s in self._by_id.values() if s.get(qn("w:default")) == "1"
             and s.get(qn("w:type")) == "paragraph"),
            None,
        )  # fmt: skip

    def _chain(self, element) -> list:  # type: ignore[no-untyped-def]
        """The pPr elements that apply, nearest first."""
        chain = []
        ppr = element.find(qn("w:pPr"))
        if ppr is not None:
            chain.append(ppr)
        style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style = self._by_id.get(style_el.get(qn("w:val"))) if style_el is not None else self._normal
        seen = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            style_ppr = style.find(qn("w:pPr"))
            if style_ppr is not None:
                chain.append(style_ppr)
            based = style.find(qn("w:basedOn"))
            style = self._by_id.get(based.get(qn("w:val"))) if based is not None else None
        if self._default is not None:
            chain.append(self._default)
        return chain

    def _value(self, chain: list, path: str, attr: str) -> str | None:  # type: ignore[type-arg]
        for ppr in chain:
            found = ppr.find(path)
            if found is not None and found.get(qn(attr)) is not None:
                return str(found.get(qn(attr)))
        return None

    def paragraph_height(self, element) -> float:  # type: ignore[no-untyped-def]
        """Twips: its lines at their exact pitch, space around it, a rule under it."""
        chain = self._chain(element)
        spacing = qn("w:spacing")
        rule = self._value(chain, spacing, "w:lineRule")
        line = self._value(chain, spacing, "w:line")
        pitch = float(line) if rule == "exact" and line else float(ooxml.LINE_PITCH_TWIPS)
        lines = 1 + sum(
            1 for br in element.iter(qn("w:br")) if br.get(qn("w:type")) in (None, "textWrapping")
        )
        height = lines * pitch
        height += float(self._value(chain, spacing, "w:before") or 0)
        height += float(self._value(chain, spacing, "w:after") or 0)
        for side in ("top", "bottom"):
            border = f"{qn('w:pBdr')}/{qn('w:' + side)}"
            size = self._value(chain, border, "w:sz")
            if size is not None and self._value(chain, border, "w:val") not in ("nil", "none"):
                space = float(self._value(chain, border, "w:space") or 0)
                height += (space + float(size) / 8) * 20
        return height
