"""An office's own red-header .docx made into a notice template (设置 → 模板 → 添加本单位红头).

An office keeps its red header as a Word file: the 发文机关标志 (red text or a picture), a
文号 line such as "青工〔  〕  号", a red rule (a paragraph border or a drawn line) and often a
sample notice below. ``find_header_places`` finds where the 文号 is and where the body starts
(the first paragraph after the red rule); when it cannot, the clerk picks the paragraphs from
``HeaderPlaces.paragraphs``. ``make_office_template`` keeps everything above the body as it is,
writes {{ 文号 }} into the 文号 paragraph, and puts {{ 标题 }} and {{ 正文 }} where the body
starts; what followed (the sample text) is dropped. The result is an ordinary template: its
placeholders are filled in the same sandbox as every template's, and it is checked by
exporting a specimen notice before it is kept.
"""

from __future__ import annotations

import io
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from unionoffice.domain.page_spec import GBT9704
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.errors import TemplateError
from unionoffice.exporting.docx.notice_writer import render_notice
from unionoffice.exporting.docx.options import ExportOptions
from unionoffice.exporting.docx.page_setup import (
    add_page_number_footers,
    apply_normal_style,
    apply_page_geometry,
)
from unionoffice.exporting.docx.placeholders import BODY_PLACEHOLDER
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.styles import Role, ensure_styles, style_ids
from unionoffice.exporting.docx.template_geometry import Styles, is_red
from unionoffice.exporting.docx.templates import (
    TemplateInfo,
    TemplateSettings,
    available_templates,
    format_settings,
    load_template,
    user_template_dir,
)
from unionoffice.output_files import write_atomically

# 〔2021〕12号, 〔  〕 号, [2021]12号 and 【2021】12号 as offices type them
DOC_NUMBER = re.compile(r"[〔\[【（(]\s*(?:\d{4})?\s*[〕\]】）)]\s*\d*\s*号")
_BODY_MARK = re.compile(r"\{\{-?\s*" + BODY_PLACEHOLDER + r"\s*-?\}\}")
_LINE_SHAPES = ("<v:line", 'prst="line"', "prst='line'", 'prst="straightConnector1"')
_PREVIEW_CHARS = 30
LETTERHEAD_RATIO = GBT9704.letterhead_pitch_pt / GBT9704.letterhead_size_pt


@dataclass(frozen=True)
class HeaderParagraph:
    """One top-level paragraph of the office's file, as the clerk is shown it."""

    index: int
    text: str
    red: bool  # red text: the 标志
    rule: bool  # carries a rule: a border under or over it, or a drawn line
    number: bool  # holds a 文号 such as 〔2021〕12号
    picture: bool = False  # holds a picture (a 标志 scanned or drawn as an image)

    def label(self) -> str:
        """第 3 段：青工〔2021〕12号 (红线)"""
        text = self.text if len(self.text) <= _PREVIEW_CHARS else self.text[:_PREVIEW_CHARS] + "…"
        notes = [word for word, on in (("红字", self.red), ("红线", self.rule)) if on]
        suffix = f"（{'、'.join(notes)}）" if notes else ""
        empty = "（图片）" if self.picture else "（空行）"
        return f"第 {self.index + 1} 段：{text or empty}{suffix}"


@dataclass(frozen=True)
class HeaderPlaces:
    """Where the 文号 and the body go, by paragraph index; None where nothing was found."""

    paragraphs: tuple[HeaderParagraph, ...]
    number: int | None
    body: int | None

    @property
    def found(self) -> bool:
        """Both places found: the clerk only confirms them."""
        return self.number is not None and self.body is not None


def open_office_file(path: Path) -> Document:
    """The office's .docx, opened as any template is (TemplateError naming it when unusable)."""
    return load_template(TemplateInfo(path.stem, path, False)).document


def _paragraphs(document: Document) -> list[Paragraph]:
    return [Paragraph(p, document._body) for p in document.element.body.iterchildren(qn("w:p"))]


