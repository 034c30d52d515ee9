"""How far down page 1 a template's header reaches: where the body written at {{ 正文 }}
begins. The layout starts the body there, so its page breaks are the template's.

Measured from the paragraphs above the anchor as Word sets them (exact line pitches, space
before and after, rules under paragraphs) and from a first-page header that reaches below the
top margin (信函式), which pushes the text block down on that page.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from unionoffice.domain.page_spec import GBT9704, MM_PER_PT
from unionoffice.exporting.docx import ooxml

_TWIPS_PER_MM = 20 / MM_PER_PT


def body_top_mm(document: Document, anchor: Paragraph, styles: Styles | None = None) -> float:
    """Millimetres from the top of the text block to the anchor on page 1; ``styles``: the
    document's, read once for its template."""
    styles = styles or Styles(document)
    height = 0.0
    for element in document.element.body.iterchildren(qn("w:p")):
        if element is anchor._p:
            break
        height += styles.paragraph_height(element)
    return height / _TWIPS_PER_MM + header_overflow_mm(document, styles)


def header_overflow_mm(document: Document, styles: Styles) -> float:
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


class Styles:
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

    def metrics(self, element) -> ParagraphMetrics:  # type: ignore[no-untyped-def]
        """Twips: its space before, line pitch, lines, space after and the rules round it."""
        chain = self._chain(element)
        spacing = qn("w:spacing")
        rule = self._value(chain, spacing, "w:lineRule")
        line = self._value(chain, spacing, "w:line")
        exact = rule == "exact" and bool(line)
        pitch = float(line) if exact and line else float(ooxml.LINE_PITCH_TWIPS)
        if not exact:  # a picture in the line (a red header as an image) makes it taller
            pitch = max(pitch, _inline_picture_twips(element))
        lines = 1 + sum(
            1 for br in element.iter(qn("w:br")) if br.get(qn("w:type")) in (None, "textWrapping")
        )
        rules = {}
        for side in ("top", "bottom"):
            border = f"{qn('w:pBdr')}/{qn('w:' + side)}"
            size = self._value(chain, border, "w:sz")
            if size is not None and self._value(chain, border, "w:val") not in ("nil", "none"):
                space = float(self._value(chain, border, "w:space") or 0)
                colour = self._value(chain, border, "w:color") or ""
                rules[side] = (space * 20, float(size) / 8 * 20, is_red(colour))
        return ParagraphMetrics(
            before=float(self._value(chain, spacing, "w:before") or 0),
            pitch=pitch,
            lines=lines,
            after=float(self._value(chain, spacing, "w:after") or 0),
            rules=rules,
            align=self._value(chain, qn("w:jc"), "w:val") or "both",
            exact=exact,
        )

    def paragraph_height(self, element) -> float:  # type: ignore[no-untyped-def]
        """Twips: its lines at their exact pitch, space around it, a rule under it."""
        return self.metrics(element).height


@dataclass(frozen=True)
class ParagraphMetrics:
    """A paragraph's vertical measures in twips, its rules (space, width, red) and alignment."""

    before: float
    pitch: float
    lines: int
    after: float
    rules: dict[str, tuple[float, float, bool]]
    align: str
    exact: bool = True

    @property
    def height(self) -> float:
        borders = sum(space + width for space, width, _red in self.rules.values())
        return self.before + self.lines * self.pitch + self.after + borders


def is_red(value: str) -> bool:
    """FF0000, C00000, E60012 …: strong red, little green and blue."""
    if len(value) != 6:
        return False
    try:
        red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return red >= 0xB0 and green <= 0x50 and blue <= 0x50


_EMU_PER_TWIP = 635
_INLINE_EXTENT = (
    "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline/"
    "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}extent"
)


def _inline_picture_twips(element) -> float:  # type: ignore[no-untyped-def]
    """The height of the tallest picture set in the paragraph's line (not a floating one)."""
    heights = [
        float(extent.get("cy") or 0) / _EMU_PER_TWIP
        for drawing in element.iter(qn("w:drawing"))
        for extent in drawing.iterfind(_INLINE_EXTENT)
    ]
    return max(heights, default=0.0)
