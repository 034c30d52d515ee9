"""Which numbered items of a notice are activities, and what each one says.

Items become activities under headings such as 活动内容 / 主要活动 / 工作安排, after a paragraph
such as "现将有关活动安排如下：", or in any list whose items carry 完成时限 / 牵头部门 / 时间 / 地点
information or start with their date; items under 工作要求, 总体要求, "有关要求：" and the like
never do. A list may sit directly under the section (（一） items) or one level deeper, grouped
(（一）学习教育 → 1. … 2. …) or under a sub-section heading ((二）主要活动 → 1. …); a table with
活动内容 and 完成时限 columns is read row by row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from unionoffice.domain.headings import split_heading
from unionoffice.domain.notice import ActivityData
from unionoffice.importing.activity_info import (
    ActivityInfo,
    first_sentence,
    normalise_value,
    parse_info,
    split_deadline_note,
    split_inline_info,
)
from unionoffice.importing.activity_tables import table_activities
from unionoffice.importing.document import Line, Table
from unionoffice.importing.item_text import (
    first_clause,
    invited,
    place_in_prose,
    sentence_deadline,
    split_date_prefix,
)
from unionoffice.importing.patterns import is_label_line, section_kind

_TERMINAL = "。！？；：…"
_MAX_SUBSECTION_TITLE = 12
# A paragraph that announces the list after it: "现将有关活动安排如下：", "有关要求如下：".
_INTRO_ACTIVITY_RE = re.compile(
    r"(?:安排|活动|内容|任务|项目)(?:通知)?如下|如下(?:活动|安排)|见下表"
)
_INTRO_OTHER_RE = re.compile(r"要求|注意事项|须知")
# "一、培训时间和地点" over "1.时间：…": the notice's own facts, not an item.
_FACT_SECTION_RE = re.compile(r"(?:时间|地点|对象|人员|范围)[：:]?$")


@dataclass(frozen=True)
class _Node:
    index: int
    element: Line | Table
    level: int = 0  # heading level 1..4, or 0
    text: str = ""  # heading text without its number, or the line's text
    info: bool = False  # a 完成时限 / 牵头部门 / 时间 / 地点 … line, numbered ("1.时间：") or not
    dated: bool = False  # starts with its date: "3月8日（星期二）上午，…"
    inline: bool = False  # ends with its information: "…。（牵头部门：…）"

    @property
    def raw(self) -> str:
        return self.element.text if isinstance(self.element, Line) else ""


@dataclass
class _Found:
    activities: list[ActivityData]
    consumed: set[int]
    first_leads: bool = False


def extract_activities(
    elements: Sequence[Line | Table], first_leads: bool = False
) -> tuple[list[ActivityData], set[int]]:
    """The activities of one document part (the notice body or one attachment), and the
    indices of the elements they were made from (so the body can leave them out).

    ``first_leads``: the notice says the first of several 责任单位 leads.
    """
    nodes = [_node(i, e) for i, e in enumerate(elements)]
    found = _Found([], set(), first_leads)
    for heading, members in _sections(nodes):
        section = heading.text if heading else None
        _tables(members, section, found)
        if heading is not None and _heading_is_item(heading, members):
            _add(found, [heading, *members], None)
            continue
        kind = section_kind(section) if section else None
        if kind == "other":
            continue
        rest = [m for m in members if m.index not in found.consumed]
        for group_kind, strict, group in _groups(rest, kind):
            _section_items(group, section, group_kind, strict, found)
    return found.activities, found.consumed


def _node(index: int, element: Line | Table) -> _Node:
    if isinstance(element, Table):
        return _Node(index, element)
    heading = split_heading(element.text)
    if heading is not None:
        if heading[0] > 1 and is_label_line(heading[2]):
            return _Node(index, element, 0, heading[2], True)  # "2.地点：县文化广场"
        level, text = heading[0], heading[2]
    else:
        level, text = 0, element.text
    info = level == 0 and is_label_line(text)
    dated = split_date_prefix(text) is not None
    inline = not info and split_inline_info(text)[1] is not None
    return _Node(index, element, level, text, info, dated, inline)


def _sections(nodes: list[_Node]) -> list[tuple[_Node | None, list[_Node]]]:
    sections: list[tuple[_Node | None, list[_Node]]] = [(None, [])]
    for node in nodes:
        if node.level == 1:
            sections.append((node, []))
        else:
            sections[-1][1].append(node)
    return [s for s in sections if s[0] is not None or s[1]]


def _groups(members: list[_Node], kind: str | None) -> list[tuple[str | None, bool, list[_Node]]]:
    """Split a section at paragraphs that announce the list after them ("现将有关活动安排如下：",
    "有关要求："). Each group: its kind, whether that kind came from such a paragraph (then only
    items with a date or information are activities), and its members."""
    groups: list[tuple[str | None, bool, list[_Node]]] = [(kind, False, [])]
    for node in members:
        intro = _intro_kind(node) if kind != "other" else None
        if intro is not None:
            groups.append((intro, True, []))
        groups[-1][2].append(node)
    return groups


def _intro_kind(node: _Node) -> str | None:
    if node.level or node.info or isinstance(node.element, Table):
        return None
    text = node.text.rstrip()
    if not text.endswith(("：", ":", "。")) or len(text) > 200:
        return None
    tail = text[-24:]
    if _INTRO_OTHER_RE.search(tail) and text.endswith(("：", ":")):
        return "other"
    if _INTRO_ACTIVITY_RE.search(tail):
        return "activity"
    return None


def _tables(members: list[_Node], section: str | None, found: _Found) -> None:
    current = section
    for node in members:
        if node.level == 1:
            current = node.text
        if isinstance(node.element, Table):
            activities = table_activities(node.element, current, found.first_leads)
            if activities:
                found.activities.extend(activities)
                found.consumed.add(node.index)


def _heading_is_item(heading: _Node, members: list[_Node]) -> bool:
    """A level-1 heading that is itself an activity: "一、开展…活动。（牵头部门：…）"."""
    if section_kind(heading.text) is not None or _FACT_SECTION_RE.search(heading.text):
        return False
    if heading.inline:
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
    members: list[_Node], section: str | None, kind: str | None, strict: bool, found: _Found
) -> None:
    if kind == "other":
        return
    levels = [m.level for m in members if m.level > 1]
    if not levels:
        _unnumbered_items(members, section, kind, strict, found)
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
    marked = [item for item in items if _has_info(item) or item[0].dated]
    every_item = kind == "activity" or len(marked) * 2 >= len(items)
    for item in items:
        sub_kind = _subsection_kind(item)
        if sub_kind is not None:
            if sub_kind == "activity":
                _section_items(item[1:], section, "activity", False, found)
            continue
        if every_item or item in marked:
            _add_item(item, section, kind, found)


def _subsection_kind(item: list[_Node]) -> str | None:
    """ "（二）主要活动" over its own list: "activity"; "（一）活动时间": "other"; else None."""
    head = item[0]
    if len(head.text) > _MAX_SUBSECTION_TITLE or re.search(r"[。，；：]", head.text):
        return None
    if len(item) == 1 or _has_info(item[:1]):
        return None
    return section_kind(head.text)


def _add_item(item: list[_Node], section: str | None, kind: str | None, found: _Found) -> None:
    children = _children(item)
    described = [c for c in children if _has_info(c) or c[0].dated]
    own = item[: 1 + _first_child_offset(item)]
    if len(described) >= 2 or (len(children) == 1 and described and not _has_info(own)):
        # A group heading (（一）学习教育类) whose numbered children are the activities.
        for child in children if kind == "activity" else described:
            _add(found, child, section)
    elif children and kind == "activity" and not _has_info(own) and _is_title(item[0]):
        for child in children:
            _add(found, child, section)
    else:
        _add(found, item, section)


def _is_title(node: _Node) -> bool:
    return len(node.text) <= 20 and not re.search(r"[。；]", node.text)


def _unnumbered_items(
    members: list[_Node], section: str | None, kind: str | None, strict: bool, found: _Found
) -> None:
    """Paragraphs followed by their label lines or ending in an information bracket; in a
    活动内容 section without any information, every paragraph; after "活动安排如下：", every
    paragraph that starts with its date."""
    paragraphs = [m for m in members if not m.info and not isinstance(m.element, Table)]
    if not _has_info(members):
        if kind == "activity":
            for node in paragraphs:
                if (node.dated or not strict) and not node.raw.endswith(("：", ":")):
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
        if _has_info(item) or (kind == "activity" and item and item[0].dated):
            _add(found, item, section)
        # An earlier paragraph without information stays in the body.
        item = [node]
    if _has_info(item) or (kind == "activity" and item and item[0].dated):
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
    return any(n.info or n.inline for n in nodes)


def _add(found: _Found, nodes: list[_Node], section: str | None) -> None:
    activity = build_activity(nodes, section, found.first_leads)
    if activity is not None:
        found.activities.append(activity)
        found.consumed.update(n.index for n in nodes)


def build_activity(
    nodes: list[_Node], section: str | None, first_leads: bool = False
) -> ActivityData | None:
    """One activity from an item's lines: its heading, continuation and label lines."""
    info = ActivityInfo()
    pieces: list[str] = []
    heading_title = ""
    for position, node in enumerate(nodes):
        if node.info:
            parsed = parse_info(node.text)
            if parsed is not None:
                info.merge(parsed)
            continue
        text = node.text if position == 0 else node.raw
        text, inline = split_inline_info(text)
        if inline is not None:
            info.merge(inline)
        if position == 0 and node.level and len(nodes) > 1 and _is_title(node):
            heading_title = text.rstrip("：:")  # "（一）技能培训进企业" over its paragraph
        if text:
            pieces.append(text)
    body = ""
    for piece in pieces:
        glue = "\n" if body and (body[-1] in _TERMINAL or body == heading_title) else ""
        body += glue + piece
    title = heading_title or first_sentence(body)
    dated = split_date_prefix(pieces[0]) if pieces else None
    if dated is not None:
        when, rest = dated
        title = first_clause(rest) or title
        if not info.deadline:
            info.deadline, note = split_deadline_note(when)
            info.notes.extend([note] if note else [])
        info.place = info.place or normalise_value(place_in_prose(rest))
        info.participants = info.participants or normalise_value(invited(rest))
    elif not info.deadline and (done := sentence_deadline(body)) is not None:
        info.deadline = split_deadline_note(done[0])[0]
        sentence_end = re.search("[。！？!?]", body)
        if not heading_title and (sentence_end is None or done[1] < sentence_end.start()):
            title = first_sentence(body[: done[1]]) or title  # "举办…大赛，11月底前完成"
    if not title:
        return None
    activity = ActivityData(title=title, text=body, section=section)
    return info.apply_to(activity, first_leads)
