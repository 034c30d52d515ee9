"""设置 → 模板: templates shown as specimen pages; the office's red header added as a template,
its 文号 and body found (or chosen by the clerk) and previewed before it is kept."""

from __future__ import annotations

from pathlib import Path

import docx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from tests.exporting.office_header_files import OFFICE, office_header_docx

from unionoffice.domain.page_layout import Role
from unionoffice.gui.dialogs.office_header_dialog import NO_NUMBER, OfficeHeaderDialog
from unionoffice.gui.dialogs.template_settings import TemplateSettingsPage


def _texts(canvas) -> list[str]:  # type: ignore[no-untyped-def]
    return [line.text for page in canvas.pages for line in page.lines]


def test_the_page_shows_the_selected_template(qtbot, tmp_path) -> None:
    page = TemplateSettingsPage(tmp_path / "templates")
    qtbot.addWidget(page)
    page.show()
    names = [page.template_list.item(i).text() for i in range(page.template_list.count())]
    assert "文件式（随程序提供）" in names
    page.template_list.setCurrentRow(names.index("文件式（随程序提供）"))
    assert len(page.canvas.pages) == 1
    roles = {line.role for line in page.canvas.pages[0].lines}
    assert {Role.LETTERHEAD, Role.TITLE, Role.RECIPIENTS} <= roles
    assert not page.remove_button.isEnabled()  # shipped templates stay


def _accept(dialog: OfficeHeaderDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    ok.click()


def test_an_office_header_is_found_previewed_and_kept(qtbot, tmp_path, shown_messages) -> None:
    source = office_header_docx(tmp_path / "城东红头.docx")
    folder = tmp_path / "templates"
    dialog = OfficeHeaderDialog(source, folder)
    qtbot.addWidget(dialog)
    assert dialog.number_paragraph.currentData() == 2
    assert dialog.body_paragraph.currentData() == 3
    assert "已自动找到" in dialog.note.text()
    texts = _texts(dialog.canvas)
    assert f"{OFFICE}文件" in texts and "青总办〔2021〕15号" in texts  # the specimen's 文号
    assert not any("样文" in text for text in texts)

    dialog.number_paragraph.setCurrentIndex(dialog.number_paragraph.findText(NO_NUMBER))
    assert "青总办〔2021〕15号" not in _texts(dialog.canvas)  # the office's line stays as is
    dialog.number_paragraph.setCurrentIndex(dialog.number_paragraph.findData(2))
    dialog.name.setText("城东区总工会")
    _accept(dialog, qtbot)
    assert dialog.made is not None and dialog.made.path == folder / "城东区总工会.docx"
    assert [p.name for p in folder.iterdir()] == ["城东区总工会.docx"]
    assert "{{ 文号 }}" in [p.text for p in docx.Document(str(dialog.made.path)).paragraphs]
    assert shown_messages == []


def test_the_clerk_chooses_where_the_body_goes_when_nothing_is_found(
    qtbot, tmp_path, shown_messages
) -> None:
    source = tmp_path / "简单红头.docx"
    document = docx.Document()
    document.add_paragraph("某某县总工会")
    document.add_paragraph("样文")
    document.save(str(source))
    dialog = OfficeHeaderDialog(source, tmp_path / "templates")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "请选择正文从哪一段开始" in dialog.note.text()
    assert dialog.canvas.pages == []
    dialog.body_paragraph.setCurrentIndex(dialog.body_paragraph.findData(1))
    assert ok.isEnabled()
    texts = _texts(dialog.canvas)
    assert "某某县总工会" in texts and "样文" not in texts
    _accept(dialog, qtbot)
    assert (tmp_path / "templates" / "简单红头.docx").is_file()


def test_an_added_template_is_offered_and_can_be_removed(
    qtbot, tmp_path, shown_messages, monkeypatch
) -> None:
    folder = tmp_path / "templates"
    page = TemplateSettingsPage(folder)
    qtbot.addWidget(page)
    changes: list[bool] = []
    page.changed.connect(lambda: changes.append(True))

    def accept_at_once(dialog: OfficeHeaderDialog) -> int:
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(OfficeHeaderDialog, "exec", accept_at_once)
    made = page.add_from(office_header_docx(tmp_path / "城东.docx"))
    assert made is not None and made.name == "城东"
    assert page.selected() == made and page.remove_button.isEnabled()
    assert changes == [True]
    page.remove_selected()  # shown_messages answers the question with yes
    assert not Path(made.path).exists() and changes == [True, True]
    assert all(info.name != "城东" for info in _infos(page))


def _infos(page: TemplateSettingsPage):  # type: ignore[no-untyped-def]
    role = Qt.ItemDataRole.UserRole
    return [page.template_list.item(i).data(role) for i in range(page.template_list.count())]


def test_settings_has_a_template_page_that_feeds_the_default_choice(
    qtbot, window, tmp_path, monkeypatch
) -> None:
    from unionoffice.exporting.docx import templates
    from unionoffice.gui.dialogs import template_settings
    from unionoffice.gui.dialogs.settings_dialog import SettingsDialog

    folder = tmp_path / "templates"
    monkeypatch.setattr(templates, "user_template_dir", lambda: folder)
    monkeypatch.setattr(template_settings, "user_template_dir", lambda: folder)
    dialog = SettingsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(1) == "模板" and dialog.tabs.widget(1) is dialog.templates
    assert dialog.template.findData("城东") < 0
    monkeypatch.setattr(OfficeHeaderDialog, "exec", lambda d: d.accept() or d.result())
    dialog.templates.add_from(office_header_docx(tmp_path / "城东.docx"))
    assert dialog.template.findData("城东") >= 0
    dialog.reject()


def test_a_template_of_the_same_name_is_replaced_only_when_the_clerk_agrees(
    qtbot, tmp_path, shown_messages, monkeypatch
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "城东.docx").write_bytes(b"old")
    dialog = OfficeHeaderDialog(office_header_docx(tmp_path / "城东.docx"), folder)
    qtbot.addWidget(dialog)
    monkeypatch.setattr("unionoffice.gui.messages.confirm", lambda _parent, _text: False)
    dialog.accept()
    assert dialog.made is None and (folder / "城东.docx").read_bytes() == b"old"
    monkeypatch.setattr("unionoffice.gui.messages.confirm", lambda _parent, _text: True)
    dialog.accept()
    assert dialog.made is not None and (folder / "城东.docx").read_bytes() != b"old"
