"""The activity table editor: department picker, drag and drop, paste from Excel, sort and
filter, overdue rows, and editing in place in 全部活动."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from unionoffice.domain.activity_criteria import ActivityFilter
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.gui.activities.activity_columns import DOUBTFUL_COLOUR
from unionoffice.gui.activities.activity_model import OVERDUE_COLOUR, ActivityTableModel, Column
from unionoffice.gui.activities.activity_view import ActivityTableView, AllActivitiesView
from unionoffice.gui.activities.all_activities_model import AllActivitiesModel
from unionoffice.gui.activities.department_picker import DepartmentPicker
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService

DEPARTMENTS = ["省总办公室", "省总组织部", "省总宣教部", "省总经济部", "省总权益保障部"]
TODAY = dt.date(2021, 6, 1)


def _plan() -> list[ActivityData]:
    return [
        ActivityData(title="举办宣讲", deadline="4月份", lead=["省总宣教部"]),
        ActivityData(
            title="劳动竞赛",
            deadline="全年",
            lead=["省总经济部"],
            cooperating=["省总宣教部"],
            status=ActivityStatus.IN_PROGRESS,
        ),
        ActivityData(
            title="职工书屋", deadline="9月份", lead=["省总组织部"], status=ActivityStatus.DONE
        ),
        ActivityData(title="金秋助学", deadline="8月底前", lead=["省总权益保障部"]),
    ]


@pytest.fixture
def plan_view(qtbot):
    """A notice's plan in its view, shown and active so shortcuts reach the table."""
    stack = QUndoStack()
    model = ActivityTableModel(_plan(), year=2021, undo_stack=stack, today=lambda: TODAY)
    view = ActivityTableView(model, DEPARTMENTS)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view._stack = stack  # keep the stack alive as long as the view
    return view


def _titles(view: ActivityTableView) -> list[str]:
    """The titles as the table shows them (through sort and filter)."""
    proxy = view.proxy
    return [proxy.index(row, Column.TITLE).data() for row in range(proxy.rowCount())]


def _plan_titles(view: ActivityTableView) -> list[str]:
    return [a.title for a in view.model.activities()]


def _click_header(qtbot, view, column: int) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _select(view: ActivityTableView, proxy_row: int, column: int = Column.TITLE) -> None:
    view.table.setCurrentIndex(view.proxy.index(proxy_row, column))
    view.table.setFocus()


# -- filter and sort ------------------------------------------------------------------------


def test_filter_bar_filters_by_department_month_and_status(qtbot, qtmodeltester, plan_view):
    view, bar = plan_view, plan_view.filter_bar
    qtmodeltester.check(view.proxy)
    assert [bar.department.itemText(i) for i in range(bar.department.count())] == [
        "全部部门", "省总宣教部", "省总经济部", "省总组织部", "省总权益保障部",
    ]  # fmt: skip
    bar.department.setCurrentText("省总宣教部")  # as 牵头 or as 配合
    assert _titles(view) == ["举办宣讲", "劳动竞赛"]
    assert view.count_label.text() == "显示 2 / 4 项"
    bar.department.setCurrentIndex(0)
    bar.month.setCurrentText("9月")  # periods that touch September
    assert _titles(view) == ["劳动竞赛", "职工书屋"]
    bar.month.setCurrentText("4月")
    assert _titles(view) == ["举办宣讲", "劳动竞赛", "金秋助学"]
    bar.status.setCurrentText("已完成")
    assert _titles(view) == []
    bar.month.setCurrentIndex(0)
    assert _titles(view) == ["职工书屋"]
    bar.status.setCurrentText("已过期未完成")  # 4月份 is over on 1 June
    assert _titles(view) == ["举办宣讲"]
    qtmodeltester.check(view.proxy)
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    assert _titles(view) == _plan_titles(view) and view.count_label.text() == "共 4 项"
    assert not bar.clear_button.isEnabled()


