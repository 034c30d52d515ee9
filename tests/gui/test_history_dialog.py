"""编辑 → 痕迹: the saves of the open notice, two versions compared, an old one restored as one
step that 撤销 takes back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionoffice.gui.dialogs.changes_table import CHANGED_COLOUR
from unionoffice.storage.services.history import HistoryService
from unionoffice.storage.services.notices import NoticeService


def _open_with_edits(window, db, notice_id: int, type_text):
    """The notice open in the window after two edits made in the editor: the title, then the
    remark; the versions before and after each."""
    service = NoticeService(db)
    editor = window.open_notice(notice_id)
    versions = [service.get(notice_id).version]
    editor.title.setFocus()
    editor.title.selectAll()
    type_text(editor.title, "关于开展职工读书月活动的通知")
    assert editor.save()
    versions.append(service.get(notice_id).version)
    editor.remark.setFocus()
    type_text(editor.remark, "（联系人：王老师）")
    assert editor.save()
    versions.append(service.get(notice_id).version)
    return editor, versions


def test_history_lists_saves_and_compares_two_versions(
    qtbot, window, db, demo_ids, type_text
) -> None:
    notice_id = demo_ids[0]
    original = NoticeService(db).get(notice_id)
    _editor, versions = _open_with_edits(window, db, notice_id, type_text)
    window.history_action.trigger()
    dialog = window.history_dialog
    assert dialog is not None and dialog.isVisible()
    entries = dialog.entries
    assert [e.version for e in entries[:2]] == [versions[2], versions[1]]
    assert entries[0].summary == "附注"
    assert entries[1].summary == "标题"
    assert entries[0].clerk == db.clerk
    # the newest save is selected: what it changed
    assert dialog.changes.rows() == [
        ("附注", original.remark, original.remark + "（联系人：王老师）")
    ]
    assert dialog.changes.row_colour(0) == CHANGED_COLOUR
    assert not dialog.restore_button.isEnabled()  # it is the notice as it is
    # two saves selected: the versions between them
    dialog.select_versions(versions[0], versions[2])
    rows = dialog.changes.rows()
    assert [r[0] for r in rows] == ["标题", "附注"]
    assert rows[0][1] == original.title and rows[0][2] == "关于开展职工读书月活动的通知"
    assert f"第 {versions[0]} 版 → 第 {versions[2]} 版" in dialog.caption.text()
    dialog.reject()


def test_an_old_version_is_restored_and_undone(qtbot, window, db, demo_ids, type_text) -> None:
    notice_id = demo_ids[0]
    service = NoticeService(db)
    original = service.get(notice_id)
    editor, versions = _open_with_edits(window, db, notice_id, type_text)
    window.history_action.trigger()
    dialog = window.history_dialog
    dialog.select_versions(versions[1])
    assert dialog.restore_button.isEnabled()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    restored = service.get(notice_id)
    assert restored.title == "关于开展职工读书月活动的通知"
    assert restored.remark == original.remark
    assert editor.remark.text() == original.remark
    newest = HistoryService(db).revisions(notice_id)[0]
    assert newest.summary == f"恢复到第 {versions[1]} 版：附注"
    # 撤销: the remark comes back, saved
    window.undo_action.trigger()
    assert service.get(notice_id).remark == original.remark + "（联系人：王老师）"
    assert editor.remark.text() == original.remark + "（联系人：王老师）"


def test_a_notice_without_history_says_so(qtbot, window, db, demo_ids) -> None:
    from unionoffice.gui.dialogs.history_dialog import HistoryDialog

    dialog = HistoryDialog(HistoryService(db), 10**6, "无此公文")
    qtbot.addWidget(dialog)
    assert dialog.entries == []
    assert "还没有修改记录" in dialog.caption.text()
    assert not dialog.restore_button.isEnabled()
