"""Every item model passes qtmodeltester; tree grouping, filtering, the activity table."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from unionoffice.domain.activity_criteria import ActivityFilter
from unionoffice.domain.changes import Changes
from unionoffice.domain.notice import ActivityData, ActivityStatus
from unionoffice.gui.activities.activity_model import (
    OVERDUE_COLOUR,
    UNPARSED_COLOUR,
    ActivityTableModel,
    AllActivitiesModel,
    Column,
)
from unionoffice.gui.editor.body_editor import ATTACHMENT, number_labels
from unionoffice.gui.tree.tree_model import NOTICE_ID_ROLE, NoticeTreeModel
from unionoffice.gui.tree.tree_nodes import Grouping, NodeKind, NoticeCatalogue, build_tree
from unionoffice.gui.window.main_window import MainWindow
from unionoffice.storage.services.activities import ActivityQueryService
from unionoffice.storage.services.notices import NoticeService


def _plan() -> list[ActivityData]:
    return [
        ActivityData(title="举办宣讲", deadline="4月份", lead=["省总宣教部"]),
        ActivityData(title="劳动竞赛", deadline="根据工作安排", lead=["省总经济部"]),
        ActivityData(title="职工书屋", deadline="全年", status=ActivityStatus.DONE),
    ]


def test_tree_groups_by_year_and_series_and_marks_drafts(qtmodeltester, db, demo_ids) -> None:
    root = build_tree(NoticeService(db).list())
    assert [n.label for n in root.children] == ["2021年"]
    series = [n.label for n in root.children[0].children]
    assert series[:2] == ["青总办", "青总办通"]
    drafts = [n for n in root.walk() if n.is_draft]
    assert len(drafts) == 1 and drafts[0].label.startswith("〔草稿〕")
    model = NoticeTreeModel(root)
    qtmodeltester.check(model)
    year = model.index(0, 0)
    assert model.data(year) == "2021年（9）"
    notice = model.index(0, 0, model.index(0, 0, year))
    assert model.data(notice, NOTICE_ID_ROLE) in demo_ids
    assert model.index_of_notice(demo_ids[0]).data(NOTICE_ID_ROLE) == demo_ids[0]


def test_tree_groups_by_status_or_folder(qtmodeltester, db, demo_ids) -> None:
    service = NoticeService(db)
    notice = service.get(demo_ids[0])
    notice.folder = "宣传教育"
    service.update(notice)
    summaries = service.list()
    by_status = build_tree(summaries, grouping=Grouping.STATUS)
    assert by_status.children[0].label == "草稿"  # drafts first
    assert by_status.children[0].notice_count() == 1
    assert by_status.notice_count() == len(summaries)
    qtmodeltester.check(NoticeTreeModel(by_status))
    by_folder = build_tree(summaries, grouping=Grouping.FOLDER)
    folders = sorted({s.folder for s in summaries if s.folder})
    unfiled = ["未归档"] if any(not s.folder for s in summaries) else []
    assert [n.label for n in by_folder.children] == folders + unfiled
    assert "宣传教育" in folders
    ours = by_folder.children[folders.index("宣传教育")]
    assert [n.notice.id for n in ours.walk() if n.notice] == [demo_ids[0]]
    assert [n.label for n in ours.children] == ["2021年"]


def test_tree_grouping_is_chosen_in_the_dock_and_remembered(
    qtbot, db, demo_ids, settings, reads_done
):
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.tree.set_grouping(Grouping.STATUS)
    assert window.tree.model.data(window.tree.model.index(0, 0)) == "草稿（1）"
    assert settings.tree_grouping == "STATUS"
    window.close()
    again = MainWindow(db, settings)
    qtbot.addWidget(again)
    assert again.tree.grouping() is Grouping.STATUS
    again.tree.search_box.setText("金秋")
    again.tree.apply_filter()
    reads_done(again)  # the search is read off the UI thread
    assert len(again.tree.visible_notice_ids()) == 1


def test_tree_filter_by_number_title_and_database_matches(db, demo_ids) -> None:
    summaries = NoticeService(db).list()
    by_number = build_tree(summaries, search="青总办〔2021〕2号")
    assert by_number.notice_count() == 1
    by_title = build_tree(summaries, search="金秋助学")
    assert by_title.notice_count() == 1
    assert build_tree(summaries, search="没有这个词").notice_count() == 0
    from_db = build_tree(summaries, search="书屋", matching_ids={demo_ids[2]})
    assert [n.notice.id for n in from_db.walk() if n.kind is NodeKind.NOTICE] == [demo_ids[2]]


def _shape(node) -> list:
    return [(child.label, child.notice_count(), _shape(child)) for child in node.children]


def test_a_catalogue_builds_every_search_as_a_fresh_grouping_would(qtmodeltester, db, demo_ids):
    """The catalogue moves its notice nodes from tree to tree: each tree must still be the
    one build_tree makes from nothing, with every node's parent in that tree."""
    summaries = NoticeService(db).list()
    catalogue = NoticeCatalogue(summaries)
    model = NoticeTreeModel()
    searches = [("", None), ("金秋", None), ("书屋", {demo_ids[2]}), ("", None), ("2021", None)]
    for grouping in (Grouping.YEAR_SERIES, Grouping.STATUS, Grouping.FOLDER, Grouping.YEAR_SERIES):
        for search, matching in searches:
            root = catalogue.build(search=search, matching_ids=matching, grouping=grouping)
            fresh = build_tree(summaries, search=search, matching_ids=matching, grouping=grouping)
            assert _shape(root) == _shape(fresh), (grouping, search)
            for node in root.walk():
                for child in node.children:
                    assert child.parent is node
            model.set_root(root)
            qtmodeltester.check(model)
            for notice_id in (n.notice.id for n in root.walk() if n.notice is not None):
                assert model.index_of_notice(notice_id).data(NOTICE_ID_ROLE) == notice_id


