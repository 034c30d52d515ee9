"""An exported notice come back from Word: the stored notice with what was changed in the file.

A three-way merge. ``baseline`` is the stored notice as its own unedited export reads back
(the export adds an attachment for the plan, writes 5-6月份 as 5—6月份, fills an empty 署名
with the organ's name; the reader splits an item's title from its sentence); ``from_file`` is
the edited file as read. Only what differs between those two is a change someone made in Word,
and only that is carried onto ``stored``. The rest stays as stored: the 文号 (the register owns
it), status, folder, each activity's 进度 and 备注, and whatever the file cannot say.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TypeVar

from unionoffice.domain.notice import ActivityData, Block, NoticeData
from unionoffice.domain.notice_changes import align

T = TypeVar("T")

# Header fields a Word file carries, by attribute.
FILE_FIELDS = (
    "organ",
    "title",
    "recipients",
    "attachment_note",
    "signature",
    "date",
    "remark",
    "cc",
    "distributor",
    "distribution_date",
)
# The fields of an activity a Word file carries (进度 and 备注 are not exported).
FILE_ACTIVITY_FIELDS = (
    "section",
    "title",
    "text",
    "deadline",
    "lead",
    "cooperating",
    "leader",
    "responsible_person",
    "place",
    "participants",
)
_DASHES = str.maketrans({"-": "—", "－": "—", "–": "—", "~": "—", "～": "—"})


def merge_from_file(stored: NoticeData, baseline: NoticeData, from_file: NoticeData) -> NoticeData:
    """``stored`` with the changes ``from_file`` made to ``baseline`` (a new value)."""
    merged = dataclasses.replace(stored)
    for name in FILE_FIELDS:
        before, after = getattr(baseline, name), getattr(from_file, name)
        if not _same(before, after):
            setattr(merged, name, after)
    merged.body = _merge_list(stored.body, baseline.body, from_file.body, _block_key, _text, _block)
    merged.activities = _merge_list(
        stored.activities, baseline.activities, from_file.activities, _carried, _title, _activity
    )
    return merged


def _merge_list(
    stored: Sequence[T],
    baseline: Sequence[T],
    edited: Sequence[T],
    key: Callable[[T], object],
    text: Callable[[T], str],
    merge: Callable[[T, T, T], T],
) -> list[T]:
    """The stored items with the additions, removals and changes ``edited`` made to
    ``baseline``; an item the export added (in ``baseline`` only) stays out unless edited."""
    origin = dict(
        (b, s) for s, b in align(stored, baseline, key, text) if s is not None and b is not None
    )
    result: list[T] = []
    used: set[int] = set()
    for b, e in align(baseline, edited, key, text):
        s = origin.get(b) if b is not None else None
        if s is not None:
            used.add(s)
        if e is None:
            continue  # removed in the file
        if b is None or s is None:
            if b is None or key(baseline[b]) != key(edited[e]):
                result.append(edited[e])  # added in the file (or an added part edited)
            continue
        result.append(merge(stored[s], baseline[b], edited[e]))
    # Items the file cannot show (none today) stay where they were.
    for s, item in enumerate(stored):
        if s not in used and s not in origin.values():
            result.insert(min(s, len(result)), item)
    return result


def _activity(stored: ActivityData, baseline: ActivityData, edited: ActivityData) -> ActivityData:
    merged = dataclasses.replace(
        stored, lead=list(stored.lead), cooperating=list(stored.cooperating)
    )
    for name in FILE_ACTIVITY_FIELDS:
        before, after = getattr(baseline, name), getattr(edited, name)
        if not _same(before, after):
            setattr(merged, name, after)
            if name == "deadline":
                merged.period = edited.period
    return merged


def _block(stored: Block, baseline: Block, edited: Block) -> Block:
    return stored if _block_key(baseline) == _block_key(edited) else edited


def _block_key(block: Block) -> tuple[object, ...]:
    return (block.kind, block.level, _normal(block.text))


def _text(block: Block) -> str:
    return block.text


def _carried(activity: ActivityData) -> tuple[object, ...]:
    return tuple(_normal(getattr(activity, name)) for name in FILE_ACTIVITY_FIELDS)


def _title(activity: ActivityData) -> str:
    return activity.title


def _same(a: object, b: object) -> bool:
    return _normal(a) == _normal(b)


def _normal(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return "".join(value.split()).translate(_DASHES)
    if isinstance(value, list | tuple):
        return tuple(_normal(v) for v in value)
    return value
