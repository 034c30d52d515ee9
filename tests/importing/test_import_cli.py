"""``unionoffice import``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unionoffice.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_import_prints_what_it_created(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db_path), "import", str(SAMPLES)]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert "青总办通〔2020〕31号" in lines[0] and "8项活动" in lines[0]
    assert "青总办〔2021〕15号" in lines[1] and "21项活动" in lines[1]
    assert "共导入 2 篇，跳过 0 个文件，失败 0 个" in err


def test_import_json_is_the_show_json_of_each_notice(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = SAMPLES / "qinghai-2021-15.txt"
    assert main(["--db", str(db_path), "import", "--json", str(path)]) == 0
    imported = json.loads(capsys.readouterr().out)
    (notice,) = imported["notices"]
    assert notice["doc_number"] == "青总办〔2021〕15号"
    assert notice["org"] == "青海省总工会办公室"
    assert len(notice["activities"]) == 21
    fifth = notice["activities"][4]
    assert (fifth["deadline"], fifth["start"], fifth["end"]) == (
        "4—7月份",
        "2021-04-01",
        "2021-07-31",
    )
    assert main(["--db", str(db_path), "show", "--json", str(notice["id"])]) == 0
    assert json.loads(capsys.readouterr().out) == notice


def test_failures_go_to_stderr_and_set_the_exit_status(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 nothing")
    status = main(["--db", str(db_path), "import", str(bad), str(SAMPLES / "qinghai-2020-31.txt")])
    out, err = capsys.readouterr()
    assert status == 1
    assert "青总办通〔2020〕31号" in out
    assert f"错误：{bad}：" in err and "已损坏" in err


def test_duplicates_skip_by_default_or_import(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(SAMPLES / "qinghai-2020-31.txt")
    main(["--db", str(db_path), "import", path])
    capsys.readouterr()
    assert main(["--db", str(db_path), "import", "--json", path]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"notices": []}
    assert "跳过" in err and "内容与已导入的公文 1 相同" in err
    assert main(["--db", str(db_path), "import", "--duplicates", "import", path]) == 0
    out, err = capsys.readouterr()
    assert "（未编号）" in out
    assert "已作为未编号公文导入" in err


def test_an_edited_export_is_reported_as_updated(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    from unionoffice.exporting.docx.notice_writer import export_notice
    from unionoffice.storage.database import Database
    from unionoffice.storage.services import NoticeService

    assert main(["--db", str(db_path), "import", str(SAMPLES / "qinghai-2021-15.txt")]) == 0
    capsys.readouterr()
    db = Database(db_path)
    try:
        (summary,) = NoticeService(db).list()
        exported = export_notice(NoticeService(db).get(summary.id), tmp_path / "15号.docx")
    finally:
        db.dispose()
    document = docx.Document(str(exported))
    recipients = next(p for p in document.paragraphs if p.text.endswith("：") and "工会" in p.text)
    recipients.runs[0].text = "各市（州）总工会："
    for run in recipients.runs[1:]:
        run.text = ""
    document.save(str(exported))
    assert main(["--db", str(db_path), "import", str(exported)]) == 0
    out, err = capsys.readouterr()
    assert out.strip().split("\t")[0] == str(summary.id)
    assert out.strip().endswith("\tupdated")
    assert "主送机关" in err
    assert "共导入 0 篇，更新 1 篇，跳过 0 个文件，失败 0 个" in err
