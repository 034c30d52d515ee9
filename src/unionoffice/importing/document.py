"""What the readers hand to the parsers: paragraphs and tables in reading order."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.text import collapse_spaces, nfc
from unionoffice.importing.revisions import Revisions


class ImportFileError(UnionOfficeError):
    """A file that cannot be imported; the message says why, in Chinese, for the clerk."""


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts (a cell's paragraphs are joined with newlines)."""

    rows: tuple[tuple[str, ...], ...]


Element = str | Table


@dataclass(frozen=True)
class SourceDocument:
    """The raw content of one file: text lines and tables, in the order they are read."""

    elements: tuple[Element, ...]
    path: Path | None = None
    encoding: str | None = None
    # A Word file's tracked changes (None for other files) and its custom properties.
    revisions: Revisions | None = None
    properties: tuple[tuple[str, str], ...] = ()

    def property(self, name: str) -> str | None:
        return dict(self.properties).get(name)

    def plain_text(self) -> str:
        """The whole text, tables written one row a line with tab-separated cells."""
        parts: list[str] = []
        for element in self.elements:
            if isinstance(element, Table):
                parts.extend("\t".join(c.replace("\n", " ") for c in r) for r in element.rows)
            else:
                parts.append(element)
        return "\n".join(parts)

    def content_hash(self) -> str:
        """sha256 of the text with all whitespace removed, so re-saving a file in another
        encoding or with other line breaks still counts as the same notice."""
        normalised = collapse_spaces(nfc(self.plain_text()))
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Line:
    """One cleaned line of text.

    ``marks`` is the number of markdown ``#`` marks the line had, ``bullet`` whether it was a
    "- " list item; both are layout hints the parsers use, the text no longer has them.
    """

    text: str
    marks: int = 0
    bullet: bool = False

    @property
    def marked(self) -> bool:
        return self.marks > 0
