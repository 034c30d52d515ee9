"""页面预览: pages of the notice beside the editor, laid out again after typing stops."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QApplication

from unionoffice.domain.notice import Block, NoticeData
from unionoffice.gui.app_context import AppContext
from unionoffice.gui.editor.notice_editor import NoticeEditor
from unionoffice.gui.editor.page_preview import font_substitutions
from unionoffice.gui.settings import DictStore, Settings
from unionoffice.storage.services.notices import NoticeService

LINE_OF_26 = "各级工会要加强组织领导制定具体方案精心安排部署确保实效"[:26]


def _long_notice(db) -> int:
    """A red-header notice whose body is 40 lines: 8 fit under the header, then 22 a page."""
    return NoticeService(db).create(
        NoticeData(
            title="关于召开会议的通知",
            organ="青海省总工会办公室",
            body=[Block.paragraph(LINE_OF_26) for _ in range(40)],
        )
    )


def _editor(qtbot, db, notice_id: int, settings: Settings | None = None) -> NoticeEditor:
    context = AppContext(db, settings or Settings(DictStore()))
    editor = NoticeEditor(context, notice_id, autosave_ms=10_000)
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
    # 8 + 22 + 10 lines and the 署名 end on page 3: the 版记 gets page 4, unnumbered
    assert editor.preview.page_count() == 4
    assert editor.preview.summary.text() == "共 4 页，未填成文日期"
    assert [page.numbered for page in editor.preview.pages()] == [True, True, True, False]
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
    # many edits, one new layout after the pause: with 14 more lines the text ends on page 4,
    # which is even, so the 版记 shares it
    qtbot.waitUntil(lambda: updates == [4], timeout=3000)
    qtbot.waitUntil(lambda: not editor.preview.is_pending(), timeout=3000)
    assert updates == [4]
    last_page = editor.preview.pages()[-1]
    assert last_page.texts().count(LINE_OF_26) == 40 + 14 - 8 - 22 - 22
    assert last_page.numbered and "青海省总工会办公室" in last_page.texts()
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
    assert updates == [4]
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


def _pixels(editor: NoticeEditor, test) -> int:
    image = editor.preview.canvas.grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if test(QColor(image.pixel(x, y)))
    )


def test_a_missing_date_is_marked_and_dated_notices_are_not(qtbot, db, shown_messages) -> None:
    notice_id = _long_notice(db)
    editor = _editor(qtbot, db, notice_id)
    editor.show_preview(True)

    def yellow(colour: QColor) -> bool:
        return colour.red() > 240 and 200 < colour.green() < 235 and colour.blue() < 160

    assert _pixels(editor, yellow) > 20  # the placeholder 成文日期 behind its line
    assert "未填成文日期" in editor.preview.warnings[0]
    texts = [t for page in editor.preview.pages() for t in page.texts()]
    assert "\u3000\u3000年\u3000月\u3000日" in texts  # 署名 and date kept, not dropped
    assert "青海省总工会办公室" in texts  # 署名 from the organ
    editor.shutdown()
    service = NoticeService(db)
    dated = service.get(notice_id)
    dated.date = dt.date(2021, 4, 6)
    other = service.create(dataclasses.replace(dated, id=None, version=None))
    editor = _editor(qtbot, db, other)
    editor.show_preview(True)
    assert _pixels(editor, yellow) == 0
    assert editor.preview.summary.text() == "共 4 页"
    editor.shutdown()


def test_the_preview_names_the_fonts_it_substitutes(qtbot, db, shown_messages) -> None:
    editor = _editor(qtbot, db, _long_notice(db))
    editor.show_preview(True)
    installed = set(QFontDatabase.families())
    missing_body = not ({"仿宋_GB2312", "仿宋"} & installed)
    note = editor.preview.font_note
    assert note.isVisible() == bool(font_substitutions())
    assert ("仿宋_GB2312/仿宋→" in note.text()) == missing_body
    editor.shutdown()
