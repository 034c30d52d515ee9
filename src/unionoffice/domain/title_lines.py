"""A long title broken between words into an inverted trapezoid or a diamond (GB/T 9704 7.3.3).

Words come from a dictionary segmenter (rjieba, the Rust port of jieba with its dictionary
built in: no network, no data files, a tenth of a second to load), so a title breaks between
words whatever its wording. Breaks at the joints of an official title (after the organ, before
关于 and 暨, around 《》, after a comma, before 的通知) cost least; a break between two ordinary
words costs more; a break inside a word is never made while any other shape is possible.
Of the fewest lines that fit, the cheapest shape wins: every line at least as long as the
next (inverted trapezoid), or the longest line inside with the lines shortening away from it
(diamond); never an hourglass.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import lru_cache

from unionoffice.domain.notice_text import text_width

_DOC_KINDS = ("通知", "决定", "意见", "报告", "函", "批复", "通报", "请示", "公告", "通告", "纪要")
_OPENING = "《“‘（(〔【「『"
_CLOSING = "》”’）)〕】」』，、；：。！？,;:!?"
_MEASURE = "年月日号届次项个名期批件条"  # 2021年, 100周年 … never split from their number
_MAX_LINES = 4
_TOLERANCE = 0.5  # 字: lines this close count as equally long
# Costs of a break before a token (lower is better).
_FREE, _JOINT, _WORD, _CHAR = 0.0, 1.0, 4.0, 12.0


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import rjieba  # a compiled extension: loaded only when a title needs breaking

    return rjieba


def title_words(title: str) -> list[str]:
    """The title's words; punctuation sticks to the word it belongs to, numbers to their unit."""
    words = [w for w in _segmenter().cut(title) if w]
    merged: list[str] = []
    for word in words:
        if merged and (
            word[0] in _CLOSING
            or merged[-1][-1] in _OPENING
            or (word[0] in _MEASURE and merged[-1][-1].isdigit())
            or (word.isdigit() and merged[-1][-1].isdigit())
        ):
            merged[-1] += word
        else:
            merged.append(word)
    return merged


def _break_costs(title: str, words: Sequence[str], organ: str | None) -> dict[int, float]:
    """Cost of breaking before each character index where a break is allowed."""
    costs: dict[int, float] = {}
    at = 0
    for word in words[:-1]:
        at += len(word)
        costs[at] = _WORD
    joints: set[int] = set()
    if organ and title.startswith(organ):
        joints.add(len(organ))
    for index, char in enumerate(title):
        if char in "《暨" or title.startswith("关于", index):
            joints.add(index)
        if char in "》，、；： \u3000":
            joints.add(index + 1)
    for kind in _DOC_KINDS:
        if title.endswith("的" + kind):
            joints.add(len(title) - len(kind) - 1)
    inside_quote = _inside_quotes(title)
    for index in list(costs):
        if index in joints:
            costs[index] = _FREE if index == len(organ or "\0") else _JOINT
        elif inside_quote[index]:
            costs[index] += 1.0  # keep a quoted name together where possible
    for kind in _DOC_KINDS:  # "…工作的" / "通知" reads badly
        if title.endswith("的" + kind):
            costs.pop(len(title) - len(kind), None)
    return costs


def _inside_quotes(title: str) -> list[bool]:
    """For each index: is a break before it inside “…” or 《…》."""
    depth, inside = 0, []
    for char in title:
        inside.append(depth > 0)
        if char in "“《":
            depth += 1
        elif char in "”》" and depth:
            depth -= 1
    inside.append(False)
    return inside


def is_good_shape(widths: Sequence[float]) -> bool:
    """An inverted trapezoid (each line at least as long as the next) or a diamond (the
    longest line inside, lines shortening away from it); one line is always good."""
    if len(widths) < 2:
        return True
    peak = max(range(len(widths)), key=lambda i: (widths[i], -i))
    rising = all(widths[i] <= widths[i + 1] + _TOLERANCE for i in range(peak))
    falling = all(widths[i] + _TOLERANCE >= widths[i + 1] for i in range(peak, len(widths) - 1))
    diamond = 0 < peak < len(widths) - 1
    return rising and falling and (peak == 0 or diamond or _nearly_equal(widths))


def _nearly_equal(widths: Sequence[float]) -> bool:
    return max(widths) - min(widths) <= _TOLERANCE


def _shape_penalty(widths: Sequence[float]) -> float:
    """Even steps read best; a last line of a word or two looks left over."""
    steps = sum((a - b) ** 2 for a, b in itertools.pairwise(widths)) / 16
    short = 3.0 if widths[-1] < 4 else 0.0
    return steps + short


def _best_split(
    title: str, costs: dict[int, float], width: float, count: int
) -> tuple[float, list[str]] | None:
    """The cheapest good shape of ``count`` lines, each at most ``width`` 字."""
    points = sorted(costs)
    best: tuple[float, list[str]] | None = None

    def extend(start: int, cuts: list[int]) -> None:
        nonlocal best
        left = count - 1 - len(cuts)
        if left == 0:
            bounds = (0, *cuts, len(title))
            lines = [title[a:b].strip() for a, b in itertools.pairwise(bounds)]
            widths = [text_width(line) for line in lines]
            if max(widths) > width or not all(lines) or not is_good_shape(widths):
                return
            score = sum(costs[c] for c in cuts) + _shape_penalty(widths)
            if best is None or score < best[0]:
                best = (score, lines)
            return
        for point in points:
            if point <= start:
                continue
            if text_width(title[start:point]) > width:
                break  # every later point makes this line longer still
            if text_width(title[point:]) <= left * width:  # the rest can still fit
                extend(point, [*cuts, point])

    extend(0, [])
    return best


def break_title(title: str, organ: str | None = None, chars_per_line: float = 20) -> list[str]:
    """The title's lines: one line if it fits, else the fewest lines of a good shape.

    Breaks between words first; only a title no word break can shape (a run of one long
    word) is broken between characters, and never inside an ASCII word or number.
    """
    title = re.sub(r"\s+", " ", title.strip())
    if text_width(title) <= chars_per_line:
        return [title]
    word_costs = _break_costs(title, title_words(title), organ)
    for count in range(2, _MAX_LINES + 1):
        found = _best_split(title, word_costs, chars_per_line, count)
        if found is not None:
            return found[1]
    char_costs = {i: word_costs.get(i, _CHAR) for i in _char_boundaries(title)}
    for count in range(2, _MAX_LINES + 2):
        found = _best_split(title, char_costs, chars_per_line, count)
        if found is not None:
            return found[1]
    return [title]


def _char_boundaries(title: str) -> list[int]:
    """Indexes between characters, except inside ASCII words and numbers."""
    return [
        i
        for i in range(1, len(title))
        if not (title[i - 1].isascii() and title[i - 1].isalnum() and title[i].isascii()
                and title[i].isalnum())
        and title[i] not in _CLOSING and title[i - 1] not in _OPENING
    ]  # fmt: skip
