"""Importing files and folders into the database: per-file results, duplicates, errors."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from unionoffice.domain.notice import NoticeStatus
from unionoffice.importing import collect_files, import_file, import_paths
from unionoffice.importing.service import KINDS, ImportResult
from unionoffice.storage.services import NoticeService

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A clerk's folder: notices in subfolders, a Word lock file, a broken file, a picture."""
    root = tmp_path / "公文归档"
    (root / "2021").mkdir(parents=True)
    (root / "2022" / "活动").mkdir(parents=True)
    shutil.copy(SAMPLES / "qinghai-2021-15.txt", root / "2021" / "15号.txt")
    shutil.copy(FIXTURES / "haidong-sections.txt", root / "2022" / "活动" / "海东.txt")
    (root / "2022" / "坏文件.docx").write_bytes(b"PK\x03\x04 broken")
    (root / "2022" / "~$海东.docx").write_bytes(b"lock")
    (root / "2022" / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    return root


def test_folder_import_is_recursive_and_keeps_going_after_a_bad_file(db, archive: Path) -> None:
    results = import_paths(db, [archive])
    by_name = {r.path.name: r for r in results}
    assert set(by_name) == {"15号.txt", "海东.txt", "坏文件.docx", "照片.jpg"}
    # The picture is named, with the reason it was left out; Word's ~$ file is not.
    assert by_name["照片.jpg"].status == "skipped"
    assert by_name["照片.jpg"].skipped == f"不支持的文件类型“.jpg”：只能导入 {KINDS}"
    assert by_name["坏文件.docx"].status == "failed"
    assert "已损坏" in (by_name["坏文件.docx"].error or "")
    assert by_name["15号.txt"].status == "created"
    assert by_name["海东.txt"].status == "created"
    summaries = NoticeService(db).list()
    assert sorted(s.doc_number or "" for s in summaries) == [
        "东工发〔2022〕8号",
        "青总办〔2021〕15号",
    ]


def test_the_same_content_twice_is_skipped(db, tmp_path: Path) -> None:
    first = import_file(db, SAMPLES / "qinghai-2020-31.txt")
    assert first.status == "created"
    # The same notice, re-saved in GBK with Windows line ends and other blank lines.
    text = (SAMPLES / "qinghai-2020-31.txt").read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(text.replace("\n\n", "\r\n").encode("gb18030"))
    again = import_file(db, copy)
    assert again.status == "skipped"
    assert again.duplicate_of == first.notice_id
    assert len(NoticeService(db).list()) == 1


def test_duplicates_can_be_imported_or_asked_about(db) -> None:
    path = SAMPLES / "qinghai-2021-15.txt"
    first = import_file(db, path)
    asked: list[tuple[Path, int]] = []

    def ask(p: Path, existing: int) -> bool:
        asked.append((p, existing))
        return False

    assert import_file(db, path, ask).status == "skipped"
    assert asked == [(path, first.notice_id)]
    second = import_file(db, path, "import")
    assert second.status == "created" and second.duplicate_of == first.notice_id
    # The 文号 belongs to the first import; the copy is kept without it and says so.
    copy = NoticeService(db).get(second.notice_id)
    assert copy.doc_number is None and copy.status is NoticeStatus.DRAFT
    assert copy.year == 2021 and len(copy.activities) == 21
    assert any("已被占用" in w for w in second.warnings)


def test_files_in_one_batch_with_the_same_content(db, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "guide-cn-date.txt", folder / name)
    results = import_paths(db, [folder])
    assert [r.status for r in results] == ["created", "skipped"]


def test_errors_for_paths_that_cannot_be_imported(db, tmp_path: Path) -> None:
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "table.xlsx").write_bytes(b"PK")
    (tmp_path / "empty.txt").write_bytes(b"")
    results = import_paths(
        db,
        [
            tmp_path / "missing.txt",
            tmp_path / "old.doc",
            tmp_path / "table.xlsx",
            tmp_path / "empty.txt",
        ],
    )
    errors = {r.path.name: r.error for r in results}
    assert errors == {
        "missing.txt": "文件或文件夹不存在",
        # four bytes are no .doc
        "old.doc": "文件已损坏或不是 Word/WPS 文档：请在 Word/WPS 中打开确认，"
        "并另存为 .docx 后再导入",
        "table.xlsx": "不支持的文件类型“.xlsx”：只能导入 .docx、.doc、.wps、.pdf 和 .txt",
        "empty.txt": "文件为空",
    }
    assert all(r.status == "failed" for r in results)
    assert NoticeService(db).list() == []


def test_title_falls_back_to_the_file_name(db, tmp_path: Path) -> None:
    path = tmp_path / "会员大会通知.txt"
    path.write_text("各位会员：\n下周三召开会员大会，请准时参加。\n", encoding="utf-8")
    result = import_file(db, path)
    assert result.status == "created"
    assert NoticeService(db).get(result.notice_id).title == "会员大会通知"
    assert "标题取自文件名" in result.warnings


def test_progress_and_cancel(db, archive: Path) -> None:
    seen: list[tuple[int, int, ImportResult]] = []
    results = import_paths(db, [archive], progress=lambda d, t, r: seen.append((d, t, r)))
    assert [(d, t) for d, t, _ in seen] == [(1, 3), (2, 3), (3, 3)]
    # What was left out (the picture) is reported first, then each file as it is done.
    assert [r.path.name for r in results[:1]] == ["照片.jpg"]
    assert [r for _, _, r in seen] == results[1:]

    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    assert len(import_paths(db, [archive], "import", cancelled=cancelled)) == 1 + 1


def test_collect_files_orders_and_deduplicates(archive: Path) -> None:
    files, left_out = collect_files([archive, archive / "2021" / "15号.txt"])
    assert [f.name for f in files] == ["15号.txt", "坏文件.docx", "海东.txt"]
    assert [(r.path.name, r.status) for r in left_out] == [("照片.jpg", "skipped")]


def test_docx_and_its_table_plan_are_stored(db, make_docx: Callable[..., Path]) -> None:
    path = make_docx(
        "plan.docx",
        [
            "某市总工会文件",
            "某工发〔2024〕3号",
            "关于开展职工运动会的通知",
            [["序号", "活动内容", "完成时限", "牵头部门"], ["1", "开幕式", "5 月 8 日", "文体部"]],
        ],
    )
    result = import_file(db, path)
    stored = NoticeService(db).get(result.notice_id)
    assert stored.doc_number == "某工发〔2024〕3号"
    (activity,) = stored.activities
    assert (activity.title, activity.deadline, activity.lead) == ("开幕式", "5月8日", ["文体部"])
    assert activity.period is not None and str(activity.period.start) == "2024-05-08"


def test_importing_needs_no_qt() -> None:
    import subprocess
    import sys

    code = (
        "import sys, unionoffice.importing, unionoffice.cli.import_command; "
        "sys.exit(any(m.split('.')[0] == 'PySide6' for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_the_whole_original_text_is_kept_with_the_notice(db, tmp_path, sample_texts):
    from unionoffice.importing.service import import_file
    from unionoffice.storage.services import NoticeService

    path = tmp_path / "qinghai-2021-15.txt"
    path.write_text(sample_texts["qinghai-2021-15"], encoding="utf-8")
    result = import_file(db, path)
    kept = NoticeService(db).source_text(result.notice_id)
    assert kept is not None
    # Even the parts that became no field (the 工作要求 items, the e-mail address) are there.
    assert "187326341@qq.com" in kept
    assert "高度重视" in kept and "精心组织" in kept
