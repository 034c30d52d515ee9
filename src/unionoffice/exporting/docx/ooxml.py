"""Low-level WordprocessingML helpers python-docx has no API for: explicit run fonts, borders,
character scaling, PAGE fields, repeated table headers, floating tables."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement as Node
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from unionoffice.domain.page_spec import GBT9704, mm_to_twips, pt_to_twips

# GB/T 9704: 22 lines over the 225 mm text block -> 28.95 pt, written in twentieths of a point.
LINE_PITCH_TWIPS = pt_to_twips(GBT9704.line_pitch_pt)
TEXT_WIDTH_TWIPS = mm_to_twips(GBT9704.text_width_mm)
RED = "FF0000"
# 28 characters of 16 pt do not fit 156 mm (442.2 pt); condensing each by 0.25 pt does.
BODY_CHAR_SPACING_TWIPS = pt_to_twips(GBT9704.body_char_spacing_pt)
LANGUAGE = ("en-US", "zh-CN")  # Latin text, East Asian text

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
    "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
    "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
    "sectPr", "pPrChange",
]  # fmt: skip
_RPR_ORDER = [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr",
    "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish",
    "oMath",
]  # fmt: skip
_TBLPR_ORDER = [
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
]  # fmt: skip
_SECTPR_ORDER = [
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
    "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign",
    "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings",
    "sectPrChange",
]  # fmt: skip
_ORDERS = {
    "sectPr": _SECTPR_ORDER,
    "pPr": _PPR_ORDER,
    "rPr": _RPR_ORDER,
    "tblPr": _TBLPR_ORDER,
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "tblBorders": ["top", "left", "bottom", "right", "insideH", "insideV"],
    "tblCellMar": ["top", "left", "bottom", "right"],
}


def insert_ordered(parent: Node, element: Node) -> None:
    """Insert ``element`` into ``parent`` before the first sibling the schema puts after it."""
    order = _ORDERS.get(parent.tag.rsplit("}", 1)[-1], [])
    name = element.tag.rsplit("}", 1)[-1]
    if name in order:
        successors = set(order[order.index(name) + 1 :])
        for child in parent:
            if child.tag.rsplit("}", 1)[-1] in successors:
                child.addprevious(element)
                return
    parent.append(element)


def child(parent: Node, tag: str) -> Node:
    """The first ``tag`` child of ``parent``, created in schema order (Word insists on it)."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        insert_ordered(parent, found)
    return found


def set_fonts(rpr: Node, east_asia: str, ascii_font: str | None = None) -> None:
    """Write w:rFonts with eastAsia, ascii and hAnsi set and no theme fonts.

    Word falls back to the theme fonts when only some attributes are present, and a theme
    attribute wins over an explicit name, so all of them are written and the themes removed.
    """
    fonts = child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    latin = ascii_font or east_asia
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:hint"), "eastAsia")


def set_language(rpr: Node) -> None:
    """Proof Chinese as Chinese (python-docx's defaults say Japanese)."""
    lang = child(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE[0])
    lang.set(qn("w:eastAsia"), LANGUAGE[1])


def set_theme_language(settings: Node) -> None:
    """The languages Word picks theme fonts for (w:themeFontLang in settings.xml)."""
    lang = settings.find(qn("w:themeFontLang"))
    if lang is None:
        return
    lang.set(qn("w:val"), LANGUAGE[0])
    lang.set(qn("w:eastAsia"), LANGUAGE[1])


def set_run_style(run: Run, style_id: str) -> None:
    """A character style on one run."""
    child(run._r.get_or_add_rPr(), "w:rStyle").set(qn("w:val"), style_id)


def run_fonts(rpr: Node | None) -> tuple[str | None, str | None]:
    """(eastAsia, ascii) named in an rPr, or None where not set."""
    if rpr is None:
        return None, None
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return None, None
    return fonts.get(qn("w:eastAsia")), fonts.get(qn("w:ascii"))


def set_character_scale(run: Run, percent: int) -> None:
    """Narrow (or widen) the glyphs of a run, as Word's 字符缩放."""
    rpr = run._r.get_or_add_rPr()
    scale = child(rpr, "w:w")
    scale.set(qn("w:val"), str(percent))


def set_character_spacing(rpr: Node, twips: int) -> None:
    """Expand (positive) or condense (negative) the gap after each character, in 1/20 pt."""
    spacing = child(rpr, "w:spacing")
    spacing.set(qn("w:val"), str(twips))


def set_exact_line_pitch(ppr: Node, twips: int = LINE_PITCH_TWIPS) -> None:
    """Fixed line spacing ("固定值") of ``twips`` twentieths of a point."""
    spacing = child(ppr, "w:spacing")
    spacing.set(qn("w:line"), str(twips))
    spacing.set(qn("w:lineRule"), "exact")


