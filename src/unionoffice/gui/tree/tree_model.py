"""A thin QAbstractItemModel over the pure-Python document tree of tree_nodes.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from unionoffice.gui.tree.tree_nodes import Node, NodeKind

NOTICE_ROLE = Qt.ItemDataRole.UserRole + 1  # the NoticeSummary of a notice row, else None
NOTICE_ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the notice id, else None
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # the NodeKind

AnyIndex = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root, as a default argument

_DRAFT_COLOUR = QColor("#9a6700")
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # asked for every row shown


class NoticeTreeModel(QAbstractItemModel):
    """Shows a Node tree; ``set_root`` replaces it with a model reset."""

    def __init__(self, root: Node | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._root = root or Node(NodeKind.ROOT, "")
        self._nodes: list[Node] = []  # by Node.key, the internal id of the node's index
        self._index_nodes(self._root)

    # -- the tree --------------------------------------------------------------------------

    @property
    def root(self) -> Node:
        return self._root

    def set_root(self, root: Node) -> None:
        self.beginResetModel()
        shown, self._root = self._root, root
        self._index_nodes(root)
        self.endResetModel()
        if shown is not root:
            shown.dismantle()

    def _index_nodes(self, root: Node) -> None:
        """Number every node: an index carries the number, not a pointer to a Python object
        that a later tree could have freed."""
        nodes = [root]
        parents = [root]
        while parents:  # quicker than walk(): a notice's (empty) children are not visited
            children = parents.pop().children
            nodes.extend(children)
            parents.extend([child for child in children if child.children])
        for key, node in enumerate(nodes):
            node.key = key
        self._nodes = nodes

    def node(self, index: AnyIndex) -> Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def index_of_notice(self, notice_id: int) -> QModelIndex:
        node = self._root.find_notice(notice_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.key)

    def notices_changed(self, notice_ids: Iterable[int]) -> None:
        """Repaint the rows of notices whose line changed in place (a title, a status)."""
        for notice_id in notice_ids:
            index = self.index_of_notice(notice_id)
            if index.isValid():
                self.dataChanged.emit(index, index)

    # -- QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = NO_PARENT) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self.node(parent)
        if row >= len(parent_node.children):
            return QModelIndex()
        child = parent_node.children[row]
        return self.createIndex(row, 0, child.key)

    def parent(self, index: AnyIndex = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        parent_node = self.node(index).parent
        if parent_node is None or parent_node is self._root:
            return QModelIndex()
        return self.createIndex(parent_node.row, 0, parent_node.key)

    def rowCount(self, parent: AnyIndex = NO_PARENT) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: AnyIndex = NO_PARENT) -> int:
        return 1

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            if node.kind is NodeKind.NOTICE:
                return node.label
            return f"{node.label}（{node.notice_count()}）"
        if role == Qt.ItemDataRole.ToolTipRole and node.notice is not None:
            summary = node.notice
            lines = [summary.title, f"文号：{summary.doc_number or '未取号'}"]
            if summary.date:
                lines.append(f"成文日期：{summary.date:%Y年%m月%d日}")
            lines.append(f"活动 {summary.activity_count} 项 · {summary.status}")
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and node.is_draft:
            return QBrush(_DRAFT_COLOUR)
        if role == Qt.ItemDataRole.FontRole:
            if node.kind in (NodeKind.GROUP, NodeKind.SUBGROUP):
                font = QFont()
                font.setBold(True)
                return font
            if node.is_draft:
                font = QFont()
                font.setItalic(True)
                return font
        if role == NOTICE_ROLE:
            return node.notice
        if role == NOTICE_ID_ROLE:
            return node.notice.id if node.notice is not None else None
        if role == KIND_ROLE:
            return node.kind
        return None
