"""What an item says in its own sentences when it carries no labels: the date it starts with
("3月8日（星期二）上午，在区工人文化宫举行…"), the deadline it ends with ("…，6月底前完成。"), and
for a dated event where it is held ("在…举行") and whom it invites ("邀请…参加").

Every pattern is anchored or bounded, so a long paragraph costs time in proportion to its length.
"""

from __future__ import annotations

import re

from unionoffice.domain.deadline import parse_deadline

_DAY = r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|初|中|底|末)?份?"
_LATER_DAY = r"(?:(?:\d{4}年)?\d{1,2}月)?(?:\d{1,2}[日号])?(?:上旬|中旬|下旬|初|中|底|末)?"
_WEEKDAY = r"(?:[（(](?:星期|礼拜|周)[一二三四五六日天][）)])?"
_PART = r"(?:凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|全天)?"
_CLOCK = r"(?:\d{1,2}(?:[:：]\d{2}|[时点](?:\d{1,2}分|半)?))?"
_WHEN = (
    rf"{_DAY}{_WEEKDAY}{_PART}{_CLOCK}"
    rf"(?:(?:至|到|—|-|～|或)(?=[\d上下晚中早凌])(?:{_LATER_DAY}{_WEEKDAY}{_PART}{_CLOCK}))?"
)
_DATE_PREFIX_RE = re.compile(rf"^(?P<when>{_WHEN})[，,、\s]\s*")
_DONE_RE = re.compile(
    r"[，,；;]\s*(?:并|于|在|力争|确保|务必|争取|要)?(?P<when>[^，,；;。！？]{2,16}?)"
    r"(?:全面|基本|全部|如期)?(?:完成|结束|办结|完工|到位)(?P<tail>[^，,；;。！？]{0,8})$"
)
_DONE_WORDS_RE = re.compile("完成|结束|办结|完工|到位")
_PLACE_RE = re.compile(r"在(?P<place>[^，,。；;、在]{2,20}?)(?:举办|举行|召开|开展|进行)")
_INVITED_RE = re.compile(r"邀请(?P<who>[^，,。；;]{2,30}?)(?:参加|出席|参会)")
_SENTENCE_END = "。！？!?"
_SENTENCE_RE = re.compile(f"[^{_SENTENCE_END}]+")


def split_date_prefix(text: str) -> tuple[str, str] | None:
    """ "3月1日至3月10日，在区文化馆举办…" -> ("3月1日至3月10日", "在区文化馆举办…"), or None
    when the item does not start with a date."""
    if not text[:1].isdigit():
        return None  # the common case, decided at once
    match = _DATE_PREFIX_RE.match(text)
    if match is None or parse_deadline(match["when"], 2000) is None:
        return None
    return match["when"], text[match.end() :]


def sentence_deadline(text: str) -> tuple[str, int] | None:
    """The deadline at the end of a sentence ("…，6月底前完成。" -> "6月底前") and where its
    clause starts in ``text``; the last such sentence counts."""
    found: tuple[str, int] | None = None
    for sentence in _SENTENCE_RE.finditer(text):
        if not _DONE_WORDS_RE.search(sentence[0]):
            continue
        match = _DONE_RE.search(sentence[0])
        if match is not None and parse_deadline(match["when"], 2000) is not None:
            found = (match["when"], sentence.start() + match.start())
    return found


def first_clause(text: str) -> str:
    """The text up to its first comma or sentence end: the title of a dated item."""
    match = re.search(r"[，,；;。！？!?]", text)
    return (text[: match.start()] if match else text).strip()


def place_in_prose(text: str) -> str:
    """Where a dated event is held: "在区工人文化宫举行…" -> "区工人文化宫"."""
    match = _PLACE_RE.search(first_sentence_of(text))
    return match["place"] if match else ""


def invited(text: str) -> str:
    """Whom a dated event invites: "邀请各单位女职委主任参加" -> "各单位女职委主任"."""
    match = _INVITED_RE.search(text)
    return match["who"] if match else ""


def first_sentence_of(text: str) -> str:
    """The text up to its first sentence end."""
    match = re.search(f"[{_SENTENCE_END}]", text)
    return text[: match.start()] if match else text
