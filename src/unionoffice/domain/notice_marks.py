"""The marks above the 发文机关标志 (份号, 密级和保密期限, 紧急程度) and the 签发人 line of an
upward notice, as GB/T 9704-2012 7.2.1–7.2.5 writes them.

The page preview and the Word export both take their text from here.
"""

from __future__ import annotations

from unionoffice.domain.notice import NoticeData

SECRECY_LEVELS = ("秘密", "机密", "绝密")
URGENCY_LEVELS = ("加急", "特急")
COPY_NUMBER_DIGITS = 6
ISSUER_LABEL = "签发人："


def format_copy_number(value: str) -> str:
    """份号 as six Arabic digits (000123); text that is not a number is kept as written."""
    text = value.strip()
    if text.isascii() and text.isdigit() and len(text) <= COPY_NUMBER_DIGITS:
        return text.zfill(COPY_NUMBER_DIGITS)
    return text


def format_secrecy(level: str, term: str = "") -> str:
    """密级和保密期限: 秘密★1年; the level alone without a term; nothing without a level."""
    level, term = level.strip(), term.strip().lstrip("★")
    if not level:
        return ""
    return f"{level}★{term}" if term else level


def header_marks(notice: NoticeData) -> list[str]:
    """The lines flush left above the 标志, top down: 份号, 密级和保密期限, 紧急程度."""
    marks = [
        format_copy_number(notice.copy_number),
        format_secrecy(notice.secrecy, notice.secrecy_term),
        notice.urgency.strip(),
    ]
    return [mark for mark in marks if mark]


def issuer_names(notice: NoticeData) -> list[str]:
    """The 签发人 names, in order ("张三 李四" and "张三、李四" alike)."""
    text = notice.issuer.replace("、", " ").replace("，", " ").replace(",", " ")
    return text.split()


def issuer_text(notice: NoticeData) -> str:
    """签发人：张三 李四 (the names in 楷体, the label in 仿宋), or "" for no 签发人."""
    names = issuer_names(notice)
    return ISSUER_LABEL + NAME_GAP.join(names) if names else ""


NAME_GAP = "\u3000"
NAMES_PER_ROW = 2


def issuer_rows(notice: NoticeData) -> list[str]:
    """The 签发人 names two to a row, left to right and top down (GB/T 9704 7.2.5)."""
    names = issuer_names(notice)
    return [
        NAME_GAP.join(names[start : start + NAMES_PER_ROW])
        for start in range(0, len(names), NAMES_PER_ROW)
    ]
