"""Writing styled content at one place of a document: before the {{ 正文 }} anchor.

Paragraphs get their role's style and runs get nothing but text (or a character style):
the styles carry every font, so a style changed in Word reaches all the text.
"""

from __future__ import annotations

from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.styles import Role, style_ids


class Cursor:
    """Inserts paragraphs and tables before ``anchor``, in the order they are written."""

    def __init__(self, document: Document, anchor: Paragraph) -> None:
        self.document = document
        self.anchor = anchor
        self._style_ids = style_ids(document)

    def style_id(self, role: Role) -> str:
        return self._style_ids[role]

    def paragraph(self, role: Role, text: str = "") -> Paragraph:
        """A new paragraph of ``role``'s style, holding ``text`` in one run."""
        paragraph = self.anchor.insert_paragraph_before()
        paragraph._p.style = self.style_id(role)
        if text:
            paragraph.add_run(text)
        return paragraph

    def blank(self, role: Role = Role.BODY, count: int = 1) -> None:
        """Empty lines of the body's pitch (the standard counts its spaces in lines)."""
        for _ in range(count):
            self.paragraph(role)

    def run(self, paragraph: Paragraph, text: str, style: Role | None = None) -> Run:
        """Append ``text`` to a paragraph, in a character style if one is given."""
        run = paragraph.add_run(text)
        if style is not None:
            ooxml.set_run_style(run, self.style_id(style))
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
            paragraph.add_run(text)
        return paragraph
