"""An office's own red-header .docx as a template: where the 文号 and the body go is found, the
sample text is dropped, placeholders stay sandboxed, and the notice written into it prints as
the page preview shows it (measured in LibreOffice's PDF)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import docx
import pytest
from tests.exporting.conftest import convert_to_pdf, pdf_pages, red_rules
from tests.exporting.office_header_files import (
    NUMBER_TEXT,
    OFFICE,
    office_header_docx,
    picture_header_docx,
)

from unionoffice.domain.page_layout import Role
from unionoffice.domain.page_spec import GBT9704
from unionoffice.exporting.docx import ExportOptions, TemplateError, available_templates
from unionoffice.exporting.docx.notice_writer import render_notice_layout, save_atomically
from unionoffice.exporting.docx.office_header import (
    find_header_places,
    make_office_template,
    open_office_file,
)
from unionoffice.exporting.docx.specimen import SPECIMEN_LETTERHEAD, specimen_notice
from unionoffice.exporting.docx.template_preview import template_pages

NAME = "城东区红头"


def _places(path: Path):  # type: ignore[no-untyped-def]
    return find_header_places(open_office_file(path))


def test_the_number_and_the_body_are_found_under_the_red_rule(tmp_path) -> None:
    places = _places(office_header_docx(tmp_path / "a.docx"))
    assert places.found
    assert places.paragraphs[0].red and places.paragraphs[0].text == f"{OFFICE}文件"
    assert (places.number, places.body) == (2, 3)
    assert places.paragraphs[2].label() == f"第 3 段：{NUMBER_TEXT}（红线）"

    apart = _places(office_header_docx(tmp_path / "b.docx", rule_apart=True))
    assert (apart.number, apart.body) == (2, 4)  # the rule's own paragraph stays


def test_a_rule_drawn_as_a_line_shape_is_found(tmp_path) -> None:
    """Many offices draw the red rule as a line (Word's 插入 → 形状) anchored in a paragraph."""
    from lxml import etree

    path = tmp_path / "line.docx"
    document = docx.Document()
    document.add_paragraph(f"{OFFICE}文件")
    document.add_paragraph(NUMBER_TEXT)
    anchor = document.add_paragraph()
    picture = etree.fromstring(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:line from="0,0" to="442pt,0" strokecolor="red" strokeweight="2.25pt"/>'
        "</w:pict></w:r>"
    )
    anchor._p.append(picture)
    document.add_paragraph("样文")
    document.save(str(path))
    places = _places(path)
    assert places.paragraphs[2].rule and (places.number, places.body) == (1, 3)


def test_a_header_without_number_or_rule_is_left_to_the_clerk(tmp_path) -> None:
    path = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("某某工会")
    document.add_paragraph("正文")
    document.save(str(path))
    places = _places(path)
    assert not places.found
    assert (places.number, places.body) == (None, None)
    assert [p.text for p in places.paragraphs] == ["某某工会", "正文"]


def test_the_template_keeps_the_header_and_drops_the_sample(tmp_path) -> None:
    source = office_header_docx(tmp_path / "红头.docx")
    info = make_office_template(source, NAME, number=2, body=3, user_dir=tmp_path / "t")
    assert info.path == tmp_path / "t" / f"{NAME}.docx" and not info.shipped
    assert [t.name for t in available_templates(tmp_path / "t") if not t.shipped] == [NAME]
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == [f"{NAME}.docx"]
    template = docx.Document(str(info.path))
    texts = [p.text for p in template.paragraphs]
    assert texts[0] == f"{OFFICE}文件" and texts[2] == "{{ 文号 }}"
    assert "{{ 标题 }}" in texts and texts[-1] == "{{ 正文 }}"
    assert not any("样文" in text or "技能竞赛" in text for text in texts)
    section = template.sections[0]  # the GB/T 9704 page, whatever the office's file had
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28


def test_names_and_files_that_cannot_be_templates_are_refused(tmp_path) -> None:
    source = office_header_docx(tmp_path / "红头.docx")
    folder = tmp_path / "t"
    with pytest.raises(TemplateError, match="随程序提供"):
        make_office_template(source, "文件式", number=2, body=3, user_dir=folder)
    with pytest.raises(TemplateError, match="不能含有"):
        make_office_template(source, "a/b", number=2, body=3, user_dir=folder)
    with pytest.raises(TemplateError, match="文号所在的段落必须在正文之前"):
        make_office_template(source, NAME, number=4, body=3, user_dir=folder)
    assert not folder.exists() or not any(folder.iterdir())


def test_a_header_that_would_run_code_is_refused_and_not_kept(tmp_path) -> None:
    source = office_header_docx(tmp_path / "坏.docx", extra="{{ ''.__class__.__mro__ }}")
    folder = tmp_path / "t"
    with pytest.raises(TemplateError, match="已拒绝"):
        make_office_template(source, NAME, number=2, body=3, user_dir=folder)
    assert not folder.exists() or not any(folder.iterdir())  # nothing kept, no trial copy


# -- printed ------------------------------------------------------------------------------


def _notice():  # type: ignore[no-untyped-def]
    notice = specimen_notice()
    return dataclasses.replace(notice, issuer="张三", date=dt.date(2021, 4, 6))


PICTURE = "图片红头"


@pytest.fixture(scope="module")
def all_printed(tmp_path_factory):
    """The notice exported with each office template: its layout, preview and PDF."""
    out = tmp_path_factory.mktemp("office")
    folder = out / "templates"
    sources = {
        NAME: office_header_docx(out / "红头.docx"),
        PICTURE: picture_header_docx(out / "图片红头.docx"),
    }
    made = {}
    for name, source in sources.items():
        places = _places(source)
        make_office_template(source, name, number=places.number, body=places.body,
                             user_dir=folder)  # fmt: skip
        options = ExportOptions(template=name, letterhead=SPECIMEN_LETTERHEAD)
        document, layout = render_notice_layout(_notice(), options, user_dir=folder)
        save_atomically(document, out / f"{name}.docx")
        made[name] = (layout, template_pages(name, _notice(), user_dir=folder))
    pdfs = convert_to_pdf([out / f"{name}.docx" for name in sources], out)
    return {
        name: (*made[name], pdf, pdf_pages(pdf)) for name, pdf in zip(sources, pdfs, strict=True)
    }


@pytest.fixture(scope="module")
def printed(all_printed):
    return all_printed[NAME]


def _clean(text: str) -> str:
    return "".join(text.split())


def test_the_office_header_prints_with_the_notices_number(printed) -> None:
    _, _, pdf, pages = printed
    texts = [_clean(line.text) for line in pages[0]]
    assert f"{OFFICE}文件" in texts
    number = next(line for line in pages[0] if _clean(line.text).startswith("青总办〔2021〕15号"))
    assert _clean(number.text).endswith("签发人：张三")
    assert not any("样文" in text or "东工发" in text for page in pages for line in page
                   for text in [line.text])  # fmt: skip
    [(top, left, right)] = red_rules(pdf)
    assert abs(left) < 0.6 and abs(right - GBT9704.text_width_mm) < 0.6
    assert 3.0 < top - number.bottom < 6.0


def test_the_preview_shows_the_printed_page(printed) -> None:
    layout, preview, _, pages = printed
    assert len(preview) == len(pages) == len(layout.pages)
    for role, start in ((Role.DOC_NUMBER, "青总办"), (Role.TITLE, "青海省总工会办公室关于")):
        shown = next(line for line in preview[0].lines
                     if line.role is role and line.text.startswith(start))  # fmt: skip
        printed_line = next(line for line in pages[0] if _clean(line.text).startswith(start))
        # the PDF's box starts a little under the line's top: the glyphs' ascent
        assert 0 <= printed_line.top - shown.top_mm < 2.5, (role, shown, printed_line)
    body = next(line for line in preview[0].lines if line.role is Role.RECIPIENTS)
    printed_body = next(line for line in pages[0] if _clean(line.text).startswith("各市"))
    assert abs(printed_body.top - body.top_mm - 1.9) < 0.8
    for number, (shown, lines) in enumerate(zip(preview, pages, strict=True), start=1):
        expected = [_clean(line.text) for line in shown.lines if line.role is Role.BODY]
        got = {_clean(line.text) for line in lines}
        assert all(text.rstrip("，。") in {g.rstrip("，。") for g in got} for text in expected), (
            f"page {number}"
        )


def test_a_picture_header_keeps_its_height(tmp_path, all_printed) -> None:
    places = _places(picture_header_docx(tmp_path / "p.docx"))
    assert (places.number, places.body) == (1, 2)
    assert places.paragraphs[0].label() == "第 1 段：（图片）"
    layout, preview, _, pages = all_printed[PICTURE]
    assert preview[0].lines[0].text == "（红头图片）"
    number = next(line for line in preview[0].lines if line.text.startswith("青总办"))
    assert 19.5 < number.top_mm < 21  # under the 20 mm picture, not over it
    printed_number = next(line for line in pages[0] if _clean(line.text).startswith("青总办"))
    assert 0 <= printed_number.top - number.top_mm < 2.5
    assert len(preview) == len(pages) == len(layout.pages)
