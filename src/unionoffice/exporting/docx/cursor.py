"""Writing styled content at one place of a document: before the {{ 正文 }} anchor.

Paragraphs get their role's style and runs get nothing but text (or a character style):
the styles carry every font, so a style changed in Word reaches all the text.

A notice's body is hundreds of paragraphs and runs, so they are made here as python-docx
would make them (the same elements, in the same order) but from copies of prototypes, without
its schema-order searches for each child added to an empty element.
"""

from __future__ import annotations

import copy

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from unionoffice.exporting.docx.styles import Role, style_ids

_RUN = OxmlElement("w:r")
_TEXT = OxmlElement("w:t")
_PRESERVE = qn("xml:space")


def _styled(tag: str, properties: str, style_tag: str, style_id: str) -> BaseOxmlElement:
    """An empty ``tag`` element whose properties name ``style_id``."""
    element = OxmlElement(tag)
    style = OxmlElement(style_tag)
    style.set(qn("w:val"), style_id)
    holder = OxmlElement(properties)
    holder.append(style)
    element.append(holder)
    return element


class Cursor:
    """Inserts paragraphs and tables before ``anchor``, in the order they are written."""

    def __init__(
        self, document: Document, anchor: Paragraph, ids: dict[Role, str] | None = None
    ) -> None:
        self.document = document
        self.anchor = anchor
        self._style_ids = ids if ids is not None else style_ids(document)
        self._paragraphs: dict[Role, BaseOxmlElement] = {}
        self._runs: dict[Role, BaseOxmlElement] = {}

    def style_id(self, role: Role) -> str:
        return self._style_ids[role]

    def paragraph(self, role: Role, text: str = "") -> Paragraph:
        """A new paragraph of ``role``'s style, holding ``text`` in one run."""
        prototype = self._paragraphs.get(role)
        if prototype is None:
            prototype = self._paragraphs[role] = _styled(
                "w:p", "w:pPr", "w:pStyle", self.style_id(role)
            )
        element = copy.deepcopy(prototype)
        self.anchor._p.addprevious(element)
        paragraph = Paragraph(element, self.anchor._parent)
        if text:
            self._append_run(element, text)
        return paragraph

    def blank(self, role: Role = Role.BODY, count: int = 1) -> None:
        """Empty lines of the body's pitch (the standard counts its spaces in lines)."""
        for _ in range(count):
            self.paragraph(role)

    def run(self, paragraph: Paragraph, text: str, style: Role | None = None) -> Run:
        """Append ``text`` to a paragraph, in a character style if one is given."""
        return Run(self._append_run(paragraph._p, text, style), paragraph)

    def _append_run(
        self, p: BaseOxmlElement, text: str, style: Role | None = None
    ) -> BaseOxmlElement:
        if style is None:
            run = copy.deepcopy(_RUN)
        else:
            prototype = self._runs.get(style)
            if prototype is None:
                prototype = self._runs[style] = _styled(
                    "w:r", "w:rPr", "w:rStyle", self.style_id(style)
                )
            run = copy.deepcopy(prototype)
        p.append(run)
        if "\t" in text or "\n" in text or "\r" in text:
            run.text = text  # python-docx's text: tabs and line breaks as their elements
        elif text:
            t = copy.deepcopy(_TEXT)
            t.text = text
            if len(text.strip()) < len(text):  # as python-docx's add_t
                t.set(_PRESERVE, "preserve")
            run.append(t)
        return run

    def table(self, rows: int, cols: int) -> Table:
        """A new table placed before the anchor."""
        # Document.add_table less its style lookup, which reads the whole styles part
        table = self.document._body.add_table(rows, cols, self.document._block_width)
        table._tbl.tblStyle_val = None
        self.anchor._p.addprevious(table._tbl)
        return table

    def cell_paragraph(self, paragraph: Paragraph, role: Role, text: str) -> Paragraph:
        """Give a table cell's paragraph a role and text."""
        paragraph._p.style = self.style_id(role)
        if text:
            self._append_run(paragraph._p, text)
        return paragraph