def test_activity_table_passes_modeltester_and_shows_periods(qtmodeltester) -> None:
    model = ActivityTableModel(_plan(), year=2021, today=lambda: dt.date(2021, 6, 1))
    qtmodeltester.check(model)
    assert model.index(0, Column.PERIOD).data() == "4月1日—4月30日"
    assert model.index(1, Column.PERIOD).data() == "无法识别"
    assert model.index(1, Column.PERIOD).data(Qt.ItemDataRole.BackgroundRole).color() == (
        UNPARSED_COLOUR
    )
    # 4月份 is over on 1 June and not done: the row is marked
    assert model.index(0, Column.TITLE).data(Qt.ItemDataRole.BackgroundRole).color() == (
        OVERDUE_COLOUR
    )
    assert model.index(2, Column.TITLE).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.headerData(0, Qt.Orientation.Horizontal) == "序号"


def test_set_data_is_one_undo_step_each(qtmodeltester) -> None:
    stack = QUndoStack()
    model = ActivityTableModel(_plan(), year=2021, undo_stack=stack)
    qtmodeltester.check(model)
    assert model.setData(model.index(1, Column.DEADLINE), "第三季度")
    assert model.index(1, Column.PERIOD).data() == "7月1日—9月30日"
    assert model.setData(model.index(0, Column.LEAD), "省总宣教部，省总组织部")
    assert model.activity(0).lead == ["省总宣教部", "省总组织部"]
    assert not model.setData(model.index(0, Column.STATUS), "不存在的进度")
    assert not model.setData(model.index(0, Column.PERIOD), "1月1日")
    assert stack.count() == 2
    stack.undo()
    assert model.activity(0).lead == ["省总宣教部"]
    stack.undo()
    assert model.activity(1).deadline == "根据工作安排"
    stack.redo()
    assert model.activity(1).deadline == "第三季度"
    # the same value again adds nothing to the history
    assert model.setData(model.index(1, Column.DEADLINE), "第三季度")
    assert stack.count() == 2


