"""导入 an edited export from the window: the changes side by side, accepted as one step that
撤销 takes back, or refused for a file older than the notice."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import docx
from PySide6.QtCore import Qt

from unionoffice.domain.notice import BlockKind, NoticeData
from unionoffice.exporting.docx.notice_writer import export_notice
from unionoffice.gui.dialogs.changes_table import ADDED_COLOUR, CHANGED_COLOUR, REMOVED_COLOUR
from unionoffice.gui.dialogs.file_update_dialog import FileUpdateDialog
from unionoffice.storage.services.notices import NoticeService

NEW_SENTENCE = "请各单位于6月30日前将活动总结报送区总工会宣教部。"


def _notice_with_paragraphs(db, demo_ids: list[int]) -> NoticeData:
    service = NoticeService(db)
    for notice_id in demo_ids:
        notice = service.get(notice_id)
        if sum(b.kind is BlockKind.PARAGRAPH for b in notice.body) >= 2 and notice.activities:
            return notice
    raise AssertionError("the demo data has no notice with two paragraphs and a plan")


def _edited_export(notice: NoticeData, folder: Path) -> tuple[Path, str, str]:
    """The notice exported and edited in Word: its first paragraph rewritten, a sentence
    added after its second; the first paragraph's old and new text."""
    path = export_notice(notice, folder / "领导改过.docx")
    document = docx.Document(str(path))
    paragraphs = [b.text for b in notice.body if b.kind is BlockKind.PARAGRAPH]
    first = next(p for p in document.paragraphs if p.text == paragraphs[0])
    new_text = paragraphs[0].rstrip("。") + "，务求实效。"
    first.runs[0].text = new_text
    for run in first.runs[1:]:
        run.text = ""
    second = next(p for p in document.paragraphs if p.text == paragraphs[1])
    second.insert_paragraph_before(paragraphs[1], style=second.style)
    second.runs[0].text = NEW_SENTENCE
    for run in second.runs[1:]:
        run.text = ""
    document.save(str(path))
    return path, paragraphs[0], new_text


def _wait_for_update_dialog(qtbot, window) -> FileUpdateDialog:
    qtbot.waitUntil(lambda: window.importer.update_dialog is not None, timeout=20_000)
    dialog = window.importer.update_dialog
    assert dialog is not None
    return dialog


def test_an_edited_export_is_shown_side_by_side_and_undone(
    qtbot, window, db, demo_ids, tmp_path
) -> None:
    service = NoticeService(db)
    notice = _notice_with_paragraphs(db, demo_ids)
    path, old_text, new_text = _edited_export(notice, tmp_path)
    count = len(service.list())

    window.importer.start([path])
    dialog = _wait_for_update_dialog(qtbot, window)
    assert dialog.isVisible()
    assert not dialog.conflict_label.isVisible()
    rows = dialog.rows()
    assert rows[0][1:] == (old_text, new_text)
    assert dialog.row_colour(0) == CHANGED_COLOUR
    assert rows[1][1:] == ("", NEW_SENTENCE)
    assert dialog.row_colour(1) == ADDED_COLOUR
    assert len(rows) == 2
    assert service.get(notice.id or 0) == notice  # nothing stored yet

    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    summary = window.importer.summary
    assert summary is not None
    assert summary.row_texts()[0][1] == "已更新"
    assert "按文件更新 1 件" in summary.headline
    summary.reject()

    after = service.get(notice.id or 0)
    assert len(service.list()) == count  # updated, not imported as a new notice
    texts = [b.text for b in after.body]
    assert new_text in texts and NEW_SENTENCE in texts and old_text not in texts
    assert after.activities == notice.activities
    editor = window.current_editor()
    assert editor is not None and editor.notice_id == notice.id
    assert editor.undo_stack.count() == 1

    # 撤销 gives back the text from before the file, as a save; 重做 the file's again
    window.undo_action.trigger()
    qtbot.waitUntil(
        lambda: [b.text for b in service.get(notice.id or 0).body] == [b.text for b in notice.body]
    )
    assert [b.text for b in editor.body.blocks()] == [b.text for b in notice.body]
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: NEW_SENTENCE in [b.text for b in service.get(notice.id or 0).body])


