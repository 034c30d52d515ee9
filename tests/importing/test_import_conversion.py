""".doc and .wps files through LibreOffice: end to end when it is installed, one clear message
when it is missing, fails or hangs, and never a half import."""

from __future__ import annotations

import json
import shutil
import stat
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.importing.corpus_facts import CORPUS, build_docx_from_text, convert_with_libreoffice

from unionoffice.cli import main
from unionoffice.importing import ImportFileError, conversion, import_paths, read_document
from unionoffice.storage.services import NoticeService

NOTICE = CORPUS / "32-doc-brackets.txt"


@pytest.fixture(scope="module")
def doc_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real .doc, made by LibreOffice from a corpus notice."""
    folder = tmp_path_factory.mktemp("doc")
    docx_path = build_docx_from_text(NOTICE, folder / "南屏县夏送清凉.docx")
    return convert_with_libreoffice(docx_path, "doc", folder)


def _fake_soffice(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    program = folder / "soffice"
    program.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv(conversion.SOFFICE_VARIABLE, str(program))
    return program


def _running(pid: int) -> bool:
    """Whether a process lives (a zombie waiting for its parent to collect it does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_a_doc_and_a_wps_import_end_to_end(db, doc_file: Path, tmp_path: Path) -> None:
    assert doc_file.read_bytes().startswith(b"\xd0\xcf\x11\xe0")  # Word 97-2003, not a .docx
    folder = tmp_path / "收文"  # not tmp_path itself: the database lies there
    folder.mkdir()
    shutil.copy(doc_file, folder / "夏送清凉.doc")
    shutil.copy(doc_file, folder / "同一文件.wps")
    results = import_paths(db, [folder], "import")
    assert [r.status for r in results] == ["created", "created"], [r.error for r in results]
    for result in results:
        notice = NoticeService(db).get(result.notice_id)
        assert notice.title == "南屏县总工会关于开展2023年“夏送清凉”活动的通知"
        assert [(a.title, a.lead) for a in notice.activities] == [
            ("走访慰问高温一线职工", ["县总权益保障科"]),
            ("开展防暑降温知识宣传", ["县总宣教科"]),
        ]


def test_without_libreoffice_the_clerk_is_told_how_to_convert(
    db, doc_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(conversion.SOFFICE_VARIABLE, str(tmp_path / "no-such-soffice"))
    (result,) = import_paths(db, [doc_file])
    assert result.status == "failed"
    assert "没有安装 LibreOffice" in (result.error or "")
    assert "另存为” .docx" in (result.error or "")
    assert NoticeService(db).list() == []


def test_a_conversion_that_hangs_is_stopped_with_everything_it_started(
    db, doc_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pids = tmp_path / "pids"
    _fake_soffice(tmp_path, f"sleep 60 &\necho $$ $! > {pids}\nwait", monkeypatch)
    monkeypatch.setattr(conversion, "CONVERSION_TIMEOUT", 1.0)
    started = time.monotonic()
    (result,) = import_paths(db, [doc_file])
    assert time.monotonic() - started < 30
    assert result.status == "failed"
    assert "超时" in (result.error or "") and "另存为 .docx" in (result.error or "")
    assert NoticeService(db).list() == []
    for pid in map(int, pids.read_text().split()):
        assert not _running(pid)  # the script and its sleep are gone


def test_a_conversion_that_fails(
    doc_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_soffice(tmp_path, "exit 1", monkeypatch)
    with pytest.raises(ImportFileError, match="LibreOffice 无法转换"):
        read_document(doc_file)


def test_the_cli_exits_non_zero_and_leaves_the_database_as_it_was(
    db_path: Path,
    doc_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", str(db_path), "import", str(CORPUS / "01-bracket-danwei.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    before = json.loads(capsys.readouterr().out)
    monkeypatch.setenv(conversion.SOFFICE_VARIABLE, str(tmp_path / "no-such-soffice"))
    assert main(["--db", str(db_path), "import", str(doc_file)]) == 1
    err = capsys.readouterr().err
    assert "错误：" in err and "没有安装 LibreOffice" in err
    assert "共导入 0 篇，跳过 0 个文件，失败 1 个" in err
    assert main(["--db", str(db_path), "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == before


@given(data=st.data())
@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_damaged_doc_files_convert_or_give_the_importers_error(
    data: st.DataObject, doc_file: Path
) -> None:
    original = doc_file.read_bytes()
    cut = data.draw(st.integers(8, len(original)))
    damaged = bytearray(original[:cut])
    for position, value in data.draw(
        st.lists(st.tuples(st.integers(8, len(original) - 1), st.integers(0, 255)), max_size=30)
    ):
        if position < len(damaged):
            damaged[position] = value
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.doc"
        path.write_bytes(bytes(damaged))
        try:
            read_document(path)
        except ImportFileError as exc:
            assert str(exc)
