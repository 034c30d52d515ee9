"""``unionoffice export``: one notice to a file, several into a folder, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from unionoffice.cli import main


@pytest.fixture
def run(db_path: Path, capsys):
    def _run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return _run


@pytest.fixture
def plan_id(run) -> int:
    """The demo's 青总办通〔2021〕1号, with an attachment and 12 activities."""
    assert run("demo")[0] == 0
    listed = json.loads(run("list", "--json")[1])["notices"]
    return next(n["id"] for n in listed if n["doc_number"] == "青总办通〔2021〕1号")


def test_export_one_notice_with_the_organs_letterhead(run, plan_id: int, tmp_path: Path) -> None:
    out = tmp_path / "通知.docx"
    code, stdout, stderr = run("export", str(plan_id), "--docx", str(out))
    assert code == 0, stderr
    assert str(out) in stdout
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "青海省总工会办公室文件"
    assert "青总办通〔2021〕1号" in texts
    assert sum(1 for t in texts if t.startswith("完成时限：")) == 12
    assert "（十二）" in "".join(texts)


def test_export_as_table_with_another_template(run, plan_id: int, tmp_path: Path) -> None:
    out = tmp_path / "信函.docx"
    code, _, stderr = run(
        "export", str(plan_id), "--docx", str(out), "--template", "信函式", "--plan-as", "table"
    )
    assert code == 0, stderr
    document = docx.Document(str(out))
    assert len(document.tables[0].rows) == 13
    assert document.sections[0].first_page_header.paragraphs[0].text == "青海省总工会办公室"


def test_export_several_into_a_folder(run, plan_id: int, tmp_path: Path) -> None:
    folder = tmp_path / "批量"
    code, stdout, stderr = run("export", "1", "2", "4", "--out-dir", str(folder))
    assert code == 0, stderr
    files = sorted(p.name for p in folder.iterdir())
    assert len(files) == 3 and all(name.endswith(".docx") for name in files)
    assert any(name.startswith("未编号 ") for name in files)
    assert stdout.count("已导出") == 3


def test_export_errors_are_in_chinese(run, plan_id: int, tmp_path: Path) -> None:
    code, _, err = run("export", "999", "--docx", str(tmp_path / "a.docx"))
    assert code == 1 and "999" in err
    code, _, err = run(
        "export", str(plan_id), "--docx", str(tmp_path / "a.docx"), "--template", "无"
    )
    assert code == 1 and "找不到模板“无”" in err
    code, _, err = run("export", str(plan_id))
    assert code == 1 and "--docx" in err
    code, _, err = run("export", "1", "2", "--docx", str(tmp_path / "a.docx"))
    assert code == 1 and "--out-dir" in err
    assert not (tmp_path / "a.docx").exists()


def test_list_templates(run) -> None:
    code, out, err = run("export", "--list-templates")
    assert code == 0
    for name in ("文件式", "信函式", "纪要式", "套打"):
        assert name in out
    assert "用户模板文件夹" in err


def test_an_undated_notice_is_exported_with_a_warning(
    run, plan_id: int, tmp_path: Path, db_path: Path
) -> None:
    from unionoffice.storage.database import Database
    from unionoffice.storage.services import NoticeService

    database = Database(str(db_path))
    service = NoticeService(database)
    notice = service.get(plan_id)
    notice.date = notice.distribution_date = None
    notice.signature = notice.distributor = ""
    service.update(notice)
    database.dispose()
    out = tmp_path / "无日期.docx"
    code, stdout, stderr = run("export", str(plan_id), "--docx", str(out))
    assert code == 0 and str(out) in stdout  # written all the same
    assert "注意（青总办通〔2021〕1号）：未填成文日期" in stderr
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "青海省总工会办公室" in texts  # the 署名 from the organ
    assert "\u3000\u3000年\u3000月\u3000日" in texts
    imprint = docx.Document(str(out)).tables[-1]
    assert imprint.rows[-1].cells[0].text.startswith("青海省总工会办公室\t")  # 印发机关
