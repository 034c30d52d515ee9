"""Heading numbering of official documents: 一、 （一） 1. （1）, the four levels of GB/T 9704."""

from __future__ import annotations

import re

from unionoffice.domain.chinese_numerals import chinese_to_int, int_to_chinese

HEADING_LEVELS = (1, 2, 3, 4)

_CN = "[零〇一二三四五六七八九十百]+"
# Half-width brackets, stray spaces and "- " list markers come from extracted text.
_HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^(?P<num>{_CN})\s*[、，,.．]\s*(?P<text>.*)$", re.S)),
    (2, re.compile(rf"^[（(]\s*(?P<num>{_CN})\s*[）)]\s*[、，,.．]?\s*(?P<text>.*)$", re.S)),
    # Up to four digits: a task list may number more than 999 items.
    (3, re.compile(r"^(?P<num>[0-9０-９]{1,4})\s*[.．、](?![0-9０-９])\s*(?P<text>.*)$", re.S)),
    (
        4,
        re.compile(
            r"^[（(]\s*(?P<num>[0-9０-９]{1,4})\s*[）)]\s*[、，,.．]?\s*(?P<text>.*)$", re.S
        ),
    ),
)


def heading_number(level: int, index: int) -> str:
    """The number written before the ``index``-th (1-based) heading of ``level``."""
    if level == 1:
        return f"{int_to_chinese(index)}、"
    if level == 2:
        return f"（{int_to_chinese(index)}）"
    if level == 3:
        return f"{index}."
    if level == 4:
        return f"（{index}）"
    raise ValueError(f"heading level must be 1..4, not {level}")


class HeadingNumbering:
    """Numbers headings in the order they come: each counts on from the last heading of its
    level and restarts below every higher heading."""

    def __init__(self) -> None:
        self._counts = [0, 0, 0, 0, 0]

    def next_number(self, level: int) -> str:
        """The number of the next heading of ``level``."""
        self._counts[level] += 1
        for deeper in range(level + 1, 5):
            self._counts[deeper] = 0
        return heading_number(level, self._counts[level])

    def number_items(self, level: int, count: int) -> int:
        """Count ``count`` items numbered as headings of ``level`` (the activities, as （一）
        items) and return the first one's index."""
        first = self._counts[level] + 1
        self._counts[level] += count
        return first


def split_heading(text: str) -> tuple[int, int, str] | None:
    """Split "（十二）组织开展…" into (level 2, number 12, "组织开展…"), or None."""
    stripped = text.strip()
    for level, pattern in _HEADING_PATTERNS:
        match = pattern.match(stripped)
        if match and match["text"].strip():
            number = match["num"].translate(str.maketrans("０１２３４５６７８９", "0123456789"))
            value = int(number) if number.isdigit() else chinese_to_int(number)
            if level == 3 and 1900 <= value < 2100 and match["text"].lstrip()[:1].isdigit():
                continue  # "2020、2021年连续两年…" starts with years, not item 2020
            return level, value, match["text"].strip()
    return None
