"""The main window: document tree on the left, tabs in the centre (日历, 全部活动, notices).

At start-up the window is built and shown before the database is open (a worker thread opens
it, see database_opener.py); ``show_notices`` fills the tree from the file first, ``attach``
then the rest. So this module and the widgets it builds first import nothing of the storage
layer at module level: SQLAlchemy alone takes longer to import than Qt needs to show the
window. The notice tabs are notice_tabs.py's; other clerks' changes and a database that stops
answering, database_watch.py's.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QShowEvent,
    QUndoGroup,
)
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QTabWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from unionoffice import __version__
from unionoffice.domain.changes import Changes
from unionoffice.domain.notice import NoticeData, NoticeStatus
from unionoffice.gui import messages
from unionoffice.gui.assets import app_icon
from unionoffice.gui.background_reads import BackgroundReads
from unionoffice.gui.file_filters import dropped_imports
from unionoffice.gui.operations.notice_commands import NoticeCommands
from unionoffice.gui.settings import Settings
from unionoffice.gui.tree.document_tree import DocumentTree
from unionoffice.gui.tree.tree_nodes import Grouping, Node, NoticeCatalogue
from unionoffice.gui.window.database_watch import DatabaseWatch
from unionoffice.gui.window.menus import ALL_ACTIVITIES_TAB, CALENDAR_TAB, build_actions
from unionoffice.gui.window.notice_tabs import NoticeTabs
from unionoffice.gui.workers import stop_tasks

if TYPE_CHECKING:
    from unionoffice.domain.notice_summary import NoticeSummary
    from unionoffice.gui.activities.activity_view import AllActivitiesView
    from unionoffice.gui.calendar.calendar_view import CalendarView

    # Imported on first use: they bring python-docx, reportlab, openpyxl and the importer,
    # which a clerk who only reads and edits should not wait for at start-up.
    from unionoffice.gui.operations.export_actions import ExportController
    from unionoffice.gui.operations.import_actions import ImportController
    from unionoffice.gui.operations.timetable_actions import TimetableController
    from unionoffice.gui.window.database_opener import WindowSnapshot
    from unionoffice.storage.database import Database
    from unionoffice.storage.recovery import RecoveryStore
    from unionoffice.storage.services.activities import ActivityQueryService
    from unionoffice.storage.services.notices import NoticeService

__all__ = ["ALL_ACTIVITIES_TAB", "CALENDAR_TAB", "MainWindow"]


def _placeholder(parent: QWidget) -> QLabel:
    label = QLabel("正在读取数据库…", parent)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #888;")
    return label


class MainWindow(NoticeTabs, DatabaseWatch):
    """Where the clerk works: every notice, its editor, the plan and the calendar."""

    attached = Signal()  # the database is open and its notices are shown
    notices_shown = Signal()  # the notices are in the tree (maybe before the database is open)

    # made by menus.build_actions
    new_action: QAction
    open_action: QAction
    save_action: QAction
    close_action: QAction
    print_action: QAction
    print_notice_action: QAction
    paste_import_action: QAction
    give_back_action: QAction
    find_action: QAction
    quit_action: QAction
    import_files_action: QAction
    import_folder_action: QAction
    export_action: QAction
    excel_action: QAction
    ics_action: QAction
    settings_action: QAction
    backup_action: QAction
    help_action: QAction
    register_action: QAction
    supervision_action: QAction
    undo_action: QAction
    redo_action: QAction
    history_action: QAction
    keep_original_action: QAction
    history_dialog: QDialog | None = None
    data_actions: list[QAction]  # those that need the database
    level_actions: list[QAction]  # 格式: heading levels of the body
    toolbar: QToolBar
    undo_button: QToolButton
    redo_button: QToolButton

    def __init__(
        self, db: Database | None, settings: Settings, parent: QWidget | None = None
    ) -> None:
        """The window on ``db``; with None, an empty window that ``attach`` fills later."""
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("工会公文助手")
        self.setWindowIcon(app_icon())  # the application's too, for a window made without it
        self.resize(1400, 900)
        self.undo_group = QUndoGroup(self)
        self._recovery_check: QTimer | None = None
        # what the clerk asked of the tree before the database was open, done by attach
        self._waiting: list[Callable[[], object]] = []

        self.tree = DocumentTree(self)
        self.tree.summaries_changed.connect(self._update_counts)
        # Reads a click starts run off the UI thread: a slow office server holds no click.
        self.reads = BackgroundReads(self)
        self.reads.waiting.connect(self._show_waiting)
        self._waiting_text = ""
        self.tree.reads = self.reads
        self.tree.read_failed.connect(self._on_view_unreadable)  # searched once attached
        self.tree.open_requested.connect(self.request_notice)
        # The commands need the database: they are made by attach, so these ask for them then.
        wait = self._when_attached
        self.tree.new_requested.connect(lambda: wait(lambda: self.notice_commands.new_notice()))
        self.tree.duplicate_requested.connect(
            lambda i: wait(lambda: self.notice_commands.duplicate_notice(i))
        )
        self.tree.delete_requested.connect(
            lambda i: wait(lambda: self.notice_commands.delete_notice(i))
        )
        self.tree.export_requested.connect(
            lambda ids: wait(lambda: self.exporter.export_selected(ids))
        )
        self.tree.timetable_requested.connect(
            lambda ids: wait(lambda: self._print_timetable_of(ids))
        )
        remembered = Grouping.__members__.get(settings.tree_grouping)
        if remembered is not None:
            self.tree.set_grouping(remembered)
        self.tree.grouping_box.currentIndexChanged.connect(
            lambda _i: setattr(settings, "tree_grouping", self.tree.grouping().name)
        )
        self.tree_dock = QDockWidget("公文目录", self)
        self.tree_dock.setObjectName("document_tree")
        self.tree_dock.setWidget(self.tree)
        self.tree_dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.tree_dock)
        self.resizeDocks([self.tree_dock], [380], Qt.Orientation.Horizontal)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(False)
        self.tabs.addTab(_placeholder(self), "日历")
        self.tabs.addTab(_placeholder(self), "全部活动")
        self._hide_close_buttons()
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)  # files and folders dropped on the window are imported

        self.counts_label = QLabel(self)
        self.pending_label = QLabel(self)  # notices whose save waits for the database
        self.pending_label.setStyleSheet("color: #b00020;")
        self.pending_label.hide()
        self.statusBar().addPermanentWidget(self.pending_label)
        self.db_label = QLabel("正在打开数据库…", self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.db_label)

        build_actions(self)
        self._set_data_actions_enabled(False)
        self._restore_layout()
        if db is not None:
            self.attach(db)

    def is_attached(self) -> bool:
        return "db" in self.__dict__

    def show_notices(self, catalogue: NoticeCatalogue, tree: Node, *, shown: bool = True) -> None:
        """The notices read before the database is open (database_opener, step 1): the clerk
        reads the tree and may type a search; ``attach`` keeps it. ``shown=False``: take
        them away again (that database could not be opened)."""
        self.tree.show_early(catalogue, tree)
        self._update_counts()
        if shown:
            self.notices_shown.emit()
        else:
            self._waiting = []  # asked of notices no longer shown

    def _when_attached(self, call: Callable[[], object]) -> None:
        """Do ``call`` now, or once the database is open."""
        if self.is_attached():
            call()
        else:
            self._waiting.append(call)

    def attach(self, db: Database, snapshot: WindowSnapshot | None = None) -> None:
        """Show ``db``: tree, calendar, 全部活动, counts, the notices open last time.

        ``snapshot`` is what a worker thread has read already (database_opener); without it
        the same is read here.
        """
        from unionoffice.gui.activities.activity_model import AllActivitiesModel
        from unionoffice.gui.activities.activity_view import AllActivitiesView
        from unionoffice.gui.app_context import AppContext
        from unionoffice.gui.calendar.calendar_view import CalendarView

        self.db = db
        db.clerk = self.settings.clerk_name or db.clerk  # who takes and voids numbers
        self.context = AppContext(db, self.settings, self, self)
        self.notice_commands = NoticeCommands(self.context, self)
        self.notices: NoticeService = self.context.notices
        self.activities: ActivityQueryService = self.context.activities
        self.recovery_store: RecoveryStore = self.context.recovery_store
        # Qt adds " — 工会公文助手" (the application display name) on Windows and Linux.
        self.setWindowTitle(db.describe())
        self.db_label.setText(f"数据库：{db.describe()}")

        notices, search = self.context.notices, self.context.search
        if snapshot is None:
            self.tree.attach(notices, search)
            departments = self.activities.department_names()
        else:
            self.tree.attach(notices, search, snapshot.catalogue, snapshot.tree)
            departments = snapshot.department_names

        current = self.tabs.currentIndex()
        self.calendar: CalendarView = CalendarView(
            self.activities,
            departments,
            self,
            settings=self.settings,
            first_month=snapshot.calendar_month if snapshot is not None else None,
            reads=self.reads,
        )
        self.calendar.activity_clicked.connect(self.show_activity)
        self.calendar.read_failed.connect(self._on_view_unreadable)
        self.all_activities: AllActivitiesView = AllActivitiesView(
            AllActivitiesModel(self.activities, parent=self),
            departments,
            self,
            settings=self.settings,
        )
        self.all_activities.activity_activated.connect(self.show_activity)
        self.all_activities.calendar_requested.connect(self.show_in_calendar)
        # An edit in 全部活动 of an open notice goes through its editor (undo, autosave).
        self.all_activities.model.open_plan = self._open_plan
        self.all_activities.model.activity_saved.connect(
            lambda notice_id: self.context.notify(Changes(activities=frozenset({notice_id})))
        )
        self._watch_changes(snapshot.feed_start if snapshot is not None else None)
        # Every view hears what each operation changed and updates only that.
        self._missed = Changes()  # what the views could not read while the database was away
        self.all_activities.model.read_failed.connect(self._on_view_unreadable)
        self.context.changed.connect(self._update_views)
        for index, (view, title) in enumerate(
            ((self.calendar, "日历"), (self.all_activities, "全部活动"))
        ):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, title)
            if placeholder is not None:
                placeholder.deleteLater()
        self._hide_close_buttons()
        self.tabs.setCurrentIndex(max(current, 0))

        self._set_data_actions_enabled(True)
        self._update_counts()
        self._restore_open_notices()
        waiting, self._waiting = self._waiting, []
        for call in waiting:  # a notice opened in the tree while the database was opening
            call()
        # unsaved work left by a crash is offered once the window is on screen
        if self.recovery_store.pending():
            self._recovery_check = QTimer(self)
            self._recovery_check.setSingleShot(True)
            self._recovery_check.setInterval(0)
            self._recovery_check.timeout.connect(self._offer_recovery)
            if self.isVisible():
                self._recovery_check.start()
        self.notices_shown.emit()
        self.attached.emit()

    def reattach(self, db: Database, snapshot: WindowSnapshot | None = None) -> None:
        """Show another database (设置 → 数据库, a restored backup) in this window.

        The open notices are closed (saved already by the caller) and the old database let go
        unless it is ``db`` itself (a restore replaces the file under the same Database).
        """
        stop_tasks(self)
        self.reads.forget()
        for editor in self.editors():
            self._close_editor(editor, ask=False)
        old_db, old_context = self.db, self.context
        self.calendar.shutdown()
        self.change_watcher.stop()
        self.settings.open_notices = []
        self.attach(db, snapshot)
        old_context.deleteLater()
        if old_db is not db:
            old_db.dispose()

    def _hide_close_buttons(self) -> None:
        for fixed in (CALENDAR_TAB, ALL_ACTIVITIES_TAB):
            self.tabs.tabBar().setTabButton(
                fixed, self.tabs.tabBar().ButtonPosition.RightSide, None
            )

    def _set_data_actions_enabled(self, enabled: bool) -> None:
        """Everything but 退出, the view toggles, 帮助 and 关于 needs the database."""
        for action in self.data_actions:
            action.setEnabled(enabled)

    # -- the Workbench the operations use (gui/app_context.py) -------------------------------

    def show_status(self, text: str, timeout_ms: int = 5000) -> None:
        self.statusBar().showMessage(text, timeout_ms)

    def selected_notice_ids(self) -> list[int]:
        return self.tree.selected_notice_ids()

    def current_notice_id(self) -> int | None:
        editor = self.current_editor()
        return editor.notice_id if editor is not None else None

    def working_copy(self, notice_id: int) -> NoticeData | None:
        editor = self.editor_for(notice_id)
        return editor.collect() if editor is not None else None

    def notice_summaries(self) -> list[NoticeSummary]:
        return self.tree.summaries()

    def open_selected(self) -> None:
        notice_id = self.tree.selected_notice_id()
        if notice_id is None:
            self.tree.focus_search()
        else:
            self.request_notice(notice_id)

    def show_in_calendar(self, day: dt.date) -> None:
        """The calendar, on the month of ``day`` (an activity's 在日历中查看)."""
        self.calendar.show_month_of(day)
        self.tabs.setCurrentWidget(self.calendar)

    @functools.cached_property
    def importer(self) -> ImportController:
        from unionoffice.gui.operations.import_actions import ImportController

        return ImportController(self.context, self)

    @functools.cached_property
    def exporter(self) -> ExportController:
        from unionoffice.gui.operations.export_actions import ExportController

        return ExportController(self.context, self)

    @functools.cached_property
    def timetables(self) -> TimetableController:
        from unionoffice.gui.operations.timetable_actions import TimetableController

        return TimetableController(self.context, self)

    def _print_timetable_of(self, ids: list[int]) -> None:
        from unionoffice.gui.dialogs.timetable_dialog import Purpose

        self.timetables.open_dialog(Purpose.PRINT, ids)

    def refresh(self) -> None:
        """刷新 (F5): read everything again, for changes made by other programs; open notices
        too, unless they hold unsaved typing (those are left as they are, and said so)."""
        if not self.is_attached():
            return
        self.context.notify(Changes.all())
        kept = [editor.display_title() for editor in self.editors() if not editor.reload_stored()]
        if kept:
            self.statusBar().showMessage(
                f"已刷新；{'、'.join(kept)} 有未保存的修改，未重新读取", 8000
            )

    def _update_counts(self) -> None:
        summaries = self.tree.summaries()
        drafts = sum(1 for s in summaries if s.status is NoticeStatus.DRAFT)
        activities = sum(s.activity_count for s in summaries)
        self.counts_label.setText(
            f"公文 {len(summaries)} 件（草稿 {drafts}）· 活动 {activities} 项"
        )

    def _on_tab_changed(self, _index: int) -> None:
        editor = self.current_editor()
        self.undo_group.setActiveStack(editor.undo_stack if editor is not None else None)  # type: ignore[arg-type]  # None: no stack is active
        for action in self.level_actions:
            action.setEnabled(editor is not None)

    def set_heading_level(self, level: int) -> None:
        """格式 → 一级标题 …: the level of the body line under the cursor."""
        editor = self.current_editor()
        if editor is not None:
            editor.set_heading_level(level)

    def print_timetable(self) -> None:
        self.timetables.print_timetable()

    def print_notice(self) -> None:
        """打印公文: the notice in front, its GB/T 9704 pages as the 页面预览 lays them out."""
        from unionoffice.gui.dialogs.print_preview import PrintPreview
        from unionoffice.gui.operations import printing

        editor = self.current_editor()
        if editor is None:
            messages.show_info(self, "请先打开要打印的公文。")
            return
        pages = editor.preview.current_pages()
        title = editor.display_title()
        self.print_preview = PrintPreview(
            printing.notice_printer(title),
            lambda printer: printing.paint_notice(printer, pages),
            title,
            self,
        )
        self.print_preview.open()

    def show_settings(self) -> None:
        from unionoffice.gui.dialogs.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self)
        self.settings_dialog.open()

    def show_register(self) -> None:
        """发文登记簿, on the series and year of the notice in front (if any)."""
        from unionoffice.gui.dialogs.register_dialog import RegisterDialog

        editor = self.current_editor()
        self.register_dialog = RegisterDialog(
            self.context,
            self,
            series=editor.series.currentText() if editor is not None else "",
            year=editor.year.value() if editor is not None else None,
            number=editor.number_value() if editor is not None else None,
            reads=self.reads,
        )
        self.register_dialog.show()

    def show_supervision(self) -> None:
        """督办: what is due soon or overdue, by 牵头部门; one window, brought to the front."""
        from unionoffice.gui.supervision.supervision_dialog import SupervisionDialog

        dialog = getattr(self, "supervision_dialog", None)
        if dialog is None or dialog.context is not self.context:
            if dialog is not None:
                dialog.deleteLater()
            self.supervision_dialog = dialog = SupervisionDialog(
                self.context, self, reads=self.reads
            )
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def give_back_number(self) -> None:
        """退回文号 of the notice in front: voided in the register with a reason."""
        editor = self.current_editor()
        if editor is None or editor.number_value() is None:
            messages.show_info(self, "请先打开已取号的公文。")
            return
        reason = messages.ask_text(
            self,
            f"退回文号 {editor.doc_number_text}？该号将在发文登记簿中作废、不再使用，"
            "本文变回草稿，可重新取号。\n\n请填写原因：",
        )
        if reason is not None:
            editor.give_back_number(reason)

    def show_backups(self) -> None:
        from unionoffice.gui.dialogs.backup_dialog import BackupDialog

        self.backup_dialog = BackupDialog(self)
        self.backup_dialog.open()

    def show_help(self) -> None:
        """帮助 (F1): what a clerk does where, and the shortcuts."""
        from unionoffice.gui.dialogs.help_dialog import HelpDialog

        dialog = getattr(self, "help_dialog", None)
        if dialog is None:
            self.help_dialog = dialog = HelpDialog(self)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _offer_recovery(self) -> None:
        from unionoffice.gui.editor.recovery import offer_recovery

        self._recovery_check = None
        offer_recovery(self.context, self)

    # -- files dropped on the window are imported ------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._consider_drop(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self._consider_drop(event)

    def _consider_drop(self, event: QDragMoveEvent) -> None:
        if self.is_attached() and dropped_imports(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_imports(event.mimeData()) if self.is_attached() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.importer.start(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._recovery_check is not None and not self._recovery_check.isActive():
            self._recovery_check.start()

    def about(self) -> None:
        messages.show_info(
            self,
            f"工会公文助手 UnionOffice {__version__}\n\n"
            "公文起草、文号登记与活动安排。\n"
            f"数据库：{self.db.describe() if self.is_attached() else '正在打开…'}",
        )

    def _restore_layout(self) -> None:
        geometry = self.settings.window_geometry
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.window_state
        if not state.isEmpty():
            self.restoreState(state)

    def _restore_open_notices(self) -> None:
        known = {s.id for s in self.tree.summaries()}
        for notice_id in self.settings.open_notices:
            if int(notice_id) in known:
                self.open_notice(int(notice_id))
        self._on_tab_changed(self.tabs.currentIndex())

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.save_all() and not messages.confirm(
            self,
            "有修改未能保存（见编辑器上方的提示）。\n\n仍要退出吗？这些修改已存入恢复文件，"
            "下次打开程序时会提示恢复。",
        ):
            event.ignore()
            return
        stop_tasks(self)
        self.reads.forget()
        if self.is_attached():  # a window closed while its database opens keeps the last list
            self.settings.open_notices = [editor.notice_id for editor in self.editors()]
        self.settings.window_geometry = self.saveGeometry()
        self.settings.window_state = self.saveState()
        for editor in self.editors():
            editor.shutdown(saved=not editor.is_dirty())
        if self.is_attached():
            self.calendar.shutdown()
            self.change_watcher.stop()
        super().closeEvent(event)
