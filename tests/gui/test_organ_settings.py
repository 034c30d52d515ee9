"""设置 → 机关与部门: editing the 发文机关, adding 机关代字, keeping the 部门 list."""

from __future__ import annotations

from PySide6.QtCore import Qt

from unionoffice.gui.dialogs.organ_settings import OrganSettingsPage
from unionoffice.gui.dialogs.settings_dialog import SettingsDialog
from unionoffice.storage.services.numbering import NumberingService
from unionoffice.storage.services.organs import OrganService


def _open_page(qtbot, window) -> tuple[SettingsDialog, OrganSettingsPage]:
    window.settings_action.trigger()
    dialog = window.settings_dialog
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    dialog.tabs.setCurrentWidget(dialog.organs)
    page = dialog.organs
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "机关与部门"
    assert page.isVisible() and page.organ_list.count() == 2
    return dialog, page


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_header_text_and_a_new_series(qtbot, window, db, shown_messages) -> None:
    dialog, page = _open_page(qtbot, window)
    organ = page.current_organ()
    assert organ is not None and page.name.text() == organ.name
    page.header_text.setText("青海省总工会文件")
    _click(qtbot, page.save_button)
    assert OrganService(db).organ(organ.id).header_text == "青海省总工会文件"

    page.new_series.setText("青总宣")
    _click(qtbot, page.add_series_button)
    listed = [page.series_list.item(i).text() for i in range(page.series_list.count())]
    assert listed[-1] == "青总宣" and page.new_series.text() == ""
    assert "青总宣" in OrganService(db).organ(organ.id).series_codes
    allocation = NumberingService(db).allocate("青总宣", 2021)
    assert str(allocation.doc_number) == "青总宣〔2021〕1号" and not allocation.series_created
    assert shown_messages == []
    dialog.reject()


def test_departments_add_rename_move_remove(qtbot, window, db, shown_messages) -> None:
    dialog, page = _open_page(qtbot, window)
    organ = page.current_organ()
    assert organ is not None
    names = list(organ.departments)
    assert "已录入活动" in page.hint.text()

    page.department_name.setText("法律服务部")
    _click(qtbot, page.add_department_button)
    assert page.current_department() == "法律服务部"
    page.department_name.setText("法律工作部")
    _click(qtbot, page.rename_button)
    _click(qtbot, page.up_button)
    _click(qtbot, page.up_button)
    expected = list(names)
    expected.insert(len(names) - 2, "法律工作部")  # added last, moved up twice
    assert OrganService(db).department_names(organ.id) == expected
    shown = [page.department_list.item(i).text() for i in range(page.department_list.count())]
    assert shown == expected

    page.department_list.setCurrentRow(0)
    first = names[0]
    _click(qtbot, page.remove_button)
    [(kind, question)] = shown_messages
    assert kind == "ask" and first in question
    expected.remove(first)
    assert OrganService(db).department_names(organ.id) == expected
    dialog.accept()
    assert not dialog.isVisible()


def test_a_bad_series_code_shows_why_and_changes_nothing(qtbot, window, db, shown_messages) -> None:
    dialog, page = _open_page(qtbot, window)
    before = OrganService(db).organs()
    page.new_series.setText("青总（2021）")
    _click(qtbot, page.add_series_button)
    assert len(shown_messages) == 1 and shown_messages[0][0] == "error"
    assert "机关代字" in shown_messages[0][1] and "括号" in shown_messages[0][1]
    assert page.new_series.text() == "青总（2021）"  # kept for correcting
    page.new_series.setText("青总办")  # already there
    _click(qtbot, page.add_series_button)
    assert "已在本发文机关" in shown_messages[-1][1]
    assert OrganService(db).organs() == before
    assert not page.changed_any
    dialog.reject()


def test_a_new_organ_is_selected(qtbot, window, db, shown_messages) -> None:
    dialog, page = _open_page(qtbot, window)
    page.new_organ_name.setText("海东市总工会")
    _click(qtbot, page.new_organ_button)
    assert page.organ_list.count() == 3 and page.name.text() == "海东市总工会"
    assert page.header_text.text() == "海东市总工会文件"
    _click(qtbot, page.new_organ_button)  # empty name
    assert shown_messages == [("error", "发文机关名称不能为空")]
    dialog.reject()


