"""Rendering Word files through LibreOffice and reading their pages back from the PDF.

``render_pdfs`` converts several .docx files in one soffice call (its start-up costs seconds)
with a profile of its own, so it runs beside other LibreOffice instances; ``pdf_pages`` reads
each page's text lines with their boxes in millimetres from the top left of the text block.
LibreOffice and poppler-utils come from scripts/system-packages.sh: without them these tests
fail, they are never skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from unionoffice.domain.page_spec import GBT9704, MM_PER_PT


@dataclass(frozen=True)
class PdfLine:
    """One line of text on a PDF page, in mm from the top left corner of the text block."""

    top: float
    bottom: float
    left: float
    right: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: run scripts/system-packages.sh (as root) first")
    return path


def convert_to_pdf(documents: Sequence[Path], out_dir: Path) -> list[Path]:
    """PDFs of ``documents``, converted by one LibreOffice run."""
    soffice = _tool("soffice")
    profile = out_dir / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, documents),
    ]
    subprocess.run(command, capture_output=True, timeout=600, check=True)
    pdfs = [out_dir / f"{document.stem}.pdf" for document in documents]
    missing = [pdf.name for pdf in pdfs if not pdf.is_file()]
    assert not missing, f"LibreOffice wrote no PDF for {missing}"
    return pdfs


def pdf_pages(pdf: Path) -> list[list[PdfLine]]:
    """Each page's lines, top to bottom; pieces on one baseline joined left to right."""
    text = subprocess.run(
        [_tool("pdftotext"), "-bbox-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout  # fmt: skip
    text = re.sub(r"<!DOCTYPE[^>]*>", "", text).replace(' xmlns="http://www.w3.org/1999/xhtml"', "")
    pages = []
    top, left = GBT9704.top_margin_mm, GBT9704.left_margin_mm
    for page in ElementTree.fromstring(text).iter("page"):
        pieces = []
        for line in page.iter("line"):
            words = "".join(word.text or "" for word in line.iter("word"))
            box = [float(line.get(k)) * MM_PER_PT for k in ("yMin", "yMax", "xMin", "xMax")]
            pieces.append(PdfLine(box[0] - top, box[1] - top, box[2] - left, box[3] - left, words))
        pieces.sort(key=lambda p: (round(p.top, 0), p.left))
        lines: list[PdfLine] = []
        for piece in pieces:
            last = lines[-1] if lines else None
            if last and abs(last.top - piece.top) < 1.5 and abs(last.bottom - piece.bottom) < 1.5:
                lines[-1] = PdfLine(last.top, last.bottom, last.left, piece.right,
                                    last.text + piece.text)  # fmt: skip
            else:
                lines.append(piece)
        pages.append(lines)
    return pages


@pytest.fixture(scope="module")
def render_pdfs(tmp_path_factory) -> Callable[[Sequence[Path]], list[list[list[PdfLine]]]]:
    """Convert .docx files through LibreOffice in one run; each file's pages of lines."""

    def render(documents: Sequence[Path]) -> list[list[list[PdfLine]]]:
        out = tmp_path_factory.mktemp("pdf")
        return [pdf_pages(pdf) for pdf in convert_to_pdf(documents, out)]

    return render


def red_rules(pdf: Path, page: int = 1, dpi: int = 100) -> list[tuple[float, float, float]]:
    """The red rules drawn across ``page``: (top, left, right) in mm from the top left of the
    text block, read from the pixels of pdftoppm's picture of the page."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "page"
        subprocess.run(
            [_tool("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page),
             "-singlefile", str(pdf), str(root)],
            check=True, timeout=120,
        )  # fmt: skip
        data = (root.with_suffix(".ppm")).read_bytes()
    header = data.split(maxsplit=4)
    width, height = int(header[1]), int(header[2])
    pixels = header[4]
    mm = 25.4 / dpi
    rows: list[tuple[int, int, int]] = []
    for y in range(height):
        line = pixels[y * width * 3 : (y + 1) * width * 3]
        red = [x for x in range(width) if line[3 * x] > 180 and line[3 * x + 1] < 90
               and line[3 * x + 2] < 90]  # fmt: skip
        # a rule, not a row through red letters: long and without gaps
        if len(red) > width // 4 and len(red) > 0.97 * (red[-1] - red[0] + 1):
            rows.append((y, red[0], red[-1]))
    rules: list[tuple[float, float, float]] = []
    for index, (y, first, last) in enumerate(rows):
        if index and rows[index - 1][0] == y - 1:
            continue  # the same rule, one pixel lower
        rules.append((y * mm - GBT9704.top_margin_mm, first * mm - GBT9704.left_margin_mm,
                      (last + 1) * mm - GBT9704.left_margin_mm))  # fmt: skip
    return rules
