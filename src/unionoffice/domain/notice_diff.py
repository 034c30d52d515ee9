"""Which parts of two versions of a notice differ, said the way a clerk names them.

Used when a save is refused because someone else saved first: the message lists what differs
between the clerk's copy and the one in the database (标题, 主送机关, 正文 with its paragraph
counts, 活动 with their counts …), so the clerk knows what "save mine over theirs" would undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionoffice.domain.notice import ActivityData, NoticeData

# (attribute, label) of the single-value fields, in the order the editor shows them.
_FIELDS = (
    ("copy_number", "份号"),
    ("secrecy", "密级"),
    ("secrecy_term", "保密期限"),
    ("urgency", "紧急程度"),
    ("organ", "发文机关"),
    ("doc_number", "文号"),
    ("issuer", "签发人"),
    ("title", "标题"),
    ("recipients", "主送机关"),
    ("attachment_note", "附件说明"),
    ("attendees", "出席"),
    ("absentees", "请假"),
    ("observers", "列席"),
    ("signature", "署名"),
    ("date", "成文日期"),
    ("remark", "附注"),
    ("cc", "抄送"),
    ("distributor", "印发机关"),
    ("distribution_date", "印发日期"),
)


@dataclass(frozen=True)
class Difference:
    """One part that differs: ``label`` names it, ``detail`` says how (may be empty)."""

    key: str
    label: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{self.label}（{self.detail}）" if self.detail else self.label


def notice_differences(mine: NoticeData, theirs: NoticeData) -> list[Difference]:
    """The parts of ``mine`` that are not as in ``theirs``, in the editor's order."""
    found = [
        Difference(key, label)
        for key, label in _FIELDS
        if _normal(getattr(mine, key)) != _normal(getattr(theirs, key))
    ]
    if [(b.kind, b.level, b.text) for b in mine.body] != [
        (b.kind, b.level, b.text) for b in theirs.body
    ]:
        found.append(Difference("body", "正文", _counts(len(mine.body), len(theirs.body), "段")))
    if [_activity_key(a) for a in mine.activities] != [_activity_key(a) for a in theirs.activities]:
        found.append(
            Difference(
                "activities",
                "活动安排",
                _counts(len(mine.activities), len(theirs.activities), "项"),
            )
        )
    return found


def describe_differences(differences: list[Difference]) -> str:
    """The differences in one line, e.g. 标题、正文（您的 11 段，数据库中 12 段）; "" for none."""
    return "、".join(str(d) for d in differences)


def describe_conflict(base: NoticeData, mine: NoticeData, theirs: NoticeData) -> str:
    """The differences between ``mine`` and ``theirs``, each saying who changed it since
    ``base`` (the version both started from), e.g. 标题（您改的）、主送机关（对方改的）."""
    by_me = {d.key for d in notice_differences(base, mine)}
    by_them = {d.key for d in notice_differences(base, theirs)}
    parts = []
    for difference in notice_differences(mine, theirs):
        if difference.key in by_me and difference.key in by_them:
            who = "双方都改了"
        elif difference.key in by_them:
            who = "对方改的"
        elif difference.key in by_me:
            who = "您改的"
        else:
            who = ""
        detail = "；".join(text for text in (difference.detail, who) if text)
        parts.append(f"{difference.label}（{detail}）" if detail else difference.label)
    return "、".join(parts)


def _counts(mine: int, theirs: int, unit: str) -> str:
    if mine == theirs:
        return f"都是 {mine} {unit}，内容不同"
    return f"您的 {mine} {unit}，数据库中 {theirs} {unit}"


def _normal(value: object) -> object:
    return value.strip() if isinstance(value, str) else value or None


def _activity_key(activity: ActivityData) -> tuple[object, ...]:
    return (
        activity.title,
        activity.text,
        activity.section,
        activity.deadline,
        tuple(activity.lead),
        tuple(activity.cooperating),
        activity.leader or None,
        activity.status,
        activity.note,
    )
