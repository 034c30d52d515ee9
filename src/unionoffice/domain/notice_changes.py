"""What changed between two versions of a notice, part by part, for a clerk to read side by side.

Header fields with their old and new values; body paragraphs and activities lined up, each
pair kept, changed, added or removed. Used when an edited Word file comes back (what the
leader changed) and for a notice's 痕迹 (what a save changed). ``notice_diff`` says only which
parts differ, for a conflict message; this says exactly how.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal, TypeVar

from unionoffice.domain.notice import ActivityData, Block, BlockKind, NoticeData

ChangeKind = Literal["added", "removed", "changed"]
T = TypeVar("T")

# (attribute, label) of the header fields, in the editor's order.
HEADER_FIELDS = (
    ("organ", "发文机关"),
    ("doc_number", "文号"),
    ("title", "标题"),
    ("recipients", "主送机关"),
    ("attachment_note", "附件说明"),
    ("signature", "署名"),
    ("date", "成文日期"),
    ("remark", "附注"),
    ("cc", "抄送"),
    ("distributor", "印发机关"),
    ("distribution_date", "印发日期"),
)
ACTIVITY_FIELDS = (
    ("section", "分类"),
    ("title", "活动内容"),
    ("text", "说明"),
    ("deadline", "完成时限"),
    ("lead", "牵头部门"),
    ("cooperating", "配合部门"),
    ("leader", "责任领导"),
    ("responsible_person", "责任人"),
    ("place", "地点"),
    ("participants", "参加对象"),
    ("status", "进度"),
    ("note", "备注"),
)
_SIMILAR = 0.5  # how alike two items must be to count as one item changed, not two others


@dataclass(frozen=True)
class FieldChange:
    """One field whose value changed; values as the clerk reads them ("" for none)."""

    key: str
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class ItemChange:
    """A body paragraph or an activity added, removed or changed; positions count from 0."""

    kind: ChangeKind
    old_index: int | None
    new_index: int | None
    old: str = ""
    new: str = ""
    fields: tuple[FieldChange, ...] = ()  # an activity's fields that changed


@dataclass(frozen=True)
class NoticeChanges:
    """Everything that differs between two versions of a notice."""

    fields: tuple[FieldChange, ...] = ()
    paragraphs: tuple[ItemChange, ...] = ()
    activities: tuple[ItemChange, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.paragraphs or self.activities)

    def summary(self) -> str:
        """One line, e.g. 标题、成文日期；正文 2 处（修改 1、新增 1）；活动 1 项（删除 1）."""
        parts = []
        if self.fields:
            parts.append("、".join(f.label for f in self.fields))
        if self.paragraphs:
            parts.append(f"正文 {len(self.paragraphs)} 处（{_kinds(self.paragraphs)}）")
        if self.activities:
            parts.append(f"活动 {len(self.activities)} 项（{_kinds(self.activities)}）")
        return "；".join(parts) if parts else "没有改动"

    def lines(self) -> list[str]:
        """Each change on a line of its own (the command line's ``diff``)."""
        lines = [f"{f.label}：{f.old or '（空）'} → {f.new or '（空）'}" for f in self.fields]
        for change in self.paragraphs:
            lines.append(_item_line("正文", "段", change))
        for change in self.activities:
            line = _item_line("活动", "项", change)
            if change.fields:
                line += "：" + "；".join(
                    f"{f.label} {f.old or '（空）'} → {f.new or '（空）'}" for f in change.fields
                )
            lines.append(line)
        return lines


_KIND_TEXT = {"changed": "修改", "added": "新增", "removed": "删除"}


def _kinds(changes: Sequence[ItemChange]) -> str:
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in _KIND_TEXT}
    return "、".join(f"{_KIND_TEXT[k]} {n}" for k, n in counts.items() if n)


def _item_line(part: str, unit: str, change: ItemChange) -> str:
    if change.kind == "added":
        return f"{part}新增第 {(change.new_index or 0) + 1} {unit}：{change.new}"
    if change.kind == "removed":
        return f"{part}删除第 {(change.old_index or 0) + 1} {unit}：{change.old}"
    return f"{part}修改第 {(change.new_index or 0) + 1} {unit}：{change.old} → {change.new}"


