"""份号, 密级和保密期限, 紧急程度 and the 签发人 line in the Word file, measured in the PDF
LibreOffice makes of it: the marks flush left on the first lines, the 标志 where it is
without them, the 文号 居左空一字 and 签发人 居右空一字 on one line over the red rule."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from tests.exporting.conftest import convert_to_pdf, pdf_pages, red_rules

from unionoffice.domain.notice import Block, NoticeData
from unionoffice.domain.page_spec import GBT9704
from unionoffice.exporting.docx import ExportOptions, Letterhead
from unionoffice.exporting.docx.notice_writer import render_notice, save_atomically

ORGAN = "青海省总工会"
LETTERHEAD = Letterhead(f"{ORGAN}文件", ORGAN, ORGAN)
CHAR_MM = GBT9704.body_char_mm
MARKS = {"copy_number": "123", "secrecy": "秘密", "secrecy_term": "1年", "urgency": "特急"}


def report(**fields) -> NoticeData:
    values: dict = {
        "title": "青海省总工会关于2021年上半年工作情况的报告",
        "organ": ORGAN,
        "series_code": "青工",
        "year": 2021,
        "number": 12,
        "recipients": "中华全国总工会",
        "body": [Block.paragraph("现将我会2021年上半年工作情况报告如下。")],
        "signature": ORGAN,
        "date": dt.date(2021, 7, 6),
    }
    values.update(fields)
    return NoticeData(**values)


CASES = {
    "plain": ("文件式", report()),
    "marked": ("文件式", report(**MARKS, issuer="张三 李四")),
    "letter": ("信函式", report(**MARKS, issuer="王五")),
    "minutes": ("纪要式", report(attendees="张三、李四")),
    "letter-marks": ("信函式", report(**MARKS)),
    "many": ("文件式", report(issuer="张三 李四 欧阳明 赵六 孙七")),
}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    """Each case's PDF, converted by one LibreOffice run."""
    out = tmp_path_factory.mktemp("docx")
    paths = []
    for name, (template, notice) in CASES.items():
        options = ExportOptions(template=template, letterhead=LETTERHEAD)
        save_atomically(render_notice(notice, options, user_dir=out / "none"), out / f"{name}.docx")
        paths.append(out / f"{name}.docx")
    return dict(zip(CASES, convert_to_pdf(paths, out), strict=True))


@pytest.fixture(scope="module")
def pdfs(files):
    return {name: pdf_pages(pdf) for name, pdf in files.items()}


def _line(page, start: str):  # type: ignore[no-untyped-def]
    return next(line for line in page if line.text.replace(" ", "").startswith(start))


def test_the_file_names_its_marks_and_issuer_in_styles(tmp_path) -> None:
    document = render_notice(
        report(**MARKS, issuer="张三 李四"),
        ExportOptions(letterhead=LETTERHEAD),
        user_dir=tmp_path,
    )
    first = document.paragraphs[:4]
    assert [(p.style.name, p.text) for p in first[:3]] == [
        ("份号", "000123"),
        ("密级和紧急程度", "秘密★1年"),
        ("密级和紧急程度", "特急"),
    ]
    assert first[3].style.name == "发文机关标志"
    number = next(p for p in document.paragraphs if p.text.startswith("青工"))
    assert number.text == "青工〔2021〕12号\t签发人：张三\u3000李四"
    assert number.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert number.runs[-1].style.name == "签发人姓名"
    assert all(run.font.name is None for run in number.runs)  # the styles carry the fonts


def test_marks_stand_flush_left_on_the_first_lines(pdfs) -> None:
    page = pdfs["marked"][0]
    marks = [_line(page, text) for text in ("000123", "秘密★1年", "特急")]
    pitch = GBT9704.line_pitch_mm
    for index, line in enumerate(marks):
        assert abs(line.left) < 0.5, line
        assert index * pitch < (line.top + line.bottom) / 2 < (index + 1) * pitch, line
    # one line apart (the digits' font has other ascent and descent than the Chinese one's)
    assert abs(marks[2].top - marks[1].top - pitch) < 0.3
    assert abs(marks[1].bottom - marks[0].bottom - pitch) < 1.0


