"""发文字号 (文号): 机关代字〔年份〕序号号, formatted by GB/T 9704-2012 and parsed leniently."""

from __future__ import annotations

import re
from dataclasses import dataclass

from unionoffice.domain.errors import UnionOfficeError
from unionoffice.domain.text import collapse_spaces, to_ascii_digits

MIN_YEAR = 1949
MAX_YEAR = 2200
# The busiest series of a provincial federation gives a few hundred numbers a year; a number
# beyond this is a typing slip (100000000 for 100), refused before it leaves a huge gap.
MAX_NUMBER = 99_999

# 机关代字: Chinese characters, optionally with Latin letters or digits inside (e.g. 青工发, 工办).
_SERIES_CODE_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]*$")

# Brackets clerks type around the year instead of the correct 六角括号 〔〕.
_OPENING = "〔[【(（［〖{「"
_CLOSING = "〕]】)）］〗}」"
_DOC_NUMBER_RE = re.compile(
    rf"^(?P<code>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9]*?)"
    rf"[{re.escape(_OPENING)}](?P<year>\d{{4}})[{re.escape(_CLOSING)}]"
    r"第?(?P<number>\d+)号?$"
)
# Somewhere inside a longer line, e.g. "青总办〔2021〕15号" on a header line with other text.
_DOC_NUMBER_SEARCH_RE = re.compile(
    rf"(?P<code>[\u4e00-\u9fff]{{1,12}})\s*[{re.escape(_OPENING)}]\s*(?P<year>[0-9０-９]{{4}})\s*"
    rf"[{re.escape(_CLOSING)}]\s*第?\s*(?P<number>[0-9０-９]+)\s*号"
)


class DocNumberError(UnionOfficeError, ValueError):
    """A 文号, 机关代字 or number that cannot be used; the message is for the clerk."""


def validate_series_code(code: str) -> str:
    """Return the 机关代字 without spaces, or raise DocNumberError."""
    cleaned = collapse_spaces(code)
    if not cleaned or not _SERIES_CODE_RE.match(cleaned):
        raise DocNumberError(f"机关代字“{code}”无效：应由汉字组成，如“青总办”")
    if len(cleaned) > 20:
        raise DocNumberError(f"机关代字“{code}”过长")
    return cleaned


def validate_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DocNumberError(f"年份 {year} 无效：应为四位年份，如 2021")
    return year


def validate_number(number: int) -> int:
    if number < 1:
        raise DocNumberError(f"序号 {number} 无效：文号序号从 1 开始")
    if number > MAX_NUMBER:
        shown = f" {number}" if number < 10**12 else ""
        raise DocNumberError(f"序号{shown}过大：文号序号最大为 {MAX_NUMBER}，请检查是否多输了数字")
    return number


NumberRun = tuple[int, int]  # first and last number of a run, both included


def missing_runs(taken: list[int] | set[int], below: int) -> list[NumberRun]:
    """The runs of numbers from 1 to ``below`` (included) that are not ``taken``.

    As runs, not lists: a gap of a hundred thousand numbers is one pair.
    """
    runs: list[NumberRun] = []
    expected = 1
    for number in sorted(n for n in set(taken) if 1 <= n <= below):
        if number > expected:
            runs.append((expected, number - 1))
        expected = number + 1
    if expected <= below:
        runs.append((expected, below))
    return runs


def describe_runs(runs: list[NumberRun]) -> str:
    """[(6, 8), (12, 12)] -> "6—8号、12号"."""
    return "、".join(f"{a}号" if a == b else f"{a}—{b}号" for a, b in runs)


@dataclass(frozen=True, order=True)
class DocNumber:
    """One 发文字号: 机关代字, year and sequence number."""

    series_code: str
    year: int
    number: int

    def __post_init__(self) -> None:
        validate_series_code(self.series_code)
        validate_year(self.year)
        validate_number(self.number)

    def __str__(self) -> str:
        return format_doc_number(self.series_code, self.year, self.number)


def format_doc_number(series_code: str, year: int, number: int) -> str:
    """The standard's form, 青总办〔2021〕15号: 六角括号, full year, no leading zero, no 第."""
    return f"{series_code}〔{year}〕{number}号"


def parse_doc_number(text: str) -> DocNumber:
    """Read a 文号 as clerks type it and return the normalised value.

    Accepts [2021], 【2021】, (2021), （2021）, 〔2021〕第15号, full-width digits, stray spaces,
    leading zeros and a missing trailing 号.
    """
    cleaned = to_ascii_digits(collapse_spaces(text))
    match = _DOC_NUMBER_RE.match(cleaned)
    if not match:
        raise DocNumberError(f"无法识别文号“{text}”，正确格式如“青总办〔2021〕15号”")
    return DocNumber(
        series_code=validate_series_code(match["code"]),
        year=validate_year(int(match["year"])),
        number=validate_number(_bounded_int(match["number"])),
    )


def find_doc_number(text: str) -> DocNumber | None:
    """The first 文号 written anywhere in a line of text, or None."""
    for match in _DOC_NUMBER_SEARCH_RE.finditer(text):
        try:
            return DocNumber(
                match["code"],
                int(to_ascii_digits(match["year"])),
                _bounded_int(to_ascii_digits(match["number"])),
            )
        except DocNumberError:
            continue
    return None


def _bounded_int(digits: str) -> int:
    """The number written, without converting thousands of digits (Python refuses past 4300)."""
    digits = digits.lstrip("0") or "0"
    if len(digits) > 18:
        return 10**18  # refused by validate_number like any other number too large
    return int(digits)
