"""Export a notice to .docx: open the template, fill its placeholders in a sandbox, write the
body at {{ 正文 }}, add the 版记, and save atomically."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.notice_body import (
    OrganDefaults,
    missing_field_warnings,
    with_organ_defaults,
)
from unionoffice.domain.notice_layout import LayoutChoices, NoticeLayout, lay_out_notice
from unionoffice.domain.notice_text import text_width
from unionoffice.domain.page_spec import GBT9704, MM_PER_PT
from unionoffice.exporting.docx import ooxml
from unionoffice.exporting.docx.body import write_body
from unionoffice.exporting.docx.cursor import Cursor
from unionoffice.exporting.docx.custom_properties import ExportIdentity, set_custom_properties
from unionoffice.exporting.docx.errors import ExportError
from unionoffice.exporting.docx.header_marks import (
    doc_number_paragraphs,
    write_issuer,
    write_marks,
)
from unionoffice.exporting.docx.imprint import collapse, write_imprint
from unionoffice.exporting.docx.options import ExportOptions
from unionoffice.exporting.docx.placeholders import (
    PlaceholderRenderer,
    iter_all_paragraphs,
    notice_context,
)
from unionoffice.exporting.docx.prepared import (
    PreparedTemplate,
    prepared_template,
    save_document,
)
from unionoffice.exporting.docx.styles import Role
from unionoffice.exporting.docx.template_geometry import body_top_mm
from unionoffice.exporting.docx.templates import find_template
from unionoffice.file_names import safe_file_name
from unionoffice.output_files import (
    checked_target,
    held_open_problem,
    reason,
    write_atomically,
)

TEXT_WIDTH_PT = GBT9704.text_width_mm / MM_PER_PT


@dataclass(frozen=True)
class ExportResult:
    """One written file."""

    notice_id: int | None
    path: Path


def render_notice(
    notice: NoticeData, options: ExportOptions | None = None, *, user_dir: Path | None = None
) -> Document:
    """The filled document for ``notice`` (not yet saved)."""
    return render_notice_layout(notice, options, user_dir=user_dir)[0]


def organ_defaults(notice: NoticeData, options: ExportOptions) -> OrganDefaults:
    """What fills an empty 署名 and 印发机关: the organ's name and its 印发机关."""
    letterhead = options.letterhead
    return OrganDefaults(letterhead.organ_name or notice.organ or "", letterhead.distributor)


def export_warnings(notice: NoticeData, options: ExportOptions | None = None) -> list[str]:
    """What the exported file still lacks (no 成文日期 …), for the clerk to be told."""
    filled = with_organ_defaults(notice, organ_defaults(notice, options or ExportOptions()))
    return missing_field_warnings(filled)


@dataclass
class FilledTemplate:
    """A template with its placeholders filled, before the body is written at ``anchor``."""

    document: Document
    anchor: Paragraph
    notice: NoticeData  # with the organ's defaults filled in
    defaults: OrganDefaults
    choices: LayoutChoices
    template: PreparedTemplate

    def layout(self) -> NoticeLayout:
        """The notice laid out from where the template's header ends on page 1."""
        return lay_out_notice(
            self.notice,
            defaults=self.defaults,
            choices=self.choices,
            body_top_mm=body_top_mm(self.document, self.anchor, self.template.geometry),
        )


def fill_template(
    notice: NoticeData, options: ExportOptions | None = None, *, user_dir: Path | None = None
) -> FilledTemplate:
    """Open the template, set its styles and fonts, fill its placeholders in the sandbox and
    add the marks and the 签发人; the body is not written yet."""
    options = options or ExportOptions()
    template = prepared_template(find_template(options.template, user_dir), options.fonts)
    document = template.open()
    defaults = organ_defaults(notice, options)
    filled = with_organ_defaults(notice, defaults)
    renderer = PlaceholderRenderer(template.info.name, notice_context(filled, options.letterhead))
    number_paragraphs = doc_number_paragraphs(document)
    anchors = renderer.render_document(document)
    write_issuer(document, number_paragraphs, filled, template.style_ids)
    write_marks(document, filled, number_paragraphs, template.style_ids)
    anchor = anchors[0] if anchors else document.add_paragraph()
    for extra in anchors[1:]:
        _remove(extra)
    _fit_letterheads(document, template)
    settings = template.settings
    choices = LayoutChoices(
        plan_layout=options.plan_layout or settings.plan_layout,
        signature=options.signature or settings.signature,
        distributor_line=settings.distributor_line,
    )
    return FilledTemplate(document, anchor, filled, defaults, choices, template)