def _is_red(paragraph: Paragraph) -> bool:
    for run in paragraph._p.iter(qn("w:r")):
        colour = run.find(f"{qn('w:rPr')}/{qn('w:color')}")
        text = "".join(t.text or "" for t in run.iter(qn("w:t"))).strip()
        if text and colour is not None and is_red(colour.get(qn("w:val")) or ""):
            return True
    return False


def _has_rule(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.find(qn("w:pPr"))
    borders = ppr.find(qn("w:pBdr")) if ppr is not None else None
    if borders is not None:
        for side in ("bottom", "top"):
            edge = borders.find(qn(f"w:{side}"))
            if edge is not None and edge.get(qn("w:val")) not in (None, "nil", "none"):
                return True
    xml = paragraph._p.xml
    return any(shape in xml for shape in _LINE_SHAPES)


def describe_paragraphs(document: Document) -> tuple[HeaderParagraph, ...]:
    """Every top-level paragraph with what marks it as part of a red header."""
    return tuple(
        HeaderParagraph(
            index,
            paragraph.text.strip(),
            _is_red(paragraph),
            _has_rule(paragraph),
            bool(DOC_NUMBER.search(paragraph.text)),
            paragraph._p.find(f".//{qn('w:drawing')}") is not None,
        )
        for index, paragraph in enumerate(_paragraphs(document))
    )


def find_header_places(document: Document) -> HeaderPlaces:
    """The 文号 paragraph (the first with 〔 〕号 before any rule) and the body's first paragraph
    (the first after the red rule; without a rule, the one after the 文号)."""
    paragraphs = describe_paragraphs(document)
    number = next((p.index for p in paragraphs if p.number), None)
    rules = [p.index for p in paragraphs if p.rule and (number is None or p.index >= number)]
    if rules:
        after = rules[0] + 1
    elif number is not None:
        after = number + 1
    else:
        after = None
    body = after if after is not None and after <= len(paragraphs) else None
    return HeaderPlaces(paragraphs, number, body)


def make_office_template(
    source: Path,
    name: str,
    *,
    number: int | None,
    body: int,
    user_dir: Path | None = None,
) -> TemplateInfo:
    """Make ``source`` the template ``name`` in the clerk's folder and return it.

    ``number``: the paragraph that gets {{ 文号 }} (None: the header has no 文号 line);
    ``body``: the paragraph where the title and the body start (it and all after it go).
    Refuses a name taken by a shipped template and a file that fails a specimen export.
    """
    name = name.strip()
    if not name or any(char in name for char in '\\/:*?"<>|'):
        raise TemplateError("模板名称不能为空，也不能含有 \\ / : * ? \" < > | 等字符")
    for info in available_templates(user_dir):
        if info.name == name and info.shipped:
            raise TemplateError(f"“{name}”是随程序提供的模板的名称，请换一个名称")
    document = open_office_file(source)
    if any(_BODY_MARK.search(p.text) for p in _paragraphs(document)):
        raise TemplateError("该文件已经是模板（含有 {{ 正文 }}），请直接放入模板文件夹使用")
    paragraphs = _paragraphs(document)
    if not 0 <= body <= len(paragraphs):
        raise TemplateError("请选择正文从哪一段开始")
    if number is not None and not 0 <= number < body:
        raise TemplateError("文号所在的段落必须在正文之前")
    ensure_styles(document)
    section = apply_page_geometry(document)
    if not _has_page_numbers(document):
        add_page_number_footers(document, section)
    if number is not None:
        _write_number_placeholder(document, paragraphs[number])
    _settle_header(document, paragraphs[:body])
    apply_normal_style(document)  # no space after by default, 3号 text on the 22-line grid
    _replace_body(document, paragraphs, body)
    document.core_properties.comments = format_settings(TemplateSettings())
    document.core_properties.title = f"{name}公文模板"
    content = io.BytesIO()
    document.save(content)
    folder = user_dir or user_template_dir()
    target = folder / f"{name}.docx"
    with tempfile.TemporaryDirectory(prefix="unionoffice-template-") as scratch:
        trial = Path(scratch) / f"{name}.docx"  # checked before the clerk's folder sees it
        trial.write_bytes(content.getvalue())
        options = ExportOptions(template=str(trial), letterhead=SPECIMEN_LETTERHEAD)
        render_notice(specimen_notice(), options, user_dir=Path(scratch))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TemplateError(f"无法保存模板到“{folder}”：{exc.strerror or exc}") from None
    write_atomically(target, content.getvalue(), error=TemplateError)
    return TemplateInfo(name, target, False)


def _has_page_numbers(document: Document) -> bool:
    """A PAGE field in some footer of the file."""
    for section in document.sections:
        for footer in (section.footer, section.even_page_footer, section.first_page_footer):
            if not footer.is_linked_to_previous and "PAGE" in footer._element.xml:
                return True
    return False


def _settle_header(document: Document, paragraphs: list[Paragraph]) -> None:
    """Give the header's lines heights every program agrees on, so the export knows where it
    ends: an exact pitch (1.2 of their largest text, at least the body's) off the body grid;
    a line holding a picture keeps the picture's height, also off the grid."""
    styles = Styles(document)
    for paragraph in paragraphs:
        ppr = paragraph._p.get_or_add_pPr()
        picture = paragraph._p.find(f".//{qn('w:drawing')}") is not None
        metrics = styles.metrics(paragraph._p)
        if not picture and not metrics.exact:
            sizes = [run.font.size.pt for run in paragraph.runs if run.font.size is not None]
            size = max(sizes, default=GBT9704.body_size_pt)
            ooxml.set_exact_line_pitch(
                ppr, max(ooxml.LINE_PITCH_TWIPS, round(size * LETTERHEAD_RATIO * 20))
            )
        if picture:  # single spacing of its own: Normal's exact pitch would cut it
            spacing = ooxml.child(ppr, "w:spacing")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")
        if picture or styles.metrics(paragraph._p).pitch != ooxml.LINE_PITCH_TWIPS:
            ooxml.child(ppr, "w:snapToGrid").set(qn("w:val"), "0")


def _write_number_placeholder(document: Document, paragraph: Paragraph) -> None:
    """{{ 文号 }} in place of the 文号 the paragraph shows, in the first text run's format;
    pictures and drawn lines in the paragraph stay, a rule under it moves to 4 mm below."""
    if paragraph._p.style is None:  # Normal: 3号 仿宋 as GB/T 9704 sets the 文号
        paragraph._p.style = style_ids(document)[Role.DOC_NUMBER]
    runs = [run for run in paragraph.runs if run.text]
    if not runs:
        paragraph.add_run("{{ 文号 }}")
        return
    runs[0].text = "{{ 文号 }}"
    for run in runs[1:]:
        run.text = ""
    ppr = paragraph._p.get_or_add_pPr()
    rule = ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    if rule is not None:  # the red rule 4 mm under the 文号 (GB/T 9704 7.2.4)
        rule.set(qn("w:space"), str(round(GBT9704.red_rule_gap_pt)))


def _replace_body(document: Document, paragraphs: list[Paragraph], body: int) -> None:
    """Drop the paragraph ``body`` and everything after it (not the page setup); then two
    blank lines, {{ 标题 }}, a blank line and {{ 正文 }}, as in the shipped 文件式."""
    root = document.element.body
    if body < len(paragraphs):
        start = paragraphs[body]._p
        doomed = [start, *start.itersiblings()]
        for element in doomed:
            if element.tag != qn("w:sectPr"):
                root.remove(element)
    ids = style_ids(document)
    section = root.find(qn("w:sectPr"))

    def add(role: Role, text: str = "") -> None:
        p = ooxml.OxmlElement("w:p")
        if section is not None:
            section.addprevious(p)
        else:
            root.append(p)
        paragraph = Paragraph(p, document._body)
        p.style = ids[role]
        if text:
            paragraph.add_run(text)

    add(Role.DOC_NUMBER)
    add(Role.DOC_NUMBER)
    add(Role.TITLE, "{{ 标题 }}")
    add(Role.DOC_NUMBER)
    add(Role.RECIPIENTS, "{{ 正文 }}")