def test_rows_insert_remove_move_undo(qtmodeltester) -> None:
    from unionoffice.gui.activities.plan_commands import (
        InsertActivityCommand,
        MoveActivityCommand,
        RemoveActivityCommand,
    )

    stack = QUndoStack()
    model = ActivityTableModel(_plan(), year=2021, undo_stack=stack)
    qtmodeltester.check(model)
    stack.push(InsertActivityCommand(model, 1, ActivityData(title="新活动")))
    assert [a.title for a in model.activities()] == ["举办宣讲", "新活动", "劳动竞赛", "职工书屋"]
    assert model.index(3, Column.NUMBER).data() == "4"
    stack.push(MoveActivityCommand(model, 3, 0))
    assert model.activity(0).title == "职工书屋"
    stack.push(RemoveActivityCommand(model, 0))
    assert model.rowCount() == 3
    stack.undo()
    stack.undo()
    stack.undo()
    assert [a.title for a in model.activities()] == ["举办宣讲", "劳动竞赛", "职工书屋"]


def test_all_activities_model_fetches_lazily(qtmodeltester, db, demo_ids) -> None:
    service = ActivityQueryService(db)
    model = AllActivitiesModel(service)
    model.PAGE = 10
    assert model.rowCount() == 0 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    qtmodeltester.check(model)
    total = service.count()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total
    model.set_filter(ActivityFilter(department="省总宣教部"))
    while model.canFetchMore():
        model.fetchMore()
    assert 0 < model.rowCount() < total
    last = model.row_at(model.rowCount() - 1)
    assert model.row_of(last.notice_id, last.position) == model.rowCount() - 1


def test_heading_numbers_restart_under_higher_levels() -> None:
    assert number_labels([1, 0, 2, 2, 3, 1, 2, ATTACHMENT, 1]) == [
        "一、", "", "（一）", "（二）", "1.", "二、", "（一）", "附件", "一、",
    ]  # fmt: skip


def test_several_rows_move_and_remove_as_one_step_each(qtmodeltester) -> None:
    from unionoffice.gui.activities.plan_commands import (
        InsertActivitiesCommand,
        MoveActivityCommand,
        RemoveActivityCommand,
    )

    stack = QUndoStack()
    model = ActivityTableModel(_plan(), year=2021, undo_stack=stack)
    stack.push(
        InsertActivitiesCommand(model, 3, [ActivityData(title="甲"), ActivityData(title="乙")])
    )
    titles = ["举办宣讲", "劳动竞赛", "职工书屋", "甲", "乙"]
    assert [a.title for a in model.activities()] == titles
    stack.push(MoveActivityCommand(model, [0, 2, 4], 1))  # gathered after 劳动竞赛
    assert [a.title for a in model.activities()] == ["劳动竞赛", "举办宣讲", "职工书屋", "乙", "甲"]
    assert [model.index(r, Column.NUMBER).data() for r in range(5)] == ["1", "2", "3", "4", "5"]
    qtmodeltester.check(model)
    stack.push(RemoveActivityCommand(model, [1, 3]))
    assert [a.title for a in model.activities()] == ["劳动竞赛", "职工书屋", "甲"]
    assert stack.count() == 3
    stack.undo()
    assert [a.title for a in model.activities()] == ["劳动竞赛", "举办宣讲", "职工书屋", "乙", "甲"]
    stack.undo()
    assert [a.title for a in model.activities()] == titles
    stack.undo()
    assert model.rowCount() == 3
    assert MoveActivityCommand(model, 1, 1).changes_nothing()