def render_notice_layout(
    notice: NoticeData, options: ExportOptions | None = None, *, user_dir: Path | None = None
) -> tuple[Document, NoticeLayout]:
    """The filled document and the layout it was written from (its pages, its warnings)."""
    prepared = fill_template(notice, options, user_dir=user_dir)
    layout = prepared.layout()
    cursor = Cursor(prepared.document, prepared.anchor, prepared.template.style_ids)
    write_body(cursor, layout.body)
    write_imprint(cursor, layout.imprint, layout.pagination.imprint)
    _end_after_table(prepared.anchor)
    _set_properties(prepared.document, notice, str(prepared.choices.plan_layout or ""))
    return prepared.document, layout


def export_notice(
    notice: NoticeData,
    path: str | Path,
    options: ExportOptions | None = None,
    *,
    user_dir: Path | None = None,
    overwrite: bool = True,
) -> Path:
    """Write ``notice`` to ``path`` (.docx) through a temporary file in the same folder."""
    target = Path(path)
    if target.suffix.lower() != ".docx" and target.name:
        target = target.with_name(target.name + ".docx")
    target = checked_target(target, error=ExportError)
    if target.exists() and not overwrite:
        raise ExportError(f"文件“{target}”已存在")
    document = render_notice(notice, options, user_dir=user_dir)
    save_atomically(document, target)
    return target


def export_notices(
    notices: Iterable[NoticeData],
    folder: str | Path,
    options: ExportOptions | None = None,
    *,
    user_dir: Path | None = None,
) -> list[ExportResult]:
    """Export several notices into ``folder``, each named by its 文号 and title."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ExportError(f"“{out}”是一个文件，不是文件夹；请另选输出文件夹")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"无法创建输出文件夹“{out}”：{reason(exc)}") from None
    results = []
    used: set[str] = set()
    for notice in notices:
        name = file_name_for(notice)
        stem, counter = name, 2
        while name.lower() in used:
            name, counter = f"{stem}（{counter}）", counter + 1
        used.add(name.lower())
        path = export_notice(notice, out / f"{name}.docx", options, user_dir=user_dir)
        results.append(ExportResult(notice.id, path))
    return results


def file_name_for(notice: NoticeData) -> str:
    """A file name a clerk recognises: 青总办〔2021〕15号 关于…的通知, one Windows accepts."""
    parts = [notice.doc_number or "未编号", notice.title.strip()]
    return safe_file_name(" ".join(p for p in parts if p), fallback="公文")


def save_atomically(document: Document, target: Path) -> None:
    """Save to a temporary file beside ``target`` and rename it into place.

    A half-written file never replaces a good one. A file open in Word (Windows refuses to
    open it for writing) is refused with a message before anything is written; the ``~$``
    owner file a crashed Word left behind does not count (output_files.held_open_problem).
    """
    target = checked_target(target, error=ExportError)
    problem = held_open_problem(target)
    if problem is not None:
        raise ExportError(f"无法导出到“{target}”：{problem}")
    # Rendered in memory first: python-docx leaves a half-written zip to complain at exit
    # when the disk fills while it writes.
    content = io.BytesIO()
    save_document(document, content)
    write_atomically(target, content.getvalue(), error=ExportError)


def _end_after_table(anchor: Paragraph) -> None:
    """Remove the anchor, unless a table precedes it: the body must end with a paragraph, so
    the anchor stays as a 1 pt line that cannot push anything onto a new page."""
    previous = anchor._p.getprevious()
    if previous is None or previous.tag != qn("w:tbl"):
        _remove(anchor)
        return
    for run in list(anchor.runs):
        anchor._p.remove(run._r)
    collapse(anchor)


def _remove(paragraph: Paragraph) -> None:
    element = paragraph._p
    element.getparent().remove(element)


def _fit_letterheads(document: Document, template: PreparedTemplate) -> None:
    """Narrow the 发文机关标志 so it stays on one line across the text block."""
    style_id = template.style_ids[Role.LETTERHEAD]
    for paragraph in iter_all_paragraphs(document):
        if paragraph._p.style != style_id:
            continue
        text = paragraph.text.strip()
        if not text:
            continue
        size = _font_size_pt(paragraph, template)
        scale = int(TEXT_WIDTH_PT / (text_width(text) * size) * 100)
        if scale < 100:
            for run in paragraph.runs:
                ooxml.set_character_scale(run, max(scale, 33))


def _font_size_pt(paragraph: Paragraph, template: PreparedTemplate) -> float:
    for run in paragraph.runs:
        if run.font.size:
            return run.font.size.pt
    return template.letterhead_size_pt or GBT9704.letterhead_size_pt


def _set_properties(document: Document, notice: NoticeData, plan_layout: str) -> None:
    props = document.core_properties
    props.title = notice.title
    props.subject = notice.doc_number or ""
    props.author = notice.organ or ""
    props.comments = ""
    props.keywords = ""
    props.category = "公文"
    if notice.id is not None and notice.version is not None:
        # Importing the file after it was edited finds this notice (and version) again.
        identity = ExportIdentity(notice.id, notice.version, notice.doc_number, plan_layout)
        set_custom_properties(document, identity.to_properties())
