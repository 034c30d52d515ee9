"""A template prepared once and copied for each notice: a template changed on disk is read
again, a filled document is as free to change as one python-docx opened, and the file written
holds what python-docx's own save writes."""

from __future__ import annotations

import os
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
from docx.shared import Pt
from tests.exporting.test_docx_golden import LETTERHEAD, MARKS, parts_of, report

from unionoffice.exporting.docx import (
    ExportOptions,
    export_notice,
    render_notice,
    save_atomically,
    shipped_template_dir,
)
from unionoffice.exporting.docx.specimen import specimen_notice


def _own_template(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(shipped_template_dir() / "文件式.docx", folder / "本单位.docx"))


def _has_table(path: Path) -> bool:
    return bool(docx.Document(str(path)).tables[:-1])  # the last table is the 版记


def test_a_template_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    template = _own_template(tmp_path / "templates")
    options = ExportOptions(template="本单位", letterhead=LETTERHEAD)
    notice = specimen_notice(3)
    first = export_notice(notice, tmp_path / "a.docx", options, user_dir=template.parent)
    assert not _has_table(first)
    edited = docx.Document(str(template))
    edited.core_properties.comments = "活动方案：表格"  # the clerk's edit in Word
    edited.save(str(template))
    stat = template.stat()
    os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = export_notice(notice, tmp_path / "b.docx", options, user_dir=template.parent)
    assert _has_table(second)


def test_a_filled_document_reads_and_changes_its_styles(tmp_path: Path) -> None:
    document = render_notice(specimen_notice(2), ExportOptions(letterhead=LETTERHEAD))
    body = document.styles["公文正文"]
    assert body.font.size == Pt(16)
    body.font.size = Pt(15)
    save_atomically(document, tmp_path / "changed.docx")
    reopened = docx.Document(str(tmp_path / "changed.docx"))
    assert reopened.styles["公文正文"].font.size == Pt(15)
    assert (
        next(p for p in reopened.paragraphs if p.text.startswith("各市")).style.name == "主送机关"
    )


def test_the_file_holds_what_python_docx_saves(tmp_path: Path) -> None:
    document = render_notice(report(**MARKS, issuer="张三"), ExportOptions(letterhead=LETTERHEAD))
    save_atomically(document, tmp_path / "ours.docx")
    document.save(str(tmp_path / "python-docx.docx"))
    assert parts_of(tmp_path / "ours.docx") == parts_of(tmp_path / "python-docx.docx")
    with zipfile.ZipFile(tmp_path / "ours.docx") as package:
        assert package.testzip() is None
        names = package.namelist()
    with zipfile.ZipFile(tmp_path / "python-docx.docx") as package:
        assert names == package.namelist()


def test_exports_in_two_threads_write_what_one_thread_writes(tmp_path: Path) -> None:
    notices = [specimen_notice(n) for n in range(1, 7)]
    options = ExportOptions(letterhead=LETTERHEAD)

    def export(folder: str, index: int) -> dict:
        path = export_notice(notices[index], tmp_path / folder / f"{index}.docx", options)
        return parts_of(path)

    (tmp_path / "serial").mkdir()
    (tmp_path / "parallel").mkdir()
    serial = [export("serial", index) for index in range(len(notices))]
    with ThreadPoolExecutor(max_workers=2) as pool:
        parallel = list(pool.map(lambda index: export("parallel", index), range(len(notices))))
    assert parallel == serial
