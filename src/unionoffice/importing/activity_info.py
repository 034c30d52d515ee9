"""The 完成时限 / 牵头部门 / 配合部门 / 责任领导 / 责任人 / 时间 / 地点 / 参加对象 information of
one activity, in whatever form an office wrote it: label lines, a bracket at the end of the item,
"（X牵头，Y配合）", or 责任单位 lists.

A list that names only 责任单位 gives lead departments, all of them in their order; its first
department leads and the others cooperate only where the notice says so ("排名第一的部室为牵头
部门"): ``first_leads``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionoffice.domain.notice import ActivityData
from unionoffice.domain.text import collapse_spaces
from unionoffice.importing.patterns import LABEL_KIND, LABEL_RE

_EDGE_PUNCTUATION = " ，,；;。．.、：:）)（(\n"
_VALUE_EDGES = _EDGE_PUNCTUATION.replace("）", "").replace(")", "")  # keep "（星期二）" whole
_SEPARATORS = "、，,;；及\n/／"
_OPENING = "（("
_CLOSING = "）)"
_COLLECTIVE_SUFFIX_RE = re.compile(r"等(?:相关|有关)?(?:单位|部门|部室|处室|科室)?$")
# "（省总宣教部牵头，各市（州）总工会配合）": departments named without labels.
_WEEKDAY_NOTE_RE = re.compile(r"^(?:星期|礼拜|周)[一二三四五六日天]$")
# "排名第一的部室为牵头部门", "责任单位排在首位的为牵头单位", "第一个单位为牵头单位".
FIRST_LEADS_RE = re.compile(
    r"(?:排名第一|排在第一位?|排在首位|排名首位|列第一位?|第一个|第一位)[^。；;]{0,8}?为牵头"
)
_LEAD_COOP_RE = re.compile(
    r"^(?:由)?(?P<lead>.+?)(?:负责)?牵头(?:负责|组织|实施)?(?:[，,；;、]\s*"
    r"(?P<coop>.+?)(?:共同|积极|协助)?(?:配合|参与)(?:实施|落实)?)?[。.]?$"
)


_LIST_FIELDS = ("lead", "cooperating", "responsible", "leaders", "persons", "contacts", "notes")


@dataclass
class ActivityInfo:
    """What the labels of one item said. ``responsible`` lists 责任单位 (all lead, or the first
    one leads where the notice says so); ``persons`` the 责任人, ``contacts`` the 联系人."""

    deadline: str = ""
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    place: str = ""
    participants: str = ""
    contacts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: ActivityInfo) -> None:
        """Add what ``other`` says; a deadline, place or participants already known is kept."""
        self.deadline = self.deadline or other.deadline
        self.place = self.place or other.place
        self.participants = self.participants or other.participants
        for name in _LIST_FIELDS:
            theirs: list[str] = getattr(other, name)
            if theirs:
                mine: list[str] = getattr(self, name)
                mine.extend(v for v in theirs if v not in mine)

    @property
    def empty(self) -> bool:
        return not (
            self.deadline or self.lead or self.cooperating or self.responsible or self.leaders
            or self.persons or self.place or self.participants or self.contacts
        )  # fmt: skip

    def apply_to(self, activity: ActivityData, first_leads: bool = False) -> ActivityData:
        """Fill the activity's deadline, departments, people, place and note."""
        lead = list(self.lead)
        cooperating = list(self.cooperating)
        if self.responsible and lead:
            cooperating.extend(self.responsible)
        elif self.responsible and first_leads:
            lead.append(self.responsible[0])
            cooperating.extend(self.responsible[1:])
        else:
            lead.extend(self.responsible)
        activity.deadline = self.deadline
        activity.lead = _unique(lead)
        activity.cooperating = [d for d in _unique(cooperating) if d not in activity.lead]
        activity.leader = "、".join(self.leaders) or None
        activity.responsible_person = "、".join(self.persons) or None
        activity.place = self.place
        activity.participants = self.participants
        notes = [*self.notes, *(f"联系人：{c}" for c in self.contacts)]
        activity.note = "\n".join(n for n in [activity.note, *notes] if n)
        return activity


def parse_info(text: str) -> ActivityInfo | None:
    """Read "完成时限：4月份 牵头部门：A、B；配合部门：C" (any labels, any order), or None."""
    matches = list(LABEL_RE.finditer(text))
    if not matches:
        return None
    info = ActivityInfo()
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(text)
        value = text[match.end() : end]
        kind = LABEL_KIND[match["label"]]
        if kind == "deadline":
            if not info.deadline:
                info.deadline, note = split_deadline_note(value)
                info.notes.extend([note] if note else [])
        elif kind in ("place", "participants"):
            if not getattr(info, kind):
                setattr(info, kind, normalise_value(value))
        elif kind == "contact":
            info.contacts.append(normalise_value(value))
        else:
            attribute = {"leader": "leaders", "person": "persons"}.get(kind, kind)
            names: list[str] = getattr(info, attribute)
            names.extend(n for n in split_departments(value) if n not in names)
    return info


