"""The document tree as plain Python: year → 文号 series → notice, filtered by a search.

No Qt here, so the grouping and filtering are tested without widgets; tree_model.py adapts
it to a QAbstractItemModel.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from unionoffice.domain.notice import NoticeStatus
from unionoffice.domain.search_words import narrows

if TYPE_CHECKING:  # the window is built before SQLAlchemy is imported
    from unionoffice.domain.notice_summary import NoticeSummary

NO_YEAR = "未定年份"
NO_SERIES = "未定文号"
NO_FOLDER = "未归档"


class NodeKind(enum.Enum):
    ROOT = "root"
    GROUP = "group"  # the first level: a year, a folder or a status
    SUBGROUP = "subgroup"  # the second: a 文号 series or a year
    NOTICE = "notice"


class Grouping(enum.Enum):
    """How the tree groups notices; the value is what the clerk picks from."""

    YEAR_SERIES = "按年份和文号"
    FOLDER = "按文件夹"
    STATUS = "按状态"

    def keys(self, summary: NoticeSummary) -> tuple[str, str]:
        """The first- and second-level labels ``summary`` is filed under."""
        year = f"{summary.year}年" if summary.year else NO_YEAR
        if self is Grouping.FOLDER:
            return summary.folder.strip() or NO_FOLDER, year
        if self is Grouping.STATUS:
            return str(summary.status), year
        return year, summary.series_code or NO_SERIES


@dataclass(eq=False, slots=True)
class Node:
    """One row of the tree; a notice node carries its NoticeSummary."""

    kind: NodeKind
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    notice: NoticeSummary | None = None
    # notice_count(), kept once asked: the model asks it of every year and series it paints.
    _count: int | None = field(default=None, repr=False)
    key: int = field(default=0, repr=False)  # the model's internal id for the node's rows

    @property
    def row(self) -> int:
        """Position among the parent's children (0 for the root)."""
        if self.parent is None:
            return 0
        return next(i for i, c in enumerate(self.parent.children) if c is self)

    @property
    def is_draft(self) -> bool:
        return self.notice is not None and self.notice.status is NoticeStatus.DRAFT

    def notice_count(self) -> int:
        if self.kind is NodeKind.NOTICE:
            return 1
        if self._count is None:
            self._count = sum(child.notice_count() for child in self.children)
        return self._count

    def walk(self) -> Iterator[Node]:
        """This node and all below it, depth first, in tree order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def dismantle(self) -> None:
        """Empty the group rows of this tree once it is no longer shown.

        Parent and child links make a tree a reference cycle, which only a full garbage
        collection frees: one per reload of the tree, 60 ms on ten years of notices. An
        emptied tree is freed as soon as the last reference goes.
        """
        notice = NodeKind.NOTICE
        groups = [self] if self.kind is not notice else []
        while groups:  # notices have no children: only group rows are visited
            node = groups.pop()
            children, node.children = node.children, []
            groups.extend(child for child in children if child.kind is not notice)

    def find_notice(self, notice_id: int) -> Node | None:
        for node in self.walk():
            if node.notice is not None and node.notice.id == notice_id:
                return node
        return None


def short_title(summary: NoticeSummary) -> str:
    """The title without the organ's name in front ("XX总工会关于…" → "关于…")."""
    title = summary.title.strip() or "（无标题）"
    if summary.organ and title.startswith(summary.organ) and len(title) > len(summary.organ):
        return title[len(summary.organ) :]
    return title


def notice_label(summary: NoticeSummary) -> str:
    """What a notice row says under its year and series: "3号 关于…", or "〔草稿〕关于…"."""
    if summary.doc_number:
        number = summary.doc_number.rsplit("〕", 1)[-1]
        return f"{number}  {short_title(summary)}"
    return f"〔草稿〕{short_title(summary)}"


def header_text(summary: NoticeSummary) -> str:
    """The notice's 文号, title, organ and folder, as the tree's search reads them."""
    return " ".join(
        part for part in (summary.doc_number, summary.title, summary.organ, summary.folder) if part
    )


