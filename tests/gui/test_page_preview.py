"""页面预览: pages of the notice beside the editor, laid out again after typing stops."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from unionoffice.domain.notice import Block, NoticeData
from unionoffice.gui.notice_editor import NoticeEditor
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService

LINE_OF_26 = "各级工会要加强组织领导制定具体方案精心安排部署确保实效"[:26]


def _long_notice(db) -> int:
    """A red-header notice whose body is 40 lines: 9 fit under the header, then 22 a page."""
    return NoticeService(db).create(
        NoticeData(
            title="关于召开会议的通知",
            organ="青海省总工会办公室",
            body=[Block.paragraph(LINE_OF_26) for _ in range(40)],
        )
    )


def _editor(qtbot, db, notice_id: int, settings: Settings | None = None) -> NoticeEditor:
    editor = NoticeEditor(db, notice_id, autosave_ms=10_000, settings=settings)
    qtbot.addWidget(editor)
    editor.resize(1400, 800)
    editor.show()
    return editor


def _red_pixels(editor: NoticeEditor) -> int:
    image = editor.preview.canvas.grab().toImage()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            count += colour.red() > 180 and colour.green() < 90 and colour.blue() < 90
    return count


def test_preview_shows_the_pages_and_follows_edits(qtbot, db, shown_messages) -> None:
    editor = _editor(qtbot, db, _long_notice(db))
    assert not editor.preview.isVisible()
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.preview.isVisible()
    assert editor.preview.page_count() == 3
    assert editor.preview.summary.text() == "共 3 页"
    assert _red_pixels(editor) > 50  # the 发文机关标志 and the rule are painted red

    updates: list[int] = []
    editor.preview.updated.connect(updates.append)
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.clipboard().setText("\n".join([""] + [LINE_OF_26] * 14))
    qtbot.keyClick(editor.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    for _ in range(3):
        qtbot.keyClick(editor.body, Qt.Key.Key_Return)
        qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)
    # many edits, one new layout after the pause: 14 more lines make a fourth page
    qtbot.waitUntil(lambda: updates == [4], timeout=3000)
    qtbot.waitUntil(lambda: not editor.preview.is_pending(), timeout=3000)
    assert updates == [4]
    assert editor.preview.summary.text() == "共 4 页"
    last_page = editor.preview.pages()[-1]
    assert last_page.texts().count(LINE_OF_26) == 9 + 14 - 22
    editor.shutdown()


def test_hidden_preview_does_no_work(qtbot, db, type_text, shown_messages) -> None:
    editor = _editor(qtbot, db, _long_notice(db))
    updates: list[int] = []
    editor.preview.updated.connect(updates.append)
    type_text(editor.title, "（修订）")
    assert not editor.preview.is_pending()
    assert updates == []
    # shown again, it lays out what is there now
    editor.show_preview(True)
    assert updates == [3]
    assert editor.preview.pages()[0].texts().count("关于召开会议的通知（修订）") == 1
    editor.shutdown()


def test_the_preview_is_off_at_first_and_then_remembered(qtbot, db, shown_messages) -> None:
    settings = Settings(DictStore())
    notice = _long_notice(db)
    first = _editor(qtbot, db, notice, settings)
    assert not first.preview_button.isChecked() and not first.preview.isVisible()
    qtbot.mouseClick(first.preview_button, Qt.MouseButton.LeftButton)
    assert settings.page_preview is True
    first.shutdown()
    first.close()
    second = _editor(qtbot, db, notice, settings)
    assert second.preview_button.isChecked() and second.preview.isVisible()
    qtbot.mouseClick(second.preview_button, Qt.MouseButton.LeftButton)
    assert not second.preview.isVisible()
    assert settings.page_preview is False
    second.shutdown()
