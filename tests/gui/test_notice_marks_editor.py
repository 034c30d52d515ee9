"""签发人, 份号, 密级, 保密期限 and 紧急程度 in the notice editor: saved, undone, previewed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionoffice.domain.notice import NoticeData
from unionoffice.domain.page_layout import Align, Role
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.editor.notice_editor import NoticeEditor
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService


def _editor(qtbot, db, notice_id: int) -> NoticeEditor:
    editor = NoticeEditor(AppContext(db, Settings(DictStore())), notice_id, autosave_ms=50)
    qtbot.addWidget(editor)
    editor.resize(1400, 800)
    editor.show()
    return editor


def test_marks_are_typed_saved_undone_and_previewed(qtbot, db, shown_messages, type_text) -> None:
    service = NoticeService(db)
    notice_id = service.create(
        NoticeData(
            title="关于2021年工作情况的报告",
            organ="青海省总工会",
            series_code="青工",
            year=2021,
            number=3,
        )
    )
    editor = _editor(qtbot, db, notice_id)
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    type_text(editor.marks.issuer, "张三 李四")
    type_text(editor.marks.copy_number, "12")
    editor.marks.secrecy.setCurrentText("机密")
    type_text(editor.marks.secrecy_term, "5年")
    editor.marks.urgency.setCurrentText("加急")
    type_text(editor.marks.attendees, "王五、赵六")
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = service.get(notice_id)
    assert (stored.issuer, stored.copy_number, stored.secrecy) == ("张三 李四", "12", "机密")
    assert (stored.secrecy_term, stored.urgency) == ("5年", "加急")
    assert stored.attendees == "王五、赵六"

    qtbot.waitUntil(lambda: not editor.preview.is_pending(), timeout=3000)
    page = editor.preview.pages()[0]
    assert page.texts()[:3] == ["000012", "机密★5年", "加急"]
    issuer = next(line for line in page.lines if line.role is Role.ISSUER)
    assert issuer.text == "签发人：张三\u3000李四" and issuer.align is Align.RIGHT
    texts = [line.text for page in editor.preview.pages() for line in page.lines]
    assert "出席：王五、赵六" in texts

    editor.undo_stack.undo()  # the 出席 first, then the 紧急程度
    assert editor.marks.attendees.text() == ""
    editor.undo_stack.undo()
    assert editor.marks.urgency.currentText() == ""
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert service.get(notice_id).urgency == ""
    assert shown_messages == []
    editor.shutdown()


def test_an_imported_urgency_outside_the_choices_is_kept(qtbot, db, shown_messages) -> None:
    notice_id = NoticeService(db).create(NoticeData(title="通知", urgency="平急"))
    editor = _editor(qtbot, db, notice_id)
    assert editor.marks.urgency.currentText() == "平急"
    assert editor.collect().urgency == "平急"
    assert not editor.is_dirty()
    editor.shutdown()
