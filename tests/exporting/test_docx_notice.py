"""The exported notice, read back with python-docx: page setup, elements, fonts, sizes."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from unionoffice.domain.notice import Block
from unionoffice.domain.notice_text import break_title, text_width
from unionoffice.exporting.docx import (
    ExportOptions,
    FontSet,
    SignatureLayout,
    available_templates,
    export_notice,
)
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.styles import Role

TEMPLATES = ["文件式", "信函式", "纪要式", "套打"]


def export(tmp_path: Path, template: str = "文件式", notice=None, **options) -> docx.Document:
    path = export_notice(
        notice or specimen_notice(),
        tmp_path / f"{template}.docx",
        ExportOptions(template=template, letterhead=SPECIMEN_LETTERHEAD, **options),
        user_dir=tmp_path / "no-user-templates",
    )
    return docx.Document(str(path))


def paragraph(document, text: str):
    """The first body paragraph whose text starts with ``text``."""
    for p in document.paragraphs:
        if p.text.startswith(text):
            return p
    raise AssertionError(f"no paragraph starts with {text!r}")


def style_value(p, getter):
    """A paragraph's formatting value, from the paragraph or its style chain."""
    value = getter(p.paragraph_format)
    style = p.style
    while value is None and style is not None:
        value = getter(style.paragraph_format)
        style = style.base_style
    return value


def font_size(p) -> Pt | None:
    for run in p.runs:
        if run.font.size:
            return run.font.size
    style = p.style
    while style is not None:
        if style.font.size:
            return style.font.size
        style = style.base_style
    return None


def east_asia(run) -> str | None:
    """The East Asian font a run shows: its character style's, else its paragraph style's.

    Runs name no fonts themselves: the styles carry them (a style changed in Word reaches
    all the text)."""
    rpr = run._r.rPr
    assert rpr is None or rpr.find(qn("w:rFonts")) is None, run.text
    chain = []
    rstyle = rpr.find(qn("w:rStyle")) if rpr is not None else None
    if rstyle is not None:
        chain.append(run.part.get_style(rstyle.get(qn("w:val")), WD_STYLE_TYPE.CHARACTER))
    paragraph = run._parent
    style = paragraph.style
    while style is not None:
        chain.append(style)
        style = style.base_style
    for style in chain:
        fonts = style.element.rPr.find(qn("w:rFonts")) if style.element.rPr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))
    return None


def test_every_shipped_template_is_listed() -> None:
    names = {t.name for t in available_templates(Path("/nonexistent"))}
    assert set(TEMPLATES) <= names


@pytest.mark.parametrize("template", TEMPLATES)
def test_page_is_a4_with_the_standard_margins(tmp_path: Path, template: str) -> None:
    section = export(tmp_path, template).sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)  # twips rounding
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.top_margin - Mm(37)) <= Mm(1)
    assert abs(section.left_margin - Mm(28)) <= Mm(1)
    text_width = section.page_width - section.left_margin - section.right_margin
    text_height = section.page_height - section.top_margin - section.bottom_margin
    assert abs(text_width - Mm(156)) < Mm(0.5)
    assert abs(text_height - Mm(225)) < Mm(0.5)
    grid = section._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:linePitch")) == "579"  # 22 lines of 28.95 pt


@pytest.mark.parametrize("template", TEMPLATES)
def test_styles_carry_the_fonts_and_runs_none(tmp_path: Path, template: str) -> None:
    document = export(tmp_path, template)
    runs = [r for p in document.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in document.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header):
            runs += [r for p in part.paragraphs for r in p.runs]
    assert len(runs) > 30
    for run in runs:  # east_asia() also checks that the run names no font itself
        assert east_asia(run), run.text
    for style in document.styles:
        if style.name not in {r.value for r in Role}:
            continue
        fonts = style.element.rPr.find(qn("w:rFonts"))
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            assert fonts.get(qn(attr)), (style.name, attr)
        assert fonts.get(qn("w:eastAsiaTheme")) is None
        assert fonts.get(qn("w:asciiTheme")) is None
    assert fonts.get(qn("w:ascii")) == "Times New Roman"  # digits half a 字 wide


