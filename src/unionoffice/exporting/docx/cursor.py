"""Writing styled content at one place of a document: before the {{ 正文 }} anchor.

Every run written here carries its role's East Asian and Latin fonts explicitly, taken from
the template's styles, so no text falls back to Word's theme fonts.
"""

from __future__ import annotations

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.styles import Role, StyleFonts


class Cursor:
    """Inserts paragraphs and tables before ``anchor``, in the order they are written."""

    def __init__(self, document: Document, anchor: Paragraph, fonts: StyleFonts) -> None:
        self.document = document
        self.anchor = anchor
        self.fonts = fonts
        self._style_ids: dict[Role, str] = {}

    def style_id(self, role: Role) -> str:
        """The style id of a role (python-docx looks styles up by name slowly; cache it)."""
        if role not in self._style_ids:
            self._style_ids[role] = self.document.styles[role.value].style_id
        return self._style_ids[role]

    def paragraph(self, role: Role, text: str = "") -> Paragraph:
        """A new paragraph of ``role``'s style, holding ``text`` in one run."""
        paragraph = self.anchor.insert_paragraph_before()
        paragraph._p.style = self.style_id(role)
        if text:
            self.run(paragraph, text, role)
        else:
            self._mark_fonts(paragraph, role)
        return paragraph

    def blank(self, role: Role = Role.BODY, count: int = 1) -> None:
        """Empty lines of the body's pitch (the standard counts its spaces in lines)."""
        for _ in range(count):
            self.paragraph(role)

    def run(self, paragraph: Paragraph, text: str, role: Role) -> Run:
        """Append ``text`` to a paragraph in ``role``'s fonts."""
        run = paragraph.add_run(text)
        east_asia, latin = self.fonts.fonts(role)
        ooxml.set_run_fonts(run, east_asia, latin)
        return run

    def table(self, rows: int, cols: int) -> Table:
        """A new table placed before the anchor."""
        table = self.document.add_table(rows=rows, cols=cols)
        self.anchor._p.addprevious(table._tbl)
        return table

    def cell_paragraph(self, paragraph: Paragraph, role: Role, text: str) -> Paragraph:
        """Give a table cell's paragraph a role and text."""
        paragraph._p.style = self.style_id(role)
        if text:
            self.run(paragraph, text, role)
        else:
            self._mark_fonts(paragraph, role)
        return paragraph

    def _mark_fonts(self, paragraph: Paragraph, role: Role) -> None:
        """Fonts on the paragraph mark too, so an empty line has the body's height."""
        east_asia, latin = self.fonts.fonts(role)
        rpr = ooxml.paragraph_mark_rpr(paragraph)
        ooxml.set_fonts(rpr, east_asia, latin)