class NoticeCatalogue:
    """The notices the tree shows, with what every keystroke's tree needs made once: their
    header texts, row labels, group keys and notice nodes. Make a new one when the notice
    list changes.

    Labelling, grouping and making nodes for 10,000 notices again on each keystroke was most
    of the tree's share of a search; now a build is one pass that files the kept nodes.
    A build moves the notice nodes into the new tree, so only the newest tree is whole.
    """

    def __init__(self, summaries: Sequence[NoticeSummary]) -> None:
        self.summaries = list(summaries)
        self._headers: list[str] | None = None
        self._ids: list[int] | None = None  # the summaries' ids, beside _headers
        # The last search and the (id, header) pairs whose header held it.
        self._header_search: tuple[str, list[tuple[int, str]]] | None = None
        # One node per notice, made once and moved into each tree built: only the current
        # tree is shown, and making 10,000 nodes was most of a build.
        self._notice_nodes: list[Node] | None = None
        self._orders: dict[Grouping, _Order] = {}

    def build(
        self,
        *,
        search: str = "",
        matching_ids: set[int] | None = None,
        grouping: Grouping = Grouping.YEAR_SERIES,
        kept: set[int] | None = None,
    ) -> Node:
        """The tree of the notices ``search`` finds, grouped by ``grouping``.

        A notice is kept when its header matches ``search`` or its id is in ``matching_ids``
        (what the database found in body, activities and departments); or, given ``kept``
        (what ``found`` answered), when it is there.
        """
        if kept is None:
            kept = self.found(search, matching_ids)
        root = Node(NodeKind.ROOT, "")
        groups: dict[str, Node] = {}
        subgroups: dict[tuple[str, str], Node] = {}
        subgroup = root
        current: tuple[str, str] | None = None
        order = self._ordered(grouping)
        for notice_id, node, key in zip(order.ids, order.nodes, order.keys, strict=True):
            if kept is not None and notice_id not in kept:
                continue
            if key != current:  # notices of one series mostly come together: look up less
                current = key
                subgroup = subgroups.get(key) or self._new_subgroup(root, groups, subgroups, key)
            node.parent = subgroup
            subgroup.children.append(node)
        for group in root.children:  # counted here rather than by add() node by node
            for subgroup in group.children:
                subgroup._count = len(subgroup.children)
            group._count = sum(len(subgroup.children) for subgroup in group.children)
        root._count = sum(group._count or 0 for group in root.children)
        return root

    def replace_in_place(self, fresh: Sequence[NoticeSummary]) -> list[Node] | None:
        """Take the changed lines of notices whose place in every grouping is unchanged.

        Returns their nodes (relabelled, to be repainted), or None when a notice is new or
        moves (another year, series, folder, status or 文号): then ``with_changes``.
        """
        index = {summary.id: i for i, summary in enumerate(self.summaries)}
        positions = []
        for summary in fresh:
            at = index.get(summary.id)
            if at is None or _place(self.summaries[at]) != _place(summary):
                return None
            positions.append(at)
        nodes = []
        self._header_search = None
        for at, summary in zip(positions, fresh, strict=True):
            self.summaries[at] = summary
            if self._headers is not None:
                self._headers[at] = header_text(summary)
            if self._ids is not None:
                self._ids[at] = summary.id
            if self._notice_nodes is not None:
                node = self._notice_nodes[at]
                node.label, node.notice = notice_label(summary), summary
                nodes.append(node)
        return nodes

    def with_changes(self, fresh: Sequence[NoticeSummary], gone: Iterable[int]) -> NoticeCatalogue:
        """A new catalogue: ``fresh`` lines in, notices ``gone`` out, in the list's order."""
        dropped = set(gone) | {summary.id for summary in fresh}
        kept = [summary for summary in self.summaries if summary.id not in dropped]
        series_rank: dict[str | None, int] = {}
        for summary in kept + list(fresh):
            series_rank.setdefault(summary.series_code, len(series_rank))
        return NoticeCatalogue(
            sorted(kept + list(fresh), key=lambda s: _list_order(s, series_rank))
        )

    def found(self, search: str, matching_ids: set[int] | None) -> set[int] | None:
        """The notices a build for ``search`` keeps (None: every notice, no search)."""
        return self._found(search.split(), matching_ids) if search.strip() else None

    def _found(self, words: list[str], matching_ids: set[int] | None) -> set[int]:
        """``matching_ids`` and the notices whose header text holds every word."""
        if self._headers is None:
            self._headers = [header_text(s) for s in self.summaries]
        if self._ids is None:
            self._ids = [s.id for s in self.summaries]
        text = " ".join(words)
        last = self._header_search
        if last is not None and narrows(last[0], text):
            pairs = last[1]  # typed on: only headers that held the text before can hold it
        else:
            pairs = list(zip(self._ids, self._headers, strict=True))
        if len(words) == 1:  # the usual case, without a generator per notice
            word = words[0]
            held = [(notice_id, header) for notice_id, header in pairs if word in header]
        else:
            held = [pair for pair in pairs if all(word in pair[1] for word in words)]
        self._header_search = text, held
        found = {notice_id for notice_id, _ in held}
        found.update(matching_ids or ())
        return found

    @staticmethod
    def _new_subgroup(
        root: Node,
        groups: dict[str, Node],
        subgroups: dict[tuple[str, str], Node],
        key: tuple[str, str],
    ) -> Node:
        group = groups.get(key[0])
        if group is None:
            group = groups[key[0]] = Node(NodeKind.GROUP, key[0], root)
            root.children.append(group)
        subgroup = subgroups[key] = Node(NodeKind.SUBGROUP, key[1], group)
        group.children.append(subgroup)
        return subgroup

    def _ordered(self, grouping: Grouping) -> _Order:
        """The notices in the order ``grouping`` shows them."""
        order = self._orders.get(grouping)
        if order is not None:
            return order
        if self._notice_nodes is None:
            self._notice_nodes = [
                Node(NodeKind.NOTICE, notice_label(s), notice=s) for s in self.summaries
            ]
        # One (group, subgroup) tuple per group, not per notice: fewer objects kept.
        distinct: dict[tuple[str, str], tuple[str, str]] = {}
        rows = []
        for summary, node in zip(self.summaries, self._notice_nodes, strict=True):
            key = grouping.keys(summary)
            rows.append((summary.id, node, distinct.setdefault(key, key)))
        if grouping is Grouping.STATUS:  # drafts first: they are what the clerk is working on
            rank = {status.value: rank for rank, status in enumerate(NoticeStatus)}
            rows.sort(key=lambda row: rank[row[2][0]])
        elif grouping is Grouping.FOLDER:  # folders by name, 未归档 last; notices keep their order
            rows.sort(key=lambda row: (row[2][0] == NO_FOLDER, row[2][0]))
        ids, nodes, keys = zip(*rows, strict=True) if rows else ((), (), ())
        order = self._orders[grouping] = _Order(list(ids), list(nodes), list(keys))
        return order


