"""The document tree as plain Python: year → 文号 series → notice, filtered by a search.

No Qt here, so the grouping and filtering are tested without widgets; tree_model.py adapts
it to a QAbstractItemModel.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from unionoffice.domain.notice import NoticeStatus

if TYPE_CHECKING:  # the window is built before SQLAlchemy is imported
    from unionoffice.storage.services.notices import NoticeSummary

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


@dataclass(eq=False)
class Node:
    """One row of the tree; a notice node carries its NoticeSummary."""

    kind: NodeKind
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    notice: NoticeSummary | None = None
    # notice_count(), kept once asked: the model asks it of every year and series it paints.
    _count: int | None = field(default=None, repr=False)

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        node: Node | None = self
        while node is not None and node._count is not None:
            node._count = None
            node = node.parent
        return child

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

    def walk(self) -> Iterable[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

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


def matches_header(summary: NoticeSummary, text: str, header: str | None = None) -> bool:
    """Whether every word of ``text`` is in the notice's 文号, title or organ.

    ``header`` is header_text(summary) when the caller keeps it (it is asked per keystroke).
    """
    haystack = header if header is not None else header_text(summary)
    return all(word in haystack for word in text.split())


def build_tree(
    summaries: Iterable[NoticeSummary],
    *,
    search: str = "",
    matching_ids: set[int] | None = None,
    headers: Mapping[int, str] | None = None,
    labels: dict[int, str] | None = None,
    grouping: Grouping = Grouping.YEAR_SERIES,
) -> Node:
    """Group notices (by year and series, folder and year, or status and year), in the order
    given; keep those the search finds.

    A notice is kept when its header matches ``search`` or its id is in ``matching_ids`` (what
    the database found in body, activities and departments); ``headers`` maps ids to their
    header_text, kept by the caller so a keystroke does not build 10,000 strings again;
    ``labels`` is the caller's cache of notice labels, filled as they are made.
    """
    root = Node(NodeKind.ROOT, "")
    groups: dict[str, Node] = {}
    subgroups: dict[tuple[str, str], Node] = {}
    search = search.strip()
    headers = headers or {}
    kept = [
        s
        for s in summaries
        if not search
        or (matching_ids and s.id in matching_ids)
        or matches_header(s, search, headers.get(s.id))
    ]
    if grouping is Grouping.STATUS:  # drafts first: they are what the clerk is working on
        order = {status: rank for rank, status in enumerate(NoticeStatus)}
        kept.sort(key=lambda s: order[s.status])
    elif grouping is Grouping.FOLDER:  # folders by name, 未归档 last; notices keep their order
        kept.sort(key=lambda s: (not s.folder.strip(), s.folder.strip()))
    for summary in kept:
        key = grouping.keys(summary)
        group = groups.get(key[0])
        if group is None:
            group = groups[key[0]] = root.add(Node(NodeKind.GROUP, key[0]))
        subgroup = subgroups.get(key)
        if subgroup is None:
            subgroup = subgroups[key] = group.add(Node(NodeKind.SUBGROUP, key[1]))
        label = labels.get(summary.id) if labels is not None else None
        if label is None:
            label = notice_label(summary)
            if labels is not None:
                labels[summary.id] = label
        subgroup.add(Node(NodeKind.NOTICE, label, notice=summary))
    return root
