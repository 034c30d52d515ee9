"""The activity plan's table as Word writes it: the layout's column widths, cells padded,
the header row repeated on each page, rows that never break across pages."""

from __future__ import annotations

from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.table import _Cell

from unionoffice.domain import page_layout as layout
from unionoffice.domain.page_spec import MM_PER_PT, mm_to_twips, pt_to_twips
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.styles import Role

_ALIGN = {
    layout.Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    layout.Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
}


def write_table(cursor: Cursor, table: layout.Table) -> None:
    """The table before the cursor, as ``table`` lays it out."""
    word = cursor.table(rows=1 + len(table.rows), cols=len(table.widths_mm))
    word.alignment = WD_TABLE_ALIGNMENT.CENTER
    word.autofit = False
    ooxml.set_column_widths(word, [mm_to_twips(w) for w in table.widths_mm])
    padding = mm_to_twips(table.padding_x_mm)
    padding_y = pt_to_twips(table.padding_y_mm / MM_PER_PT)
    ooxml.set_cell_margins(
        word, left_twips=padding, right_twips=padding, top_twips=padding_y, bottom_twips=padding_y
    )
    edge = ("single", round(table.rule_mm / MM_PER_PT * 8))  # eighths of a point
    ooxml.set_table_borders(
        word, top=edge, left=edge, bottom=edge, right=edge, insideH=edge, insideV=edge
    )
    header = word.rows[0]
    ooxml.repeat_as_header_row(header)
    for row in word.rows:
        ooxml.keep_row_together(row)
    for word_cell, cell in zip(header.cells, table.header, strict=True):
        _fill(cursor, word_cell, cell, Role.TABLE_HEADER)
    for word_row, cells in zip(word.rows[1:], table.rows, strict=True):
        for word_cell, cell in zip(word_row.cells, cells, strict=True):
            _fill(cursor, word_cell, cell, Role.TABLE_TEXT)


def _fill(cursor: Cursor, word_cell: _Cell, cell: layout.Cell, role: Role) -> None:
    word_cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for index, text in enumerate(cell.paragraphs):
        paragraph = word_cell.paragraphs[0] if index == 0 else word_cell.add_paragraph()
        if index == 0 and cell.head_length > 0:
            cursor.cell_paragraph(paragraph, role, "")
            cursor.run(paragraph, text[: cell.head_length], Role.ACTIVITY_NAME)
            if text[cell.head_length :]:
                paragraph.add_run(text[cell.head_length :])
        else:
            cursor.cell_paragraph(paragraph, role, text)
        if cell.align in _ALIGN and role is not Role.TABLE_HEADER:
            paragraph.alignment = _ALIGN[cell.align]
