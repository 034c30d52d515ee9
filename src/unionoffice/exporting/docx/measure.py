"""Text widths in characters, and breaking a long title into balanced lines.

GB/T 9704 wants a long title in a trapezoid or diamond, broken only between words. Without a
dictionary, titles are broken only where official titles have joints: after the organ's name,
before 关于 and 暨, around 《》, after a comma or closing quote and before 的通知.
"""

from __future__ import annotations

import itertools
import unicodedata

TITLE_CHARS_PER_LINE = 20  # 156 mm / 22 pt
_DOC_KINDS = ("通知", "决定", "意见", "报告", "函", "批复", "通报", "请示", "公告", "通告", "纪要")


def text_width(text: str) -> float:
    """Width in characters of the font size: CJK, full-width and ambiguous (“”) 1, ASCII ½."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WFA" else 0.5 for ch in text)


def _joints(title: str, organ: str | None) -> list[int]:
    """Indexes before which a title may break."""
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
    """The title's lines: one line if it fits, else the most even split at joints.

    Returns the title as one line when no split at joints fits (Word then wraps it).
    """
    title = title.strip()
    if text_width(title) <= chars_per_line:
        return [title]
    joints = _joints(title, organ)
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
