"""The 版记 (抄送, 印发机关, 印发日期) at the foot of the last page, between rules.

It is a one-column table floated to the bottom of the text block, so it sits on the last
page's bottom edge however long the text above is; rules are the table's borders (first and
last 0.35 mm, the ones between 0.25 mm) across the text block.
"""

from __future__ import annotations

from datetime import date

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Twips

from unionoffice.domain.notice_text import format_chinese_date
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.styles import Role

TEXT_WIDTH_TWIPS = 8844  # 156 mm
CHAR_TWIPS = 280  # one 4号 (14 pt) character
OUTER_RULE = ("single", 8)  # 1 pt ≈ 0.35 mm
INNER_RULE = ("single", 6)  # 0.75 pt ≈ 0.26 mm


def imprint_lines(
    cc: str, distributor: str, distribution_date: date | None, *, distributor_line: bool
) -> list[tuple[str, str]]:
    """The 版记 rows as (left text, right text)."""
    rows = []
    cc = cc.strip().rstrip("。.；;，,")
    if cc:
        if cc.startswith(("抄送：", "抄送:")):
            cc = cc[3:]
        rows.append((f"抄送：{cc}。", ""))
    if distributor_line and (distributor.strip() or distribution_date):
        issued = f"{format_chinese_date(distribution_date)}印发" if distribution_date else ""
        rows.append((distributor.strip(), issued))
    return rows


def write_imprint(cursor: Cursor, rows: list[tuple[str, str]]) -> None:
    """The 版记 table at the foot of the page the cursor is on; nothing when ``rows`` is empty."""
    if not rows:
        return
    table = cursor.table(rows=len(rows), cols=1)
    # exactly the text block: LibreOffice keeps a table as wide as the page inline
    ooxml.set_column_widths(table, [TEXT_WIDTH_TWIPS])
    ooxml.set_cell_margins(table, left_twips=0, right_twips=0)
    ooxml.set_table_borders(table, top=OUTER_RULE, bottom=OUTER_RULE, insideH=INNER_RULE)
    ooxml.float_at_page_bottom(table, cursor.document.sections[-1].left_margin.twips)
    for row, (left, right) in zip(table.rows, rows, strict=True):
        paragraph = cursor.cell_paragraph(row.cells[0].paragraphs[0], Role.IMPRINT, left)
        fmt = paragraph.paragraph_format
        if left.startswith("抄送："):
            # 左右各空一字; a wrapped line starts under the first name after the colon
            _indent(paragraph, left=4 * CHAR_TWIPS, hanging=3 * CHAR_TWIPS, right=CHAR_TWIPS)
        else:
            _indent(paragraph, left=CHAR_TWIPS, hanging=0, right=CHAR_TWIPS)
            fmt.tab_stops.add_tab_stop(Twips(TEXT_WIDTH_TWIPS - CHAR_TWIPS), WD_TAB_ALIGNMENT.RIGHT)
            if right:
                cursor.run(paragraph, "\t" + right, Role.IMPRINT)


def _indent(paragraph, *, left: int, hanging: int, right: int) -> None:
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
