"""The GB/T 9704 text rules that the Word export and the page preview share.

How wide text is in 字, where a long title may break and into which lines, how the 成文日期
is written, the names in a 附件说明, an activity's title sentence and its 完成时限. The Word
export writes with these and the preview (``notice_layout``) measures with them, so the two
set a notice alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata

from unionoffice.domain.notice import ActivityData
from unionoffice.domain.page_spec import GBT9704

TITLE_CHARS_PER_LINE = GBT9704.title_chars_per_line  # 156 mm / 22 pt (二号): 20
_RANGE = re.compile(r"(\d)\s*[-‐‑‒–―－~～〜]\s*(\d)")
_SENTENCE_END = "。；;！!？?"


# Digits and Latin letters are set in Times New Roman (FontSet.ascii; LibreOffice uses its
# metric twin Liberation Serif): advance widths in thousandths of an em, space to "~".
_TIMES_WIDTHS = (
    "250 333 408 500 500 833 778 180 333 333 500 564 250 333 250 278 "
    "500 500 500 500 500 500 500 500 500 500 278 278 564 564 564 444 "
    "921 722 667 667 722 611 556 722 722 333 389 722 611 889 722 722 "
    "556 722 667 556 611 722 722 944 722 722 611 333 278 333 469 500 "
    "333 444 500 444 500 444 333 500 500 278 278 500 278 778 500 500 "
    "500 500 333 389 278 500 500 722 500 500 444 480 200 480 541"
)
_ASCII_WIDTHS = {
    chr(32 + i): int(w) / 1000 for i, w in enumerate(_TIMES_WIDTHS.split())
}
_ASCII_WIDTHS["\u00b7"] = 0.25  # 中国梦·劳动美: LibreOffice sets the middle dot in the Latin font


@functools.lru_cache(maxsize=8192)  # a notice's lines are measured a character at a time
def char_width(char: str) -> float:
    """Width in 字: CJK, full-width and ambiguous (“”) 1, combining marks 0, ASCII its Times
    New Roman width (digits ½), anything else ½."""
    ascii_width = _ASCII_WIDTHS.get(char)
    if ascii_width is not None:
        return ascii_width
    if unicodedata.combining(char):
        return 0.0
    return 1.0 if unicodedata.east_asian_width(char) in "WFA" else 0.5


# Word and LibreOffice set a little space between Chinese characters and Latin letters or
# digits (Word's 自动调整中文与西文/数字的间距, on by default; LibreOffice ignores the switch
# and always does): about a fifth of a 字, measured on LibreOffice's output.
AUTOSPACE = 0.22


def autospace(before: str, after: str) -> float:
    """The space set between two adjacent characters: CJK ideograph next to ASCII alnum."""
    if not before or not after:
        return 0.0
    latin_before = before.isascii() and before.isalnum()
    latin_after = after.isascii() and after.isalnum()
    if latin_before != latin_after and _ideograph(after if latin_before else before):
        return AUTOSPACE
    return 0.0


def _ideograph(char: str) -> bool:
    return unicodedata.category(char) == "Lo" and unicodedata.east_asian_width(char) == "W"


def text_width(text: str) -> float:
    """Width of ``text`` in 字 of its font size (ASCII at its Times New Roman width), with
    the space set between Chinese and Latin text."""
    if len(text) == 1:  # most of what line breaking measures
        return char_width(text)
    width = sum(map(char_width, text))
    for before, after in itertools.pairwise(text):
        if before.isascii() != after.isascii():
            width += autospace(before, after)
    return width


def break_title(
    title: str, organ: str | None = None, chars_per_line: float = TITLE_CHARS_PER_LINE
) -> list[str]:
    """The title's lines, broken between words into an inverted trapezoid or a diamond."""
    # title_lines measures with text_width from here: imported late to keep one direction
    from unionoffice.domain.title_lines import break_title as break_between_words

    return break_between_words(title, organ, chars_per_line)


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
