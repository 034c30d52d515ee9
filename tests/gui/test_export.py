"""导出 Word: Ctrl+E on the open notice, choices remembered, errors in Chinese, 批量导出."""

from __future__ import annotations

import errno
import os
import zipfile

import docx
from PySide6.QtCore import QItemSelectionModel, Qt

from unionoffice import output_files
from unionoffice.exporting.docx import file_name_for
from unionoffice.gui.dialogs.export_dialog import ExportDialog
from unionoffice.storage.services.notices import NoticeService
from unionoffice.storage.services.organs import OrganService


def _body_text(path) -> str:
    document = docx.Document(str(path))
    return "\n".join(p.text for p in document.paragraphs)


def test_ctrl_e_exports_the_open_notice(
    qtbot, window, db, demo_ids, tmp_path, type_text, opened_urls, shown_messages
) -> None:
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    type_text(editor.title, "（修订稿）")  # not saved yet: the export saves and uses it
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = window.exporter.dialog
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    notice = NoticeService(db).get(demo_ids[0])
    assert notice.title.endswith("（修订稿）")
    assert dialog.target.text().endswith(f"{file_name_for(notice)}.docx")
    assert dialog.template.currentData() == "文件式"
    dialog.target.setText(str(tmp_path / "导出的通知"))
    dialog.template.setCurrentIndex(dialog.template.findData("信函式"))
    dialog.plan.setCurrentIndex(dialog.plan.findData("table"))
    dialog.open_after.setChecked(True)
    dialog.accept()
    written = tmp_path / "导出的通知.docx"
    assert written.is_file()
    assert "（修订稿）" in _body_text(written)
    assert docx.Document(str(written)).tables  # the activity plan as a table
    assert opened_urls == [str(written)]
    assert shown_messages == []
    assert "已导出" in window.statusBar().currentMessage()
    # the choices are offered again next time
    assert window.settings.export_template == "信函式"
    assert window.settings.export_folder == str(tmp_path)
    again = window.exporter.export_one(demo_ids[1])
    assert again is not None
    assert again.template.currentData() == "信函式"
    assert again.plan.currentData() == "table"
    assert again.target.text().startswith(str(tmp_path))
    again.reject()


def test_a_file_open_in_word_is_refused_in_chinese(
    qtbot, window, demo_ids, tmp_path, shown_messages, monkeypatch
) -> None:
    target = tmp_path / "通知.docx"
    target.write_bytes(b"the clerk's earlier copy")
    (tmp_path / "~$通知.docx").write_bytes(b"Word's owner file")
    real_open = output_files._open_for_writing

    def held_by_word(path):  # Windows: Word's open document cannot be opened for writing
        if path == target:
            raise PermissionError(errno.EACCES, "being used by another process", str(path))
        return real_open(path)

    monkeypatch.setattr(output_files, "_open_for_writing", held_by_word)
    dialog = window.exporter.export_one(demo_ids[0])
    assert dialog is not None
    dialog.target.setText(str(target))
    dialog.accept()
    assert shown_messages and shown_messages[-1][0] == "error"
    assert "正在 Word 或 WPS 中打开" in shown_messages[-1][1]
    assert target.read_bytes() == b"the clerk's earlier copy"


def test_an_unwritable_target_is_reported(
    qtbot, window, demo_ids, tmp_path, shown_messages, monkeypatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = window.exporter.export_one(demo_ids[0])
    assert dialog is not None
    dialog.target.setText(str(out / "没有的文件夹" / "通知.docx"))
    dialog.accept()  # the dialog says so and stays open
    assert dialog.isVisible() and "不存在" in dialog.error_label.text()

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    dialog.target.setText(str(out / "通知.docx"))
    dialog.accept()
    assert shown_messages[-1][0] == "error"
    assert "无法写入" in shown_messages[-1][1] and "没有写入权限" in shown_messages[-1][1]
    assert list(out.iterdir()) == []  # no temporary file left behind


def _select(window, notice_ids: list[int]) -> None:
    view = window.tree.view
    selection = view.selectionModel()
    selection.clearSelection()
    for notice_id in notice_ids:
        index = window.tree.model.index_of_notice(notice_id)
        selection.select(index, QItemSelectionModel.SelectionFlag.Select)


def test_batch_export_of_the_selected_notices(
    qtbot, window, db, demo_ids, tmp_path, shown_messages
) -> None:
    chosen = demo_ids[:3]
    _select(window, chosen)
    assert sorted(window.tree.selected_notice_ids()) == sorted(chosen)
    menu = window.tree.context_menu(window.tree.model.index_of_notice(chosen[0]))
    batch = next(a for a in menu.actions() if a.text().startswith("批量导出"))
    assert batch.text() == "批量导出 Word（3 件）…"
    batch.trigger()
    dialog = window.exporter.dialog
    assert dialog is not None and dialog.batch
    dialog.target.setText(str(tmp_path / "导出"))
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.exporter.last_results) == 3, timeout=20_000)
    files = sorted((tmp_path / "导出").glob("*.docx"))
    assert len(files) == 3
    service = NoticeService(db)
    expected = sorted(f"{file_name_for(service.get(i))}.docx" for i in chosen)
    assert [f.name for f in files] == expected
    # each notice has its own organ's 发文机关标志 (文件式 is the default template)
    for notice_id in chosen:
        notice = service.get(notice_id)
        header = next(o.header_text for o in OrganService(db).organs() if o.name == notice.organ)
        path = tmp_path / "导出" / f"{file_name_for(notice)}.docx"
        with zipfile.ZipFile(path) as package:
            assert header in package.read("word/document.xml").decode("utf-8")
    assert shown_messages == []
    assert "已导出 3 件公文" in window.statusBar().currentMessage()


def test_selecting_a_year_exports_all_its_notices(qtbot, window, db) -> None:
    year_index = window.tree.model.index(0, 0)
    window.tree.view.selectionModel().select(
        year_index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    year_node = window.tree.model.node(year_index)
    assert window.tree.selected_notice_ids() == [
        n.notice.id for n in year_node.walk() if n.notice is not None
    ]
    assert len(window.tree.selected_notice_ids()) == year_node.notice_count() > 1


def test_an_undated_notice_is_exported_with_a_warning(
    qtbot, window, db, demo_ids, tmp_path, shown_messages
) -> None:
    service = NoticeService(db)
    notice = service.get(demo_ids[0])
    notice.date = notice.distribution_date = None
    notice.signature = notice.distributor = ""  # as most imported notices come
    service.update(notice)
    dialog = window.exporter.export_one(demo_ids[0])
    assert dialog is not None
    dialog.target.setText(str(tmp_path / "无日期"))
    dialog.accept()
    written = tmp_path / "无日期.docx"
    assert written.is_file()
    assert [kind for kind, _ in shown_messages] == ["info"]
    assert "未填成文日期" in shown_messages[0][1]
    texts = _body_text(written).split("\n")
    organ = notice.organ or ""
    assert organ in texts  # the 署名 from the organ, the date left to fill in
    assert "\u3000\u3000年\u3000月\u3000日" in texts
