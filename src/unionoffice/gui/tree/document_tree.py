"""The left dock: search box over the year → 文号 series → notice tree, with a context menu.

The dock is built empty, shows the notice list read straight from the file (``show_early``)
and is attached to the database once it has been opened (on a worker thread at start-up), so
the window is on screen before SQLAlchemy is even imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from unionoffice.domain.changes import Changes
from unionoffice.domain.search_words import narrows
from unionoffice.gui.tree.tree_model import NOTICE_ID_ROLE, NoticeTreeModel
from unionoffice.gui.tree.tree_nodes import Grouping, Node, NoticeCatalogue

if TYPE_CHECKING:
    from unionoffice.domain.notice_summary import NoticeSummary
    from unionoffice.gui.background_reads import BackgroundReads
    from unionoffice.storage.services.notices import NoticeService
    from unionoffice.storage.services.search import NoticeSearch

SEARCH_DELAY_MS = 200
EXPAND_ALL_FOUND = 300  # a search finding up to this many notices shows them all expanded


class DocumentTree(QWidget):
    """Lists the notices; filters as the clerk types; asks the window to open or change one."""

    open_requested = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)
    export_requested = Signal(list)  # notice ids: 导出 Word (one) or 批量导出 (several)
    timetable_requested = Signal(list)  # notice ids: 打印活动安排表
    summaries_changed = Signal()  # the notices' lines changed (for counts shown elsewhere)
    read_failed = Signal(str)  # a search could not be read: the tree keeps what it shows

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reads: BackgroundReads | None = None  # the window's: searches off the UI thread
        self._notices: NoticeService | None = None
        self._search: NoticeSearch | None = None
        self._catalogue = NoticeCatalogue([])
        self._early_grouping: Grouping | None = None  # of the tree show_early shows
        self.model = NoticeTreeModel(parent=self)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("搜索文号、标题、正文、活动、部门…")
        self.search_box.setClearButtonEnabled(True)
        self.grouping_box = QComboBox(self)
        for grouping in Grouping:
            self.grouping_box.addItem(grouping.value, grouping)
        self.grouping_box.setToolTip("公文目录的分组方式")
        self.grouping_box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.empty_label = QLabel("没有找到符合条件的公文", self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #888;")
        self.empty_label.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        # What the tree shows: (grouping, the notices kept or None for all); a keystroke that
        # keeps the same notices leaves the tree as it is instead of building it again.
        self._shown: tuple[Grouping, frozenset[int] | None] | None = None
        # The last search and what the database found for it: a text typed on from it finds
        # only among those (the notice list unchanged since).
        self._searched: tuple[str, set[int]] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.grouping_box)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        self.search_box.setEnabled(False)
        self.search_box.setPlaceholderText("正在读取公文…")

    def attach(
        self,
        notices: NoticeService,
        search: NoticeSearch,
        catalogue: NoticeCatalogue | None = None,
        tree: Node | None = None,
    ) -> None:
        """Show the notices: ``catalogue`` and its unfiltered ``tree`` when a worker has
        already read and grouped them, else read now."""
        self._notices = notices
        self._search = search
        self._shown = self._searched = None
        self.search_box.setEnabled(True)
        self.search_box.setPlaceholderText("搜索文号、标题、正文、活动、部门…")
        if catalogue is None:
            self.reload()
        elif (
            catalogue is self._catalogue
            and self._early_grouping is self.grouping()
            and not self.search_box.text().strip()
        ):
            pass  # shown by show_early, as it is: the clerk's place in it stays
        else:
            self._catalogue = catalogue
            self.apply_filter(tree)
        self._early_grouping = None

    def show_early(self, catalogue: NoticeCatalogue, tree: Node) -> None:
        """Show the notices read before the database is open, ``tree`` grouped by year and
        series. The search box takes typing; the search runs once ``attach`` brings the
        services (its placeholder still says the reading goes on)."""
        self._catalogue = catalogue
        self._early_grouping = self.grouping()
        if self._early_grouping is not Grouping.YEAR_SERIES:
            tree = catalogue.build(grouping=self._early_grouping)
        self.model.set_root(tree)
        self.view.expandToDepth(0)
        if self.model.rowCount():
            self.view.expandRecursively(self.model.index(0, 0))
        self.search_box.setEnabled(True)

    def reload(self) -> None:
        """Read the notice list again (after a save, a new notice, a delete)."""
        if self._notices is not None:
            self._catalogue = NoticeCatalogue(self._notices.list())
            self._shown = self._searched = None
            self.apply_filter()
            self.summaries_changed.emit()

    def apply_changes(self, changes: Changes) -> None:
        """Reread only the notices ``changes`` names. A changed line whose place stays is
        repainted where it is; a new, moved or removed notice regroups the tree from the
        lines in memory (and searches again when a search is shown)."""
        if self._notices is None:
            return
        # Whatever changed (a department's name too) may be found now: the next keystroke
        # searches everything again, not only what the last search found.
        self._searched = None
        if changes.everything:
            self.reload()
            return
        changed = changes.listed_notices - changes.removed
        if not changed and not changes.removed:
            return
        fresh = self._notices.list(ids=changed) if changed else []
        gone = set(changes.removed) | (changed - {summary.id for summary in fresh})
        searching = bool(self.search_box.text().strip())
        if not gone and not searching:
            repainted = self._catalogue.replace_in_place(fresh)
            if repainted is not None:
                self.model.notices_changed(summary.id for summary in fresh)
                self.summaries_changed.emit()
                return
        self._catalogue = self._catalogue.with_changes(fresh, gone)
        self._shown = self._searched = None
        self.apply_filter()
        self.summaries_changed.emit()

    def grouping(self) -> Grouping:
        value = self.grouping_box.currentData()
        return value if isinstance(value, Grouping) else Grouping.YEAR_SERIES

    def set_grouping(self, grouping: Grouping) -> None:
        self.grouping_box.setCurrentIndex(self.grouping_box.findData(grouping))

    def summaries(self) -> list[NoticeSummary]:
        return list(self._catalogue.summaries)

    def apply_filter(self, tree: Node | None = None) -> None:
        """Show the notices the search box finds; ``tree``: the unfiltered tree, built already.

        With ``reads`` (the window's), what the database finds is read off the UI thread and
        the tree shows the search's notices when the answer comes."""
        self._timer.stop()
        if self._search is None:
            return
        text = self.search_box.text().strip()
        if not text:
            self._show_found(text, None, tree)
        elif self.reads is None:
            self._show_found(text, self._matching(text))
        else:
            search, within = self._search, self._within(text)
            self.reads.start(
                ("search", id(self)),
                lambda: search.matching_ids(text, within=within),
                lambda matching: self._found_in_background(text, matching),
                what="搜索结果",
                on_failed=lambda error: self.read_failed.emit(str(error)),
            )

    def is_searching(self) -> bool:
        """A search is being read in the background (the window's tree)."""
        return self.reads is not None and self.reads.is_pending(("search", id(self)))

    def _found_in_background(self, text: str, matching: set[int]) -> None:
        self._searched = text, matching
        if text == self.search_box.text().strip():  # else the next search is on its way
            self._show_found(text, matching)

    def _show_found(self, text: str, matching: set[int] | None, tree: Node | None = None) -> None:
        current = self.selected_notice_id()
        kept = self._catalogue.found(text, matching)
        shown = (self.grouping(), None if kept is None else frozenset(kept))
        if tree is None and shown == self._shown:
            return  # the same notices, grouped the same: the tree shows them already
        if tree is not None and not text and self.grouping() is Grouping.YEAR_SERIES:
            root = tree  # grouped by the worker that read the list
        else:
            root = self._catalogue.build(kept=kept, grouping=self.grouping())
        self._shown = shown
        self.model.set_root(root)
        found = root.notice_count()
        if text and found <= EXPAND_ALL_FOUND:
            self.view.expandAll()
        elif text:
            # Many found: years open, series closed with their counts. Laying out thousands
            # of rows was most of a keystroke's time when a short word matches most notices.
            self.view.expandToDepth(0)
        else:
            self.view.expandToDepth(0)
            if self.model.rowCount():
                self.view.expandRecursively(self.model.index(0, 0))
        self.empty_label.setVisible(bool(text) and found == 0)
        if current is not None:
            self.select_notice(current)

    def _matching(self, text: str) -> set[int]:
        assert self._search is not None
        matching = self._search.matching_ids(text, within=self._within(text))
        self._searched = text, matching
        return matching

    def _within(self, text: str) -> set[int] | None:
        """What the last search found, when ``text`` can only find among it."""
        if self._searched is not None and narrows(self._searched[0], text):
            return self._searched[1]
        return None

    def visible_notice_ids(self) -> list[int]:
        return [n.notice.id for n in self.model.root.walk() if n.notice is not None]

    def selected_notice_id(self) -> int | None:
        value = self.view.currentIndex().data(NOTICE_ID_ROLE)
        return int(value) if value is not None else None

    def selected_notice_ids(self) -> list[int]:
        """The notices selected (Ctrl/Shift+click), a selected year or series meaning all its
        notices; else the current notice; in tree order."""
        chosen: set[int] = set()
        for index in self.view.selectionModel().selectedIndexes():
            for node in self.model.node(index).walk():
                if node.notice is not None:
                    chosen.add(node.notice.id)
        if not chosen and (current := self.selected_notice_id()) is not None:
            chosen.add(current)
        return [notice_id for notice_id in self.visible_notice_ids() if notice_id in chosen]

    def select_notice(self, notice_id: int) -> None:
        index = self.model.index_of_notice(notice_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _on_activated(self, index: QModelIndex) -> None:
        notice_id = index.data(NOTICE_ID_ROLE)
        if notice_id is not None:
            self.open_requested.emit(int(notice_id))

    def _show_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.view.indexAt(position))
        menu.exec(self.view.viewport().mapToGlobal(position))

    def context_menu(self, index: QModelIndex) -> QMenu:
        """新建 always; 打开, 复制为新公文 and 删除 on a notice; 导出 Word and 打印活动安排表
        for the notice or the selected notices (a year or series: all its notices)."""
        menu = QMenu(self)
        notice_id = index.data(NOTICE_ID_ROLE) if index.isValid() else None
        selected = self.selected_notice_ids()
        if notice_id is not None and notice_id not in selected:
            selected = [int(notice_id)]
        if notice_id is not None:
            menu.addAction("打开", lambda: self.open_requested.emit(int(notice_id)))
        menu.addAction("新建公文", self.new_requested.emit)
        if notice_id is not None:
            menu.addAction("复制为新公文", lambda: self.duplicate_requested.emit(int(notice_id)))
        if selected:
            menu.addSeparator()
            export = f"批量导出 Word（{len(selected)} 件）…" if len(selected) > 1 else "导出 Word…"
            menu.addAction(export, lambda: self.export_requested.emit(selected))
            menu.addAction("打印活动安排表…", lambda: self.timetable_requested.emit(selected))
        if notice_id is not None:
            menu.addSeparator()
            menu.addAction("删除（移到回收站）", lambda: self.delete_requested.emit(int(notice_id)))
        return menu

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()
