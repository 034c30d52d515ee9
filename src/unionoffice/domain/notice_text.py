"""The GB/T 9704 text rules that the Word export and the page preview share.

How wide text is in 字, where a long title may break and into which lines, how the 成文日期
is written, the names in a 附件说明, an activity's title sentence and its 完成时限. The Word
export writes with these and the preview (``notice_layout``) measures with them, so the two
set a notice alike.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata

from unionoffice.domain.notice import ActivityData

TITLE_CHARS_PER_LINE = 20  # 156 mm / 22 pt (二号)
_DOC_KINDS = ("通知", "决定", "意见", "报告", "函", "批复", "通报", "请示", "公告", "通告", "纪要")
_RANGE = re.compile(r"(\d)\s*[-‐‑‒–―－~～〜]\s*(\d)")
_SENTENCE_END = "。；;！!？?"


def char_width(char: str) -> float:
    """Width in 字: CJK, full-width and ambiguous (“”) 1, combining marks 0, others ½."""
    if unicodedata.combining(char):
        return 0.0
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


def text_width(text: str) -> float:
    """Width of ``text`` in 字 of its font size (ASCII counts ½)."""
    return sum(char_width(char) for char in text)


def title_break_points(title: str, organ: str | None) -> list[int]:
    """Indexes before which a title may break.

    GB/T 9704 breaks a long title only between words. Without a dictionary, titles break only
    where official titles have joints: after the organ's name, before 关于 and 暨, around 《》,
    after a comma or closing quote and before 的通知.
    """
    points = set()
    if organ and title.startswith(organ):
        points.add(len(organ))
    for index, char in enumerate(title):
        if char in "《暨" or title.startswith("关于", index):
            points.add(index)
        if char in "》，、；：” \u3000":
            points.add(index + 1)
    for kind in _DOC_KINDS:
        if title.endswith("的" + kind):
            points.add(len(title) - len(kind) - 1)
    return sorted(p for p in points if 0 < p < len(title))


def break_title(
    title: str, organ: str | None = None, chars_per_line: float = TITLE_CHARS_PER_LINE
) -> list[str]:
    """The title's lines: one line if it fits, else the most even split at its break points.

    Returns the title as one line when no split at break points fits (Word then wraps it).
    """
    title = title.strip()
    if text_width(title) <= chars_per_line:
        return [title]
    joints = title_break_points(title, organ)
    for breaks in range(1, 4):
        best: tuple[float, list[str]] | None = None
        for cut in itertools.combinations(joints, breaks):
            bounds = (0, *cut, len(title))
            lines = [title[a:b].strip() for a, b in itertools.pairwise(bounds)]
            widths = [text_width(line) for line in lines]
            if max(widths) > chars_per_line:
                continue
            spread = max(widths) - min(widths)
            if best is None or spread < best[0]:
                best = (spread, lines)
        if best is not None:
            return best[1]
    return [title]


def format_chinese_date(value: dt.date | None) -> str:
    """2021年4月6日: Arabic numerals, no zero padding (GB/T 9704 7.3.5.1)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def note_items(note: str) -> list[str]:
    """The attachment names of a 附件说明, without "附件：", numbers or closing punctuation."""
    text = note.strip()
    for prefix in ("附件：", "附件:"):
        if text.startswith(prefix):
            text = text[len(prefix) :]
    items = []
    for line in text.splitlines():
        line = line.strip().rstrip("。.；;，,")
        head, sep, rest = line.partition(".")
        if sep and head.strip().isdigit():
            line = rest.strip()
        if line:
            items.append(line)
    return items


def split_activity_title(activity: ActivityData) -> tuple[str, str]:
    """(title sentence with its full stop, rest of the text)."""
    title = activity.title.strip()
    text = activity.text.strip()
    if text.startswith(title):
        rest = text[len(title) :]
        if rest[:1] and rest[0] in _SENTENCE_END:
            return title + rest[0], rest[1:].lstrip()
        return title + ("" if title[-1:] in _SENTENCE_END else "。"), rest.lstrip()
    return title + ("" if title[-1:] in _SENTENCE_END else "。"), text


def format_deadline(text: str) -> str:
    """A date range with the 一字线 (GB/T 15834): a clerk's "5-6月份" becomes "5—6月份"."""
    return _RANGE.sub(r"\1—\2", text.strip())
