"""Chinese numerals as clerks write them: 一 … 九十九 in headings, 二〇二一 in dates."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
# OCR and hurried typing mix Arabic digits into written years: 二0二0.
_DIGIT_VALUES = (
    {ch: i for i, ch in enumerate(_DIGITS)}
    | {"〇": 0, "○": 0, "O": 0, "两": 2}
    | {str(i): i for i in range(10)}
)

FULLWIDTH_TO_ASCII = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
)

CHINESE_NUMERAL_CHARS = "零〇○一二三四五六七八九十百两"


class ChineseNumeralError(ValueError):
    """Raised for text that is not a Chinese numeral this module understands."""


def int_to_chinese(value: int) -> str:
    """Write 1 … 999 the way headings number them: 一, 十, 十一, 二十一, 一百零五."""
    if not 0 < value < 1000:
        raise ValueError(f"only 1..999 can be written as a heading numeral, not {value}")
    hundreds, rest = divmod(value, 100)
    tens, ones = divmod(rest, 10)
    parts: list[str] = []
    if hundreds:
        parts.append(_DIGITS[hundreds] + "百")
        if tens == 0 and ones:
            parts.append("零")
    if tens:
        # 十一 at the start, but 一百一十一 inside a larger number.
        parts.append(("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十")
    if ones:
        parts.append(_DIGITS[ones])
    return "".join(parts)


def chinese_to_int(text: str) -> int:
    """Read a Chinese numeral: 十二, 二十一, 一百零五, 两, or a digit string such as 二〇二一."""
    text = text.strip()
    if not text:
        raise ChineseNumeralError("empty numeral")
    if text.isdigit():
        return int(text.translate(FULLWIDTH_TO_ASCII))
    if all(ch in _DIGIT_VALUES for ch in text) and len(text) > 1:
        # Positional form used for years: 二〇二一 -> 2021.
        return int("".join(str(_DIGIT_VALUES[ch]) for ch in text))
    total = 0
    current = 0
    seen_unit = False
    for ch in text:
        if ch in _DIGIT_VALUES:
            current = _DIGIT_VALUES[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
            seen_unit = True
        elif ch == "百":
            if not current:
                raise ChineseNumeralError(f"百 without a digit in {text!r}")
            total += current * 100
            current = 0
            seen_unit = True
        else:
            raise ChineseNumeralError(f"not a Chinese numeral: {text!r}")
    total += current
    if total == 0 and not seen_unit and text not in ("零", "〇", "○"):
        raise ChineseNumeralError(f"not a Chinese numeral: {text!r}")
    return total
