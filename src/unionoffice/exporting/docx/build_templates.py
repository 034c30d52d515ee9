"""Build the shipped notice templates (文件式, 信函式, 纪要式, 套打) into unionoffice/templates.

Run ``python -m unionoffice.exporting.docx.build_templates [--fonts windows] [--out DIR]`` after
changing the layout; the .docx files are committed. A clerk edits copies of them in Word.
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

from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.options import WINDOWS_FONTS, FontSet, SignatureLayout
from unionoffice.exporting.docx.page_setup import (
    add_page_number_footers,
    apply_normal_style,
    apply_page_geometry,
)
from unionoffice.exporting.docx.styles import Role, StyleFonts, ensure_styles
from unionoffice.exporting.docx.templates import (
    TemplateSettings,
    format_settings,
    shipped_template_dir,
)

# 标志 glyph top 35 mm below the top of the text block (the exact line puts ~6 mm above it)
LETTERHEAD_SPACE_BEFORE = Mm(29)
RULE_SIZE_EIGHTHS = 18  # 2.25 pt red rule
RULE_GAP_PT = 8  # 文号 to red rule: 4 mm from the 文号's baseline area
LETTER_RULE_INDENT = Mm(-7)  # 信函式 rules are 170 mm, 7 mm past each side of the text block
LETTER_RULE_GAP = Mm(2)  # with the 标志's descent, the double rule sits 4 mm under it


def _new_document(fonts: FontSet) -> tuple[Document, StyleFonts]:
    document = docx.Document()
    ensure_styles(document, fonts)
    apply_normal_style(document)
    section = apply_page_geometry(document)
    add_page_number_footers(document, section)
    body = document.element.body
    for paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(paragraph)
    return document, StyleFonts(document)


def _add(document: Document, fonts: StyleFonts, role: Role, text: str = "") -> Paragraph:
    paragraph = document.add_paragraph(style=document.styles[role.value])
    east_asia, latin = fonts.fonts(role)
    if text:
        ooxml.set_run_fonts(paragraph.add_run(text), east_asia, latin)
    ooxml.set_fonts(ooxml.paragraph_mark_rpr(paragraph), east_asia, latin)
    return paragraph


def _blank(document: Document, fonts: StyleFonts, count: int) -> None:
    for _ in range(count):
        _add(document, fonts, Role.DOC_NUMBER)


def _title_and_body(document: Document, fonts: StyleFonts) -> None:
    _blank(document, fonts, 2)
    _add(document, fonts, Role.TITLE, "{{ 标题 }}")
    _blank(document, fonts, 1)
    _add(document, fonts, Role.RECIPIENTS, "{{ 正文 }}")


def _red_rule(paragraph: Paragraph) -> None:
    ooxml.set_paragraph_border(
        paragraph, "bottom", size_eighths=RULE_SIZE_EIGHTHS, space_pt=RULE_GAP_PT
    )


def build_file_format(fonts: FontSet, *, preprinted: bool = False) -> Document:
    """文件式: red 标志 35 mm into the text block, 文号 two lines below, the red rule 4 mm under
    it. ``preprinted`` (套打) keeps every position but prints neither 标志 nor rule."""
    document, style_fonts = _new_document(fonts)
    letterhead = _add(
        document, style_fonts, Role.LETTERHEAD, "" if preprinted else "{{ 发文机关标志 }}"
    )
    letterhead.paragraph_format.space_before = LETTERHEAD_SPACE_BEFORE
    _blank(document, style_fonts, 2)
    number = _add(document, style_fonts, Role.DOC_NUMBER, "{{ 文号 }}")
    if preprinted:  # keep the title where it is on the 文件式 page: rule gap + rule width
        number.paragraph_format.space_after = Pt(RULE_GAP_PT + RULE_SIZE_EIGHTHS / 8)
    else:
        _red_rule(number)
    _title_and_body(document, style_fonts)
    settings = TemplateSettings()
    document.core_properties.comments = format_settings(settings)
    return document


def build_minutes_format(fonts: FontSet) -> Document:
    """纪要式: "××会议纪要" as 标志; 文号 (期号) centred; organ and date over the red rule."""
    document, style_fonts = _new_document(fonts)
    letterhead = _add(document, style_fonts, Role.LETTERHEAD, "{{ 发文机关 }}会议纪要")
    letterhead.paragraph_format.space_before = LETTERHEAD_SPACE_BEFORE
    _blank(document, style_fonts, 1)
    _add(document, style_fonts, Role.DOC_NUMBER, "{{ 文号 }}")
    line = _add(document, style_fonts, Role.RECIPIENTS, "{{ 发文机关 }}\t{{ 成文日期 }}")
    fmt = line.paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(16)
    fmt.tab_stops.add_tab_stop(Mm(156) - Pt(16), WD_TAB_ALIGNMENT.RIGHT)
    _red_rule(line)
    _title_and_body(document, style_fonts)
    settings = TemplateSettings(signature=SignatureLayout.NONE)
    document.core_properties.comments = format_settings(settings)
    return document


def build_letter_format(fonts: FontSet) -> Document:
    """信函式: 标志 30 mm from the top edge with a red double rule (thick over thin) below it
    and one (thin over thick) 20 mm above the bottom edge, both 170 mm; 文号 flush right;
    no page number on page 1; 版记 without the 印发 line."""
    document, style_fonts = _new_document(fonts)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.header_distance = Mm(30)
    section.footer_distance = Mm(20)  # the bottom rule; page numbers keep 22 mm by spacing
    for footer in (section.footer, section.even_page_footer):
        footer.paragraphs[0].paragraph_format.space_after = Mm(2)
    header = section.first_page_header
    header.is_linked_to_previous = False
    letterhead = header.paragraphs[0]
    letterhead.style = document.styles[Role.LETTERHEAD.value]
    ooxml.set_run_fonts(letterhead.add_run("{{ 发文机关 }}"), *style_fonts.fonts(Role.LETTERHEAD))
    rule = header.add_paragraph(style=document.styles["Normal"])
    _double_rule(rule, "thickThinSmallGap", 2)
    rule.paragraph_format.space_before = LETTER_RULE_GAP
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    bottom_rule = footer.paragraphs[0]
    bottom_rule.style = document.styles["Normal"]
    _double_rule(bottom_rule, "thinThickSmallGap", 1)
    number = _add(document, style_fonts, Role.DOC_NUMBER, "{{ 文号 }}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _title_and_body(document, style_fonts)
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
    parser.add_argument("--out", type=Path, default=shipped_template_dir(), help="输出文件夹")
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
