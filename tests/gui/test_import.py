"""导入 from the window: files or a folder in the background, duplicates asked, a summary."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from unionoffice.gui import messages
from unionoffice.gui.operations.import_actions import DUPLICATE_CHOICES
from unionoffice.gui.workers import BackgroundTask
from unionoffice.storage.services.notices import NoticeService

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture
def archive(tmp_path):
    """A folder as clerks keep them: two notices, one in a subfolder, a broken Word file."""
    folder = tmp_path / "2021年通知"
    (folder / "宣教部").mkdir(parents=True)
    shutil.copy(SAMPLES / "qinghai-2021-15.txt", folder / "五一活动.txt")
    shutil.copy(SAMPLES / "qinghai-2020-31.txt", folder / "宣教部" / "2020-31号.txt")
    (folder / "损坏的.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "~$五一活动.docx").write_bytes(b"Word's lock file")  # never imported
    return folder


def _wait_for_summary(qtbot, window):
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=20_000)
    return window.importer.summary


def test_import_a_folder_from_the_menu(qtbot, window, db, archive, no_file_dialogs) -> None:
    before = {s.id for s in NoticeService(db).list()}
    no_file_dialogs["getExistingDirectory"] = str(archive)
    worker_threads: list[str] = []
    import unionoffice.gui.operations.import_actions as module

    real_import = module.import_paths

    def spy(*args, **kwargs):
        worker_threads.append(threading.current_thread().name)
        return real_import(*args, **kwargs)

    module.import_paths = spy
    try:
        window.import_folder_action.trigger()
        summary = _wait_for_summary(qtbot, window)
    finally:
        module.import_paths = real_import
    assert worker_threads and worker_threads[0] != threading.main_thread().name
    assert window.settings.import_folder == str(archive)
    rows = summary.row_texts()
    by_file = {name: (status, note) for name, status, note in rows}
    assert set(by_file) == {"五一活动.txt", "2020-31号.txt", "损坏的.docx"}
    assert by_file["五一活动.txt"][0] == "已导入"
    assert by_file["2020-31号.txt"][0] == "已导入"
    assert by_file["损坏的.docx"][0] == "失败"
    assert "Word" in by_file["损坏的.docx"][1] or "docx" in by_file["损坏的.docx"][1]
    assert summary.headline.startswith("导入完成：新建 2 件，跳过重复 0 件，失败 1 件")
    created = {s.id for s in NoticeService(db).list()} - before
    assert len(created) == 2
    # the tree shows them and the first new notice is open
    assert created <= set(window.tree.visible_notice_ids())
    editor = window.current_editor()
    assert editor is not None and editor.notice_id in created
    summary.reject()


def test_duplicates_are_asked_about(
    qtbot, window, db, archive, no_file_dialogs, monkeypatch
) -> None:
    first = archive / "五一活动.txt"
    window.importer.start([first])
    _wait_for_summary(qtbot, window).reject()
    window.importer.summary = None
    count = len(NoticeService(db).list())

    asked: list[str] = []

    def answer(parent, text, choices, default=0):
        asked.append(text)
        assert list(choices) == DUPLICATE_CHOICES
        return choices.index("仍然导入")

    monkeypatch.setattr(messages, "choose", answer)
    no_file_dialogs["getOpenFileNames"] = ([str(first)], "")
    window.import_files_action.trigger()
    summary = _wait_for_summary(qtbot, window)
    assert len(asked) == 1 and "五一活动.txt" in asked[0] and "内容相同" in asked[0]
    assert [row[1] for row in summary.row_texts()] == ["已导入"]
    assert len(NoticeService(db).list()) == count + 1
    summary.reject()


def test_skip_all_duplicates_asks_once(
    qtbot, window, db, archive, monkeypatch, shown_messages
) -> None:
    window.importer.start([archive])
    _wait_for_summary(qtbot, window).reject()
    window.importer.summary = None
    count = len(NoticeService(db).list())
    monkeypatch.setattr(
        messages,
        "choose",
        lambda parent, text, choices, default=0: (
            shown_messages.append(("choose", text)) or choices.index("全部跳过")
        ),
    )
    window.importer.start([archive])
    summary = _wait_for_summary(qtbot, window)
    assert len([m for m in shown_messages if m[0] == "choose"]) == 1
    statuses = sorted(row[1] for row in summary.row_texts())
    assert statuses == ["失败", "已跳过", "已跳过"]
    assert "跳过重复 2 件" in summary.headline
    assert len(NoticeService(db).list()) == count
    summary.reject()


def test_cancel_stops_between_files(qtbot, window, db, archive, monkeypatch) -> None:
    window.importer.start([archive])
    _wait_for_summary(qtbot, window).reject()
    window.importer.summary = None
    task: list[BackgroundTask] = []

    def cancel_while_asked(parent, text, choices, default=0):
        task[0].progress.findChild(QPushButton).click()  # the clerk presses 取消
        return 0

    monkeypatch.setattr(messages, "choose", cancel_while_asked)
    started = window.importer.start([archive])
    assert started is not None
    task.append(started)
    summary = _wait_for_summary(qtbot, window)
    assert summary.outcome.cancelled
    assert summary.headline.startswith("已取消导入")
    assert len(summary.outcome.results) < 3
    summary.reject()


def test_a_missing_file_is_reported_per_file(qtbot, window, tmp_path) -> None:
    (tmp_path / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    window.importer.start([tmp_path / "没有这个文件.docx", tmp_path / "旧格式.doc"])
    summary = _wait_for_summary(qtbot, window)
    notes = [row[2] for row in summary.row_texts()]
    assert notes[0] == "文件或文件夹不存在"
    assert "另存为 .docx" in notes[1]
    assert window.current_editor() is None
    summary.reject()


def _drag(window, paths: list[Path], *, drop: bool):
    """Drag ``paths`` over the window (and drop them); whether the window took them."""
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QApplication

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = window.rect().center()
    enter = QDragEnterEvent(
        point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, enter)
    if not drop or not enter.isAccepted():
        return enter.isAccepted()
    event = QDropEvent(
        QPointF(point), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window, event)
    return event.isAccepted()


def test_files_and_folders_dropped_on_the_window_are_imported(
    qtbot, window, db, archive, tmp_path
) -> None:
    picture = tmp_path / "合影.jpg"
    picture.write_bytes(b"\xff\xd8\xff")
    assert not _drag(window, [picture], drop=False)  # a picture is refused before the drop
    before = {s.id for s in NoticeService(db).list()}
    assert _drag(window, [archive / "宣教部", archive / "五一活动.txt", picture], drop=True)
    summary = _wait_for_summary(qtbot, window)
    assert sorted(name for name, _status, _note in summary.row_texts()) == [
        "2020-31号.txt",
        "五一活动.txt",
    ]  # the folder read through, the picture left out
    assert len({s.id for s in NoticeService(db).list()} - before) == 2
    summary.reject()
