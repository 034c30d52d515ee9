"""Two versions of one notice made into one, part by part, as the clerk chooses after a conflict.

When a save is refused because another clerk saved first, the clerk may keep some parts of
each: the 标题 of one, the 主送机关 of the other, the second activity as the other clerk left it.
``conflict_parts`` lists the parts that differ, each with what both sides hold; ``merge_parts``
builds the notice from the clerk's copy with the chosen parts taken from the other.

Activities are chosen row by row when both sides have the same number of rows (the usual
case: both edited the plan's cells); when rows were added or removed on one side, the plan is
one part, taken whole from one side, since rows cannot be matched up reliably.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass

from unionoffice.domain.notice import ActivityData, NoticeData
from unionoffice.domain.notice_diff import (
    ACTIVITY_FIELDS,
    NOTICE_FIELDS,
    activity_key,
    normal,
    plain_value,
    shown_value,
)

BODY = "body"
ACTIVITIES = "activities"
ROW_PREFIX = "activity:"


@dataclass(frozen=True)
class ConflictPart:
    """One part that differs: ``key`` identifies it for ``merge_parts``."""

    key: str
    label: str  # 标题, 正文, 第 2 项活动“读书月”
    mine: str  # what the clerk's copy holds, shortened for a table cell
    theirs: str  # what the database holds


def conflict_parts(mine: NoticeData, theirs: NoticeData) -> list[ConflictPart]:
    """The parts of ``mine`` and ``theirs`` that differ, in the editor's order."""
    parts = [
        ConflictPart(key, label, _cell(getattr(mine, key)), _cell(getattr(theirs, key)))
        for key, label in NOTICE_FIELDS
        if key != "doc_number" and normal(getattr(mine, key)) != normal(getattr(theirs, key))
    ]
    mine_body = [(b.kind, b.level, b.text) for b in mine.body]
    theirs_body = [(b.kind, b.level, b.text) for b in theirs.body]
    if mine_body != theirs_body:
        parts.append(
            ConflictPart(BODY, "正文", _body_cell(mine, theirs), _body_cell(theirs, mine))
        )
    if len(mine.activities) != len(theirs.activities):
        if [activity_key(a) for a in mine.activities] != [
            activity_key(a) for a in theirs.activities
        ]:
            parts.append(
                ConflictPart(
                    ACTIVITIES,
                    "活动安排",
                    f"{len(mine.activities)} 项",
                    f"{len(theirs.activities)} 项",
                )
            )
        return parts
    for number, (a, b) in enumerate(zip(mine.activities, theirs.activities, strict=True), 1):
        if activity_key(a) != activity_key(b):
            parts.append(
                ConflictPart(
                    f"{ROW_PREFIX}{number - 1}",
                    f"第 {number} 项活动“{shown_value(b.title)}”",
                    _activity_cell(a, b),
                    _activity_cell(b, a),
                )
            )
    return parts


def merge_parts(mine: NoticeData, theirs: NoticeData, take_theirs: set[str]) -> NoticeData:
    """``mine`` with the parts named in ``take_theirs`` (keys of ``conflict_parts``) as in
    ``theirs``; the identity (id, version, number) stays ``mine``'s for the caller to set."""
    merged = copy.deepcopy(mine)
    changes: dict[str, object] = {}
    for key, _label in NOTICE_FIELDS:
        if key in take_theirs:
            changes[key] = getattr(theirs, key)
    if BODY in take_theirs:
        changes[BODY] = copy.deepcopy(theirs.body)
    if ACTIVITIES in take_theirs:
        changes[ACTIVITIES] = copy.deepcopy(theirs.activities)
    else:
        rows: list[ActivityData] = merged.activities
        for key in take_theirs:
            if key.startswith(ROW_PREFIX):
                index = int(key.removeprefix(ROW_PREFIX))
                if index < len(rows) and index < len(theirs.activities):
                    rows[index] = copy.deepcopy(theirs.activities[index])
    return dataclasses.replace(merged, **changes)  # type: ignore[arg-type]


def _cell(value: object) -> str:
    plain = plain_value(value)
    if plain in (None, ""):
        return "（空）"
    return str(plain)


def _body_cell(one: NoticeData, other: NoticeData) -> str:
    """The body's size and its first paragraph that differs from ``other``'s."""
    others = [b.text for b in other.body]
    first = next(
        (b.text for i, b in enumerate(one.body) if i >= len(others) or others[i] != b.text), ""
    )
    head = f"{len(one.body)} 段"
    return f"{head}，首处不同：{first[:40]}{'…' if len(first) > 40 else ''}" if first else head


def _activity_cell(one: ActivityData, other: ActivityData) -> str:
    """The fields of ``one`` that differ from ``other``: 完成时限：4月份；牵头部门：宣教部."""
    fields = [
        f"{label}：{_cell(getattr(one, key))}"
        for key, label in ACTIVITY_FIELDS
        if normal(plain_value(getattr(one, key))) != normal(plain_value(getattr(other, key)))
    ]
    return "；".join(fields) or "所属小节或次序不同"


def on_stored(content: NoticeData, stored: NoticeData) -> NoticeData:
    """``content`` as the next text of ``stored``: the id, version, 文号 (when one was taken),
    status and folder stay the stored ones, so that a save of it replaces exactly that."""
    numbered = stored.number is not None
    return dataclasses.replace(
        content,
        id=stored.id,
        version=stored.version,
        number=stored.number,
        series_code=stored.series_code if numbered else content.series_code,
        year=stored.year if numbered else content.year,
        status=stored.status,
        folder=stored.folder,
    )