def set_indent_chars(ppr: Node, *, first_line: int = 0, left: int = 0, hanging: int = 0) -> None:
    """Indents in characters (hundredths, Word's 字符 unit) with a 16 pt twip fallback.

    Zero values are written too, so a template's Normal indentation cannot leak in.
    """
    ind = child(ppr, "w:ind")
    ind.attrib.clear()
    ind.set(qn("w:leftChars"), str(left))
    ind.set(qn("w:left"), str(left * 320 // 100))
    if hanging:
        ind.set(qn("w:hangingChars"), str(hanging))
        ind.set(qn("w:hanging"), str(hanging * 320 // 100))
    else:
        ind.set(qn("w:firstLineChars"), str(first_line))
        ind.set(qn("w:firstLine"), str(first_line * 320 // 100))


def set_paragraph_border(
    paragraph: Paragraph,
    side: str,
    *,
    style: str = "single",
    size_eighths: int = 12,
    color: str = RED,
    space_pt: float = 0,
) -> None:
    """A rule along one side (top/bottom) of a paragraph, as wide as the paragraph."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = child(ppr, "w:pBdr")
    edge = child(borders, f"w:{side}")
    edge.set(qn("w:val"), style)
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), str(round(space_pt)))  # whole points: ST_PointMeasure
    edge.set(qn("w:color"), color)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> list[Run]:
    """A complex field (e.g. PAGE) whose cached result is ``placeholder``; returns its runs."""
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif kind == "result":
            run.text = placeholder
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        runs.append(run)
    return runs


def repeat_as_header_row(row: _Row) -> None:
    """Mark a table row to repeat at the top of every page (w:tblHeader)."""
    trpr = row._tr.get_or_add_trPr()
    child(trpr, "w:tblHeader").set(qn("w:val"), "true")


def keep_row_together(row: _Row) -> None:
    """Forbid a row to break across pages (w:cantSplit)."""
    trpr = row._tr.get_or_add_trPr()
    child(trpr, "w:cantSplit").set(qn("w:val"), "true")


def set_table_borders(table: Table, **edges: tuple[str, int]) -> None:
    """Table borders by edge name (top, bottom, insideH, left, right, insideV): (style, 1/8 pt)."""
    tblpr = table._tbl.tblPr
    borders = child(tblpr, "w:tblBorders")
    for name in ("top", "left", "bottom", "right", "insideH", "insideV"):
        style, size = edges.get(name, ("nil", 0))
        edge = child(borders, f"w:{name}")
        edge.set(qn("w:val"), style)
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), "000000")


def set_cell_margins(
    table: Table, *, left_twips: int, right_twips: int, top_twips: int = 0, bottom_twips: int = 0
) -> None:
    """Default cell padding of a table."""
    tblpr = table._tbl.tblPr
    margins = child(tblpr, "w:tblCellMar")
    sides = (("top", top_twips), ("left", left_twips), ("bottom", bottom_twips),
             ("right", right_twips))  # fmt: skip
    for side, value in sides:
        edge = child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(value))
        edge.set(qn("w:type"), "dxa")


def float_at_page_bottom(table: Table, left_margin_twips: int) -> None:
    """Position a table at the foot of the text block of the page it falls on (版记).

    Horizontally it is placed from the page edge at the left margin: LibreOffice (before 7.6)
    only floats a table as wide as the text block when it is positioned relative to the page.
    """
    tblpr = table._tbl.tblPr
    existing = tblpr.find(qn("w:tblpPr"))
    if existing is not None:
        tblpr.remove(existing)
    position = child(tblpr, "w:tblpPr")
    for attr, value in (
        ("w:leftFromText", "0"),
        ("w:rightFromText", "0"),
        ("w:topFromText", "0"),
        ("w:bottomFromText", "0"),
        ("w:vertAnchor", "margin"),
        ("w:horzAnchor", "page"),
        ("w:tblpX", str(left_margin_twips)),
        ("w:tblpYSpec", "bottom"),
    ):
        position.set(qn(attr), value)
    child(tblpr, "w:tblOverlap").set(qn("w:val"), "never")


def set_table_width(table: Table, width_twips: int) -> None:
    """A fixed table width (w:tblW dxa) and fixed layout, so Word does not autofit."""
    tblpr = table._tbl.tblPr
    width = child(tblpr, "w:tblW")
    width.set(qn("w:w"), str(width_twips))
    width.set(qn("w:type"), "dxa")
    layout = child(tblpr, "w:tblLayout")
    layout.set(qn("w:type"), "fixed")


def paragraph_mark_rpr(paragraph: Paragraph) -> Node:
    """The run properties of a paragraph's mark (what an empty line is measured by)."""
    return child(paragraph._p.get_or_add_pPr(), "w:rPr")


def set_right_indent_chars(paragraph: Paragraph, hundredths: int) -> None:
    """Right indent in characters (Word's 字符 unit) with a 16 pt twip fallback."""
    ind = child(paragraph._p.get_or_add_pPr(), "w:ind")
    ind.set(qn("w:rightChars"), str(hundredths))
    ind.set(qn("w:right"), str(hundredths * 320 // 100))


def set_column_widths(table: Table, widths_twips: list[int]) -> None:
    """Fixed column widths on the grid and on every cell (Word and LibreOffice read both)."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_twips, strict=True):
        col.set(qn("w:w"), str(width))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_twips, strict=True):
            tcw = cell._tc.get_or_add_tcPr().get_or_add_tcW()
            tcw.set(qn("w:w"), str(width))
            tcw.set(qn("w:type"), "dxa")
    set_table_width(table, sum(widths_twips))