@pytest.mark.parametrize("template", TEMPLATES)
def test_language_is_chinese_and_fonts_have_alternates(tmp_path: Path, template: str) -> None:
    path = export_notice(
        specimen_notice(), tmp_path / "n.docx", ExportOptions(template=template),
        user_dir=tmp_path / "none",
    )  # fmt: skip
    with zipfile.ZipFile(path) as archive:
        styles = archive.read("word/styles.xml").decode()
        settings = archive.read("word/settings.xml").decode()
        font_table = archive.read("word/fontTable.xml").decode()
    assert 'w:eastAsia="zh-CN"' in styles and "ja-JP" not in styles
    assert "ja-JP" not in settings and 'w:eastAsia="zh-CN"' in settings
    fonts = ElementTree.fromstring(font_table)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    alternates = {
        font.get(f"{w}name"): font.find(f"{w}altName").get(f"{w}val")
        for font in fonts.iter(f"{w}font")
        if font.find(f"{w}altName") is not None
    }
    assert alternates["方正小标宋简体"] == "华文中宋"
    assert alternates["华文中宋"] == "宋体"
    assert alternates["仿宋_GB2312"] == "仿宋"
    assert alternates["楷体_GB2312"] == "楷体"
    assert "ＭＳ 明朝" not in alternates and "ＭＳ 明朝" not in font_table


@pytest.mark.parametrize("template", TEMPLATES)
def test_body_is_16pt_fangsong_with_fixed_pitch(tmp_path: Path, template: str) -> None:
    document = export(tmp_path, template)
    body = paragraph(document, "现将《")
    assert font_size(body) == Pt(16)
    assert east_asia(body.runs[0]) == "仿宋_GB2312"
    assert style_value(body, lambda f: f.line_spacing) == Pt(28.95)
    assert style_value(body, lambda f: f.first_line_indent) == Pt(32)  # 2 characters