def _place(summary: NoticeSummary) -> tuple[object, ...]:
    """What decides where a notice stands in the tree, whatever the grouping."""
    return (summary.year, summary.series_code, summary.doc_number, summary.folder, summary.status)


def _list_order(summary: NoticeSummary, series_rank: dict[str | None, int]) -> tuple[int, ...]:
    """NoticeService.list's order: newest year first (no year last), series as the list had
    them, highest 文号 first (drafts last), then by id."""
    year = -summary.year if summary.year is not None else 1
    number = -summary.number if summary.number is not None else 1
    return (year, series_rank[summary.series_code], number, summary.id)


@dataclass(slots=True)
class _Order:
    """Notice ids, their nodes and their (group, subgroup) labels, in the tree's order."""

    ids: list[int]
    nodes: list[Node]
    keys: list[tuple[str, str]]


def build_tree(
    summaries: Iterable[NoticeSummary],
    *,
    search: str = "",
    matching_ids: set[int] | None = None,
    grouping: Grouping = Grouping.YEAR_SERIES,
) -> Node:
    """Group notices (by year and series, folder and year, or status and year), in the order
    given; keep those the search finds. See NoticeCatalogue, which keeps its work between
    searches."""
    return NoticeCatalogue(list(summaries)).build(
        search=search, matching_ids=matching_ids, grouping=grouping
    )