def test_dragged_rows_are_read_back_only_by_their_own_plan() -> None:
    from PySide6.QtCore import QMimeData

    model = ActivityTableModel(_plan(), year=2021)
    data = model.mimeData([model.index(2, 0), model.index(2, 3), model.index(0, 1)])
    assert model.dragged_rows(data) == [0, 2]
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 1, 0, model.index(-1, -1))
    assert ActivityTableModel(_plan(), year=2021).dragged_rows(data) is None
    broken = QMimeData()
    broken.setData("application/x-unionoffice-activity-rows", b"{not json")
    assert model.dragged_rows(broken) is None
    # dropped above row 1 without an undo stack: applied at once
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, model.index(-1, -1))
    assert [a.title for a in model.activities()] == ["举办宣讲", "职工书屋", "劳动竞赛"]
    assert model.department_names() == ["省总宣教部", "省总经济部"]


def test_a_keystroke_that_keeps_the_same_notices_keeps_the_tree(
    qtbot, db, demo_ids, settings, reads_done
):
    """金秋 → 金秋助 → 金秋助学 find one notice each time: the tree shown stays (nothing is
    regrouped), and it is the tree a fresh search for the longer text builds."""
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    tree = window.tree
    tree.search_box.setText("金秋")
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    shown = tree.model.root
    for text in ("金秋助", "金秋助学"):
        tree.search_box.setText(text)
        tree.apply_filter()
        reads_done(window)  # the search is read off the UI thread
        assert tree.model.root is shown
        fresh = build_tree(NoticeService(db).list(), search=text)
        assert _shape(tree.model.root) == _shape(fresh)
    tree.search_box.setText("金秋助学 没有这个词")  # other notices: built again
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    assert tree.model.root is not shown and tree.visible_notice_ids() == []
    assert tree.empty_label.isVisibleTo(tree)
    tree.set_grouping(Grouping.STATUS)  # the same notices, grouped otherwise: built again
    tree.search_box.clear()
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    assert len(tree.visible_notice_ids()) == len(demo_ids)
    tree.set_grouping(Grouping.YEAR_SERIES)
    assert _shape(tree.model.root) == _shape(build_tree(NoticeService(db).list()))


def test_typing_on_after_a_change_searches_the_changed_notices_too(
    qtbot, db, demo_ids, settings, reads_done
):
    """What the last search found narrows the next keystroke's search, but not across a
    change: a notice that holds the longer text only since is found."""
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    tree = window.tree
    tree.search_box.setText("书屋")
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    before = set(tree.visible_notice_ids())
    service = NoticeService(db)
    notice = service.get(demo_ids[0])
    assert notice.id not in before
    notice.activities.append(ActivityData(title="书屋阅读月", deadline="全年"))
    service.update(notice)
    tree.apply_changes(Changes.of_notice(notice.id))
    tree.search_box.setText("书屋阅读")
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    assert tree.visible_notice_ids() == [notice.id]
    # A department renamed (here: as another clerk's rename arrives) changes what notices
    # hold without a notice line to redraw.
    tree.search_box.setText("读书")
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    other = service.get(demo_ids[1])
    assert other.activities and other.id not in tree.visible_notice_ids()
    other.activities[0].lead = ["读书会"]
    service.update(other)
    tree.apply_changes(Changes(departments=True))
    tree.search_box.setText("读书会")
    tree.apply_filter()
    reads_done(window)  # the search is read off the UI thread
    assert other.id in tree.visible_notice_ids()


def test_a_catalogue_typed_into_finds_what_a_fresh_one_finds(db, demo_ids) -> None:
    """Headers are searched only among those the text before held, as the clerk types on;
    a line changed in place is searched again whole."""
    summaries = NoticeService(db).list()
    catalogue = NoticeCatalogue(summaries)
    for typed in ("青总办〔2021〕2号", "关于 金秋", "2021 通知"):
        for end in range(1, len(typed) + 1):
            text = typed[:end]
            fresh = NoticeCatalogue(summaries).found(text, None)
            assert catalogue.found(text, None) == fresh, text
    assert catalogue.found("关于开展", None)
    renamed = dataclasses.replace(summaries[0], title="关于开展读书月活动的通知")
    assert catalogue.found("读书", None) == set()
    assert catalogue.replace_in_place([renamed]) is not None
    assert catalogue.found("读书月", None) == {renamed.id}