def test_the_letterhead_keeps_its_place_below_the_marks(pdfs) -> None:
    plain = _line(pdfs["plain"][0], ORGAN)
    marked = _line(pdfs["marked"][0], ORGAN)
    assert abs(marked.top - plain.top) < 0.5
    title = _line(pdfs["plain"][0], "青海省总工会关于")
    assert abs(_line(pdfs["marked"][0], "青海省总工会关于").top - title.top) < 0.5


def test_the_number_is_left_and_the_issuer_right_on_one_line(pdfs) -> None:
    centred = _line(pdfs["plain"][0], "青工〔2021〕12号")
    line = _line(pdfs["marked"][0], "青工〔2021〕12号")
    assert line.text.replace(" ", "").endswith("签发人：张三李四")
    assert abs(line.left - CHAR_MM) < 1.0  # 居左空一字
    assert abs(line.right - (GBT9704.text_width_mm - CHAR_MM)) < 1.0  # 居右空一字
    assert abs(line.top - centred.top) < 0.5
    assert centred.left > 40  # without a 签发人 the 文号 stays centred


def test_a_letter_takes_marks_and_issuer_too(pdfs) -> None:
    page = pdfs["letter"][0]
    marks = [_line(page, text) for text in ("000123", "秘密★1年", "特急")]
    number = _line(page, "青工〔2021〕12号")
    assert all(abs(mark.left) < 0.5 for mark in marks)
    assert marks[0].top < marks[1].top < marks[2].top < number.top
    assert number.text.replace(" ", "").endswith("签发人：王五")
    assert abs(number.right - (GBT9704.text_width_mm - CHAR_MM)) < 1.0


@pytest.mark.parametrize(("name", "above"), [("plain", "青工"), ("marked", "青工"),
                                             ("minutes", f"{ORGAN}2021年")])  # fmt: skip
def test_the_red_rule_is_as_wide_as_the_text_block(files, pdfs, name: str, above: str) -> None:
    rules = red_rules(files[name])
    assert len(rules) == 1, rules
    top, left, right = rules[0]
    assert abs(left) < 0.6 and abs(right - GBT9704.text_width_mm) < 0.6, rules
    line = _line(pdfs[name][0], above)
    assert 3.0 < top - line.bottom < 6.0  # 4 mm under the 文号 (纪要: the organ and date)


def test_more_issuers_stand_in_rows_of_two_over_the_number(files, pdfs) -> None:
    page = pdfs["many"][0]
    first = _line(page, "签发人")
    second = _line(page, "欧阳明")
    last = _line(page, "青工〔2021〕12号")
    assert last.text.replace(" ", "").endswith("孙七")
    pitch = GBT9704.line_pitch_mm
    assert abs(second.top - first.top - pitch) < 0.5 and abs(last.top - second.top - pitch) < 0.5
    assert abs(second.right - (GBT9704.text_width_mm - CHAR_MM)) < 1.0  # the widest row
    names_at = second.left
    label = 4 * CHAR_MM  # 签发人： before the first row's names
    assert abs(first.left + label - names_at) < 1.0
    assert abs(last.left - CHAR_MM) < 1.0  # the 文号 居左空一字 on the last row
    [(top, left, right)] = red_rules(files["many"])
    assert top > last.bottom and abs(right - left - GBT9704.text_width_mm) < 1.0


def test_a_letter_puts_the_number_beside_the_first_mark(pdfs) -> None:
    """信函式 (GB/T 9704 10.1): 份号 顶格 and the 文号 flush right on the first line under the
    double rule, the other marks below, the title two lines under the last."""
    page = pdfs["letter-marks"][0]
    first = _line(page, "000123")
    assert first.text.replace(" ", "") == "000123青工〔2021〕12号"
    assert abs(first.left) < 0.5 and abs(first.right - GBT9704.text_width_mm) < 0.8
    secrecy, urgency = _line(page, "秘密★1年"), _line(page, "特急")
    pitch = GBT9704.line_pitch_mm
    assert abs(secrecy.left) < 0.5 and abs(urgency.top - secrecy.top - pitch) < 0.3
    assert abs(secrecy.bottom - first.bottom - pitch) < 1.0
    title = _line(page, "青海省总工会关于")
    assert 2.5 * pitch < title.top - urgency.top < 3.5 * pitch
