"""Other clerks' changes and a database that stops answering, as the window lives with them.

The change feed is read every few seconds off the UI thread (change_watcher.py); what it names
goes to every view through the context. A view that cannot read keeps what it shows, the
status line says once that the database cannot be reached, and what the views missed is read
when it answers again, when waiting saves go at once too. MainWindow takes these from
DatabaseWatch; the annotations below name what of the window they use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QMainWindow

from unionoffice.domain.changes import Changes
from unionoffice.domain.errors import UnionOfficeError
from unionoffice.gui.settings import Settings
from unionoffice.gui.tree.document_tree import DocumentTree

if TYPE_CHECKING:
    from unionoffice.gui.activities.activity_view import AllActivitiesView
    from unionoffice.gui.app_context import AppContext
    from unionoffice.gui.calendar.calendar_view import CalendarView
    from unionoffice.gui.editor.notice_editor import NoticeEditor
    from unionoffice.gui.window.change_watcher import ChangeWatcher
    from unionoffice.storage.database import Database
    from unionoffice.storage.services.change_feed import FeedUpdate


class DatabaseWatch(QMainWindow):
    """The change feed and the database's comings and goings, for MainWindow."""

    db: Database
    context: AppContext
    settings: Settings
    tree: DocumentTree
    calendar: CalendarView
    all_activities: AllActivitiesView
    db_label: QLabel
    change_watcher: ChangeWatcher
    _missed: Changes  # what the views could not read while the database was away

    if TYPE_CHECKING:  # MainWindow's

        def editors(self) -> list[NoticeEditor]: ...

        def editor_for(self, notice_id: int) -> NoticeEditor | None: ...

    def _watch_changes(self, start: int | None) -> None:
        """Other clerks' saves (another window, a command, another PC) arrive by themselves."""
        from unionoffice.gui.window.change_watcher import ChangeWatcher
        from unionoffice.storage.services.change_feed import ChangeFeed

        old = getattr(self, "change_watcher", None)
        if old is not None:
            old.stop()
            old.deleteLater()
        feed = ChangeFeed(self.db)
        interval = self.settings.change_poll_ms
        self.change_watcher = ChangeWatcher(
            feed, feed.latest() if start is None else start, interval_ms=max(interval, 1),
            parent=self,
        )  # fmt: skip
        self.change_watcher.arrived.connect(self._on_changes_elsewhere)
        self.change_watcher.reachable.connect(self._on_reachable)
        if interval > 0:
            self.change_watcher.start()

    def _on_changes_elsewhere(self, update: FeedUpdate) -> None:
        self.context.notify(update.changes)
        for notice_id, version in update.versions.items():
            editor = self.editor_for(notice_id)
            if editor is not None:
                editor.learn_of_save(version)

    def _update_views(self, changes: Changes) -> None:
        """Each view reads what ``changes`` touches. One that cannot (the server stopped)
        keeps what it shows; the status line says why, once, and the views read what they
        missed when the database answers again."""
        for view in (self.tree, self.calendar, self.all_activities):
            try:
                view.apply_changes(changes)
            except UnionOfficeError as exc:
                self._missed |= changes
                self.change_watcher.note_unreachable(str(exc).split("：", 1)[-1])
                return

    def _on_view_unreadable(self, reason: str) -> None:
        """全部活动 or the calendar could not read: each shows what it has, and reads again
        when the database is back."""
        self._missed |= Changes.all()
        self.change_watcher.note_unreachable(reason.split("：", 1)[-1])

    def _on_reachable(self, reachable: bool, reason: str) -> None:
        if reachable and self._missed:
            missed, self._missed = self._missed, Changes()
            self.context.notify(missed)
        if reachable:
            self.db_label.setStyleSheet("")
            self.db_label.setText(f"数据库：{self.db.describe()}")
            self.statusBar().showMessage("已重新连接数据库", 8000)
            for editor in self.editors():
                editor.retry_save()
        else:
            self.db_label.setStyleSheet("color: #b00020;")
            self.db_label.setText(f"数据库暂时无法连接：{reason}（显示的是之前读取的内容）")
