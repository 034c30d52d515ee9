"""A notice exported to Word, edited there as a leader would, and imported again updates the
notice it came from: exactly the changes made in Word, nothing else, and never over a newer
version without the clerk saying so."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zipfile
from copy import deepcopy
from pathlib import Path

import docx
import pytest

from unionoffice.domain.activity_plan import PlanLayout
from unionoffice.domain.errors import ConflictError
from unionoffice.domain.notice import ActivityData, ActivityStatus, Block, NoticeData
from unionoffice.exporting.docx.custom_properties import (
    NOTICE_ID,
    NOTICE_VERSION,
    ExportIdentity,
    read_custom_properties,
)
from unionoffice.exporting.docx.notice_writer import export_notice
from unionoffice.exporting.docx.options import ExportOptions
from unionoffice.importing import import_file
from unionoffice.importing.file_updates import apply_update
from unionoffice.storage.services import NoticeService


def _reading_month() -> NoticeData:
    notice = NoticeData(
        title="滨河区总工会关于开展职工读书月活动的通知",
        organ="滨河区总工会",
        series_code="滨工发",
        year=2024,
        number=7,
        recipients="各基层工会：",
        body=[
            Block.paragraph("为丰富职工文化生活，区总工会决定开展职工读书月活动。"),
            Block.heading(1, "工作要求"),
            Block.paragraph("各单位要加强组织领导，确保活动取得实效。"),
        ],
        signature="滨河区总工会",
        date=dt.date(2024, 3, 1),
        distributor="滨河区总工会办公室",
        distribution_date=dt.date(2024, 3, 1),
        activities=[
            ActivityData(title="读书分享会", deadline="4月份", lead=["宣教部"]),
            ActivityData(title="征文比赛", deadline="5月底前", lead=["宣教部"]),
            ActivityData(
                title="好书推荐",
                deadline="4-6月份",
                lead=["女职工部"],
                status=ActivityStatus.IN_PROGRESS,  # not in the Word file: must stay
                note="每周一本",
            ),
        ],
    )
    for activity in notice.activities:
        activity.with_parsed_period(2024, not_before=notice.date)
    return notice


@pytest.fixture
def stored(db) -> NoticeData:
    service = NoticeService(db)
    return service.get(service.create(_reading_month()))


def _export(notice: NoticeData, path: Path, layout: PlanLayout) -> Path:
    return export_notice(notice, path, ExportOptions(plan_layout=layout))


def _replace_paragraph(document: docx.document.Document, old: str, new: str) -> None:
    paragraph = next(p for p in document.paragraphs if p.text == old)
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = new


def _edit_table_plan(path: Path) -> None:
    """What a leader does to the plan table: a deadline moved, a row deleted, a row added."""
    document = docx.Document(str(path))
    _replace_paragraph(
        document,
        "各单位要加强组织领导，确保活动取得实效。",
        "各单位要加强组织领导，于6月30日前报送活动总结。",
    )
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    rows = {row.cells[1].text: row for row in table.rows[1:]}
    deadline = rows["征文比赛。"].cells[header.index("完成时限")]
    deadline.paragraphs[0].runs[0].text = "6月底前"
    first = rows["读书分享会。"]
    copy = deepcopy(first._tr)
    table._tbl.append(copy)
    new_row = table.rows[-1]
    for cell, text in zip(
        new_row.cells, ["4", "职工摄影展。", "9月份", "工会办公室"], strict=False
    ):
        for run in cell.paragraphs[0].runs[1:]:
            run._r.getparent().remove(run._r)
        cell.paragraphs[0].runs[0].text = text
    table._tbl.remove(first._tr)
    document.save(str(path))


def test_export_carries_the_notice_id_and_version_as_custom_properties(
    stored: NoticeData, tmp_path: Path
) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        content_types = archive.read("[Content_Types].xml").decode()
        package_rels = archive.read("_rels/.rels").decode()
        custom = archive.read("docProps/custom.xml").decode()
    assert "docProps/custom.xml" in names
    assert 'PartName="/docProps/custom.xml"' in content_types
    assert "custom-properties+xml" in content_types
    assert "relationships/custom-properties" in package_rels
    assert f'name="{NOTICE_ID}"><vt:i4>{stored.id}</vt:i4>' in custom
    assert f'name="{NOTICE_VERSION}"><vt:i4>{stored.version}</vt:i4>' in custom
    values = read_custom_properties(docx.Document(str(path)))
    assert ExportIdentity.from_properties(values) == ExportIdentity(
        stored.id or 0, stored.version or 0, "滨工发〔2024〕7号", "table"
    )
    # the identity is not in the text
    assert not any(NOTICE_ID in p.text for p in docx.Document(str(path)).paragraphs)


@pytest.mark.parametrize("layout", [PlanLayout.TABLE, PlanLayout.PARAGRAPHS])
def test_an_unedited_export_changes_nothing(
    db, stored: NoticeData, tmp_path: Path, layout: PlanLayout
) -> None:
    path = _export(stored, tmp_path / "读书月.docx", layout)
    result = import_file(db, path)
    assert result.status == "skipped"
    assert result.duplicate_of == stored.id
    assert any("无需更新" in w for w in result.warnings)
    assert [n.id for n in NoticeService(db).list()] == [stored.id]
    assert NoticeService(db).get(stored.id or 0) == stored


def test_an_edited_table_plan_updates_exactly_what_was_changed(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    _edit_table_plan(path)
    result = import_file(db, path, on_update="ask")
    assert result.status == "update"
    update = result.update
    assert update is not None and update.matched_by == "identity" and not update.stale
    changes = update.changes
    assert changes.fields == ()
    assert [(c.kind, c.old, c.new) for c in changes.paragraphs] == [
        (
            "changed",
            "各单位要加强组织领导，确保活动取得实效。",
            "各单位要加强组织领导，于6月30日前报送活动总结。",
        )
    ]
    assert [(c.kind, c.old_index, c.new_index) for c in changes.activities] == [
        ("removed", 0, None),
        ("changed", 1, 0),
        ("added", None, 2),
    ]
    deadline = changes.activities[1].fields
    assert [(f.label, f.old, f.new) for f in deadline] == [("完成时限", "5月底前", "6月底前")]
    assert "职工摄影展" in changes.activities[2].new
    # nothing is stored before the clerk accepts
    assert NoticeService(db).get(stored.id or 0) == stored

    version = apply_update(db, update)
    after = NoticeService(db).get(stored.id or 0)
    assert after.version == version and version > (stored.version or 0)
    assert [n.id for n in NoticeService(db).list()] == [stored.id]  # no new notice
    assert after.body[2].text == "各单位要加强组织领导，于6月30日前报送活动总结。"
    assert after.body[:2] == stored.body[:2]
    assert [a.title for a in after.activities] == ["征文比赛", "好书推荐", "职工摄影展"]
    assert after.activities[0].deadline == "6月底前"
    assert after.activities[0].period is not None
    assert after.activities[0].period.end == dt.date(2024, 6, 30)
    # what Word does not show is kept: 进度, 备注, the 4-6月份 as the clerk wrote it
    kept = after.activities[1]
    assert (kept.status, kept.note, kept.deadline) == (
        ActivityStatus.IN_PROGRESS,
        "每周一本",
        "4-6月份",
    )
    assert after.activities[2].lead == ["工会办公室"]
    assert after.doc_number == stored.doc_number and after.title == stored.title


def test_an_edited_paragraph_plan_updates_the_deadline(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.PARAGRAPHS)
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    # the second 完成时限 line belongs to 征文比赛
    deadlines = [p for p in document.paragraphs if p.text.startswith("完成时限")]
    assert deadlines[1].text == "完成时限：5月底前", lines
    _replace_paragraph(document, deadlines[1].text, "完成时限：7月15日前")
    _replace_paragraph(document, "各基层工会：", "各基层工会、区直机关工会：")
    document.save(str(path))

    result = import_file(db, path)  # the command line's way: applied at once
    assert result.status == "updated"
    assert result.notice_id == stored.id
    assert any("主送机关" in w for w in result.warnings)
    after = NoticeService(db).get(stored.id or 0)
    assert after.recipients == "各基层工会、区直机关工会："
    assert [a.deadline for a in after.activities] == ["4月份", "7月15日前", "4-6月份"]
    assert after.activities[1].period is not None
    assert after.activities[1].period.end == dt.date(2024, 7, 15)
    assert after.activities[2].status is ActivityStatus.IN_PROGRESS


def test_a_file_from_an_older_version_is_a_conflict(db, stored: NoticeData, tmp_path: Path) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    _edit_table_plan(path)
    # meanwhile the clerk changed the notice in the program
    service = NoticeService(db)
    newer = dataclasses.replace(stored, remark="（联系人：宣教部 王老师）")
    service.update(newer)
    saved = service.get(stored.id or 0)

    result = import_file(db, path)
    assert result.status == "failed"
    error = result.error or ""
    assert f"第 {stored.version} 版，数据库中已是第 {saved.version} 版" in error
    assert "未更新" in error
    assert service.get(stored.id or 0) == saved  # nothing overwritten

    pending = import_file(db, path, on_update="ask")
    assert pending.update is not None and pending.update.stale
    with pytest.raises(ConflictError):
        apply_update(db, pending.update)
    assert service.get(stored.id or 0) == saved
    # the clerk, having seen the conflict, may still take the file's text
    apply_update(db, pending.update, over_newer=True)
    assert service.get(stored.id or 0).activities[0].title == "征文比赛"


def test_a_save_between_showing_and_accepting_is_a_conflict(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    _edit_table_plan(path)
    pending = import_file(db, path, on_update="ask")
    assert pending.update is not None
    NoticeService(db).update(dataclasses.replace(stored, cc="区委办"))
    with pytest.raises(ConflictError):
        apply_update(db, pending.update)
    assert NoticeService(db).get(stored.id or 0).cc == "区委办"


def test_a_file_without_the_property_is_matched_by_its_doc_number(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    # exported elsewhere (or the property removed): only the 文号 says which notice it is
    anonymous = dataclasses.replace(stored, id=None, version=None)
    path = _export(anonymous, tmp_path / "读书月.docx", PlanLayout.TABLE)
    assert read_custom_properties(docx.Document(str(path))) == {}
    _edit_table_plan(path)
    result = import_file(db, path, on_update="ask")
    assert result.update is not None
    assert result.update.matched_by == "doc_number"
    assert not result.update.stale
    assert len(result.update.changes.activities) == 3


def test_a_different_notice_with_the_same_doc_number_is_a_new_notice(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    other = dataclasses.replace(
        _reading_month(), title="滨河区总工会关于举办职工篮球赛的通知", number=7
    )
    path = _export(other, tmp_path / "篮球赛.docx", PlanLayout.TABLE)
    result = import_file(db, path, on_update="ask")
    assert result.update is None
    assert result.status == "created"


def test_another_databases_notice_with_the_same_id_is_not_updated(
    db, stored: NoticeData, tmp_path: Path
) -> None:
    foreign = dataclasses.replace(
        _reading_month(), title="外单位的通知", series_code="外工发", id=stored.id, version=1
    )
    path = _export(foreign, tmp_path / "外单位.docx", PlanLayout.TABLE)
    result = import_file(db, path, on_update="ask")
    assert result.update is None and result.status == "created"
    assert NoticeService(db).get(stored.id or 0) == stored


def test_updates_can_be_imported_as_new_notices(db, stored: NoticeData, tmp_path: Path) -> None:
    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    _edit_table_plan(path)
    result = import_file(db, path, on_update="new")
    assert result.status == "created" and result.notice_id != stored.id


def test_a_failing_comparison_fails_that_file_only(
    db, stored: NoticeData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import unionoffice.importing.service as service_module
    from unionoffice.importing import import_paths

    path = _export(stored, tmp_path / "读书月.docx", PlanLayout.TABLE)
    other = tmp_path / "其他.txt"
    other.write_text(
        "滨河区总工会关于举办职工篮球赛的通知\n各基层工会：\n定于五月举行。\n", "utf-8"
    )

    def broken(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(service_module, "find_update", broken)
    first, second = import_paths(db, [path, other])
    assert first.status == "failed" and "RuntimeError" in (first.error or "")
    assert second.status == "created"
    assert NoticeService(db).get(stored.id or 0) == stored