def compare_notices(old: NoticeData, new: NoticeData) -> NoticeChanges:
    """How ``new`` differs from ``old`` (ids and versions aside)."""
    fields = tuple(
        FieldChange(key, label, _shown(getattr(old, key)), _shown(getattr(new, key)))
        for key, label in HEADER_FIELDS
        if _shown(getattr(old, key)) != _shown(getattr(new, key))
    )
    paragraphs = []
    for i, j in align(old.body, new.body, _block_key, _block_text):
        if i is not None and j is not None:
            if _block_key(old.body[i]) != _block_key(new.body[j]):
                paragraphs.append(
                    ItemChange("changed", i, j, block_text(old.body[i]), block_text(new.body[j]))
                )
        elif i is not None:
            paragraphs.append(ItemChange("removed", i, None, old=block_text(old.body[i])))
        elif j is not None:
            paragraphs.append(ItemChange("added", None, j, new=block_text(new.body[j])))
    activities = []
    for i, j in align(old.activities, new.activities, activity_key, _activity_title):
        if i is not None and j is not None:
            changed = activity_changes(old.activities[i], new.activities[j])
            if changed:
                activities.append(
                    ItemChange(
                        "changed",
                        i,
                        j,
                        activity_text(old.activities[i]),
                        activity_text(new.activities[j]),
                        changed,
                    )
                )
        elif i is not None:
            activities.append(ItemChange("removed", i, None, old=activity_text(old.activities[i])))
        elif j is not None:
            activities.append(ItemChange("added", None, j, new=activity_text(new.activities[j])))
    return NoticeChanges(fields, tuple(paragraphs), tuple(activities))


def align(
    old: Sequence[T],
    new: Sequence[T],
    key: Callable[[T], object],
    text: Callable[[T], str],
) -> list[tuple[int | None, int | None]]:
    """``old`` and ``new`` lined up in order: (i, j) for the same item (kept or changed),
    (i, None) for one removed, (None, j) for one added. Items that differ are paired when
    their ``text`` is alike, so an edited paragraph is one change, not a removal and an
    addition."""
    matcher = SequenceMatcher(None, [key(x) for x in old], [key(x) for x in new], autojunk=False)
    pairs: list[tuple[int | None, int | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        j = j1
        for i in range(i1, i2):
            match = next((k for k in range(j, j2) if _alike(text(old[i]), text(new[k]))), None)
            if match is None:
                pairs.append((i, None))
                continue
            pairs.extend((None, k) for k in range(j, match))
            pairs.append((i, match))
            j = match + 1
        pairs.extend((None, k) for k in range(j, j2))
    return pairs


def _alike(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SIMILAR


def activity_changes(old: ActivityData, new: ActivityData) -> tuple[FieldChange, ...]:
    """The fields of an activity that differ (the period follows its 完成时限)."""
    found = []
    for key, label in ACTIVITY_FIELDS:
        before, after = _shown(getattr(old, key)), _shown(getattr(new, key))
        if before != after:
            found.append(FieldChange(key, label, before, after))
    if old.period != new.period and not any(f.key == "deadline" for f in found):
        found.append(FieldChange("period", "日期", _period(old), _period(new)))
    return tuple(found)


def activity_key(activity: ActivityData) -> tuple[object, ...]:
    return (*(_shown(getattr(activity, key)) for key, _ in ACTIVITY_FIELDS), activity.period)


def activity_text(activity: ActivityData) -> str:
    """An activity in a line: what, by when, who leads."""
    text = activity.title
    facts = [activity.deadline.strip(), "、".join(activity.lead)]
    facts = [f for f in facts if f]
    return f"{text}（{'；'.join(facts)}）" if facts else text


def block_text(block: Block) -> str:
    if block.kind is BlockKind.HEADING:
        return f"[{block.level}级标题] {block.text}"
    if block.kind is BlockKind.ATTACHMENT:
        return f"[附件] {block.text}"
    return block.text


def _block_key(block: Block) -> tuple[object, ...]:
    return (block.kind, block.level, block.text)


def _block_text(block: Block) -> str:
    return block.text


def _activity_title(activity: ActivityData) -> str:
    return activity.title


def _period(activity: ActivityData) -> str:
    period = activity.period
    return f"{period.start}—{period.end}" if period else ""


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value).strip()