def split_inline_info(text: str) -> tuple[str, ActivityInfo | None]:
    """Take the information off the end of an item's text.

    Handles "…氛围。（牵头部门：经济技术部，配合部门：宣教部。）", "…（宣教部牵头，各市州配合）",
    "…活动。牵头部门：宣教部；完成时限：4月。" and a note bracket after the information
    ("（…完成时限：全年）（排名第一的部室为牵头部门，下同）"); returns the text without them.
    """
    stripped = text.rstrip(" 。．.；;")
    notes: list[str] = []
    while stripped and stripped[-1] in _CLOSING:
        start = _matching_opening(stripped)
        if start is None:
            break
        content = stripped[start + 1 : -1]
        info = (parse_info(content) if "：" in content or ":" in content else None) or _lead_coop(
            content
        )
        if info is not None:
            before = stripped[:start].rstrip()
            ending = "。" if text.rstrip().endswith(("。", ".")) and before[-1:] != "。" else ""
            info.notes.extend(reversed(notes))
            return before + ending, info
        if notes or not stripped[:start].rstrip().endswith(tuple(_CLOSING)):
            break  # an ordinary bracket ("（含劳模工作室）"), not a note after information
        notes.append(collapse_spaces(content).strip(_EDGE_PUNCTUATION))
        stripped = stripped[:start].rstrip(" 。．.；;")
    has_colon = "：" in text or ":" in text  # every label has one: most texts need no search
    for match in LABEL_RE.finditer(text) if has_colon else ():
        start = match.start()
        if start == 0 or text[start - 1] in "。；;，, （(":
            info = parse_info(text[start:])
            before = text[:start].rstrip(" ，,；;（(")
            if before and before[-1] not in "。！？":
                before += "。"
            return before, info
    return text, None


def _matching_opening(text: str) -> int | None:
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] in _CLOSING:
            depth += 1
        elif text[index] in _OPENING:
            depth -= 1
            if depth == 0:
                return index
    return None


def _lead_coop(content: str) -> ActivityInfo | None:
    match = _LEAD_COOP_RE.match(collapse_spaces(content))
    if match is None or len(match["lead"]) > 60:
        return None
    info = ActivityInfo(lead=split_departments(match["lead"]))
    if match["coop"]:
        info.cooperating = split_departments(match["coop"])
    return info if info.lead else None


def split_departments(value: str) -> list[str]:
    """ "A、B，C及D等" -> [A, B, C, D]; separators inside brackets (各市（州、县）) are kept.

    "网络和社会工作部等省总各部室" names one department and a group: both are kept.
    """
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in value:
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth = max(0, depth - 1)
        if ch in _SEPARATORS and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    names: list[str] = []
    for part in parts:
        for name in _split_collective(_clean_name(part)):
            if name and name not in names:
                names.append(name)
    return names


def _clean_name(name: str) -> str:
    name = collapse_spaces(name).strip(_EDGE_PUNCTUATION + "“”\"'")
    if name.count("（") > name.count("）"):
        name = name.rstrip("（")
    name = _COLLECTIVE_SUFFIX_RE.sub("", name)
    return name.strip(_EDGE_PUNCTUATION)


def _split_collective(name: str) -> list[str]:
    head, sep, tail = name.partition("等")
    if sep and head and ("各" in tail or "有关" in tail):
        return [head, tail]
    return [name]


def normalise_deadline(value: str) -> str:
    """The 完成时限 as written, without spaces, trailing punctuation and bracket notes."""
    return split_deadline_note(value)[0]


def split_deadline_note(value: str) -> tuple[str, str]:
    """ "9月30日前（遇节假日顺延）" -> ("9月30日前", "遇节假日顺延"); "全年）（排名第一…）" ->
    ("全年", "排名第一…"). A weekday in brackets ("3月8日（星期二）上午") is part of the time."""
    text = collapse_spaces(value).strip(_VALUE_EDGES)
    depth = 0
    for index, ch in enumerate(text):
        if ch in _OPENING:
            depth += 1
        elif ch in _CLOSING:
            depth -= 1
            if depth < 0:  # the bracket the label stood in closes: what follows is a note
                note = text[index + 1 :].strip("（()） ，,；;。")
                return text[:index].strip(_EDGE_PUNCTUATION), note
    note = ""
    while text.endswith(tuple(_CLOSING)) and (start := _matching_opening(text)):
        inner = text[start + 1 : -1]
        if _WEEKDAY_NOTE_RE.match(inner):
            break
        note = inner if not note else f"{inner}；{note}"
        text = text[:start].strip(_VALUE_EDGES)
    return text.strip(_VALUE_EDGES), note


def normalise_value(value: str) -> str:
    """A 地点 or 参加对象 as written, without spaces and the punctuation around it."""
    return collapse_spaces(value).strip(_VALUE_EDGES)


def first_sentence(text: str) -> str:
    """An activity's title: its text up to the first 。 (or all of it)."""
    match = re.search(r"[。！？!?]", text)
    sentence = text[: match.start()] if match else text
    return sentence.strip(" ：:；;，,")


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))
