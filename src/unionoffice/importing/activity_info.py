"""The 完成时限 / 牵头部门 / 配合部门 / 责任领导 information of one activity, in whatever form an
office wrote it: label lines, a bracket at the end of the item, or 责任部门 lists whose first
department leads."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionoffice.domain.notice import ActivityData
from unionoffice.domain.text import collapse_spaces
from unionoffice.importing.patterns import LABEL_KIND, LABEL_RE

_EDGE_PUNCTUATION = " ，,；;。．.、：:）)（(\n"
_SEPARATORS = "、，,;；及\n/／"
_OPENING = "（("
_CLOSING = "）)"
_COLLECTIVE_SUFFIX_RE = re.compile(r"等(?:相关|有关)?(?:单位|部门|部室|处室|科室)?$")
# "（省总宣教部牵头，各市（州）总工会配合）": departments named without labels.
_LEAD_COOP_RE = re.compile(
    r"^(?:由)?(?P<lead>.+?)(?:负责)?牵头(?:负责|组织|实施)?(?:[，,；;、]\s*"
    r"(?P<coop>.+?)(?:共同|积极|协助)?(?:配合|参与)(?:实施|落实)?)?[。.]?$"
)


@dataclass
class ActivityInfo:
    """What the labels of one item said. ``responsible`` lists 责任部门 (the first one leads)."""

    deadline: str = ""
    lead: list[str] = field(default_factory=list)
    cooperating: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)

    def merge(self, other: ActivityInfo) -> None:
        """Add what ``other`` says; a deadline already known is kept."""
        self.deadline = self.deadline or other.deadline
        for name in ("lead", "cooperating", "responsible", "leaders"):
            mine: list[str] = getattr(self, name)
            mine.extend(v for v in getattr(other, name) if v not in mine)

    def apply_to(self, activity: ActivityData) -> ActivityData:
        """Fill the activity's deadline, departments and leader."""
        lead = list(self.lead)
        cooperating = list(self.cooperating)
        if self.responsible and lead:
            cooperating.extend(self.responsible)
        elif self.responsible:
            lead.append(self.responsible[0])
            cooperating.extend(self.responsible[1:])
        activity.deadline = self.deadline
        activity.lead = _unique(lead)
        activity.cooperating = [d for d in _unique(cooperating) if d not in activity.lead]
        activity.leader = "、".join(self.leaders) or None
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
            info.deadline = info.deadline or normalise_deadline(value)
        else:
            names: list[str] = getattr(info, "leaders" if kind == "leader" else kind)
            names.extend(n for n in split_departments(value) if n not in names)
    return info


def split_inline_info(text: str) -> tuple[str, ActivityInfo | None]:
    """Take the information off the end of an item's text.

    Handles "…氛围。（牵头部门：经济技术部，配合部门：宣教部。）", "…（宣教部牵头，各市州配合）" and
    "…活动。牵头部门：宣教部；完成时限：4月。" and returns the text without it.
    """
    stripped = text.rstrip(" 。．.；;")
    if stripped and stripped[-1] in _CLOSING:
        start = _matching_opening(stripped)
        if start is not None:
            content = stripped[start + 1 : -1]
            info = parse_info(content) or _lead_coop(content)
            if info is not None:
                before = stripped[:start].rstrip()
                ending = "。" if text.rstrip().endswith(("。", ".")) and before[-1:] != "。" else ""
                return before + ending, info
    for match in LABEL_RE.finditer(text):
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
    """The 完成时限 as written, without spaces and trailing punctuation."""
    return collapse_spaces(value).strip(_EDGE_PUNCTUATION)


def first_sentence(text: str) -> str:
    """An activity's title: its text up to the first 。 (or all of it)."""
    match = re.search(r"[。！？!?]", text)
    sentence = text[: match.start()] if match else text
    return sentence.strip(" ：:；;，,")


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))