def test_a_file_older_than_the_notice_is_marked_and_left_alone(
    qtbot, window, db, demo_ids, tmp_path
) -> None:
    service = NoticeService(db)
    notice = _notice_with_paragraphs(db, demo_ids)
    path, _old, _new = _edited_export(notice, tmp_path)
    service.update(dataclasses.replace(notice, remark="（联系人：办公室）"))
    saved = service.get(notice.id or 0)

    window.importer.start([path])
    dialog = _wait_for_update_dialog(qtbot, window)
    assert dialog.conflict_label.isVisible()
    assert "导出后又有修改" in dialog.conflict_label.text()
    assert dialog.update_button.text() == "仍按文件更新"
    assert not dialog.update_button.isDefault()
    # the remark the clerk added since the export is what the file would remove
    assert any(row[0] == "附注" and row[1] == "（联系人：办公室）" for row in dialog.rows())
    dialog.reject()
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    summary = window.importer.summary
    assert summary is not None
    status, note = summary.row_texts()[0][1:]
    assert status == "未更新" and "已取消" in note
    summary.reject()
    assert service.get(notice.id or 0) == saved


def test_changes_are_coloured_by_kind(qtbot, db, demo_ids, tmp_path) -> None:
    from unionoffice.importing.file_updates import find_update
    from unionoffice.importing.service import prepare_file

    notice = _notice_with_paragraphs(db, demo_ids)
    path = export_notice(notice, tmp_path / "删了一段.docx")
    document = docx.Document(str(path))
    first = next(b.text for b in notice.body if b.kind is BlockKind.PARAGRAPH)
    gone = next(p for p in document.paragraphs if p.text == first)
    gone._p.getparent().remove(gone._p)
    document.save(str(path))
    prepared = prepare_file(path)
    update = find_update(db, path, prepared.parsed.notice, prepared.properties)
    assert update is not None
    dialog = FileUpdateDialog(update)
    qtbot.addWidget(dialog)
    (row,) = dialog.rows()
    assert row[0].startswith("正文第 ") and row[0].endswith("段（删除）")
    assert row[1:] == (first, "")
    assert dialog.row_colour(0) == REMOVED_COLOUR
    assert dialog.table.item(0, 1).font().strikeOut()


def test_a_file_can_still_become_a_new_notice(qtbot, window, db, demo_ids, tmp_path) -> None:
    service = NoticeService(db)
    notice = _notice_with_paragraphs(db, demo_ids)
    path, _old, new_text = _edited_export(notice, tmp_path)
    before = {s.id for s in service.list()}
    window.importer.start([path])
    dialog = _wait_for_update_dialog(qtbot, window)
    qtbot.mouseClick(dialog.as_new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    summary = window.importer.summary
    assert summary is not None
    assert summary.row_texts()[0][1] == "已导入"
    summary.reject()
    (created,) = {s.id for s in service.list()} - before
    assert new_text in [b.text for b in service.get(created).body]
    assert service.get(notice.id or 0) == notice


def test_the_revisions_option_keeps_the_text_before_the_changes(
    qtbot, window, db, tmp_path
) -> None:
    from docx.oxml.parser import parse_xml

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = docx.Document()
    for text in ("滨河区总工会关于开展职工读书月活动的通知", "各基层工会："):
        document.add_paragraph(text)
    marked = parse_xml(
        f'<w:p xmlns:w="{w}"><w:r><w:t>读书月定于</w:t></w:r>'
        '<w:del w:id="1" w:author="赵科长"><w:r><w:delText>三月</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="赵科长"><w:r><w:t>四月</w:t></w:r></w:ins>'
        "<w:r><w:t>举行。</w:t></w:r></w:p>"
    )
    document.element.body[-1].addprevious(marked)
    path = tmp_path / "修订稿.docx"
    document.save(str(path))

    window.keep_original_action.trigger()
    assert window.settings.import_keep_original
    window.importer.start([path])
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    summary = window.importer.summary
    assert summary is not None
    (row,) = summary.row_texts()
    assert row[1] == "已导入"
    assert "含 2 处修订" in row[2] and "赵科长" in row[2] and "修订前的原文" in row[2]
    summary.reject()
    created = window.importer.summary.outcome.created_ids[0]
    body = [b.text for b in NoticeService(db).get(created).body]
    assert "读书月定于三月举行。" in body
