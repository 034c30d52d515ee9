"""Which parts of two versions of a notice differ, said the way a clerk names them.

Used when a save is refused because someone else saved first: the message lists what differs
between the clerk's copy and the one in the database (标题, 主送机关, 正文 with its paragraph
counts, 活动 with their counts …), so the clerk knows what "save mine over theirs" would undo.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionoffice.domain.notice import ActivityData, NoticeData

# (attribute, label) of the single-value fields, in the order the editor shows them.
NOTICE_FIELDS = (
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
        for key, label in NOTICE_FIELDS
        if normal(getattr(mine, key)) != normal(getattr(theirs, key))
    ]
    if [(b.kind, b.level, b.text) for b in mine.body] != [
        (b.kind, b.level, b.text) for b in theirs.body
    ]:
        found.append(Difference("body", "正文", _counts(len(mine.body), len(theirs.body), "段")))
    if [activity_key(a) for a in mine.activities] != [activity_key(a) for a in theirs.activities]:
        detail = _activity_detail(mine.activities, theirs.activities)
        found.append(Difference("activities", "活动安排", detail))
    return found


# (attribute, label) of an activity's parts a clerk reads in the plan table.
ACTIVITY_FIELDS = (
    ("title", "活动内容"),
    ("deadline", "完成时限"),
    ("lead", "牵头部门"),
    ("cooperating", "配合部门"),
    ("leader", "责任领导"),
    ("responsible_person", "责任人"),
    ("place", "地点"),
    ("participants", "参加人员"),
    ("status", "进度"),
    ("note", "备注"),
    ("text", "说明"),
)
ROWS_SHOWN = 3


def _activity_detail(mine: list[ActivityData], theirs: list[ActivityData]) -> str:
    """Which rows differ and how: 第 2 项“读书月”完成时限：您的“4月份”，数据库中“5月份”; when
    the counts differ, the counts and the items only one side has."""
    if len(mine) != len(theirs):
        parts = [_counts(len(mine), len(theirs), "项")]
        mine_titles = {a.title for a in mine}
        theirs_titles = {a.title for a in theirs}
        only_theirs = [a.title for a in theirs if a.title not in mine_titles]
        only_mine = [a.title for a in mine if a.title not in theirs_titles]
        if only_theirs:
            parts.append(f"数据库中另有{_titles(only_theirs)}")
        if only_mine:
            parts.append(f"您另有{_titles(only_mine)}")
        return "，".join(parts)
    rows = []
    for number, (a, b) in enumerate(zip(mine, theirs, strict=True), start=1):
        if activity_key(a) == activity_key(b):
            continue
        fields = [
            f"{label}：您的“{shown_value(getattr(a, key))}”，"
            f"数据库中“{shown_value(getattr(b, key))}”"
            for key, label in ACTIVITY_FIELDS
            if normal(plain_value(getattr(a, key))) != normal(plain_value(getattr(b, key)))
        ] or ["所属小节或次序不同"]
        rows.append(f"第 {number} 项“{_short(b.title)}”{'，'.join(fields[:2])}")
    text = "；".join(rows[:ROWS_SHOWN])
    if len(rows) > ROWS_SHOWN:
        text += f"；另有 {len(rows) - ROWS_SHOWN} 项不同"
    return text


def plain_value(value: object) -> object:
    """A field as one text when it is a list (departments joined with 、)."""
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value) if isinstance(value, str) else value


def shown_value(value: object) -> str:
    """A field shortened for a message; （空） when empty."""
    plain = plain_value(value)
    return _short(str(plain)) if plain not in (None, "") else "（空）"


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _titles(titles: list[str]) -> str:
    named = "".join(f"“{_short(t)}”" for t in titles[:2])
    return named + (f"等 {len(titles)} 项" if len(titles) > 2 else "")


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


def normal(value: object) -> object:
    """A field as compared: text without surrounding spaces, anything empty as None."""
    return value.strip() if isinstance(value, str) else value or None


def activity_key(activity: ActivityData) -> tuple[object, ...]:
    """What makes two activity rows the same for a clerk."""
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
