"""Helpers for the importer tests: fixture notices and .docx files built with python-docx."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A paragraph, or a table given as rows of cells; a cell's "\n" starts a new paragraph in it.
DocxPart = str | Sequence[Sequence[str]]


def build_docx(path: Path, parts: Sequence[DocxPart], merge_rows: Sequence[int] = ()) -> Path:
    """Write a .docx whose body is ``parts`` in order. Rows of the last table listed in
    ``merge_rows`` are merged across all columns (a section row such as "一、学习教育")."""
    import docx

    document = docx.Document()
    for part in parts:
        if isinstance(part, str):
            document.add_paragraph(part)
            continue
        rows = [list(r) for r in part]
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                lines = value.split("\n")
                cell = table.cell(r, c)
                cell.text = lines[0]
                for line in lines[1:]:
                    cell.add_paragraph(line)
        for r in merge_rows:
            text = rows[r][0]
            merged = table.cell(r, 0).merge(table.cell(r, len(rows[r]) - 1))
            merged.text = text
    document.save(str(path))
    return path


@pytest.fixture
def make_docx(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str, parts: Sequence[DocxPart], merge_rows: Sequence[int] = ()) -> Path:
        return build_docx(tmp_path / name, parts, merge_rows)

    return make
