"""Build the shipped notice templates (文件式, 信函式, 纪要式, 套打) into templates/.

Run ``python -m unionoffice.exporting.docx.build_templates [--fonts windows] [--out DIR]`` after
changing the layout; the .docx files are committed in the checkout's top-level templates/
folder, which the wheel and the bundle ship. A clerk edits copies of them in Word. Every size
comes from the one GB/T 9704 page specification (domain/page_spec.py).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from unionoffice.domain.page_spec import GBT9704
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.font_table import write_font_table
from unionoffice.exporting.docx.options import WINDOWS_FONTS, FontSet, SignatureLayout
from unionoffice.exporting.docx.page_setup import (
    add_page_number_footers,
    apply_normal_style,
    apply_page_geometry,
)
from unionoffice.exporting.docx.styles import Role, ensure_styles
from unionoffice.exporting.docx.templates import (
    TemplateSettings,
    checkout_template_dir,
    format_settings,
)

LETTERHEAD_SPACE_BEFORE = Mm(GBT9704.letterhead_space_mm)
RULE_SIZE_EIGHTHS = round(GBT9704.red_rule_pt * 8)  # 2.25 pt red rule
RULE_GAP_PT = GBT9704.red_rule_gap_pt
# 信函式 rules are 170 mm, 7 mm past each side of the text block
LETTER_RULE_INDENT = Mm(-(GBT9704.letter_rule_length_mm - GBT9704.text_width_mm) / 2)
LETTER_RULE_GAP = Mm(2)  # with the 标志's descent, the double rule sits 4 mm under it


def _new_document(fonts: FontSet) -> Document:
    document = docx.Document()
    ensure_styles(document, fonts)
    apply_normal_style(document)
    section = apply_page_geometry(document)
    add_page_number_footers(document, section)
    write_font_table(document, fonts)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    return document


def _add(document: Document, role: Role, text: str = "") -> Paragraph:
    """A paragraph of ``role``'s style; its runs carry no fonts (the style does)."""
    paragraph = document.add_paragraph(style=document.styles[role.value])
    if text:
        paragraph.add_run(text)
    return paragraph


def _blank(document: Document, count: int) -> None:
    for _ in range(count):
        _add(document, Role.DOC_NUMBER)


def _title_and_body(document: Document) -> None:
    _blank(document, 2)
    _add(document, Role.TITLE, "{{ 标题 }}")
    _blank(document, 1)
    _add(document, Role.RECIPIENTS, "{{ 正文 }}")


def _red_rule(paragraph: Paragraph) -> None:
    ooxml.set_paragraph_border(
        paragraph, "bottom", size_eighths=RULE_SIZE_EIGHTHS, space_pt=RULE_GAP_PT
    )


def build_file_format(fonts: FontSet, *, preprinted: bool = False) -> Document:
    """文件式: red 标志 35 mm into the text block, 文号 two lines below, the red rule 4 mm under
    it. ``preprinted`` (套打) keeps every position but prints neither 标志 nor rule."""
    document = _new_document(fonts)
    letterhead = _add(
        document, Role.LETTERHEAD, "" if preprinted else "{{ 发文机关标志 }}"
    )
    letterhead.paragraph_format.space_before = LETTERHEAD_SPACE_BEFORE
    _blank(document, 2)
    number = _add(document, Role.DOC_NUMBER, "{{ 文号 }}")
    if preprinted:  # keep the title where it is on the 文件式 page: rule gap + rule width
        number.paragraph_format.space_after = Pt(RULE_GAP_PT + RULE_SIZE_EIGHTHS / 8)
    else:
        _red_rule(number)
    _title_and_body(document)
    settings = TemplateSettings()
    document.core_properties.comments = format_settings(settings)
    return document