def test_header_click_sorts_and_edits_still_reach_the_right_row(qtbot, plan_view, shown_messages):
    view = plan_view
    _click_header(qtbot, view, Column.DEADLINE)  # by the start of the period, shorter first
    assert _titles(view) == ["金秋助学", "劳动竞赛", "举办宣讲", "职工书屋"]
    # moving is refused while sorted, and the buttons say why
    assert not view.up_action.isEnabled() and "排序或筛选" in view.up_action.toolTip()
    assert not view.table.dragEnabled()
    _select(view, 0)
    view.move_current(1)
    assert _plan_titles(view) == ["举办宣讲", "劳动竞赛", "职工书屋", "金秋助学"]
    # an edit through the sorted table changes the plan row it shows
    assert view.proxy.setData(view.proxy.index(0, Column.LEADER), "李四")
    assert view.model.activity(3).leader == "李四"
    # delete the row shown third: 举办宣讲
    _select(view, 2)
    assert view.current_row() == 0
    view.remove_current()
    assert shown_messages[-1] == ("ask", "删除选中的 1 项活动？\n删除后可用“撤销”（Ctrl+Z）恢复。")
    assert _plan_titles(view) == ["劳动竞赛", "职工书屋", "金秋助学"]
    view.model.undo_stack.undo()
    assert _plan_titles(view)[0] == "举办宣讲"
    menu = [a.text() for a in view.context_menu().actions() if a.text()]
    assert menu == ["添加活动", "删除活动", "上移", "下移", "复制", "粘贴", "在日历中查看"]
    view.restore_order()
    assert _titles(view) == _plan_titles(view)
    assert view.up_action.isEnabled() and view.table.dragEnabled()
    assert "排序或筛选" not in view.up_action.toolTip()


# -- moving rows ----------------------------------------------------------------------------


