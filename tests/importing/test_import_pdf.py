"""PDF files: a text layer read in reading order (tables as tables), scans and damage refused."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.importing.corpus_facts import (
    CORPUS,
    build_docx_from_text,
    cases,
    compare,
    convert_with_libreoffice,
)

from unionoffice.importing import ImportFileError, import_paths, prepare_file, read_document
from unionoffice.storage.services import NoticeService

PDF = CORPUS / "31-pdf-label-lines.pdf"
PDF_BYTES = PDF.read_bytes()


def test_a_pdf_made_by_libreoffice_imports_into_the_database(db) -> None:
    (result,) = import_paths(db, [PDF])
    assert result.status == "created", result.error
    notice = NoticeService(db).get(result.notice_id)
    assert notice.doc_number == "北工发〔2022〕19号"
    assert notice.title == "北岭市总工会关于印发《2022年“建功新时代”劳动竞赛实施方案》的通知"
    assert [a.title for a in notice.activities] == [
        "重点工程建设劳动竞赛",
        "节能减排技术创新竞赛",
        "服务行业岗位技能竞赛",
    ]


def test_a_table_in_a_pdf_is_read_as_a_table(tmp_path: Path) -> None:
    """A ruled table whose narrow cells wrap their lines: rows and cells as in the Word file,
    and every fact of the notice's answer key."""
    case = next(c for c in cases() if c.name == "18-word-table-tasks")
    docx_path = build_docx_from_text(case.text_path, tmp_path / "t.docx")
    pdf_path = convert_with_libreoffice(docx_path, "pdf", tmp_path)
    wrong = [f for f in compare(case, prepare_file(pdf_path).parsed) if not f.right]
    assert not wrong
    document = read_document(pdf_path)
    tables = [e for e in document.elements if not isinstance(e, str)]
    assert len(tables) == 1
    assert tables[0].rows[0] == ("序号", "工作任务", "责任单位", "完成时限", "责任人")
    assert tables[0].rows[4][1:] == (
        "完成工会经费收缴专项审计。",
        "经审办",
        "2024年11月30日前",
        "李强",
    )


def test_a_scan_without_text_names_ocr(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(100, 100, 300, 500, fill=1)  # what a scanned page is to a text reader: no text
    page.showPage()
    page.save()
    with pytest.raises(ImportFileError, match="OCR"):
        read_document(path)


def test_a_damaged_pdf_gives_one_clear_message(db, tmp_path: Path) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(PDF_BYTES[: len(PDF_BYTES) // 3])
    (result,) = import_paths(db, [path])
    assert result.status == "failed"
    assert "PDF" in (result.error or "")
    assert NoticeService(db).list() == []


def test_a_file_named_pdf_that_is_not_one(tmp_path: Path) -> None:
    path = tmp_path / "notice.pdf"
    path.write_bytes("关于开展活动的通知".encode())
    with pytest.raises(ImportFileError, match="不是 PDF"):
        read_document(path)


@given(st.data())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_truncated_or_corrupted_pdf_reads_or_gives_the_importers_error(
    data: st.DataObject,
) -> None:
    cut = data.draw(st.integers(0, len(PDF_BYTES)))
    flips = data.draw(
        st.lists(st.tuples(st.integers(0, len(PDF_BYTES) - 1), st.integers(0, 255)), max_size=20)
    )
    damaged = bytearray(PDF_BYTES[:cut] if data.draw(st.booleans()) else PDF_BYTES)
    for position, value in flips:
        if position < len(damaged):
            damaged[position] = value
    _read_or_refuse(bytes(damaged))


@given(st.binary(max_size=2000))
@settings(max_examples=60, deadline=None)
def test_random_bytes_named_pdf_give_the_importers_error(data: bytes) -> None:
    _read_or_refuse(b"%PDF-1.7\n" + data)


def _read_or_refuse(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(data)
        try:
            document = read_document(path)
        except ImportFileError as exc:
            assert str(exc)
        else:
            assert document.elements