def build_minutes_format(fonts: FontSet) -> Document:
    """纪要式: "××会议纪要" as 标志; 文号 (期号) centred; organ (左空一字) and date (右空一字)
    over a red rule across the whole text block."""
    document = _new_document(fonts)
    letterhead = _add(document, Role.LETTERHEAD, "{{ 发文机关 }}会议纪要")
    letterhead.paragraph_format.space_before = LETTERHEAD_SPACE_BEFORE
    _blank(document, 1)
    _add(document, Role.DOC_NUMBER, "{{ 文号 }}")
    line = _add(document, Role.RECIPIENTS, "{{ 发文机关 }}\t{{ 成文日期 }}")
    # a first-line indent, not side indents: those would shorten the rule under the line
    ooxml.set_indent_chars(line._p.get_or_add_pPr(), first_line=100)
    one_char = Pt(GBT9704.body_size_pt)
    line.paragraph_format.tab_stops.add_tab_stop(
        Mm(GBT9704.text_width_mm) - one_char, WD_TAB_ALIGNMENT.RIGHT
    )
    _red_rule(line)
    _title_and_body(document)
    settings = TemplateSettings(signature=SignatureLayout.NONE)
    document.core_properties.comments = format_settings(settings)
    return document


def build_letter_format(fonts: FontSet) -> Document:
    """信函式: 标志 30 mm from the top edge with a red double rule (thick over thin) below it
    and one (thin over thick) 20 mm above the bottom edge, both 170 mm; 文号 flush right;
    no page number on page 1; 版记 without the 印发 line."""
    document = _new_document(fonts)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(GBT9704.letter_letterhead_top_mm)
    # the bottom rule; page numbers keep their 22 mm by spacing
    section.footer_distance = Mm(GBT9704.letter_bottom_rule_mm)
    for footer in (section.footer, section.even_page_footer):
        footer.paragraphs[0].paragraph_format.space_after = Mm(2)
    header = section.first_page_header
    header.is_linked_to_previous = False
    letterhead = header.paragraphs[0]
    letterhead.style = document.styles[Role.LETTERHEAD.value]
    letterhead.add_run("{{ 发文机关 }}")
    rule = header.add_paragraph(style=document.styles["Normal"])
    _double_rule(rule, "thickThinSmallGap", 2)
    rule.paragraph_format.space_before = LETTER_RULE_GAP
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    bottom_rule = footer.paragraphs[0]
    bottom_rule.style = document.styles["Normal"]
    _double_rule(bottom_rule, "thinThickSmallGap", 1)
    number = _add(document, Role.DOC_NUMBER, "{{ 文号 }}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _title_and_body(document)
    settings = TemplateSettings(distributor_line=False)
    document.core_properties.comments = format_settings(settings)
    return document


def _double_rule(paragraph: Paragraph, style: str, height_pt: int) -> None:
    """A 170 mm red double rule under an almost empty paragraph."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = LETTER_RULE_INDENT
    fmt.first_line_indent = Pt(0)
    ooxml.set_exact_line_pitch(paragraph._p.get_or_add_pPr(), height_pt * 20)
    ooxml.set_paragraph_border(paragraph, "bottom", style=style, size_eighths=24, space_pt=0)


BUILDERS: dict[str, Callable[[FontSet], Document]] = {
    "文件式": build_file_format,
    "信函式": build_letter_format,
    "纪要式": build_minutes_format,
    "套打": lambda fonts: build_file_format(fonts, preprinted=True),
}


def build_all(out_dir: Path, fonts: FontSet | None = None) -> list[Path]:
    """Write every shipped template into ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, build in BUILDERS.items():
        document = build(fonts or FontSet())
        props = document.core_properties
        props.title = f"{name}公文模板"
        props.author = "UnionOffice"
        props.revision = 1
        path = out_dir / f"{name}.docx"
        document.save(str(path))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild the shipped templates."""
    parser = argparse.ArgumentParser(description="生成随程序发布的公文模板")
    parser.add_argument("--out", type=Path, default=checkout_template_dir(), help="输出文件夹")
    parser.add_argument(
        "--fonts",
        choices=("gb2312", "windows"),
        default="gb2312",
        help="gb2312：仿宋_GB2312/楷体_GB2312/方正小标宋简体；windows：仿宋/楷体/华文中宋",
    )
    args = parser.parse_args(argv)
    fonts = WINDOWS_FONTS if args.fonts == "windows" else FontSet()
    for path in build_all(args.out, fonts):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
