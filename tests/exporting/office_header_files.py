"""Red-header .docx files as offices keep them, built for the tests (no file from outside)."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

OFFICE = "西宁市城东区总工会"
NUMBER_TEXT = "东工发〔2020〕7号"


def _red_border(paragraph) -> None:  # type: ignore[no-untyped-def]
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")  # before w:spacing and w:jc, as Word writes it
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "24"), ("space", "4"), ("color", "FF0000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.insert(0, borders)


def office_header_docx(
    path: Path, *, with_number: bool = True, rule_apart: bool = False, extra: str = ""
) -> Path:
    """The office's letterhead: red 标志 in 40 pt, a 文号 line with its red rule under it (or,
    ``rule_apart``, under an empty paragraph of its own), and a sample notice below that the
    template must not keep; ``extra`` is one more paragraph under the 标志."""
    document = docx.Document()
    section = document.sections[0]  # A4 with Word's own margins, not GB/T 9704's
    section.page_width, section.page_height = Mm(210), Mm(297)
    top = document.add_paragraph()
    top.paragraph_format.space_before = Mm(20)
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = top.add_run(f"{OFFICE}文件")
    run.font.size = Pt(40)
    run.font.color.rgb = RGBColor(0xE6, 0x00, 0x12)
    document.add_paragraph(extra)
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if with_number:
        number.add_run("东工发〔2020〕")  # Word splits typed text into runs
        number.add_run("7号")
    _red_border(document.add_paragraph() if rule_apart else number)
    document.add_paragraph()
    document.add_paragraph("关于开展2020年职工职业技能竞赛的通知").alignment = (
        WD_ALIGN_PARAGRAPH.CENTER
    )
    document.add_paragraph("各基层工会：")
    document.add_paragraph("这是样文，不应出现在模板中。" * 4)
    document.save(str(path))
    return path


def red_png(width: int = 600, height: int = 80) -> bytes:
    """A red picture, as a scanned 标志 would be."""
    row = b"\x00" + b"\xe6\x00\x12" * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def picture_header_docx(path: Path) -> Path:
    """A red header whose 标志 is a picture in its own line, 150 × 20 mm."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    top = document.add_paragraph()
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    top.add_run().add_picture(BytesIO(red_png()), width=Mm(150), height=Mm(20))
    number = document.add_paragraph()
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number.add_run(NUMBER_TEXT)
    _red_border(number)
    document.add_paragraph("样文，不应出现在模板中。")
    document.save(str(path))
    return path
