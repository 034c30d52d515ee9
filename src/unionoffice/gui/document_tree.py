"""The left dock: search box over the year → 文号 series → notice tree, with a context menu."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QTreeView, QVBoxLayout, QWidget

from unionoffice.gui.tree_model import NOTICE_ID_ROLE, NoticeTreeModel
from unionoffice.gui.tree_nodes import build_tree
from unionoffice.storage.database import Database
from unionoffice.storage.services.notices import NoticeService, NoticeSummary
from unionoffice.storage.services.search import NoticeSearch

SEARCH_DELAY_MS = 200


class DocumentTree(QWidget):
    """Lists the notices; filters as the clerk types; asks the window to open or change one."""

    open_requested = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._notices = NoticeService(db)
        self._search = NoticeSearch(db)
        self._summaries: list[NoticeSummary] = []
        self.model = NoticeTreeModel(parent=self)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText("搜索文号、标题、正文、活动、部门…")
        self.search_box.setClearButtonEnabled(True)
        self.view = QTreeView(self)
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label)
        self.reload()

    def reload(self) -> None:
        """Read the notice list again (after a save, a new notice, a delete)."""
        self._summaries = self._notices.list()
        self.apply_filter()

    def summaries(self) -> list[NoticeSummary]:
        return list(self._summaries)

    def apply_filter(self) -> None:
        self._timer.stop()
        text = self.search_box.text().strip()
        current = self.selected_notice_id()
        matching = self._search.matching_ids(text) if text else None
        root = build_tree(self._summaries, search=text, matching_ids=matching)
        self.model.set_root(root)
        if text:
            self.view.expandAll()
        else:
            self.view.expandToDepth(0)
            if self.model.rowCount():
                self.view.expandRecursively(self.model.index(0, 0))
        self.empty_label.setVisible(bool(text) and root.notice_count() == 0)
        if current is not None:
            self.select_notice(current)

    def visible_notice_ids(self) -> list[int]:
        return [n.notice.id for n in self.model.root.walk() if n.notice is not None]

    def selected_notice_id(self) -> int | None:
        value = self.view.currentIndex().data(NOTICE_ID_ROLE)
        return int(value) if value is not None else None

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
        """新建 always; 打开, 复制为新公文 and 删除 on a notice."""
        menu = QMenu(self)
        notice_id = index.data(NOTICE_ID_ROLE) if index.isValid() else None
        if notice_id is not None:
            menu.addAction("打开", lambda: self.open_requested.emit(int(notice_id)))
        menu.addAction("新建公文", self.new_requested.emit)
        if notice_id is not None:
            menu.addAction("复制为新公文", lambda: self.duplicate_requested.emit(int(notice_id)))
            menu.addSeparator()
            menu.addAction("删除（移到回收站）", lambda: self.delete_requested.emit(int(notice_id)))
        return menu

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()
