"""The document tree as plain Python: year → 文号 series → notice, filtered by a search.

No Qt here, so the grouping and filtering are tested without widgets; tree_model.py adapts
it to a QAbstractItemModel.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from unionoffice.domain.notice import NoticeStatus
from unionoffice.storage.services.notices import NoticeSummary

NO_YEAR = "未定年份"
NO_SERIES = "未定文号"


class NodeKind(enum.Enum):
    ROOT = "root"
    YEAR = "year"
    SERIES = "series"
    NOTICE = "notice"


@dataclass(eq=False)
class Node:
    """One row of the tree; a notice node carries its NoticeSummary."""

    kind: NodeKind
    label: str
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)
    notice: NoticeSummary | None = None

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
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
        return sum(child.notice_count() for child in self.children)

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


def matches_header(summary: NoticeSummary, text: str) -> bool:
    """Whether every word of ``text`` is in the notice's 文号, title or organ."""
    haystack = " ".join(
        part for part in (summary.doc_number, summary.title, summary.organ, summary.folder) if part
    )
    return all(word in haystack for word in text.split())


def build_tree(
    summaries: Iterable[NoticeSummary],
    *,
    search: str = "",
    matching_ids: set[int] | None = None,
) -> Node:
    """Group notices by year and series, in the order given; keep those the search finds.

    A notice is kept when its header matches ``search`` or its id is in ``matching_ids`` (what
    the database found in body, activities and departments).
    """
    root = Node(NodeKind.ROOT, "")
    years: dict[str, Node] = {}
    series_nodes: dict[tuple[str, str], Node] = {}
    search = search.strip()
    kept = [
        s
        for s in summaries
        if not search or matches_header(s, search) or (matching_ids and s.id in matching_ids)
    ]
    for summary in kept:
        year_label = f"{summary.year}年" if summary.year else NO_YEAR
        year_node = years.get(year_label)
        if year_node is None:
            year_node = years[year_label] = root.add(Node(NodeKind.YEAR, year_label))
        series_label = summary.series_code or NO_SERIES
        key = (year_label, series_label)
        series_node = series_nodes.get(key)
        if series_node is None:
            series_node = series_nodes[key] = year_node.add(Node(NodeKind.SERIES, series_label))
        series_node.add(Node(NodeKind.NOTICE, notice_label(summary), notice=summary))
    return root