def _drop(view: ActivityTableView, data, proxy_row: int | None) -> bool:
    """Drag ``data`` over the table and drop it above ``proxy_row`` (None: below the rows)."""
    viewport = view.table.viewport()
    if proxy_row is None:
        pos = QPoint(viewport.width() // 2, viewport.height() - 3)
    else:
        rect = view.table.visualRect(view.proxy.index(proxy_row, Column.TITLE))
        pos = QPoint(rect.center().x(), rect.top() + 1)
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    QApplication.sendEvent(viewport, QDragEnterEvent(pos, move, data, left, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(pos, move, data, left, none))
    drop = QDropEvent(QPointF(pos), move, data, left, none)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_drag_and_drop_moves_rows_as_one_undo_step(qtbot, plan_view):
    view = plan_view
    stack = view.model.undo_stack
    dragged = view.proxy.mimeData([view.proxy.index(3, 0)])  # 金秋助学
    assert _drop(view, dragged, 1)
    assert _plan_titles(view) == ["举办宣讲", "金秋助学", "劳动竞赛", "职工书屋"]
    assert stack.count() == 1 and stack.text(0) == "移动第 4 项活动"
    assert view.model.index(1, Column.NUMBER).data() == "2"
    # two rows dragged below the last row keep their order
    two = view.proxy.mimeData([view.proxy.index(0, 0), view.proxy.index(1, 1)])
    assert _drop(view, two, None)
    assert _plan_titles(view) == ["劳动竞赛", "职工书屋", "举办宣讲", "金秋助学"]
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert _plan_titles(view) == [a.title for a in _plan()]
    # the same command as 下移
    _select(view, 0)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_Down,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _plan_titles(view)[:2] == ["劳动竞赛", "举办宣讲"]
    assert type(stack.command(stack.index() - 1)).__name__ == "MoveActivityCommand"


def test_drops_are_refused_while_filtered_or_from_another_notice(qtbot, plan_view):
    view = plan_view
    view.filter_bar.status.setCurrentText("未开始")
    dragged = view.proxy.mimeData([view.proxy.index(1, 0)])
    assert not _drop(view, dragged, 0)
    view.filter_bar.clear()
    other = ActivityTableModel(_plan(), year=2021)
    foreign = other.mimeData([other.index(0, 0)])
    assert not _drop(view, foreign, 2)
    assert _plan_titles(view) == [a.title for a in _plan()]
    assert view.model.undo_stack.count() == 0


# -- clipboard ------------------------------------------------------------------------------


def _paste(qtbot, view: ActivityTableView, text: str) -> None:
    QApplication.clipboard().setText(text)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


EXCEL_ROWS = (
    '1\t"职工运动会\n（田径）"\t5月份\t省总宣教部、省总组织部\t省总办公室\t张三\t进行中\r\n'
    "2\t读书月\t4月\t省总宣教部\t\t\t\r\n"
)


def test_paste_rows_from_excel_inserts_after_the_current_row_as_one_step(
    qtbot, plan_view, shown_messages
):
    view = plan_view
    _select(view, 0)
    _paste(qtbot, view, EXCEL_ROWS)
    assert _plan_titles(view) == [
        "举办宣讲", "职工运动会（田径）", "读书月", "劳动竞赛", "职工书屋", "金秋助学",
    ]  # fmt: skip
    sports = view.model.activity(1)
    assert sports.lead == ["省总宣教部", "省总组织部"] and sports.cooperating == ["省总办公室"]
    assert sports.leader == "张三" and sports.status is ActivityStatus.IN_PROGRESS
    assert view.model.index(1, Column.PERIOD).data() == "5月1日—5月31日"
    assert view.selected_rows() == [1, 2]
    assert view.model.undo_stack.count() == 1
    assert "已粘贴 2 项活动" in view.message_label.text()
    view.model.undo_stack.undo()
    assert _plan_titles(view) == [a.title for a in _plan()]
    assert shown_messages == []


def test_paste_with_a_header_row_maps_columns_by_name(qtbot, plan_view, shown_messages):
    view = plan_view
    view.table.clearSelection()
    view.table.setCurrentIndex(view.proxy.index(-1, -1))
    _paste(qtbot, view, "牵头部门\t活动内容\t完成时限\n省总经济部\t技能大赛\t10月份\n")
    assert _plan_titles(view)[-1] == "技能大赛"  # no current row: at the end
    added = view.model.activity(4)
    assert added.lead == ["省总经济部"] and added.deadline == "10月份"


def test_paste_one_cell_on_one_cell_edits_it(qtbot, plan_view, shown_messages):
    view = plan_view
    _select(view, 1, Column.DEADLINE)
    _paste(qtbot, view, "第三季度\r\n")
    assert view.model.activity(1).deadline == "第三季度"
    assert view.model.rowCount() == 4 and view.model.undo_stack.count() == 1
    _select(view, 1, Column.STATUS)
    _paste(qtbot, view, "差不多了")
    assert view.model.activity(1).status is ActivityStatus.IN_PROGRESS
    assert shown_messages == [("error", "“差不多了”不能填入进度。")]


def test_bad_paste_shows_why_and_changes_nothing(qtbot, plan_view, shown_messages):
    view = plan_view
    _select(view, 0)
    _paste(qtbot, view, "1\t甲\t4月\t\t\t\t未开始\n2\t乙\t5月\t\t\t\t差不多了\n")
    _paste(qtbot, view, "   \n")
    assert [text for _kind, text in shown_messages] == [
        "无法粘贴：第 2 行的进度“差不多了”无法识别，应为未开始、进行中、已完成之一。表格没有改动。",
        "剪贴板中没有可粘贴的文字。请先在 Excel 或 WPS 中复制表格行。",
    ]
    assert _plan_titles(view) == [a.title for a in _plan()]
    assert view.model.undo_stack.count() == 0


def test_copy_selected_rows_as_tsv_and_paste_them_back(qtbot, plan_view, shown_messages):
    view = plan_view
    view.model.setData(view.model.index(1, Column.TITLE), "劳动\t竞赛")
    view.select_rows([1, 2])
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == (
        '2\t"劳动\t竞赛"\t全年\t省总经济部\t省总宣教部\t\t进行中\t\t\t\n'
        "3\t职工书屋\t9月份\t省总组织部\t\t\t已完成\t\t\t\n"
    )
    _select(view, 3)
    qtbot.keyClick(view.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    copies = view.model.activities()[4:]
    assert [(a.title, a.status) for a in copies] == [
        ("劳动\t竞赛", ActivityStatus.IN_PROGRESS), ("职工书屋", ActivityStatus.DONE),
    ]  # fmt: skip
    assert copies[0].cooperating == ["省总宣教部"]


# -- the department picker ------------------------------------------------------------------


def _open_picker(qtbot, view: ActivityTableView, proxy_row: int, column: int) -> DepartmentPicker:
    index = view.proxy.index(proxy_row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    picker = view.table.viewport().findChild(DepartmentPicker)
    assert picker is not None and picker.isVisible()
    return picker


def _click_department(qtbot, picker: DepartmentPicker, name: str) -> None:
    item = picker.list.findItems(name, Qt.MatchFlag.MatchExactly)[0]
    rect = picker.list.visualItemRect(item)
    qtbot.mouseClick(picker.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_picker_ticks_several_in_order_filters_and_keeps_typed_names(qtbot, plan_view, type_text):
    view = plan_view
    picker = _open_picker(qtbot, view, 0, Column.LEAD)
    assert picker.line.text() == "省总宣教部、" and picker.ticked_names() == ["省总宣教部"]
    assert picker.height() > view.table.rowHeight(0) * 3  # a list, not a cramped cell
    type_text(picker.line, "组织")  # filters the list by the name being typed
    assert picker.shown_names() == ["省总组织部"]
    _click_department(qtbot, picker, "省总组织部")  # replaces the search
    assert picker.line.text() == "省总宣教部、省总组织部、"
    assert picker.shown_names() == DEPARTMENTS and picker.line.hasFocus()
    _click_department(qtbot, picker, "省总办公室")
    _click_department(qtbot, picker, "省总宣教部")  # untick
    assert picker.names() == ["省总组织部", "省总办公室"]
    type_text(picker.line, "某某公司")  # not on the list: kept as typed
    assert picker.shown_names() == [] and picker.empty_label.isVisibleTo(picker)
    qtbot.keyClick(picker.line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.activity(0).lead == ["省总组织部", "省总办公室", "某某公司"])
    assert view.model.undo_stack.count() == 1  # one edit, one undo step
    qtbot.waitUntil(lambda: view.table.state() == QAbstractItemView.State.NoState)
    view.model.undo_stack.undo()
    assert view.model.activity(0).lead == ["省总宣教部"]


def test_picker_keyboard_ticks_and_escape_cancels(qtbot, plan_view, type_text):
    view = plan_view
    picker = _open_picker(qtbot, view, 1, Column.COOPERATING)
    type_text(picker.line, "权益")
    qtbot.keyClick(picker.line, Qt.Key.Key_Down)
    assert picker.list.hasFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.names() == ["省总宣教部", "省总权益保障部"]
    qtbot.keyClick(picker.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.table.state() == QAbstractItemView.State.NoState)
    assert view.model.activity(1).cooperating == ["省总宣教部"]
    assert view.model.undo_stack.count() == 0


def test_picker_saves_when_the_clerk_clicks_elsewhere(qtbot, plan_view):
    view = plan_view
    picker = _open_picker(qtbot, view, 2, Column.LEAD)
    _click_department(qtbot, picker, "省总经济部")
    view.filter_bar.month.setFocus()  # e.g. a click in the filter bar
    qtbot.waitUntil(lambda: view.model.activity(2).lead == ["省总组织部", "省总经济部"])
    qtbot.waitUntil(lambda: view.table.state() == QAbstractItemView.State.NoState)
    assert view.model.undo_stack.count() == 1
    # the filter bar offers the department now named
    names = [
        view.filter_bar.department.itemText(i) for i in range(view.filter_bar.department.count())
    ]
    assert names.count("省总经济部") == 1


def test_text_cells_still_edit_with_a_line(qtbot, plan_view, type_text):
    view = plan_view
    index = view.proxy.index(0, Column.TITLE)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    line = view.table.viewport().findChild(QLineEdit)
    line.selectAll()
    type_text(line, "宣讲进基层")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.model.activity(0).title == "宣讲进基层")


# -- overdue --------------------------------------------------------------------------------


def test_overdue_rows_are_marked_in_both_tables(qtbot, plan_view, db, demo_ids):
    model = plan_view.model
    backgrounds = [
        model.index(r, Column.TITLE).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)
    ]
    # 举办宣讲 (4月份) is over on 1 June and not done; 职工书屋 is done; the others run on
    assert [b.color() if b else None for b in backgrounds] == [OVERDUE_COLOUR, None, None, None]
    assert model.index(0, Column.LEAD).data(Qt.ItemDataRole.ToolTipRole) == "已过完成时限，尚未完成"
    late = dt.date(2021, 12, 31)
    everything = AllActivitiesModel(ActivityQueryService(db), today=lambda: late)
    while everything.canFetchMore():
        everything.fetchMore()
    marked = doubtful_rows = 0
    for row in range(everything.rowCount()):
        item = everything.row_at(row)
        activity = item.activity
        # A period over before the notice was written is flagged (issue 16 item 8), not red.
        doubtful = (
            activity.period is not None
            and item.notice_date is not None
            and activity.period.end < item.notice_date
        )
        overdue = (
            activity.period is not None
            and activity.period.end < late
            and activity.status is not ActivityStatus.DONE
            and not doubtful
        )
        brush = everything.index(row, Column.TITLE).data(Qt.ItemDataRole.BackgroundRole)
        assert (brush is not None and brush.color() == OVERDUE_COLOUR) == overdue
        period = everything.index(row, Column.PERIOD).data(Qt.ItemDataRole.BackgroundRole)
        assert (period is not None and period.color() == DOUBTFUL_COLOUR) == doubtful
        marked += overdue
        doubtful_rows += doubtful
    assert 0 < marked < everything.rowCount()
    assert 0 < doubtful_rows < everything.rowCount()  # the demo's July notices say "4月份"


# -- 全部活动 -------------------------------------------------------------------------------


class CountingService(ActivityQueryService):
    """Records every page the model reads."""

    def __init__(self, db) -> None:
        super().__init__(db)
        self.pages: list[tuple[ActivityFilter | None, int | None]] = []

    def page(self, where=None, **kwargs):
        self.pages.append((where, kwargs.get("limit")))
        return super().page(where, **kwargs)


def test_all_activities_filters_and_sorts_in_the_database_page_by_page(
    qtbot, qtmodeltester, db, demo_ids
):
    service = CountingService(db)
    model = AllActivitiesModel(service, today=lambda: dt.date(2021, 6, 15))
    model.PAGE = 5
    view = AllActivitiesView(model, service.department_names())
    qtbot.addWidget(view)
    view.resize(1300, 500)
    view.show()
    qtbot.waitExposed(view)
    view.filter_bar.month.setCurrentText("5月")
    view.filter_bar.status.setCurrentText("未开始")
    expected = service.rows(ActivityFilter(month=5, status=ActivityStatus.NOT_STARTED))
    assert len(expected) > 5 and view.count_label.text() == f"共 {len(expected)} 项"
    assert model.rowCount() <= 2 * model.PAGE  # what the view shows, not every match
    service.pages.clear()
    while model.canFetchMore():
        model.fetchMore()
    assert [model.row_at(r) for r in range(model.rowCount())] == expected
    assert service.pages and all(limit == model.PAGE for _where, limit in service.pages)
    assert all(where is not None and where.month == 5 for where, _limit in service.pages)
    qtmodeltester.check(model)
    # a header click sorts in the database
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.TITLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    while model.canFetchMore():
        model.fetchMore()
    titles = [model.row_at(r).activity.title for r in range(model.rowCount())]
    assert titles == sorted(titles) and len(titles) == len(expected)
    view.filter_bar.status.setCurrentText("已过期未完成")
    overdue = service.rows(ActivityFilter(month=5, overdue_on=dt.date(2021, 6, 15)))
    assert view.count_label.text() == f"共 {len(overdue)} 项"


def _all_view(qtbot, db) -> AllActivitiesView:
    model = AllActivitiesModel(ActivityQueryService(db))
    view = AllActivitiesView(model, DEPARTMENTS)
    qtbot.addWidget(view)
    view.resize(1300, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def _edit_cell(qtbot, view, row: int, column: int, text: str, type_text) -> None:
    index = view.model.index(row, column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    line = view.table.viewport().findChild(QLineEdit)
    line.selectAll()
    type_text(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_all_activities_edit_goes_to_the_database(qtbot, db, demo_ids, shown_messages, type_text):
    view = _all_view(qtbot, db)
    saved = []
    view.model.activity_saved.connect(saved.append)
    row = view.model.row_of(demo_ids[1], 2)
    assert row is not None
    before = NoticeService(db).get(demo_ids[1])
    _edit_cell(qtbot, view, row, Column.DEADLINE, "11月份", type_text)
    qtbot.waitUntil(lambda: saved == [demo_ids[1]])
    after = NoticeService(db).get(demo_ids[1])
    assert after.activities[2].deadline == "11月份"
    assert after.activities[2].period is not None and after.activities[2].period.start.month == 11
    assert after.version == before.version + 1
    assert view.model.index(row, Column.PERIOD).data() == "11月1日—11月30日"
    # a second edit of the same notice uses the version the first one left
    other = view.model.row_of(demo_ids[1], 0)
    view.model.setData(view.model.index(other, Column.STATUS), "已完成")
    qtbot.waitUntil(lambda: len(saved) == 2)
    assert NoticeService(db).get(demo_ids[1]).activities[0].status is ActivityStatus.DONE
    assert shown_messages == []


def test_all_activities_edit_after_someone_else_saved_is_refused_clearly(
    qtbot, db, demo_ids, shown_messages, type_text
):
    view = _all_view(qtbot, db)
    row = view.model.row_of(demo_ids[0], 0)
    assert row is not None
    theirs = NoticeService(db).get(demo_ids[0])
    theirs.activities[0].title = "他人改过的活动"
    NoticeService(db).update(theirs)  # saved after the list was read
    _edit_cell(qtbot, view, row, Column.TITLE, "我改的活动", type_text)
    qtbot.waitUntil(lambda: bool(shown_messages))
    ((kind, text),) = shown_messages
    assert kind == "error" and "被其他用户修改" in text and "“我改的活动”没有保存" in text
    assert NoticeService(db).get(demo_ids[0]).activities[0].title == "他人改过的活动"
    # the list shows what is stored now, and an edit from there is saved
    assert view.model.index(row, Column.TITLE).data() == "他人改过的活动"
    assert view.model.setData(view.model.index(row, Column.LEADER), "王五")
    qtbot.waitUntil(lambda: NoticeService(db).get(demo_ids[0]).activities[0].leader == "王五")


def test_all_activities_edit_of_an_open_notice_joins_its_undo_and_autosave(
    qtbot, window, db, demo_ids, shown_messages
):
    editor = window.open_notice(demo_ids[0])
    assert editor is not None
    view = window.all_activities
    window.tabs.setCurrentWidget(view)
    row = view.model.row_of(demo_ids[0], 1)
    assert row is not None
    assert view.model.setData(view.model.index(row, Column.LEAD), "省总办公室、省总宣教部")
    assert editor.activity_model.activity(1).lead == ["省总办公室", "省总宣教部"]
    assert editor.undo_stack.count() == 1
    assert view.model.index(row, Column.LEAD).data() == "省总办公室、省总宣教部"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert NoticeService(db).get(demo_ids[0]).activities[1].lead == ["省总办公室", "省总宣教部"]
    editor.undo_stack.undo()
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    assert NoticeService(db).get(demo_ids[0]).activities[1].lead != ["省总办公室", "省总宣教部"]
    # an editor holding an unsaved different row refuses the edit instead of guessing
    editor.activity_model.setData(editor.activity_model.index(1, Column.TITLE), "尚未保存的标题")
    view.model.setData(view.model.index(row, Column.LEADER), "赵六")
    qtbot.waitUntil(lambda: bool(shown_messages))
    assert "尚未保存" in shown_messages[0][1]
    assert editor.activity_model.activity(1).leader != "赵六"
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)


def test_all_activities_enter_or_menu_opens_the_notice(qtbot, window, db, demo_ids, reads_done):
    view = window.all_activities
    window.tabs.setCurrentWidget(view)
    row = view.model.row_of(demo_ids[2], 1)
    assert row is not None
    view.table.setCurrentIndex(view.model.index(row, Column.NUMBER))
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    reads_done(window)  # read off the UI thread, then shown
    editor = window.current_editor()
    assert editor is not None and editor.notice_id == demo_ids[2]
    assert editor.activity_view.current_row() == 1
    window.tabs.setCurrentWidget(view)
    assert [a.text() for a in view.context_menu().actions()] == ["打开公文", "在日历中查看"]
    view.table.setCurrentIndex(view.model.index(view.model.row_of(demo_ids[3], 0), Column.TITLE))
    view.open_action.trigger()
    reads_done(window)
    assert window.current_editor().notice_id == demo_ids[3]


def test_all_activities_refresh_keeps_the_clerks_place_unless_rows_change(qtbot, db, demo_ids):
    model = AllActivitiesModel(ActivityQueryService(db))
    model.PAGE = 10
    while model.canFetchMore():
        model.fetchMore()
    shown = model.rowCount()
    resets = []
    model.modelReset.connect(lambda: resets.append(True))
    notice = NoticeService(db).get(demo_ids[0])
    notice.activities[0].title = "改名后的活动"
    NoticeService(db).update(notice)
    model.refresh()  # same number of rows: read again in place
    assert resets == [] and model.rowCount() == shown
    row = model.row_of(demo_ids[0], 0)
    assert model.index(row, Column.TITLE).data() == "改名后的活动"
    NoticeService(db).delete(demo_ids[1])
    model.refresh()  # rows gone: start again from the first page
    assert resets == [True] and model.rowCount() == 0 and model.canFetchMore()
    model.reload()
    assert resets == [True, True]
