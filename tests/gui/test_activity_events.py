"""Events in the activity tables: the 时间, 地点, 参加对象 and 责任人 columns of a notice's plan
and of 全部活动, edited in place and undone, and columns the clerk hides (remembered)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from unionoffice.domain.notice import ActivityData
from unionoffice.gui.activities.activity_columns import EVENT_COLUMNS, HEADERS, HIDEABLE, Column
from unionoffice.gui.activities.activity_view import AllActivitiesView
from unionoffice.gui.activities.all_activities_model import AllActivitiesModel
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


@pytest.fixture
def events_id(demo_ids) -> int:
    """The demo notice whose plan is a list of events (秋季系列文体活动)."""
    return demo_ids[-1]


def _texts(model, row: int, *columns: Column) -> tuple[str, ...]:
    return tuple(model.index(row, column).data() for column in columns)


def _edit(qtbot, table, index, text: str, type_text) -> None:
    """Type ``text`` into the cell as a clerk does; wait until the table shows it."""
    table.setFocus()
    table.setCurrentIndex(index)
    table.edit(index)
    line = QApplication.focusWidget() or table.viewport().findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: index.data() == text)


def test_the_plan_shows_time_place_people_and_person(window, events_id) -> None:
    editor = window.open_notice(events_id)
    model = editor.activity_model
    columns = (Column.TIME, Column.PLACE, Column.PARTICIPANTS, Column.PERSON)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in columns] == [
        "时间", "地点", "参加对象", "责任人",
    ]  # fmt: skip
    assert _texts(model, 1, Column.DEADLINE, Column.PERIOD, *columns) == (
        "10月15日下午2时30分至4时",
        "10月15日",
        "14:30—16:00",
        "青海省工人文化宫一楼展厅",
        "作品入选作者代表、各产业工会代表",
        "刘洋",
    )
    assert _texts(model, 0, Column.TIME) == ("9:00",)
    assert _texts(model, 4, Column.TIME, Column.PLACE, Column.PERSON) == ("", "", "")
    # 时间 is read from 完成时限: it is not edited on its own, and says where to change it
    assert not model.flags(model.index(0, Column.TIME)) & Qt.ItemFlag.ItemIsEditable
    tip = model.index(0, Column.TIME).data(Qt.ItemDataRole.ToolTipRole)
    assert "完成时限" in tip


def test_editing_the_place_is_undone_and_saved(qtbot, window, db, events_id, type_text) -> None:
    editor = window.open_notice(events_id)
    view = editor.activity_view
    editor.show_activity(2)
    index = view.proxy.index(2, Column.PLACE)
    _edit(qtbot, view.table, index, "省总工会职工之家", type_text)
    assert editor.activity_model.activity(2).place == "省总工会职工之家"
    _edit(qtbot, view.table, view.proxy.index(2, Column.PERSON), "", type_text)
    assert editor.activity_model.activity(2).responsible_person is None
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(events_id).activities[2]
    assert (stored.place, stored.responsible_person) == ("省总工会职工之家", None)
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.activity_model.activity(2).place == "省总工会机关三楼会议室"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    stored = NoticeService(db).get(events_id).activities[2]
    assert (stored.place, stored.responsible_person) == ("省总工会机关三楼会议室", "陈静")
    # a new time in 完成时限 shows at once in 时间
    _edit(qtbot, view.table, view.proxy.index(2, Column.DEADLINE), "10月20日下午3时", type_text)
    assert view.proxy.index(2, Column.TIME).data() == "15:00"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)


def test_sorting_by_time_puts_the_earliest_hour_first(qtbot, window, events_id) -> None:
    editor = window.open_notice(events_id)
    view = editor.activity_view
    header = view.table.horizontalHeader()
    header.setSortIndicator(Column.TIME, Qt.SortOrder.AscendingOrder)
    shown = [view.proxy.index(row, Column.TIME).data() for row in range(view.proxy.rowCount())]
    assert shown == ["9:00", "9:30—11:30", "14:30—16:00", "", ""]


def test_event_columns_show_in_a_plan_that_fills_them(window, demo_ids, events_id) -> None:
    events = window.open_notice(events_id).activity_view.table
    tasks_editor = window.open_notice(demo_ids[0])
    tasks = tasks_editor.activity_view.table
    for column in EVENT_COLUMNS:
        assert not events.isColumnHidden(column), column
        assert tasks.isColumnHidden(column), column  # a plan of tasks keeps its width
    assert not tasks.isColumnHidden(Column.LEADER)
    # a place pasted into the plan of tasks shows its column
    tasks_editor.activity_model.insert_activity(0, ActivityData(title="座谈会", place="三楼"))
    assert not tasks.isColumnHidden(Column.PLACE) and tasks.isColumnHidden(Column.TIME)
    # 全部活动 shows every column
    assert not any(window.all_activities.table.isColumnHidden(c) for c in Column)


def test_columns_the_clerk_chooses_are_remembered_for_every_plan(
    window, settings, demo_ids, events_id
) -> None:
    editor = window.open_notice(events_id)
    chooser = editor.activity_view.columns
    menu = chooser.menu()
    titles = [action.text() for action in menu.actions() if action.isCheckable()]
    assert titles == [HEADERS[c] for c in sorted(HIDEABLE)]
    place = next(a for a in menu.actions() if a.text() == "地点")
    assert place.isChecked()
    place.trigger()  # untick
    assert editor.activity_view.table.isColumnHidden(Column.PLACE)
    assert settings.plan_hidden_columns == ["PLACE"]
    chooser.set_visible(Column.TIME, True)  # shown even where a plan has no times
    chooser.set_visible(Column.COOPERATING, False)
    assert settings.plan_shown_columns == ["TIME"]
    other = window.open_notice(demo_ids[0]).activity_view
    table = other.table
    assert table.isColumnHidden(Column.PLACE) and table.isColumnHidden(Column.COOPERATING)
    assert not table.isColumnHidden(Column.TIME) and table.isColumnHidden(Column.PERSON)
    # 全部活动 keeps its own choice
    assert not window.all_activities.table.isColumnHidden(Column.PLACE)
    reset = next(a for a in other.columns.menu().actions() if a.text() == "恢复默认列")
    reset.trigger()
    assert settings.plan_hidden_columns == [] and settings.plan_shown_columns == []
    assert table.isColumnHidden(Column.TIME) and not table.isColumnHidden(Column.COOPERATING)
    assert not other.columns.menu().actions()[-1].isEnabled()  # nothing left to reset


def test_all_activities_shows_and_saves_event_fields(
    qtbot, db, events_id, settings, shown_messages, type_text
) -> None:
    settings.all_activities_hidden_columns = ["PARTICIPANTS"]  # as the clerk left it
    view = AllActivitiesView(
        AllActivitiesModel(ActivityQueryService(db)), [], settings=settings
    )
    qtbot.addWidget(view)
    view.resize(1400, 600)
    view.show()
    qtbot.waitExposed(view)
    assert view.table.isColumnHidden(Column.PARTICIPANTS)
    assert not view.table.isColumnHidden(Column.PLACE)
    row = view.model.row_of(events_id, 0)
    assert row is not None
    assert _texts(view.model, row, Column.TIME, Column.PLACE, Column.PERSON) == (
        "9:00",
        "湟水河滨河步道（集合地点：海湖广场东门）",
        "王敏",
    )
    saved: list[int] = []
    view.model.activity_saved.connect(saved.append)
    _edit(qtbot, view.table, view.model.index(row, Column.PLACE), "海湖广场", type_text)
    qtbot.waitUntil(lambda: saved == [events_id])
    stored = NoticeService(db).get(events_id).activities[0]
    assert stored.place == "海湖广场"
    assert stored.participants.startswith("省总机关全体干部职工")  # the other fields kept
    assert stored.period is not None and stored.period.times_text == "9:00"
    assert view.model.index(row, Column.PLACE).data() == "海湖广场"
    assert shown_messages == []
