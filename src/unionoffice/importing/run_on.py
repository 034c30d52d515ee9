"""Notices copied from a web page with no line breaks at all: the lines are found again by
their marks.

A run-on line is cut before the 文号 and after the 标志, after the title ("…的通知") where the
主送机关 follow up to their colon, before each heading number that comes in sequence (一、 二、 …,
（一） （二） …, 1. 2. …) where a sentence ended or a section name follows ("二、活动内容（一）…"),
after a section name that runs into its paragraph ("一、总体要求以…"), before a plan's own title,
before 附件 / 抄送 / 联系人, and before the 署名 and 成文日期 at the end. One pass over the line.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from unionoffice.domain.chinese_numerals import ChineseNumeralError, chinese_to_int
from unionoffice.domain.text import nfc
from unionoffice.importing.document import Element
from unionoffice.importing.patterns import (
    ACTIVITY_SECTION_WORDS,
    LABELS,
    NON_ACTIVITY_SECTION_WORDS,
    TITLE_ENDINGS,
    ends_like_title,
)

MIN_RUN_ON = 200  # shorter lines are paragraphs, whatever marks they carry
_SENTENCE_END = "。；：！？）)"
_CN = "一二三四五六七八九十"
_MARK_RE = re.compile(
    rf"(?P<l1>(?<![{_CN}])[{_CN}]{{1,3}}、)"
    rf"|(?P<l2>[（(][{_CN}]{{1,3}}[）)])"
    r"|(?P<l3>(?<![\d.．])\d{1,2}[.．、](?![\d%]))"
    r"|(?P<l4>[（(]\d{1,2}[）)])"
)
_LEVEL_ONE_RE = re.compile(rf"(?<![{_CN}])([{_CN}]{{1,3}})、")
_HEAD_RE = re.compile(
    r"^(?P<mark>[^，。：；\s]{2,30}?文件)?"
    r"(?P<number>[^\s，。：；]{1,12}?[〔\[［][0-9]{4}[〕\]］]第?[0-9]{1,4}号)?"
)
_TITLE_END_RE = re.compile(f"(?:的)?(?:{'|'.join(TITLE_ENDINGS)})")
_RECIPIENT_WORDS = ("工会", "单位", "部门", "部室", "机关", "委员会", "党委", "党组", "政府", "各")
_TAIL_RE = re.compile(
    r"(?P<signature>[^，。；：！？\s]{2,30}?)?"
    r"(?P<date>(?:\d{4}|[〇○零一二三四五六七八九]{4})年\d{1,2}月\d{1,2}日)$"
)
_BREAK_BEFORE_RE = re.compile(r"(?<=[。；！？])(?=附件[：:\d]|抄送[：:]|联系人[：:]|特此通知)")
_SECTION_WORDS = tuple(
    sorted(
        {*ACTIVITY_SECTION_WORDS, *NON_ACTIVITY_SECTION_WORDS, *LABELS["deadline"][:14],
         *LABELS["place"], *LABELS["participants"]},
        key=len,
        reverse=True,
    )
)  # fmt: skip


def split_run_on(elements: Iterable[Element]) -> list[Element]:
    """The elements with every run-on line cut into the lines it should have had."""
    out: list[Element] = []
    first = True  # only the text's first line can start with a title and its 主送机关
    for element in elements:
        if isinstance(element, str) and len(element) >= MIN_RUN_ON:
            line = nfc(element).strip()
            out.extend(_cut(line) if _looks_run_on(line, first) else [element])
        else:
            out.append(element)
        first = first and not (isinstance(element, str) and element.strip())
    return out


def _looks_run_on(line: str, first: bool) -> bool:
    """The text's first line with a title and its 主送机关, or a line with level-1 headings
    in sequence (一、 … 二、)."""
    if first:
        head = _HEAD_RE.match(line)
        start = head.end() if head else 0
        colon = line.find("：", start, start + 300)
        if colon > 0 and _title_end(line, start, colon) is not None:
            return True
    expected = 1
    for match in _LEVEL_ONE_RE.finditer(line):
        if _value(match[1]) == expected:
            expected += 1
            if expected > 2:
                return True
    return False


def _cut(line: str) -> list[str]:
    cuts: set[int] = set()
    start = 0
    head = _HEAD_RE.match(line)
    if head is not None:
        for name in ("mark", "number"):
            if head[name]:
                cuts.add(head.end(name))
                start = head.end(name)
    colon = line.find("：", start, start + 300)
    if colon > 0 and (title_end := _title_end(line, start, colon)) is not None:
        cuts.update((title_end, colon + 1))
    _heading_cuts(line, cuts)
    cuts.update(m.start() for m in _BREAK_BEFORE_RE.finditer(line))
    tail = _TAIL_RE.search(line)
    if tail is not None:
        if tail["signature"] and _after_sentence(line, tail.start()):
            cuts.add(tail.start("signature"))
        cuts.add(tail.start("date"))
    pieces = _pieces(line, cuts)
    return [p for piece in pieces for p in _plan_title(piece) if p]


def _title_end(line: str, start: int, colon: int) -> int | None:
    """Where the title ends before the 主送机关 ("…的通知|各县总工会："), outside 《》: the last
    place that leaves 主送机关 behind it ("…活动安排的通知", not "…活动安排")."""
    found = None
    for match in _TITLE_END_RE.finditer(line, start, colon):
        before = line[start : match.start()]
        if before.count("《") > before.count("》"):
            continue  # inside the quoted title of the document a notice sends out
        recipients = line[match.end() : colon]
        title = line[start : match.end()]
        if (
            recipients
            and "。" not in recipients
            and len(recipients) <= 150
            and any(word in recipients for word in _RECIPIENT_WORDS)
            and ("关于" in title or len(title) <= 40)
        ):
            found = match.end()
    return found


def _heading_cuts(line: str, cuts: set[int]) -> None:
    counts = [0, 0, 0, 0, 0]
    for match in _MARK_RE.finditer(line):
        level = next(n for n in (1, 2, 3, 4) if match[f"l{n}"])
        value = _value(match[0].strip("（()）、.．"))
        if value is None or value not in (counts[level] + 1, 1):
            continue
        position = match.start()
        after = line[match.end() : match.end() + 12]
        word = next((w for w in _SECTION_WORDS if after.startswith(w)), None)
        boundary = position in cuts or _after_sentence(line, position)
        if level == 1 and not (boundary or word):
            continue
        if level >= 3 and not boundary:
            continue
        if level == 2 and value != counts[2] + 1 and not boundary:
            continue
        cuts.add(position)
        counts[level] = value
        for deeper in range(level + 1, 5):
            counts[deeper] = 0
        if word and level <= 2:
            end = match.end() + len(word)
            if end < len(line) and line[end] not in "：:，。（(":
                cuts.add(end)  # "一、总体要求以习近平…": the section name is its own line


def _after_sentence(line: str, position: int) -> bool:
    return position == 0 or line[position - 1] in _SENTENCE_END


def _value(numeral: str) -> int | None:
    try:
        return chinese_to_int(numeral)
    except ChineseNumeralError:
        return None


def _pieces(line: str, cuts: set[int]) -> list[str]:
    points = sorted(c for c in cuts if 0 < c < len(line))
    bounds = [0, *points, len(line)]
    return [line[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _plan_title(piece: str) -> list[str]:
    """ "…请认真组织实施。丹霞市…活动方案" -> the sentence, then the plan's title on its own."""
    cut = piece.rfind("。")
    if 0 < cut < len(piece) - 1:
        rest = piece[cut + 1 :]
        if len(rest) <= 60 and ends_like_title(rest):
            return [piece[: cut + 1], rest]
    return [piece]
