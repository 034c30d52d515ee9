"""The end of a notice: 署名 and 成文日期, 附注, 抄送 and the 印发 line of the 版记.

OCR damage is expected: a date whose day is unreadable ("二0二0年一月□日") still ends the text and
takes the 署名 above it, and its year still counts.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from unionoffice.domain.chinese_numerals import ChineseNumeralError, chinese_to_int
from unionoffice.domain.headings import split_heading
from unionoffice.domain.text import collapse_spaces, to_ascii_digits
from unionoffice.importing.document import Line, Table
from unionoffice.importing.patterns import REMARK_WORDS, is_date_line, is_label_line, parse_date

ORGAN_ENDINGS = (
    "工会", "委员会", "办公室", "办公厅", "联合会", "工作委员会", "党委", "党组", "政府", "局",
    "厅", "部", "委", "公司", "集团", "中心", "总会", "协会", "学校", "医院", "工委",
)  # fmt: skip
DISTRIBUTION_RE = re.compile(r"^(?P<organ>.*?)(?P<date>[0-9〇○零一二三四五六七八九]{4}年.+日)印发$")
_UNREADABLE = "□■?？�"
_DAMAGED_DATE_RE = re.compile(
    rf"^(?P<year>[0-9〇○零一二三四五六七八九{_UNREADABLE}]{{4}})年"
    rf"[0-9一二三四五六七八九十{_UNREADABLE}]{{1,3}}月[0-9一二三四五六七八九十{_UNREADABLE}]{{1,3}}日$"
)


@dataclass
class EndMatter:
    """What the end of a notice says, collected while its body is read."""

    signature: list[str] = field(default_factory=list)
    date: dt.date | None = None
    date_year: int | None = None  # the year of a date line whose day OCR lost
    remark: list[str] = field(default_factory=list)
    attachment_note: list[str] = field(default_factory=list)
    cc: str = ""
    distributor: str = ""
    distribution_date: dt.date | None = None


def take_end_matter(text: str, members: list[Line | Table], end: EndMatter) -> bool:
    """Take 成文日期 (with the 署名 above it), 附注, 抄送 and 印发 lines; True if taken."""
    compact = collapse_spaces(text)
    if compact.startswith(("抄送：", "抄送:")):
        end.cc = compact[3:]
        return True
    if match := DISTRIBUTION_RE.match(compact):
        end.distributor = match["organ"]
        end.distribution_date = parse_date(match["date"])
        return True
    short_date = len(compact) <= 16 and compact.endswith("日")
    damaged = _DAMAGED_DATE_RE.match(to_ascii_digits(compact)) if short_date else None
    if (is_date_line(compact) or damaged) and end.date is None and end.date_year is None:
        end.date = parse_date(compact)
        if end.date is None and damaged is not None:
            end.date_year = _year(damaged["year"])
        while members and isinstance(last := members[-1], Line) and looks_like_signature(last):
            members.pop()
            end.signature.insert(0, last.text)
        return True
    bracketed = compact[:1] in "（(" and compact[-1:] in "）)"
    if (bracketed and (any(w in compact for w in REMARK_WORDS) or "此件" in compact)) or (
        compact.startswith(("附注", "联系人", "联系电话"))
        and (end.date is not None or end.date_year is not None or not _after_item_facts(members))
    ):
        end.remark.append(text)
        return True
    return False


def _after_item_facts(members: list[Line | Table]) -> bool:
    """Whether the last line is an item's fact ("地点：…"): a 联系人 after it is the item's."""
    if not members or not isinstance(members[-1], Line):
        return False
    text = members[-1].text
    heading = split_heading(text)
    return is_label_line(heading[2] if heading else text)


def _year(text: str) -> int | None:
    try:
        value = chinese_to_int(text)
    except ChineseNumeralError:
        return None
    return value if 1949 <= value <= 2100 else None


def take_imprint_table(table: Table, end: EndMatter) -> bool:
    """The 版记 as a Word table (抄送 / 印发 rows); True if taken."""
    lines = [line for row in table.rows for cell in dict.fromkeys(row) for line in cell.split("\n")]
    compact = [collapse_spaces(line) for line in lines if line.strip()]
    if not compact or not all(
        line.startswith(("抄送：", "抄送:")) or DISTRIBUTION_RE.match(line) for line in compact
    ):
        return False
    for line in compact:
        take_end_matter(line, [], end)
    return True


def bracketed(remark: str) -> str:
    """附注 are printed in round brackets: "联系人：…" → "（联系人：…）"."""
    if remark[:1] in "（(" and remark[-1:] in "）)":
        return remark
    return f"（{remark}）"


def numbered(titles: list[str]) -> list[str]:
    """The 附件说明 a notice with attachments has: the title, or "1.…" lines for several."""
    if len(titles) <= 1:
        return titles
    return [f"{number}.{title}" for number, title in enumerate(titles, start=1)]


def looks_like_signature(line: Line) -> bool:
    """A short organ name on its own line: the 署名 above the date."""
    text = line.text
    return (
        len(text) <= 30
        and split_heading(text) is None
        and not re.search(r"[。，：；、！？]", text)
        and text.endswith(ORGAN_ENDINGS)
    )
