"""Which numbered items of a notice are activities, and what each one says.

Items become activities under headings such as 活动内容 / 主要活动 / 工作举措, or in any list whose
items carry 完成时限 / 牵头部门 / 责任部门 information; items under 工作要求, 总体要求 and the like
never do. A list may sit directly under the section (（一） items) or one level deeper, grouped
(（一）学习教育 → 1. … 2. …); a table with 活动内容 and 完成时限 columns is read row by row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import ActivityData
from unionoffice.importing.activity_info import (
    ActivityInfo,
    first_sentence,
    parse_info,
    split_inline_info,
)
from unionoffice.importing.activity_tables import table_activities
from unionoffice.importing.document import Line, Table
from unionoffice.importing.patterns import is_label_line, section_kind

_TERMINAL = "。！？；：…"


@dataclass(frozen=True)
class _Node:
    index: int
    element: Line | Table
    level: int = 0  # heading level 1..4, or 0
    text: str = ""  # heading text without its number, or the line's text
    info: bool = False  # a 完成时限 / 牵头部门 … line

    @property
    def raw(self) -> str:
        return self.element.text if isinstance(self.element, Line) else ""


@dataclass
class _Found:
    activities: list[ActivityData]
    consumed: set[int]


def extract_activities(elements: Sequence[Line | Table]) -> tuple[list[ActivityData], set[int]]:
    """The activities of one document part (the notice body or one attachment), and the
    indices of the elements they were made from (so the body can leave them out)."""
    nodes = [_node(i, e) for i, e in enumerate(elements)]
    found = _Found([], set())
    for heading, members in _sections(nodes):
        section = heading.text if heading else None
        _tables(members, section, found)
        if heading is not None and _heading_is_item(heading, members):
            _add(found, [heading, *members], None)
            continue
        kind = section_kind(section) if section else None
        if kind == "other":
            continue
        _section_items([m for m in members if m.index not in found.consumed], section, kind, found)
    return found.activities, found.consumed


def _node(index: int, element: Line | Table) -> _Node:
    if isinstance(element, Table):
        return _Node(index, element)
    heading = split_heading(element.text)
    if heading is not None:
        return _Node(index, element, heading[0], heading[2])
    return _Node(index, element, 0, element.text, is_label_line(element.text))


def _sections(nodes: list[_Node]) -> list[tuple[_Node | None, list[_Node]]]:
    sections: list[tuple[_Node | None, list[_Node]]] = [(None, [])]
    for node in nodes:
        if node.level == 1:
            sections.append((node, []))
        else:
            sections[-1][1].append(node)
    return [s for s in sections if s[0] is not None or s[1]]


def _tables(members: list[_Node], section: str | None, found: _Found) -> None:
    current = section
    for node in members:
        if node.level == 1:
            current = node.text
        if isinstance(node.element, Table):
            activities = table_activities(node.element, current)
            if activities:
                found.activities.extend(activities)
                found.consumed.add(node.index)


def _heading_is_item(heading: _Node, members: list[_Node]) -> bool:
    """A level-1 heading that is itself an activity: "一、开展…活动。（牵头部门：…）"."""
    if section_kind(heading.text) is not None:
        return False
    if split_inline_info(heading.text)[1] is not None:
        return True
    if "。" not in heading.text and len(heading.text) <= 30:
        # A short title ("一、劳动竞赛") is an item only if its labels follow at once.
        return bool(members) and members[0].info
    for node in members:
        if node.level or (_has_info([node]) and not node.info):
            return False
        if node.info:
            return True
    return False


def _section_items(
    members: list[_Node], section: str | None, kind: str | None, found: _Found
) -> None:
    levels = [m.level for m in members if m.level > 1]
    if not levels:
        _unnumbered_items(members, section, kind, found)
        return
    item_level = min(levels)
    items: list[list[_Node]] = []
    closed = False  # a paragraph after an item's labels is not part of it ("特此通知。")
    for node in members:
        if node.level == item_level:
            items.append([node])
            closed = False
        elif not items or closed or isinstance(node.element, Table):
            continue
        elif (
            not node.level
            and not node.info
            and (_has_info(items[-1]) or node.text.startswith("特此"))
        ):
            closed = True
        else:
            items[-1].append(node)
    with_info = [item for item in items if _has_info(item)]
    every_item = kind == "activity" or len(with_info) * 2 >= len(items)
    for item in items if every_item else with_info:
        children = _children(item)
        described = [c for c in children if _has_info(c)]
        own = item[: 1 + _first_child_offset(item)]
        if len(described) >= 2 or (len(children) == 1 and described and not _has_info(own)):
            # A group heading (（一）学习教育类) whose numbered children are the activities.
            for child in children if kind == "activity" else described:
                _add(found, child, section)
        else:
            _add(found, item, section)


def _unnumbered_items(
    members: list[_Node], section: str | None, kind: str | None, found: _Found
) -> None:
    """Paragraphs followed by their label lines or ending in an information bracket; or, in a
    活动内容 section without any information, every paragraph."""
    paragraphs = [m for m in members if not m.info and not isinstance(m.element, Table)]
    if not _has_info(members):
        if kind == "activity":
            for node in paragraphs:
                if not node.raw.endswith(("：", ":")):
                    _add(found, [node], section)
        return
    item: list[_Node] = []
    for node in members:
        if isinstance(node.element, Table):
            continue
        if node.info:
            if item and (item[-1].info or not item[-1].raw.endswith(("：", ":"))):
                item.append(node)
            continue
        if _has_info(item):
            _add(found, item, section)
        # An earlier paragraph without information stays in the body.
        item = [node]
    if _has_info(item):
        _add(found, item, section)


def _children(item: list[_Node]) -> list[list[_Node]]:
    children: list[list[_Node]] = []
    level = item[0].level
    for node in item[1:]:
        if node.level > level and (not children or node.level <= children[0][0].level):
            children.append([node])
        elif children:
            children[-1].append(node)
    return children


def _first_child_offset(item: list[_Node]) -> int:
    for offset, node in enumerate(item[1:]):
        if node.level:
            return offset
    return len(item) - 1


def _has_info(nodes: list[_Node]) -> bool:
    return any(n.info or split_inline_info(n.text)[1] is not None for n in nodes)


def _add(found: _Found, nodes: list[_Node], section: str | None) -> None:
    activity = build_activity(nodes, section)
    if activity is not None:
        found.activities.append(activity)
        found.consumed.update(n.index for n in nodes)


def build_activity(nodes: list[_Node], section: str | None) -> ActivityData | None:
    """One activity from an item's lines: its heading, continuation and label lines."""
    info = ActivityInfo()
    pieces: list[str] = []
    for position, node in enumerate(nodes):
        if node.info:
            parsed = parse_info(node.raw)
            if parsed is not None:
                info.merge(parsed)
            continue
        text = node.text if position == 0 else node.raw
        text, inline = split_inline_info(text)
        if inline is not None:
            info.merge(inline)
        if text:
            pieces.append(text)
    body = ""
    for piece in pieces:
        glue = "\n" if body and body[-1] in _TERMINAL else ""
        body += glue + piece
    title = first_sentence(body)
    if not title:
        return None
    return info.apply_to(ActivityData(title=title, text=body, section=section))
