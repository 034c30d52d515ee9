"""The notice's own facts when its text is damaged or partial: the 发文机关 and the year.

The organ is named in several places (标志, 署名, "单位（盖章）：…", the title before 关于, the
版记): the first intact mention counts, one that OCR damaged ("松溪县总エ会", "梨花湾区总工合"
where two other mentions agree on "梨花湾区总工会") is passed over. The year comes from the 成文
日期 or 文号, else the title, else a date line whose day is unreadable, else the years the body
names ("2020年是…收官之年"); when none can be found the notice has no year and the import report
says so: the current year is never taken silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unionoffice.importing.end_matter import ORGAN_ENDINGS
from unionoffice.importing.patterns import CJK

_INTACT_RE = re.compile(rf"^[{CJK}（）()·]{{2,40}}$")
_SEAL_RE = re.compile(r"^(?:填报|报送|申报)?单位[（(]?(?:盖章|公章|签章)[）)]?[：:](?P<organ>.+)$")
_YEAR_RE = re.compile(r"(?<![\d〔\[［])((?:19|20)\d{2})\s*年")
_QUOTED_RE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕")


@dataclass(frozen=True)
class OrganMention:
    """Where the organ is named and what the text says there."""

    source: str  # "标志", "署名", "盖章", "标题", "版记"
    name: str


def choose_organ(mentions: Iterable[OrganMention]) -> str | None:
    """The first intact mention that the other mentions do not outvote."""
    named = [m for m in mentions if m.name]
    for mention in named:
        if not _INTACT_RE.match(mention.name):
            continue
        others = [m.name for m in named if m is not mention and m.name != mention.name]
        agreed = [n for n, count in Counter(others).items() if count >= 2]
        if any(_misread(mention.name, name) for name in agreed):
            continue  # "梨花湾区总工合" when two mentions say "梨花湾区总工会"
        return mention.name
    return None


def _misread(text: str, other: str) -> bool:
    """The same length and one or two characters apart: an OCR misreading."""
    if len(text) != len(other):
        return False
    return 0 < sum(a != b for a, b in zip(text, other, strict=True)) <= 2


def seal_organ(lines: Iterable[str]) -> str | None:
    """ "单位（盖章）：梨花湾区总工会" in a task list the notice asks to be returned."""
    for line in lines:
        match = _SEAL_RE.match(line) if "章" in line[:8] else None
        if match and match["organ"].strip().endswith(ORGAN_ENDINGS):
            return match["organ"].strip()
    return None


def title_organ(title: str) -> str | None:
    """ "海东市总工会关于…" -> "海东市总工会"."""
    head, sep, _ = title.partition("关于")
    head = head.strip()
    if sep and 2 <= len(head) <= 30 and head.endswith(ORGAN_ENDINGS):
        return head
    return None


def year_in_text(texts: Sequence[str]) -> int | None:
    """The year the body names most often (the first of equals); 《titles》 and 〔文号〕 of
    other documents do not count."""
    counts: Counter[int] = Counter()
    for text in texts:
        for match in _YEAR_RE.finditer(_QUOTED_RE.sub("", text)):
            counts[int(match[1])] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def title_year(title: str) -> int | None:
    """The year a title names: "关于做好2021年…的通知" -> 2021."""
    match = _YEAR_RE.search(title)
    return int(match[1]) if match else None