@pytest.mark.parametrize("template", TEMPLATES)
def test_title_is_22pt_xiaobiaosong_centred_and_balanced(tmp_path: Path, template: str) -> None:
    document = export(tmp_path, template)
    title = paragraph(document, "青海省总工会办公室关于印发")
    assert font_size(title) == Pt(22)
    assert east_asia(title.runs[0]) == "方正小标宋简体"
    assert style_value(title, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    # broken between words into an inverted trapezoid, lines at the title's own pitch
    lines = title.text.split("\n")
    assert lines == break_title(specimen_notice().title, "青海省总工会办公室")
    assert len(lines) == 2 and text_width(lines[0]) >= text_width(lines[1]) > 10
    assert style_value(title, lambda f: f.line_spacing) == Pt(33)
    snap = title.style.element.pPr.find(qn("w:snapToGrid"))
    assert snap is not None and snap.get(qn("w:val")) == "0"


@pytest.mark.parametrize("template", ["文件式", "纪要式", "套打"])
def test_doc_number_is_centred_under_the_letterhead(tmp_path: Path, template: str) -> None:
    document = export(tmp_path, template)
    number = paragraph(document, "青总办〔2021〕15号")
    assert number.text == "青总办〔2021〕15号"
    assert style_value(number, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert font_size(number) == Pt(16)


def test_file_format_letterhead_is_red_and_fits_one_line(tmp_path: Path) -> None:
    document = export(tmp_path, "文件式")
    letterhead = document.paragraphs[0]
    assert letterhead.text == "青海省总工会办公室文件"
    assert letterhead.style.font.color.rgb == docx.shared.RGBColor(0xFF, 0, 0)
    assert style_value(letterhead, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    scale = int(letterhead.runs[0]._r.rPr.find(qn("w:w")).get(qn("w:val")))
    assert 11 * font_size(letterhead).pt * scale / 100 <= 156 / 25.4 * 72
    # its top sits about 35 mm into the text block
    assert Mm(25) < letterhead.paragraph_format.space_before < Mm(36)


def test_file_format_has_a_red_rule_under_the_doc_number(tmp_path: Path) -> None:
    document = export(tmp_path, "文件式")
    number = paragraph(document, "青总办〔2021〕15号")
    rule = number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert rule.get(qn("w:color")) == "FF0000"
    assert rule.get(qn("w:val")) == "single"


def test_preprinted_paper_leaves_letterhead_and_rule_blank(tmp_path: Path) -> None:
    document = export(tmp_path, "套打")
    assert document.paragraphs[0].text == ""
    assert document.paragraphs[0].paragraph_format.space_before > Mm(25)
    assert "青海省总工会办公室文件" not in "\n".join(p.text for p in document.paragraphs)
    assert not document.element.body.findall(".//" + qn("w:pBdr"))
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            assert not any(p.text.strip() for p in part.paragraphs)


def test_letter_format_has_double_red_rules_and_no_page_number_on_page_one(
    tmp_path: Path,
) -> None:
    document = export(tmp_path, "信函式")
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header
    assert header.paragraphs[0].text == "青海省总工会办公室"
    rules = [b for p in header.paragraphs for b in p._p.iter(qn("w:bottom"))]
    assert rules[0].get(qn("w:val")) == "thickThinSmallGap"
    assert rules[0].get(qn("w:color")) == "FF0000"
    bottom = [b for p in section.first_page_footer.paragraphs for b in p._p.iter(qn("w:bottom"))]
    assert bottom[0].get(qn("w:val")) == "thinThickSmallGap"
    assert "PAGE" not in section.first_page_footer._element.xml
    number = paragraph(document, "青总办〔2021〕15号")
    assert number.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_minutes_format_uses_the_organ_as_minutes_header(tmp_path: Path) -> None:
    document = export(tmp_path, "纪要式")
    assert document.paragraphs[0].text == "青海省总工会办公室会议纪要"
    texts = [p.text for p in document.paragraphs]
    assert "青海省总工会办公室\t2021年4月6日" in texts
    # 纪要 carry no 署名 at the end
    assert not any(p.style.name == "发文机关署名" for p in document.paragraphs)


@pytest.mark.parametrize("template", TEMPLATES)
def test_page_numbers_are_page_fields_odd_right_even_left(tmp_path: Path, template: str) -> None:
    document = export(tmp_path, template)
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        p = footer.paragraphs[0]
        instructions = "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert instructions.strip() == "PAGE"
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert p.alignment == align
        assert font_size(p) == Pt(14)
        assert {east_asia(r) for r in p.runs} == {"宋体"}
        indent = p.paragraph_format.right_indent or p.paragraph_format.left_indent
        assert indent == Pt(14)  # 一字


def test_headings_are_numbered_per_level_in_their_fonts(tmp_path: Path) -> None:
    document = export(tmp_path)
    level1 = paragraph(document, "一、总体要求")
    assert east_asia(level1.runs[0]) == "黑体"
    assert paragraph(document, "三、工作要求")
    level2 = paragraph(document, "（一）高度重视，精心组织")
    assert east_asia(level2.runs[0]) == "楷体_GB2312"
    level3 = paragraph(document, "1.成立领导小组")
    assert east_asia(level3.runs[0]) == "仿宋_GB2312"
    assert level3.style.name == "三级标题"
    assert paragraph(document, "（1）明确责任分工").style.name == "四级标题"


def test_recipients_flush_left_ending_with_colon(tmp_path: Path) -> None:
    document = export(tmp_path)
    recipients = paragraph(document, "各市（州）总工会")
    assert recipients.text.endswith("省总机关各部室：")
    assert not style_value(recipients, lambda f: f.first_line_indent)


def test_attachment_note_signature_date_and_remark(tmp_path: Path) -> None:
    document = export(tmp_path)
    texts = [p.text for p in document.paragraphs]
    note = paragraph(document, "附件：")
    assert note.text == "附件：开展庆祝建党100周年暨庆“五一”系列活动方案"
    assert texts[texts.index(note.text) - 1] == ""  # one blank line below the body
    assert "2021年4月6日" in texts  # Arabic numerals, no zero padding
    signature = texts.index("青海省总工会办公室")
    assert texts[signature + 1] == "2021年4月6日"
    assert texts[signature + 2] == "（省总宣教部联系人：车永秀，联系电话：0971-8236825）"
    date_p = document.paragraphs[signature + 1]
    assert date_p.alignment in (None, WD_ALIGN_PARAGRAPH.RIGHT)
    assert date_p._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "400"  # 右空四字


def test_unsealed_signature_is_two_characters_from_the_right(tmp_path: Path) -> None:
    document = export(tmp_path, signature=SignatureLayout.UNSEALED)
    texts = [p.text for p in document.paragraphs]
    signature = document.paragraphs[texts.index("青海省总工会办公室")]
    date = document.paragraphs[texts.index("2021年4月6日")]
    # the date (7.1 字 with the space around its digits) pushes the 署名 a little left
    assert date._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "200"
    assert signature._p.pPr.find(qn("w:ind")).get(qn("w:rightChars")) == "210"


def test_remark_keeps_one_pair_of_brackets(tmp_path: Path) -> None:
    notice = specimen_notice()
    notice.remark = "（联系人：车永秀）"
    texts = [p.text for p in export(tmp_path, notice=notice).paragraphs]
    assert "（联系人：车永秀）" in texts


def test_attachments_start_on_a_new_page_with_label_and_centred_title(tmp_path: Path) -> None:
    document = export(tmp_path)
    texts = [p.text for p in document.paragraphs]
    index = texts.index("附件")
    label = document.paragraphs[index]
    assert style_value(label, lambda f: f.page_break_before)
    assert east_asia(label.runs[0]) == "黑体"
    assert texts[index + 1] == ""  # the title is on the third line
    title = document.paragraphs[index + 2]
    # 21.5 characters of 22 pt do not fit one line: broken between words, first line longer
    assert title.text == "开展庆祝建党100周年暨庆\n“五一”系列活动方案"
    assert style_value(title, lambda f: f.alignment) == WD_ALIGN_PARAGRAPH.CENTER
    assert font_size(title) == Pt(22)


def test_several_attachments_are_numbered(tmp_path: Path) -> None:
    notice = specimen_notice(0)
    notice.body += [Block.attachment("第二个附件"), Block.paragraph("附件二的正文。")]
    notice.attachment_note = ""
    texts = [p.text for p in export(tmp_path, notice=notice).paragraphs]
    assert "附件1" in texts and "附件2" in texts
    assert "附件：1. 开展庆祝建党100周年暨庆“五一”系列活动方案" in texts
    assert "2. 第二个附件" in texts


def test_imprint_sits_at_the_foot_of_the_last_page_between_rules(tmp_path: Path) -> None:
    document = export(tmp_path)
    imprint = document.tables[-1]
    cells = [row.cells[0].text for row in imprint.rows]
    assert cells == ["抄送：全国总工会办公厅。", "青海省总工会办公室\t2021年4月6日印发"]
    tblpr = imprint._tbl.tblPr
    position = tblpr.find(qn("w:tblpPr"))
    assert position.get(qn("w:tblpYSpec")) == "bottom"
    borders = tblpr.find(qn("w:tblBorders"))
    assert borders.find(qn("w:top")).get(qn("w:sz")) == "8"  # 0.35 mm
    assert borders.find(qn("w:insideH")).get(qn("w:sz")) == "6"  # 0.25 mm
    assert borders.find(qn("w:bottom")).get(qn("w:sz")) == "8"
    p = imprint.rows[0].cells[0].paragraphs[0]
    assert font_size(p) == Pt(14)
    # the body ends with a paragraph after the floating table, as Word requires
    assert document.element.body[-2].tag == qn("w:p")


def test_letter_format_imprint_has_no_distributor_line(tmp_path: Path) -> None:
    imprint = export(tmp_path, "信函式").tables[-1]
    assert [row.cells[0].text for row in imprint.rows] == ["抄送：全国总工会办公厅。"]


def test_font_names_can_be_overridden(tmp_path: Path) -> None:
    fonts = FontSet(body="仿宋", heading2="楷体", title="华文中宋")
    document = export(tmp_path, fonts=fonts)
    assert east_asia(paragraph(document, "现将《").runs[0]) == "仿宋"
    assert east_asia(paragraph(document, "青海省总工会办公室关于").runs[0]) == "华文中宋"
    assert east_asia(paragraph(document, "（一）高度重视").runs[0]) == "楷体"
    assert (
        document.styles["公文正文"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    )


def test_unnumbered_draft_exports_without_doc_number(tmp_path: Path) -> None:
    notice = specimen_notice()
    notice.number = None
    document = export(tmp_path, notice=notice)
    assert "〔" not in "".join(p.text for p in document.paragraphs[:5])


def test_document_properties_name_the_notice(tmp_path: Path) -> None:
    document = export(tmp_path)
    assert document.core_properties.title.startswith("青海省总工会办公室关于印发")
    assert document.core_properties.subject == "青总办〔2021〕15号"