def test_merging_departments_moves_activities_and_is_undone(
    qtbot, window, db, shown_messages, reads_done
):
    from PySide6.QtWidgets import QDialogButtonBox

    from unionoffice.domain.notice import ActivityData, NoticeData
    from unionoffice.storage.services.departments import DepartmentService
    from unionoffice.storage.services.notices import NoticeService

    dialog, page = _open_page(qtbot, window)
    organ = page.current_organ()
    assert organ is not None and "省总宣教部" in organ.departments
    # the wizard's 宣教部 beside the demo's 省总宣教部, and a plan naming it
    page.department_name.setText("宣教部")
    _click(qtbot, page.add_department_button)
    notice_id = NoticeService(db).create(
        NoticeData(
            title="关于开展读书活动的通知",
            organ=organ.name,
            year=2021,
            activities=[ActivityData(title="读书月", deadline="4月份", lead=["宣教部"])],
        )
    )
    from unionoffice.domain.changes import Changes

    window.context.notify(Changes(activities=frozenset({notice_id}), departments=True))
    calendar, table = window.calendar, window.all_activities
    reads_done(window)
    assert calendar.isVisible() and calendar.department.findText("宣教部") > 0
    heard: list = []
    window.context.changed.connect(heard.append)

    assert page.current_department() == "宣教部" and not page.undo_merge_button.isEnabled()
    _click(qtbot, page.merge_button)
    merge = page.merge_dialog
    assert merge is not None and merge.isVisible()
    assert merge.kept.findText("宣教部") == -1  # not into itself
    merge.kept.setCurrentText("省总宣教部")
    assert "1 处" in merge.explanation.text() and "别名" in merge.explanation.text()
    ok = merge.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    _click(qtbot, ok)

    lead = [a.lead for a in NoticeService(db).get(notice_id).activities]
    assert lead == [["省总宣教部"]]
    listed = OrganService(db).department_names(organ.id)
    assert "宣教部" not in listed and "省总宣教部" in listed
    assert page.current_department() == "省总宣教部" and page.aliases.text() == "宣教部"
    assert any(c.departments and notice_id in c.activities for c in heard)
    assert page.undo_merge_button.isEnabled() and "宣教部" in page.undo_merge_button.toolTip()
    # the views' department filters no longer offer the merged name
    reads_done(window)
    assert calendar.department.findText("宣教部") == -1
    assert calendar.department.findText("省总宣教部") > 0
    window.tabs.setCurrentWidget(table)
    assert table.department.findText("宣教部") == -1 and table.department.findText("省总宣教部") > 0
    window.tabs.setCurrentWidget(calendar)

    # Ctrl+Z in the list undoes it: the department, its place and the activity's link
    heard.clear()
    dialog.activateWindow()
    page.department_list.setFocus()
    qtbot.waitUntil(page.department_list.hasFocus)
    qtbot.keyClick(page.department_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert OrganService(db).department_names(organ.id) == [*listed, "宣教部"]
    assert [a.lead for a in NoticeService(db).get(notice_id).activities] == [["宣教部"]]
    assert DepartmentService(db).aliases(organ.id, "省总宣教部") == []
    assert page.current_department() == "宣教部"
    assert any(c.departments and notice_id in c.activities for c in heard)
    assert not page.undo_merge_button.isEnabled()
    assert shown_messages == []
    dialog.reject()


def test_aliases_are_saved_and_refused_when_taken(qtbot, window, db, shown_messages) -> None:
    from unionoffice.storage.services.departments import DepartmentService

    dialog, page = _open_page(qtbot, window)
    organ = page.current_organ()
    assert organ is not None
    page.department_list.setCurrentRow(organ.departments.index("省总宣教部"))
    assert page.aliases.isEnabled() and page.aliases.text() == ""
    page.aliases.setText("宣教部、宣传教育部")
    _click(qtbot, page.save_aliases_button)
    assert DepartmentService(db).aliases(organ.id, "省总宣教部") == ["宣教部", "宣传教育部"]
    page.department_list.setCurrentRow(0)
    assert page.aliases.text() == ""
    page.aliases.setText("宣传教育部")  # 省总宣教部's already
    _click(qtbot, page.save_aliases_button)
    assert shown_messages and "已是部门" in shown_messages[-1][1]
    assert DepartmentService(db).aliases(organ.id, organ.departments[0]) == []
    dialog.reject()
